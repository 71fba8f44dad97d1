import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReminderSettingsDto } from '@kaoping/contracts';
import ReminderSettingsPage from './index';
import { templatesToRequest } from './subscribe';

const mockPlatform = { name: 'weapp' as 'weapp' | 'h5', requestSubscribe: jest.fn() };
jest.mock('../../../../platform', () => ({
  get platform() {
    return mockPlatform;
  },
}));

const request = Taro.request as jest.Mock;
const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });

const SETTINGS: ReminderSettingsDto = {
  bound: true,
  longTerm: false,
  kinds: [
    { kind: 'diary', label: '工作日记', description: '工作日当天下班前仍未填写工作日记时提醒', enabled: true, templateId: 'tmpl-diary', wechat: 'not_subscribed', remaining: 0 },
    { kind: 'incident', label: '考评事件与申诉', description: '申诉期即将结束时提醒', enabled: true, templateId: 'tmpl-todo', wechat: 'subscribed', remaining: 2 },
    { kind: 'survey', label: '测评邀请', description: '民主测评即将截止时提醒', enabled: true, templateId: null, wechat: 'no_template', remaining: 0 },
  ],
};

beforeEach(() => {
  mockPlatform.name = 'weapp';
  mockPlatform.requestSubscribe.mockReset();
});

describe('提醒设置', () => {
  it('lists the kinds with their WeChat state; a tap turns a kind off', async () => {
    request.mockResolvedValueOnce(ok(SETTINGS));
    render(<ReminderSettingsPage />);
    expect(await screen.findByText('工作日记')).toBeTruthy();
    expect(screen.getByText('微信提醒：未订阅（仅站内消息）')).toBeTruthy();
    expect(screen.getByText('微信提醒：已订阅，还可收到 2 条')).toBeTruthy();
    expect(screen.getByText('仅站内消息')).toBeTruthy();

    const off = { ...SETTINGS, kinds: SETTINGS.kinds.map((k) => (k.kind === 'diary' ? { ...k, enabled: false } : k)) };
    request.mockResolvedValueOnce(ok(off));
    fireEvent.click(screen.getByTestId('reminder-toggle-diary'));
    await waitFor(() => expect(screen.getByTestId('reminder-state-diary').textContent).toBe('已关闭'));
    expect(request.mock.calls[1][0]).toMatchObject({ url: 'https://api.test/api/reminders/settings', method: 'POST', data: { kind: 'diary', enabled: false } });
  });

  it('订阅微信提醒 asks WeChat for the enabled templates and records what was accepted', async () => {
    request.mockResolvedValueOnce(ok(SETTINGS));
    render(<ReminderSettingsPage />);
    const button = await screen.findByTestId('subscribe-wechat');
    mockPlatform.requestSubscribe.mockResolvedValueOnce({ accepted: ['tmpl-diary'], rejected: ['tmpl-todo'] });
    request.mockResolvedValueOnce(ok({ ...SETTINGS, kinds: SETTINGS.kinds.map((k) => (k.kind === 'diary' ? { ...k, wechat: 'subscribed', remaining: 1 } : k)) }));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText('微信提醒：已订阅，还可收到 1 条')).toBeTruthy());
    // not-yet-subscribed first, no template twice, none for the kind without a template
    expect(mockPlatform.requestSubscribe).toHaveBeenCalledWith(['tmpl-diary', 'tmpl-todo']);
    expect(request.mock.calls[1][0]).toMatchObject({ url: 'https://api.test/api/reminders/consent', method: 'POST', data: { accepted: ['tmpl-diary'], rejected: ['tmpl-todo'] } });
  });

  it('on H5 it explains that WeChat messages need the mini-program, and offers no subscription', async () => {
    mockPlatform.name = 'h5';
    request.mockResolvedValueOnce(ok(SETTINGS));
    render(<ReminderSettingsPage />);
    expect((await screen.findByTestId('reminders-h5-hint')).textContent).toContain('微信消息提醒需要在微信小程序中订阅');
    expect(screen.queryByTestId('subscribe-wechat')).toBeNull();
  });

  it('an error loading shows 重试', async () => {
    request.mockResolvedValueOnce({ statusCode: 500, data: { statusCode: 500, code: 'INTERNAL', message: '服务出错' }, header: {} });
    render(<ReminderSettingsPage />);
    expect(await screen.findByText('服务出错')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('asks for at most three templates, skipping turned-off kinds and unbound users', () => {
    const many: ReminderSettingsDto = {
      ...SETTINGS,
      kinds: ['a', 'b', 'c', 'd'].map((id, i) => ({ ...SETTINGS.kinds[0]!, kind: (['diary', 'leave_approval', 'incident', 'monthly_report'] as const)[i]!, templateId: `t-${id}` })),
    };
    expect(templatesToRequest(many)).toEqual(['t-a', 't-b', 't-c']);
    expect(templatesToRequest({ ...many, kinds: many.kinds.map((k) => ({ ...k, enabled: k.templateId !== 't-a' })) })).toEqual(['t-b', 't-c', 't-d']);
    expect(templatesToRequest({ ...many, kinds: many.kinds.map((k) => ({ ...k, wechat: 'not_bound' as const })) })).toEqual([]);
  });
});

import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { LoginResult, Persona } from '@kaoping/contracts';
import LoginPage from './index';
import { ROUTES } from '../../services/routes';
import { getSession } from '../../services/session';

const request = Taro.request as jest.Mock;

const PERSONAS: Persona[] = [
  { personId: 'p-chief', name: '王建国', role: 'chief', position: 'chief', sectionName: '执法一处', title: '执法一处 处长', featured: true },
  { personId: 'p-office', name: '李敏', role: 'office', position: 'staff', sectionName: '监察室', title: '监察室 科员', featured: true },
  { personId: 'p-staff', name: '赵小刚', role: 'staff', position: 'staff', sectionName: '执法一处', title: '执法一处 科员', featured: false },
];

const LOGIN: LoginResult = {
  kind: 'access',
  token: 'jwt-chief',
  expiresIn: 3600,
  me: {
    kind: 'person',
    id: 'p-chief',
    name: '王建国',
    role: 'chief',
    position: 'chief',
    sectionId: 's1',
    sectionName: '执法一处',
    branchSecretary: true,
  },
};

type Route = { statusCode: number; data: unknown } | 'offline';

/** Answers Taro.request by "METHOD path". */
function api(routes: Record<string, Route>) {
  request.mockImplementation(async (opts: { url: string; method: string }) => {
    const path = opts.url.replace('https://api.test', '').split('?')[0];
    const route = routes[`${opts.method} ${path}`];
    if (!route) return { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '未找到' } };
    if (route === 'offline') throw { errMsg: 'request:fail' };
    return { ...route, header: {} };
  });
}

beforeEach(() => {
  Taro.removeStorageSync('kaoping.token');
  Taro.removeStorageSync('kaoping.me');
});

describe('login page on H5: persona picker', () => {
  it('shows featured personas first as cards with title and role label', async () => {
    api({ 'GET /api/auth/dev/personas': { statusCode: 200, data: PERSONAS } });
    render(<LoginPage />);

    const chief = await screen.findByTestId('persona-card-p-chief');
    expect(within(chief).getByText('王建国')).toBeTruthy();
    expect(within(chief).getByText('执法一处 处长')).toBeTruthy();
    expect(within(chief).getByText('处室负责人')).toBeTruthy();
    expect(chief.getAttribute('data-persona-role')).toBe('chief');
    expect(screen.getByTestId('persona-card-p-office')).toBeTruthy();
    // Not featured: only in the full list, grouped by section.
    expect(screen.queryByTestId('persona-card-p-staff')).toBeNull();
    expect(screen.getByTestId('persona-row-p-staff')).toBeTruthy();
    expect(screen.getByText('全部人员（3）')).toBeTruthy();
  });

  it('tapping a featured persona logs in as them, keeps the session and relaunches home', async () => {
    api({
      'GET /api/auth/dev/personas': { statusCode: 200, data: PERSONAS },
      'POST /api/auth/dev': { statusCode: 200, data: LOGIN },
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByTestId('persona-card-p-chief'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.home }));
    const post = request.mock.calls.find(([o]) => o.method === 'POST')[0];
    expect(post.url).toBe('https://api.test/api/auth/dev');
    expect(post.data).toEqual({ personId: 'p-chief' });
    expect(getSession()).toEqual({ token: 'jwt-chief', me: LOGIN.me });
  });

  it('filters the full list by the search box', async () => {
    api({ 'GET /api/auth/dev/personas': { statusCode: 200, data: PERSONAS } });
    render(<LoginPage />);
    await screen.findByTestId('persona-row-p-staff');

    act(() => {
      fireEvent.change(screen.getByPlaceholderText('搜索姓名、处室或职务'), { target: { value: '监察' } });
    });

    expect(screen.queryByTestId('persona-row-p-staff')).toBeNull();
    expect(screen.getByTestId('persona-row-p-office')).toBeTruthy();
  });

  it('shows "请在微信中打开" and a citizen entry when demo login is off (404)', async () => {
    api({});
    render(<LoginPage />);
    expect(await screen.findByText('请在微信中打开')).toBeTruthy();
    expect(screen.getByTestId('citizen-entry').textContent).toBe('市民入口');
  });

  it('shows the offline state with 重试, and retries', async () => {
    api({ 'GET /api/auth/dev/personas': 'offline' });
    render(<LoginPage />);
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeTruthy();

    api({ 'GET /api/auth/dev/personas': { statusCode: 200, data: PERSONAS } });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByTestId('persona-card-p-chief')).toBeTruthy();
  });

  it('logs a citizen in with the device id', async () => {
    api({
      'POST /api/auth/citizen': {
        statusCode: 200,
        data: { ...LOGIN, token: 'jwt-citizen', me: { ...LOGIN.me, kind: 'citizen', role: 'citizen', name: '市民' } },
      },
    });
    render(<LoginPage />);
    fireEvent.click(await screen.findByTestId('citizen-entry'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.home }));
    const post = request.mock.calls.find(([o]) => o.method === 'POST')[0];
    expect(post.data.deviceId).toMatch(/^dev-/);
    expect(getSession()?.me.role).toBe('citizen');
  });
});

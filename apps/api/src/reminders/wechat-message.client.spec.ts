import { startFakeWechat, type FakeWechat } from '../../test/support/fake-wechat.js';
import { TOKEN_MARGIN_MS, WechatMessageClient, type WechatMessageConfig } from './wechat-message.client.js';

describe('WechatMessageClient against a local fake WeChat server', () => {
  let fake: FakeWechat;
  let clock: number;
  const sleeps: number[] = [];

  const client = (over: Partial<WechatMessageConfig> = {}) =>
    new WechatMessageClient(
      { baseUrl: fake.baseUrl, appid: 'wx-test-appid', secret: 'test-secret', timeoutMs: 300, miniprogramState: 'formal', retries: 2, retryBaseMs: 100, ...over },
      {
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    );
  const message = (touser: string) => ({
    touser,
    templateId: 'tmpl-diary',
    page: 'subpackages/officer/pages/diary/index',
    data: { thing1: { value: '今日工作日记未填写' }, time2: { value: '2025年9月15日 17:00' } },
  });

  beforeAll(async () => {
    fake = await startFakeWechat();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    clock = Date.UTC(2025, 8, 15, 9, 0);
    sleeps.length = 0;
    fake.tokenCalls.length = 0;
    fake.sends.length = 0;
  });

  it('successful-send: fetches a stable token once and sends touser, template_id, page, data and miniprogram_state', async () => {
    const c = client({ miniprogramState: 'trial' });
    expect(await c.send(message('o-yang'))).toEqual({ outcome: 'sent', attempts: 1 });
    expect(await c.send(message('o-xiang'))).toEqual({ outcome: 'sent', attempts: 1 });
    expect(fake.tokenCalls).toEqual([{ appid: 'wx-test-appid', secret: 'test-secret', force_refresh: false }]);
    expect(fake.sends).toHaveLength(2);
    expect(fake.sends[0]!.body).toEqual({
      touser: 'o-yang',
      template_id: 'tmpl-diary',
      page: 'subpackages/officer/pages/diary/index',
      data: { thing1: { value: '今日工作日记未填写' }, time2: { value: '2025年9月15日 17:00' } },
      miniprogram_state: 'trial',
      lang: 'zh_CN',
    });
    expect(fake.sends[0]!.token).toBe(fake.sends[1]!.token);
  });

  it('keeps the token until shortly before it expires, then fetches it again', async () => {
    const c = client();
    await c.send(message('o-a'));
    clock += 7200_000 - TOKEN_MARGIN_MS - 1;
    await c.send(message('o-b'));
    expect(fake.tokenCalls).toHaveLength(1);
    clock += 2;
    await c.send(message('o-c'));
    expect(fake.tokenCalls).toHaveLength(2);
  });

  it('expired token (42001): refreshes the token and retries once, successfully', async () => {
    const c = client();
    await c.send(message('o-a'));
    const first = fake.sends[0]!.token;
    fake.expireTokens();
    expect(await c.send(message('o-b'))).toEqual({ outcome: 'sent', attempts: 2 });
    expect(fake.sends.slice(1).map((s) => s.token)).toEqual([first, expect.not.stringMatching(first)]);
    expect(fake.tokenCalls.map((t) => t.force_refresh)).toEqual([false, false]);
    expect(sleeps).toEqual([]);
  });

  it('invalid token (40001) that WeChat keeps handing back: forces a refresh, retries once', async () => {
    const c = client();
    await c.send(message('o-a'));
    fake.revokeTokenSilently();
    expect(await c.send(message('o-b'))).toEqual({ outcome: 'sent', attempts: 2 });
    expect(fake.tokenCalls.map((t) => t.force_refresh)).toEqual([false, false, true]);
  });

  it('user refused (43101): recorded as refused, not retried', async () => {
    const res = await client().send(message('refuse-o-1'));
    expect(res).toMatchObject({ outcome: 'refused', attempts: 1, errcode: 43101 });
    expect(fake.sends).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a busy answer (-1) is retried with backoff; a busy server gives up after the bounded retries', async () => {
    expect(await client().send(message('flaky-o-1'))).toEqual({ outcome: 'sent', attempts: 2 });
    expect(sleeps).toEqual([100]);
    sleeps.length = 0;
    fake.sends.length = 0;
    expect(await client().send(message('busy-o-1'))).toMatchObject({ outcome: 'failed', attempts: 3, errcode: -1, transient: true });
    expect(fake.sends).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('timeout and HTTP errors: retried, then failed with the reason', async () => {
    const slow = await client({ retries: 1 }).send(message('slow-o-1'));
    expect(slow).toMatchObject({ outcome: 'failed', attempts: 2, errcode: null, transient: true });
    expect((slow as { detail: string }).detail).toContain('超时');
    const http = await client({ retries: 0 }).send(message('http500-o-1'));
    expect(http).toMatchObject({ outcome: 'failed', attempts: 1, transient: true });
    expect((http as { detail: string }).detail).toContain('HTTP 500');
  });

  it('an error retrying cannot fix (40037) fails at once', async () => {
    expect(await client().send(message('badtpl-o-1'))).toMatchObject({ outcome: 'failed', attempts: 1, errcode: 40037, transient: false });
    expect(sleeps).toEqual([]);
  });

  it('server down: no token, failed after the retries without a send', async () => {
    const down = new WechatMessageClient(
      { baseUrl: 'http://127.0.0.1:9', appid: 'a', secret: 'b', timeoutMs: 300, miniprogramState: 'formal', retries: 2, retryBaseMs: 10 },
      { sleep: async (ms) => void sleeps.push(ms) },
    );
    const res = await down.send(message('o-a'));
    expect(res).toMatchObject({ outcome: 'failed', attempts: 0, transient: true });
    expect((res as { detail: string }).detail).toContain('无法连接微信服务');
    expect(sleeps).toEqual([10, 20]);
  });

  it('a wrong secret fails without retrying; no AppID means no call at all', async () => {
    expect(await client({ secret: 'wrong-secret' }).send(message('o-a'))).toMatchObject({ outcome: 'failed', errcode: 40125, transient: false });
    expect(fake.sends).toHaveLength(0);
    const bare = client({ appid: '', secret: '' });
    expect(bare.configured).toBe(false);
    const calls = fake.tokenCalls.length;
    expect(await bare.send(message('o-a'))).toMatchObject({ outcome: 'failed', attempts: 0 });
    expect(fake.tokenCalls).toHaveLength(calls);
  });

  it('concurrent sends share one token fetch', async () => {
    const c = client();
    const results = await Promise.all(['o-1', 'o-2', 'o-3', 'o-4'].map((to) => c.send(message(to))));
    expect(results.every((r) => r.outcome === 'sent')).toBe(true);
    expect(fake.tokenCalls).toHaveLength(1);
  });
});

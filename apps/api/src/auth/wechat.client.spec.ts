import { DomainError } from '../common/errors/domain-error.js';
import { startFakeWechat, type FakeWechat } from '../../test/support/fake-wechat.js';
import { WechatClient } from './wechat.client.js';

describe('WechatClient.code2Session against a local fake WeChat server', () => {
  let fake: FakeWechat;
  let client: WechatClient;

  beforeAll(async () => {
    fake = await startFakeWechat();
    client = new WechatClient({ baseUrl: fake.baseUrl, appid: 'wx-test-appid', secret: 'test-secret', timeoutMs: 300 });
  });
  afterAll(() => fake.close());

  async function failure(code: string): Promise<DomainError> {
    const err = await client.code2Session(code).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }

  it('returns the openid and sends appid, secret, js_code and grant_type', async () => {
    const session = await client.code2Session('ok:openid-123');
    expect(session).toEqual({ openid: 'openid-123', sessionKey: 'sk-openid-123' });
    const last = fake.calls.at(-1)!;
    expect(last.get('appid')).toBe('wx-test-appid');
    expect(last.get('secret')).toBe('test-secret');
    expect(last.get('js_code')).toBe('ok:openid-123');
    expect(last.get('grant_type')).toBe('authorization_code');
  });

  it('maps an invalid code (40029) to WECHAT_INVALID_CODE → 400 on field code', async () => {
    const err = await failure('invalid');
    expect(err.code).toBe('WECHAT_INVALID_CODE');
    expect(err.status).toBe(400);
    expect(err.field).toBe('code');
  });

  it('maps a high-risk user (40226) to WECHAT_HIGH_RISK → 403', async () => {
    const err = await failure('risky');
    expect(err.code).toBe('WECHAT_HIGH_RISK');
    expect(err.status).toBe(403);
  });

  it('gives up after the timeout with WECHAT_UNAVAILABLE → 503', async () => {
    const err = await failure('slow');
    expect(err.code).toBe('WECHAT_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.message).toContain('超时');
  });

  it('treats a busy server, an HTTP error and a non-JSON answer as unavailable', async () => {
    for (const code of ['busy', 'http500', 'garbage']) {
      expect((await failure(code)).code).toBe('WECHAT_UNAVAILABLE');
    }
  });

  it('refuses to call WeChat when no AppID/secret is configured', async () => {
    const bare = new WechatClient({ baseUrl: fake.baseUrl, appid: '', secret: '', timeoutMs: 300 });
    const before = fake.calls.length;
    await expect(bare.code2Session('ok:x')).rejects.toMatchObject({ code: 'WECHAT_NOT_CONFIGURED' });
    expect(fake.calls.length).toBe(before);
  });

  it('reports an unreachable server as unavailable', async () => {
    const down = new WechatClient({ baseUrl: 'http://127.0.0.1:9', appid: 'a', secret: 'b', timeoutMs: 300 });
    await expect(down.code2Session('ok:x')).rejects.toMatchObject({ code: 'WECHAT_UNAVAILABLE' });
  });
});

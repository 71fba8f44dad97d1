import Taro from '@tarojs/taro';
import type { Me } from '@kaoping/contracts';
import { ApiError, OfflineError, OFFLINE_MESSAGE, http } from './http';
import { ROUTES } from './routes';
import { clearSession, getRefreshToken, getSession, getToken, renewSession, saveSession, tokenExpiresAt } from './session';

const request = Taro.request as jest.Mock;

const ME: Me = {
  kind: 'person',
  id: 'p1',
  name: '张伟',
  role: 'chief',
  position: 'chief',
  sectionId: 's1',
  sectionName: '执法一处',
  branchSecretary: false,
};

function reply(statusCode: number, data: unknown) {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

beforeEach(() => {
  Taro.removeStorageSync('kaoping.token');
  Taro.removeStorageSync('kaoping.me');
});

describe('http wrapper', () => {
  it('prefixes the base URL, sends the stored JWT and returns the JSON body', async () => {
    saveSession('jwt-123', ME);
    reply(200, [{ id: 's1' }]);

    const data = await http.get<{ id: string }[]>('/api/sections', { query: { date: '2025-01-02', empty: undefined } });

    expect(data).toEqual([{ id: 's1' }]);
    const call = request.mock.calls[0][0];
    expect(call.url).toBe('https://api.test/api/sections?date=2025-01-02');
    expect(call.method).toBe('GET');
    expect(call.header.Authorization).toBe('Bearer jwt-123');
  });

  it('sends no Authorization header without a session, and the given token when the caller passes one', async () => {
    reply(200, {});
    await http.post('/api/auth/dev', { personId: 'p1' });
    expect(request.mock.calls[0][0].header.Authorization).toBeUndefined();
    expect(request.mock.calls[0][0].data).toEqual({ personId: 'p1' });

    saveSession('stored', ME);
    reply(200, {});
    await http.post('/api/auth/bind', { inviteCode: 'ABC123' }, { token: 'bind-token' });
    expect(request.mock.calls[1][0].header.Authorization).toBe('Bearer bind-token');
  });

  it('maps an error body to a toast with its message and throws an ApiError', async () => {
    saveSession('jwt', ME);
    reply(409, { statusCode: 409, code: 'INVITE_USED', message: '邀请码已被使用', field: 'inviteCode' });

    const err = await http.post('/api/auth/bind', { inviteCode: 'X' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ statusCode: 409, code: 'INVITE_USED', field: 'inviteCode', message: '邀请码已被使用' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '邀请码已被使用', icon: 'none' }));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBe('jwt');
  });

  it('shows no toast when the caller opts out', async () => {
    reply(400, { statusCode: 400, code: 'VALIDATION', message: '参数错误' });
    await expect(http.get('/api/people', { toast: false })).rejects.toBeInstanceOf(ApiError);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('gives a Chinese message when the error body is not JSON', async () => {
    reply(502, '<html>Bad Gateway</html>');
    await expect(http.get('/api/me')).rejects.toMatchObject({ statusCode: 502, code: 'HTTP_502' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用（502），请稍后再试' }));
  });

  it('on 401 clears the session and relaunches the login page', async () => {
    saveSession('expired', ME);
    reply(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });

    await expect(http.get('/api/me')).rejects.toMatchObject({ statusCode: 401 });

    expect(getSession()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login });
  });

  it('on 401 keeps the session and stays put when the caller opts out (login screens)', async () => {
    saveSession('kept', ME);
    reply(401, { statusCode: 401, code: 'BIND_EXPIRED', message: '绑定已超时' });

    await expect(http.post('/api/auth/bind', {}, { redirectOn401: false })).rejects.toBeInstanceOf(ApiError);

    expect(getToken()).toBe('kept');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('turns a network failure into an OfflineError with the offline message', async () => {
    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });

    const err = await http.get('/api/me').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(OfflineError);
    expect((err as Error).message).toBe(OFFLINE_MESSAGE);
    expect(OFFLINE_MESSAGE).toBe('网络不可用，请检查网络后重试');
  });
});

describe('short-lived sessions: renewal with the refresh token', () => {
  /** A JWT-shaped token whose payload carries `exp` (seconds). */
  const jwt = (name: string, expInSeconds: number) =>
    `h.${Buffer.from(JSON.stringify({ sub: name, exp: Math.floor(Date.now() / 1000) + expInSeconds })).toString('base64url')}.s`;
  const OLD = jwt('old', 3600);
  const NEW = jwt('new', 7200);
  let refreshCalls: unknown[];

  /** A small API: `/api/auth/refresh` answers `refreshAnswer`; other paths accept only NEW. */
  function fakeApi(refreshAnswer: { statusCode: number; data: unknown } | 'offline') {
    request.mockImplementation(async (opts: { url: string; header: Record<string, string>; data: unknown }) => {
      if (opts.url.endsWith('/api/auth/refresh')) {
        refreshCalls.push(opts.data);
        if (refreshAnswer === 'offline') throw { errMsg: 'request:fail' };
        return { ...refreshAnswer, header: {}, errMsg: 'request:ok' };
      }
      const ok = opts.header.Authorization === `Bearer ${NEW}`;
      return ok
        ? { statusCode: 200, data: { path: opts.url }, header: {}, errMsg: 'request:ok' }
        : { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_INVALID', message: '登录已过期或无效，请重新登录' }, header: {}, errMsg: 'request:ok' };
    });
  }
  const renewed = { statusCode: 200, data: { kind: 'access', token: NEW, expiresIn: 7200, refreshToken: 'rt_new', refreshExpiresIn: 2592000, me: ME } };

  beforeEach(() => {
    clearSession();
    refreshCalls = [];
  });
  afterEach(() => request.mockReset());

  it('on 401 renews the session once and repeats the request with the new token, without a login', async () => {
    saveSession(OLD, ME, 'rt_old');
    fakeApi(renewed);
    await expect(http.get('/api/me')).resolves.toEqual({ path: 'https://api.test/api/me' });
    expect(refreshCalls).toEqual([{ refreshToken: 'rt_old' }]);
    expect(getToken()).toBe(NEW);
    expect(getRefreshToken()).toBe('rt_new');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('several requests failing together share one renewal', async () => {
    saveSession(OLD, ME, 'rt_old');
    fakeApi(renewed);
    await Promise.all([http.get('/api/a'), http.get('/api/b'), http.post('/api/c', {})]);
    expect(refreshCalls).toHaveLength(1);
  });

  it('renews before sending when the token is about to expire', async () => {
    saveSession(jwt('expiring', 20), ME, 'rt_old');
    fakeApi(renewed);
    await http.get('/api/me');
    expect(refreshCalls).toHaveLength(1);
    // the request itself went out once, already with the new token
    const sent = request.mock.calls.filter(([o]) => !(o as { url: string }).url.endsWith('/refresh'));
    expect(sent).toHaveLength(1);
    expect((sent[0]![0] as { header: Record<string, string> }).header.Authorization).toBe(`Bearer ${NEW}`);
  });

  it('a refused renewal (revoked or reused refresh token) ends the session and opens the login page', async () => {
    saveSession(OLD, ME, 'rt_old');
    fakeApi({ statusCode: 401, data: { statusCode: 401, code: 'TOKEN_INVALID', message: '登录已失效，请重新登录' } });
    await expect(http.get('/api/me')).rejects.toMatchObject({ statusCode: 401 });
    expect(getSession()).toBeNull();
    expect(getRefreshToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login });
  });

  it('does not renew twice: a 401 on the repeated request goes to the login page', async () => {
    saveSession(OLD, ME, 'rt_old');
    request.mockImplementation(async (opts: { url: string }) =>
      opts.url.endsWith('/api/auth/refresh')
        ? { ...renewed, header: {}, errMsg: 'request:ok' }
        : { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_INVALID', message: 'x' }, header: {}, errMsg: 'request:ok' },
    );
    await expect(http.get('/api/me')).rejects.toMatchObject({ statusCode: 401 });
    expect(request.mock.calls.filter(([o]) => (o as { url: string }).url.endsWith('/refresh'))).toHaveLength(1);
    expect(Taro.reLaunch).toHaveBeenCalled();
  });

  it('offline during renewal: an OfflineError, and the session is kept for later', async () => {
    saveSession(OLD, ME, 'rt_old');
    fakeApi('offline');
    await expect(http.get('/api/me')).rejects.toBeInstanceOf(OfflineError);
    expect(getToken()).toBe(OLD);
    expect(getRefreshToken()).toBe('rt_old');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('a request queued with an older token of this session goes out with the current one', async () => {
    saveSession(OLD, ME, 'rt_old');
    renewSession(NEW, 'rt_new');
    fakeApi(renewed);
    await http.post('/api/surveys/x', {}, { token: OLD, redirectOn401: false });
    expect(refreshCalls).toHaveLength(0);
    expect((request.mock.calls[0]![0] as { header: Record<string, string> }).header.Authorization).toBe(`Bearer ${NEW}`);
  });

  it('never renews for login endpoints or for tokens that are not the session (bind, invitation)', async () => {
    saveSession(OLD, ME, 'rt_old');
    fakeApi(renewed);
    await expect(http.post('/api/auth/bind', {}, { token: 'bind-token', redirectOn401: false })).rejects.toMatchObject({ statusCode: 401 });
    await expect(http.get('/api/survey-invitations/me', { token: 'invitation', redirectOn401: false })).rejects.toMatchObject({ statusCode: 401 });
    expect(refreshCalls).toHaveLength(0);
  });

  it('reads the expiry of a JWT without atob', () => {
    const exp = tokenExpiresAt(jwt('x', 100));
    expect(exp).not.toBeNull();
    expect(Math.abs(exp! - (Date.now() + 100_000))).toBeLessThan(2000);
    expect(tokenExpiresAt('not-a-jwt')).toBeNull();
  });
});

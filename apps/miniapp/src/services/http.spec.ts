import Taro from '@tarojs/taro';
import type { Me } from '@kaoping/contracts';
import { ApiError, OfflineError, OFFLINE_MESSAGE, http } from './http';
import { ROUTES } from './routes';
import { getSession, getToken, saveSession } from './session';

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

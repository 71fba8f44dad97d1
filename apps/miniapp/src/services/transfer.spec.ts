import Taro from '@tarojs/taro';
import type { Me } from '@kaoping/contracts';
import { clearSession, getToken, saveSession } from './session';
import { openDownload, uploadFile, uploadPhoto } from './transfer';

const platformCalls: { fn: string; token: string | null }[] = [];
jest.mock('../platform', () => ({
  platform: {
    uploadPhoto: jest.fn(async (_photo: unknown, _url: string, token: string | null) => {
      platformCalls.push({ fn: 'uploadPhoto', token });
      return { id: 'f1', url: '/api/files/f1' };
    }),
    uploadFile: jest.fn(async (_file: unknown, _url: string, token: string | null) => {
      platformCalls.push({ fn: 'uploadFile', token });
      return { statusCode: 200, body: {} };
    }),
    openDownload: jest.fn(async (_url: string, token: string | null) => {
      platformCalls.push({ fn: 'openDownload', token });
    }),
  },
}));

const request = Taro.request as jest.Mock;
const ME: Me = { kind: 'person', id: 'p1', name: '张伟', role: 'chief', position: 'chief', sectionId: 's1', sectionName: '执法一处', branchSecretary: false };
const jwt = (name: string, expInSeconds: number) =>
  `h.${Buffer.from(JSON.stringify({ sub: name, exp: Math.floor(Date.now() / 1000) + expInSeconds })).toString('base64url')}.s`;

describe('uploads and downloads through the platform layer', () => {
  beforeEach(() => {
    clearSession();
    platformCalls.length = 0;
    request.mockReset();
  });

  it('carry a renewed token when the session token is about to expire (they bypass the http wrapper)', async () => {
    const expiring = jwt('old', 5);
    const renewed = jwt('new', 7200);
    saveSession(expiring, ME, 'rt_old');
    request.mockResolvedValue({ statusCode: 200, data: { kind: 'access', token: renewed, expiresIn: 7200, refreshToken: 'rt_new', refreshExpiresIn: 2592000, me: ME }, header: {}, errMsg: 'request:ok' });

    await uploadPhoto({ path: '/tmp/a.jpg', preview: '/tmp/a.jpg' } as never, 'https://api.test/api/files');
    await uploadFile({ path: '/tmp/a.xlsx', name: 'a.xlsx', size: 10 } as never, 'https://api.test/api/import');
    await openDownload('https://api.test/api/jobs/j1/download', '报表.xlsx');

    expect(request).toHaveBeenCalledTimes(1); // one renewal serves all three
    expect(platformCalls).toEqual([
      { fn: 'uploadPhoto', token: renewed },
      { fn: 'uploadFile', token: renewed },
      { fn: 'openDownload', token: renewed },
    ]);
    expect(getToken()).toBe(renewed);
  });

  it('use the stored token as it is while it is fresh', async () => {
    const fresh = jwt('fresh', 3600);
    saveSession(fresh, ME, 'rt');
    await openDownload('https://api.test/x', 'x.pdf');
    expect(request).not.toHaveBeenCalled();
    expect(platformCalls).toEqual([{ fn: 'openDownload', token: fresh }]);
  });
});

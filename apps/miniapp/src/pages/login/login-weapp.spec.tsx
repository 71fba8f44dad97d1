import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { LoginResult } from '@kaoping/contracts';
import LoginPage from './index';
import { ROUTES } from '../../services/routes';
import { getSession } from '../../services/session';

// Run the page as the WeChat build does: platform.login() gives a wx.login code.
jest.mock('../../platform', () => ({
  platform: { name: 'weapp', login: () => Promise.resolve('wx-code-1'), deviceId: () => 'dev-test-device-0001' },
}));

const request = Taro.request as jest.Mock;

const ACCESS: LoginResult = {
  kind: 'access',
  token: 'jwt-staff',
  expiresIn: 3600,
  me: { kind: 'person', id: 'p3', name: '赵小刚', role: 'staff', position: 'staff', sectionId: 's1', sectionName: '执法一处', branchSecretary: false },
};

beforeEach(() => {
  Taro.removeStorageSync('kaoping.token');
  Taro.removeStorageSync('kaoping.me');
});

describe('login page on weapp', () => {
  it('a bound WeChat user goes straight home', async () => {
    request.mockResolvedValueOnce({ statusCode: 200, data: ACCESS, header: {} });
    render(<LoginPage />);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.home }));
    expect(request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/auth/wechat', method: 'POST', data: { code: 'wx-code-1' } });
    expect(getSession()?.token).toBe('jwt-staff');
  });

  it('a first login binds with an invite code, sent with the bind token', async () => {
    request
      .mockResolvedValueOnce({ statusCode: 200, data: { kind: 'bind', token: 'bind-tok', expiresIn: 300 }, header: {} })
      .mockResolvedValueOnce({
        statusCode: 400,
        data: { statusCode: 400, code: 'INVITE_INVALID', message: '邀请码无效或已过期', field: 'inviteCode' },
        header: {},
      })
      .mockResolvedValueOnce({ statusCode: 200, data: ACCESS, header: {} });
    render(<LoginPage />);

    const input = await screen.findByTestId('invite-code-input');
    const submit = screen.getByTestId('bind-submit') as HTMLButtonElement;
    fireEvent.change(input, { target: { value: 'ab1' } });
    expect(submit.disabled).toBe(true);

    fireEvent.change(input, { target: { value: 'ab12-cd34' } });
    expect((input as HTMLInputElement).value).toBe('AB12CD34');
    expect(submit.disabled).toBe(false);

    fireEvent.click(submit);
    expect(await screen.findByText('邀请码无效或已过期')).toBeTruthy();
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    fireEvent.click(submit);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.home }));
    const bindCall = request.mock.calls[2][0];
    expect(bindCall).toMatchObject({ url: 'https://api.test/api/auth/bind', data: { inviteCode: 'AB12CD34' } });
    expect(bindCall.header.Authorization).toBe('Bearer bind-tok');
    expect(getSession()?.me.name).toBe('赵小刚');
  });
});

import type { LoginResult, Me, Persona } from '@kaoping/contracts';
import { platform } from '../platform';
import { ApiError, http } from './http';
import { clearSession, getRefreshToken, saveSession } from './session';

/** Login endpoints. Pages show these errors themselves, so no toast and no 401 redirect here. */
const quiet = { toast: false, redirectOn401: false } as const;

export function listPersonas(): Promise<Persona[]> {
  return http.get<Persona[]>('/api/auth/dev/personas', quiet);
}

export function devLogin(personId: string): Promise<LoginResult> {
  return http.post<LoginResult>('/api/auth/dev', { personId }, quiet);
}

export function wechatLogin(code: string): Promise<LoginResult> {
  return http.post<LoginResult>('/api/auth/wechat', { code }, quiet);
}

export function bindInviteCode(inviteCode: string, bindToken: string): Promise<LoginResult> {
  return http.post<LoginResult>('/api/auth/bind', { inviteCode }, { ...quiet, token: bindToken });
}

/** A citizen in the mini-program: a silent wx.login code → an anonymous identity (only a hash of the openid is kept). */
export function citizenWechatLogin(code: string): Promise<LoginResult> {
  return http.post<LoginResult>('/api/auth/citizen/wechat', { code }, quiet);
}

export function citizenLogin(deviceId: string): Promise<LoginResult> {
  return http.post<LoginResult>('/api/auth/citizen', { deviceId }, quiet);
}

/**
 * The anonymous citizen identity: in the mini-program a silent wx.login (the API keeps only a hash of the openid),
 * in the browser the device id. Where WeChat login is not configured (development), the device id serves.
 */
export async function loginAsCitizen(): Promise<LoginResult> {
  const code = await platform.login();
  if (code) {
    try {
      return await citizenWechatLogin(code);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'WECHAT_NOT_CONFIGURED')) throw err;
    }
  }
  return citizenLogin(platform.deviceId());
}

export function fetchMe(): Promise<Me> {
  return http.get<Me>('/api/me', { toast: false });
}

/** Keeps an `access` result as the session; returns false when the result is not a usable session. */
export function acceptLogin(result: LoginResult): boolean {
  if (result.kind !== 'access' || !result.me || !result.token) return false;
  saveSession(result.token, result.me, result.refreshToken);
  return true;
}

/** Logs out: the session is forgotten here at once, and ended on the server (its refresh token revoked) in the background. */
export function logout(): void {
  const refreshToken = getRefreshToken();
  clearSession();
  if (refreshToken) void http.post('/api/auth/logout', { refreshToken }, { ...quiet, token: null }).catch(() => undefined);
}

/** Invite codes are 6–12 letters/digits, written in upper case. */
export function normalizeInviteCode(input: string): string {
  return input.replace(/[^0-9a-z]/gi, '').toUpperCase().slice(0, 12);
}

export function isValidInviteCode(code: string): boolean {
  return /^[0-9A-Z]{6,12}$/.test(code);
}

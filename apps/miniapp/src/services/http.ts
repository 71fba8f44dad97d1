import Taro from '@tarojs/taro';
import type { ApiErrorBody, LoginResult } from '@kaoping/contracts';
import { clearSession, getRefreshToken, getToken, isPreviousSessionToken, renewSession, tokenExpiresAt } from './session';
import { ROUTES } from './routes';

/**
 * The one HTTP wrapper: base URL, JWT, JSON, error body → toast, network failure → OfflineError. The session's
 * access token is short-lived: it is renewed with the refresh token shortly before it expires, and a 401 on a
 * session request renews it and repeats the request once; only when renewal fails does 401 lead to the login page.
 */

export const OFFLINE_MESSAGE = '网络不可用，请检查网络后重试';
export const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录';
const REQUEST_TIMEOUT_MS = 15_000;

/** The API answered with an error body `{statusCode, code, message, field?}`. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly field?: string;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.field = body.field;
  }
}

/** The request never reached the API (no network, DNS, timeout). Pages show their offline state. */
export class OfflineError extends Error {
  constructor(readonly cause?: unknown) {
    super(OFFLINE_MESSAGE);
    this.name = 'OfflineError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body. */
  data?: unknown;
  /** Query string parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Show the error message as a toast (default true). Pass false when the page shows the error itself. */
  toast?: boolean;
  /** Bearer token to send instead of the stored one (e.g. the short-lived bind token); null: none. */
  token?: string | null;
  /** On 401, clear the session and go to the login page (default true). */
  redirectOn401?: boolean;
}

/** The API base URL baked in at build time ('' = same origin, as when the API serves the H5 build). */
export function apiBase(): string {
  const base = process.env.TARO_APP_API_BASE;
  return typeof base === 'string' ? base.replace(/\/+$/, '') : '';
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${apiBase()}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

function toApiError(statusCode: number, data: unknown): ApiError {
  if (isApiErrorBody(data)) return new ApiError({ ...data, statusCode: data.statusCode ?? statusCode });
  const message =
    statusCode >= 500 ? `服务暂时不可用（${statusCode}），请稍后再试` : `请求失败（${statusCode}），请稍后再试`;
  return new ApiError({ statusCode, code: `HTTP_${statusCode}`, message });
}

function showToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

let redirectingToLogin = false;

function goToLogin(): void {
  if (redirectingToLogin) return;
  redirectingToLogin = true;
  void Promise.resolve(Taro.reLaunch({ url: ROUTES.login })).finally(() => {
    redirectingToLogin = false;
  });
}

/** Renew this long before the access token expires (device clocks drift; the 401 path covers the rest). */
const RENEW_BEFORE_MS = 60_000;
let renewing: Promise<string | null> | null = null;

/**
 * Exchanges the stored refresh token for a new pair (one exchange at a time, shared by concurrent callers).
 * Resolves to the new access token, or null when the session cannot be renewed (no refresh token, or refused):
 * then the user must log in again. Network failure → OfflineError; other server trouble → ApiError (session kept).
 */
export function renewAccessToken(): Promise<string | null> {
  if (!renewing) renewing = renew().finally(() => (renewing = null));
  return renewing;
}

async function renew(): Promise<string | null> {
  const refreshToken = getRefreshToken();
  if (!refreshToken) return null;
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: buildUrl('/api/auth/refresh'),
      method: 'POST',
      data: { refreshToken },
      header: { Accept: 'application/json', 'Content-Type': 'application/json' },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (err) {
    throw new OfflineError(err);
  }
  const result = response.data as Partial<LoginResult> | undefined;
  if (response.statusCode === 200 && result?.kind === 'access' && result.token && result.refreshToken) {
    renewSession(result.token, result.refreshToken, result.me);
    return result.token;
  }
  if (response.statusCode === 400 || response.statusCode === 401 || response.statusCode === 403) return null;
  throw toApiError(response.statusCode, response.data);
}

/** The session's access token, renewed first when it is about to expire; null without a session. */
export async function freshToken(): Promise<string | null> {
  const token = getToken();
  if (!token || !getRefreshToken()) return token;
  const exp = tokenExpiresAt(token);
  if (exp !== null && exp - Date.now() < RENEW_BEFORE_MS) return (await renewAccessToken()) ?? token;
  return token;
}

const isAuthPath = (path: string) => path.startsWith('/api/auth/');

export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, options, false);
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<T> {
  const { method = 'GET', data, query, toast = true, redirectOn401 = true } = options;
  let token = options.token === undefined ? getToken() : options.token;
  // a request queued before the session was renewed carries an older token of this same session
  if (token && token !== getToken() && isPreviousSessionToken(token)) token = getToken();
  const sessionRequest = !!token && token === getToken() && !isAuthPath(path);
  if (sessionRequest && !retried) token = await freshToken().catch(() => token); // on trouble, try the token we have
  const header: Record<string, string> = { Accept: 'application/json' };
  if (data !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: buildUrl(path, query),
      method,
      data: data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (err) {
    throw new OfflineError(err);
  }

  const { statusCode } = response;
  if (statusCode >= 200 && statusCode < 300) return response.data as T;

  if (statusCode === 401 && sessionRequest && !retried) {
    // another page renewed the session meanwhile, or the token expired early: renew (once) and repeat
    let renewed: string | null;
    try {
      renewed = token !== getToken() && getToken() ? getToken() : await renewAccessToken();
    } catch (err) {
      // offline, or the API is in trouble: the session stays, the caller sees why
      if (toast && err instanceof ApiError) showToast(err.message);
      throw err;
    }
    if (renewed) return send<T>(path, { ...options, token: renewed }, true);
  }

  const error = toApiError(statusCode, response.data);
  if (statusCode === 401 && redirectOn401) {
    clearSession();
    if (toast) showToast(SESSION_EXPIRED_MESSAGE);
    goToLogin();
    throw error;
  }
  if (toast) showToast(error.message);
  throw error;
}

export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'data'>) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, data?: unknown, options?: Omit<RequestOptions, 'method' | 'data'>) =>
    request<T>(path, { ...options, method: 'POST', data: data ?? {} }),
};

/** A short Chinese message for any error a page caught. */
export function errorMessage(err: unknown): string {
  if (err instanceof OfflineError || err instanceof ApiError) return err.message;
  return '出了点问题，请稍后重试';
}

import Taro from '@tarojs/taro';
import type { Me } from '@kaoping/contracts';

const TOKEN_KEY = 'kaoping.token';
const ME_KEY = 'kaoping.me';
const REFRESH_KEY = 'kaoping.refresh';
/** Access tokens this session had before its latest refresh (a queued request may still carry one). */
const PREVIOUS_KEY = 'kaoping.token.previous';
const PREVIOUS_KEPT = 5;

/** The signed-in session kept in storage: the short-lived JWT, the rotating refresh token and the last known `me`. */
export interface Session {
  token: string;
  me: Me;
}

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function getRefreshToken(): string | null {
  const token: unknown = Taro.getStorageSync(REFRESH_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function getMe(): Me | null {
  const raw: unknown = Taro.getStorageSync(ME_KEY);
  if (!raw) return null;
  if (typeof raw === 'object') return raw as Me;
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as Me;
    } catch {
      return null;
    }
  }
  return null;
}

export function getSession(): Session | null {
  const token = getToken();
  const me = getMe();
  return token && me ? { token, me } : null;
}

/** A new session (a login). `refreshToken` lets the http layer renew the short-lived token without a new login. */
export function saveSession(token: string, me: Me, refreshToken?: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
  if (refreshToken) Taro.setStorageSync(REFRESH_KEY, refreshToken);
  else Taro.removeStorageSync(REFRESH_KEY);
  Taro.removeStorageSync(PREVIOUS_KEY);
}

/** The same session, renewed: new tokens, the old access token remembered as this session's. */
export function renewSession(token: string, refreshToken: string, me?: Me): void {
  const old = getToken();
  if (old && old !== token) Taro.setStorageSync(PREVIOUS_KEY, JSON.stringify([old, ...previousTokens()].slice(0, PREVIOUS_KEPT)));
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(REFRESH_KEY, refreshToken);
  if (me) Taro.setStorageSync(ME_KEY, JSON.stringify(me));
}

function previousTokens(): string[] {
  const raw: unknown = Taro.getStorageSync(PREVIOUS_KEY);
  if (typeof raw !== 'string' || !raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** An access token this session had before a refresh (a request queued offline may still carry it). */
export function isPreviousSessionToken(token: string): boolean {
  return previousTokens().includes(token);
}

export function saveMe(me: Me): void {
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(ME_KEY);
  Taro.removeStorageSync(REFRESH_KEY);
  Taro.removeStorageSync(PREVIOUS_KEY);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url → text (ASCII payloads; the mini-program has no atob). */
function decodeBase64Url(s: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')) {
    const n = B64.indexOf(ch);
    if (n < 0) return '';
    value = (value << 6) | n;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** When a JWT expires (ms since epoch), read from its payload; null when it cannot be read. */
export function tokenExpiresAt(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(decodeBase64Url(payload)) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

import Taro from '@tarojs/taro';
import type { Me } from '@kaoping/contracts';

const TOKEN_KEY = 'kaoping.token';
const ME_KEY = 'kaoping.me';

/** The signed-in session kept in storage: the JWT and the last known `me`. */
export interface Session {
  token: string;
  me: Me;
}

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
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

export function saveSession(token: string, me: Me): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
}

export function saveMe(me: Me): void {
  Taro.setStorageSync(ME_KEY, JSON.stringify(me));
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(ME_KEY);
}

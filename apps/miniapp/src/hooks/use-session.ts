import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '@kaoping/contracts';
import { fetchMe } from '../services/auth.api';
import { OfflineError, errorMessage } from '../services/http';
import { ROUTES } from '../services/routes';
import { getSession, saveMe } from '../services/session';

export type RefreshState = 'idle' | 'refreshing' | 'offline' | 'error';

/**
 * The signed-in person for a page. Shows the stored `me` at once, refreshes it from `GET /api/me` each time the
 * page shows, and sends a visitor without a session to the login page.
 */
export function useSession(): { me: Me | null; refresh: RefreshState; refreshError: string | null; retry: () => void } {
  const [me, setMe] = useState<Me | null>(() => getSession()?.me ?? null);
  const [refresh, setRefresh] = useState<RefreshState>('idle');
  const [refreshError, setRefreshError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!getSession()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    setRefresh('refreshing');
    try {
      const fresh = await fetchMe();
      saveMe(fresh);
      setMe(fresh);
      setRefresh('idle');
      setRefreshError(null);
    } catch (err) {
      // 401 already cleared the session and went to login (http.ts).
      setRefresh(err instanceof OfflineError ? 'offline' : 'error');
      setRefreshError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    if (!getSession()) void Taro.reLaunch({ url: ROUTES.login });
  }, []);

  useDidShow(() => {
    void load();
  });

  return { me, refresh, refreshError, retry: () => void load() };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { OfflineError, errorMessage } from '../services/http';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'success'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string }
  | { status: 'offline'; data?: undefined; error: string };

/** Runs `load` when `deps` change and exposes loading / success / error / offline plus `reload`. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let alive = true;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => alive && setState({ status: 'success', data }),
      (err: unknown) =>
        alive &&
        setState(
          err instanceof OfflineError
            ? { status: 'offline', error: err.message }
            : { status: 'error', error: errorMessage(err) },
        ),
    );
    return () => {
      alive = false;
    };
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

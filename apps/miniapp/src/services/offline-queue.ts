import Taro from '@tarojs/taro';
import { ApiError, OfflineError, http } from './http';

/**
 * A generic offline queue for POSTs that carry an idempotency key (clock-ins, survey answers …).
 * Nothing a user tapped is lost: when the request cannot reach the API it is kept in Taro storage and sent
 * again on reconnect (`Taro.onNetworkStatusChange`) and when the app comes back (`onAppShow`). The server
 * de-duplicates by the key, and the queue sends each item one at a time, one drain at a time. An item the
 * API refuses (4xx) is set aside with its error for the user to see, never retried forever.
 */

export interface QueuedRequest {
  id: string;
  path: string;
  body: unknown;
  /** The body's idempotency key (the server keeps one record per key). */
  idempotencyKey: string;
  /** What the user sees in the list, e.g. "上班打卡 08:25". */
  label: string;
  createdAt: string;
  attempts: number;
  lastError?: string;
}

export interface FailedRequest extends QueuedRequest {
  error: { statusCode: number; code: string; message: string };
  failedAt: string;
}

export interface DrainResult {
  sent: number;
  failed: number;
  remaining: number;
}

type Send = (item: QueuedRequest) => Promise<unknown>;
type Listener = () => void;

interface Storage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const taroStorage: Storage = {
  get: (key) => Taro.getStorageSync(key),
  set: (key, value) => Taro.setStorageSync(key, value),
};

/** True when the request did not reach the API, or the API was unavailable: worth retrying later. */
export function isRetryable(err: unknown): boolean {
  return err instanceof OfflineError || (err instanceof ApiError && err.statusCode >= 500);
}

export class OfflineQueue {
  private draining: Promise<DrainResult> | null = null;
  private readonly listeners = new Set<Listener>();
  private stopFns: (() => void)[] = [];

  constructor(
    private readonly name: string,
    private readonly send: Send = (item) => http.post(item.path, item.body, { toast: false, redirectOn401: false }),
    private readonly storage: Storage = taroStorage,
  ) {}

  private get pendingKey(): string {
    return `kaoping.queue.${this.name}`;
  }

  private get failedKey(): string {
    return `kaoping.queue.${this.name}.failed`;
  }

  private read<T>(key: string): T[] {
    const raw = this.storage.get(key);
    if (Array.isArray(raw)) return raw as T[];
    if (typeof raw === 'string' && raw) {
      try {
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed) ? (parsed as T[]) : [];
      } catch {
        return [];
      }
    }
    return [];
  }

  private write(key: string, items: unknown[]): void {
    this.storage.set(key, JSON.stringify(items));
    for (const l of this.listeners) l();
  }

  pending(): QueuedRequest[] {
    return this.read<QueuedRequest>(this.pendingKey);
  }

  failed(): FailedRequest[] {
    return this.read<FailedRequest>(this.failedKey);
  }

  /** Keeps a request for later (idempotent per key: queuing the same key twice keeps one). */
  enqueue(input: { path: string; body: unknown; idempotencyKey: string; label: string }): QueuedRequest {
    const items = this.pending();
    const existing = items.find((i) => i.idempotencyKey === input.idempotencyKey);
    if (existing) return existing;
    const item: QueuedRequest = { ...input, id: input.idempotencyKey, createdAt: new Date().toISOString(), attempts: 0 };
    this.write(this.pendingKey, [...items, item]);
    return item;
  }

  /** Forgets a refused request once the user has seen it. */
  dismissFailed(id: string): void {
    this.write(
      this.failedKey,
      this.failed().filter((f) => f.id !== id),
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what is waiting, oldest first; stops at the first network failure. One drain at a time. */
  drain(): Promise<DrainResult> {
    if (!this.draining) {
      this.draining = this.drainOnce().finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  private async drainOnce(): Promise<DrainResult> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const item = this.pending()[0];
      if (!item) break;
      try {
        await this.send(item);
        this.write(
          this.pendingKey,
          this.pending().filter((i) => i.id !== item.id),
        );
        sent++;
      } catch (err) {
        if (isRetryable(err)) {
          this.write(
            this.pendingKey,
            this.pending().map((i) => (i.id === item.id ? { ...i, attempts: i.attempts + 1, lastError: (err as Error).message } : i)),
          );
          break;
        }
        const e = err instanceof ApiError ? { statusCode: err.statusCode, code: err.code, message: err.message } : { statusCode: 0, code: 'UNKNOWN', message: (err as Error)?.message ?? '提交失败' };
        this.write(
          this.pendingKey,
          this.pending().filter((i) => i.id !== item.id),
        );
        this.write(this.failedKey, [...this.failed(), { ...item, attempts: item.attempts + 1, error: e, failedAt: new Date().toISOString() }]);
        failed++;
      }
    }
    return { sent, failed, remaining: this.pending().length };
  }

  /**
   * Sends now; when the API cannot be reached, keeps the request (with `offlineBody`, e.g. marked offline) and
   * answers `{ queued: true }`. A refusal (4xx) is thrown to the caller.
   */
  async submit<T>(input: { path: string; body: unknown; offlineBody?: unknown; idempotencyKey: string; label: string }): Promise<{ queued: false; data: T } | { queued: true; item: QueuedRequest }> {
    try {
      const data = (await this.send({ ...input, id: input.idempotencyKey, createdAt: new Date().toISOString(), attempts: 0 })) as T;
      return { queued: false, data };
    } catch (err) {
      if (!isRetryable(err)) throw err;
      const item = this.enqueue({ path: input.path, body: input.offlineBody ?? input.body, idempotencyKey: input.idempotencyKey, label: input.label });
      return { queued: true, item };
    }
  }

  /** Retries on reconnect and on app show. Returns a stop function. */
  start(events: { onReconnect?: (cb: () => void) => () => void; onShow?: (cb: () => void) => () => void } = taroEvents): () => void {
    this.stop();
    const run = () => void this.drain();
    this.stopFns = [events.onReconnect?.(run), events.onShow?.(run)].filter((f): f is () => void => !!f);
    run();
    return () => this.stop();
  }

  stop(): void {
    for (const f of this.stopFns) f();
    this.stopFns = [];
  }
}

const taroEvents = {
  onReconnect(cb: () => void): () => void {
    const handler = (res: { isConnected: boolean }) => {
      if (res.isConnected) cb();
    };
    const t = Taro as unknown as { onNetworkStatusChange?: (h: typeof handler) => void; offNetworkStatusChange?: (h: typeof handler) => void };
    t.onNetworkStatusChange?.(handler);
    return () => t.offNetworkStatusChange?.(handler);
  },
  onShow(cb: () => void): () => void {
    const t = Taro as unknown as { onAppShow?: (h: () => void) => void; offAppShow?: (h: () => void) => void };
    t.onAppShow?.(cb);
    return () => t.offAppShow?.(cb);
  },
};

/** A random idempotency key. */
export function newIdempotencyKey(prefix = 'k'): string {
  const rand = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  return `${prefix}-${Date.now().toString(36)}-${rand}`;
}

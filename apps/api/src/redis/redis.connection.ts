import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { Env } from '../config/env.js';

/** How long one Redis command may take before it fails (a hung or unreachable Redis errors, it never hangs a request). */
export const REDIS_COMMAND_TIMEOUT_MS = 1500;

/** Connection settings from `redis://[user:pass@]host:port[/db]` (`rediss://` → TLS). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** Reconnect after 200 ms, 400 ms … at most every 5 s, for ever (Redis coming back is picked up without a restart). */
export const reconnectDelay = (attempt: number): number => Math.min(attempt * 200, 5000);

/**
 * The process's one Redis connection for shared state (rate limits, idempotency records, the job index), when
 * `REDIS_URL` is set; `client` is null otherwise. Commands fail after one reconnect attempt or
 * `REDIS_COMMAND_TIMEOUT_MS`, so a Redis outage turns into an error the caller handles, never a hung request.
 * Every key goes through `key()`, which puts `REDIS_PREFIX` in front. BullMQ opens its own connections (its worker
 * blocks on Redis, which a shared connection must not), from `blockingOptions()`.
 */
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  readonly prefix: string;
  private lastError = 0;

  constructor(private readonly env: Pick<Env, 'REDIS_URL' | 'REDIS_PREFIX'>) {
    this.prefix = env.REDIS_PREFIX;
    if (!env.REDIS_URL) {
      this.client = null;
      return;
    }
    this.client = new Redis({
      ...redisOptionsFromUrl(env.REDIS_URL),
      lazyConnect: false,
      connectionName: `${env.REDIS_PREFIX}:api`,
      connectTimeout: 5000,
      disconnectTimeout: 500,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      retryStrategy: reconnectDelay,
    });
    this.client.on('error', (err: Error) => this.warn('Redis 连接出错', err));
    this.client.on('ready', () => this.logger.log('Redis 已连接'));
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /**
   * The client while it is connected, else null. Rate limits and idempotency records ask this first and fall back
   * at once while Redis is down or reconnecting, instead of each command waiting out its retry and timeout (which
   * made a clock-in take seconds during an outage).
   */
  get ready(): Redis | null {
    return this.client && this.client.status === 'ready' ? this.client : null;
  }

  /** `ready`, or an error saying Redis is not connected (for callers whose catch already holds the fallback). */
  readyClient(): Redis {
    const client = this.ready;
    if (!client) throw new Error(`Redis 未连接（${this.client?.status ?? '未配置'}）`);
    return client;
  }

  /** `kaoping:rl:auth:1.2.3.4` — every key of this deployment starts with REDIS_PREFIX. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** Options for a connection BullMQ owns (its blocking worker and event readers need `maxRetriesPerRequest: null`). */
  blockingOptions(role: string): Omit<RedisOptions, 'retryStrategy'> & { retryStrategy: (attempt: number) => number } {
    if (!this.env.REDIS_URL) throw new Error('REDIS_URL 未设置');
    return { ...redisOptionsFromUrl(this.env.REDIS_URL), connectionName: `${this.prefix}:${role}`, maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
  }

  /** True when Redis answers PING (for health checks); null without Redis. */
  async ping(): Promise<boolean | null> {
    if (!this.client) return null;
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Logs a Redis failure at most every 30 s (an outage must not flood the log). */
  warn(what: string, err: unknown): void {
    const now = Date.now();
    if (now - this.lastError < 30_000) return;
    this.lastError = now;
    this.logger.warn(`${what}：${err instanceof Error ? err.message : String(err)}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client || this.client.status === 'end') return;
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

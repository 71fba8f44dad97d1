import type { Provider } from '@nestjs/common';
import { IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore } from '../common/idempotency/idempotency.store.js';
import { MemoryRateLimitStore, RateLimitStore } from '../common/rate-limit/rate-limit.js';
import { RedisRateLimitStore } from '../common/rate-limit/redis-rate-limit.store.js';
import { Env } from '../config/env.js';
import { RedisConnection } from './redis.connection.js';

/**
 * State several API instances must share: in Redis when `REDIS_URL` is set, in process memory otherwise (the
 * embedded single-instance default). Provided by the global CoreModule; the connection opens when the app is built
 * and closes on shutdown.
 */
export function sharedStateProviders(env: Env): Provider[] {
  const ttlMs = env.IDEMPOTENCY_TTL_HOURS * 3600_000;
  return [
    { provide: RedisConnection, inject: [Env], useFactory: (e: Env) => new RedisConnection(e) },
    {
      provide: RateLimitStore,
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection) => (redis.enabled ? new RedisRateLimitStore(redis) : new MemoryRateLimitStore()),
    },
    {
      provide: IdempotencyStore,
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection) => (redis.enabled ? new RedisIdempotencyStore(redis, ttlMs) : new MemoryIdempotencyStore(ttlMs)),
    },
  ];
}

export const SHARED_STATE_EXPORTS = [RedisConnection, RateLimitStore, IdempotencyStore];

import type { RedisConnection } from '../../redis/redis.connection.js';

/**
 * A replay cache for idempotent writes (clock-ins, survey answers): the response to a key is kept for a while, so
 * a retried request (the phone's offline queue, a double tap, a load balancer retry) gets the same answer without
 * touching the database. It is only a fast path: the database's unique key stays the source of truth (two instances
 * racing on one key still end with one row, the loser re-reads it), and a miss — expired, evicted, Redis down —
 * simply takes the normal path. Keys are scoped by the caller (e.g. `clock-in:<personId>:<key>`).
 */
export abstract class IdempotencyStore {
  abstract get<T>(key: string): Promise<T | null>;
  abstract put<T>(key: string, value: T): Promise<void>;
}

const MAX_ENTRIES = 50_000;

/** In process memory, for the embedded single-instance default. */
export class MemoryIdempotencyStore extends IdempotencyStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {
    super();
  }

  async get<T>(key: string): Promise<T | null> {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return JSON.parse(e.value) as T;
  }

  async put<T>(key: string, value: T): Promise<void> {
    const now = Date.now();
    this.entries.delete(key);
    this.entries.set(key, { value: JSON.stringify(value), expiresAt: now + this.ttlMs });
    if (this.entries.size > MAX_ENTRIES) {
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
      // still full: drop the oldest (Map keeps insertion order)
      for (const k of this.entries.keys()) {
        if (this.entries.size <= MAX_ENTRIES) break;
        this.entries.delete(k);
      }
    }
  }
}

/** In Redis (`<REDIS_PREFIX>:idem:<scope>:<key>`, expiring), shared by every instance. Redis down → a miss, not an error. */
export class RedisIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlMs: number,
  ) {
    super();
    if (!redis.client) throw new Error('RedisIdempotencyStore needs REDIS_URL');
  }

  async get<T>(key: string): Promise<T | null> {
    try {
      const raw = await this.redis.readyClient().get(this.redis.key('idem', key));
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch (err) {
      this.redis.warn('Redis 不可用，幂等记录改查数据库', err);
      return null;
    }
  }

  async put<T>(key: string, value: T): Promise<void> {
    try {
      await this.redis.readyClient().set(this.redis.key('idem', key), JSON.stringify(value), 'PX', this.ttlMs);
    } catch (err) {
      this.redis.warn('Redis 不可用，幂等记录未缓存', err);
    }
  }
}

import type { RedisConnection } from '../../redis/redis.connection.js';
import { MemoryRateLimitStore, RateLimitStore } from './rate-limit.js';

/**
 * One atomic step: count the hit and start the window on the first one. Returns the count and the window's
 * remaining milliseconds. (A key that somehow lost its expiry gets one again, so no counter lives for ever.)
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/**
 * Fixed-window counters shared by every API instance (`<REDIS_PREFIX>:rl:<bucket>:<client>`).
 * Redis down: the limit falls back to this process's own counters (a warning is logged every 30 s) rather than
 * refusing every request or letting every request through — each instance still limits what it sees.
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();

  constructor(private readonly redis: RedisConnection) {
    super();
    if (!redis.client) throw new Error('RedisRateLimitStore needs REDIS_URL');
  }

  async hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
    try {
      const [count, ttl] = (await this.redis.readyClient().eval(HIT, 1, this.redis.key('rl', key), String(windowMs))) as [number, number];
      return { count: Number(count), resetAt: now + Number(ttl) };
    } catch (err) {
      this.redis.warn('Redis 不可用，频率限制暂按本实例计数', err);
      return this.fallback.hit(key, windowMs, now);
    }
  }
}

import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { RedisIdempotencyStore } from '../common/idempotency/idempotency.store.js';
import { RedisRateLimitStore } from '../common/rate-limit/redis-rate-limit.store.js';
import { BullJobQueue } from '../jobs/bull-job-queue.js';
import { RedisConnection } from './redis.connection.js';

/** Redis unreachable (nothing listens on port 1): every shared-state call answers promptly, none hangs. */
describe('with Redis down', () => {
  let redis: RedisConnection;
  let queue: BullJobQueue;

  beforeAll(() => {
    Logger.overrideLogger(false);
    redis = new RedisConnection({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: 'kp-down' });
    queue = new BullJobQueue(redis, { runWorker: false, retentionMs: 60_000 });
    queue.register('jobs.cleanup', async () => undefined);
  });
  afterAll(async () => {
    await queue.close();
    await redis.onApplicationShutdown();
  });

  it('health reads it as down', async () => {
    expect(await redis.ping()).toBe(false);
  });

  it('rate limits fall back to this process’s counters (fail over, not open and not closed)', async () => {
    const store = new RedisRateLimitStore(redis);
    const now = Date.now();
    expect((await store.hit('auth:10.0.0.1', 60_000, now)).count).toBe(1);
    expect((await store.hit('auth:10.0.0.1', 60_000, now)).count).toBe(2);
  });

  it('while Redis is not connected no command is sent: the fallback answers at once instead of waiting on retries', async () => {
    const client = redis.client!;
    const sent = jest.spyOn(client, 'sendCommand');
    try {
      expect(redis.ready).toBeNull();
      await new RedisRateLimitStore(redis).hit('auth:10.0.0.2', 60_000, Date.now());
      const idem = new RedisIdempotencyStore(redis, 60_000);
      await idem.put('clock-in:p016:k2', { id: 'y' });
      expect(await idem.get('clock-in:p016:k2')).toBeNull();
      expect(sent).not.toHaveBeenCalled();
    } finally {
      sent.mockRestore();
    }
  });

  it('idempotency records miss (the database decides) and storing one is a no-op', async () => {
    const store = new RedisIdempotencyStore(redis, 60_000);
    await store.put('clock-in:p016:k1', { id: 'x' });
    expect(await store.get('clock-in:p016:k1')).toBeNull();
  });

  it('starting or reading a job is refused with JOBS_UNAVAILABLE (503)', async () => {
    await expect(queue.enqueue('jobs.cleanup', {}, { requestedBy: 'p039' })).rejects.toMatchObject({ code: 'JOBS_UNAVAILABLE', status: 503 });
    await expect(queue.get('some-id')).rejects.toMatchObject({ code: 'JOBS_UNAVAILABLE' });
  });
});

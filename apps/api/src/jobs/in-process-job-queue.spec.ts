import { SystemClock } from '../common/time.js';
import { Logger } from '@nestjs/common';
import { jobQueueContract } from '../../test/support/job-queue-contract.js';
import { InProcessJobQueue } from './in-process-job-queue.js';

Logger.overrideLogger(false);

jobQueueContract('InProcessJobQueue', async () => {
  const queue = new InProcessJobQueue(new SystemClock(), 86_400_000);
  return { queue, close: () => queue.close() };
});

describe('InProcessJobQueue specifics', () => {
  it('runs jobs one after another, in order', async () => {
    const queue = new InProcessJobQueue(new SystemClock(), 86_400_000);
    const order: string[] = [];
    let running = 0;
    let overlap = false;
    queue.register('jobs.cleanup', async (ctx) => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((r) => setImmediate(r));
      order.push(String((ctx.data as { n: number }).n));
      running--;
    });
    await queue.start();
    const ids = [];
    for (let n = 0; n < 5; n++) ids.push(await queue.enqueue('jobs.cleanup', { n }, { requestedBy: null }));
    for (const id of ids) await queue.waitUntilFinished(id, 10_000);
    await queue.close();
    expect(order).toEqual(['0', '1', '2', '3', '4']);
    expect(overlap).toBe(false);
  });

  it('forgets finished jobs after the retention period', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const clock = { now: () => new Date(now) };
    const queue = new InProcessJobQueue(clock, 3_600_000);
    queue.register('jobs.cleanup', async () => undefined);
    await queue.start();
    const old = await queue.enqueue('jobs.cleanup', {}, { requestedBy: 'p039' });
    await queue.waitUntilFinished(old, 10_000);
    now = new Date('2026-03-02T09:30:00Z');
    const fresh = await queue.enqueue('jobs.cleanup', {}, { requestedBy: 'p039' });
    await queue.waitUntilFinished(fresh, 10_000);
    await queue.close();
    expect(await queue.get(old)).toBeNull();
    expect((await queue.get(fresh))?.state).toBe('done');
  });
});

/**
 * What every JobQueue implementation must do (InProcessJobQueue in the unit tests, BullJobQueue against Redis in
 * shared-state.redis.spec.ts): lifecycle with progress, failures, per-person listing, schedules.
 */
import { Logger } from '@nestjs/common';
import type { JobName } from '@kaoping/contracts';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { GENERIC_FAILURE, type JobContext, type JobQueue } from '../../src/jobs/job-queue.js';

/** A promise with its resolve function outside. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const name = (n: string) => n as JobName;

export function jobQueueContract(label: string, make: () => Promise<{ queue: JobQueue; close(): Promise<void> }>): void {
  describe(`${label}: the job queue contract`, () => {
    let queue: JobQueue;
    let close: () => Promise<void>;
    const reached = deferred<string>();
    const gate = deferred();
    let ticks = 0;
    const ticked = deferred();

    beforeAll(async () => {
      Logger.overrideLogger(false); // the crash below is logged on purpose
      ({ queue, close } = await make());
      queue.register(name('test.gate'), async (ctx: JobContext<{ n: number }>) => {
        await ctx.progress(40, '处理到一半');
        reached.resolve(ctx.id);
        await gate.promise;
        return { kind: 'summary', text: `完成 ${ctx.data.n}` };
      });
      queue.register(name('test.refused'), async () => {
        throw new DomainError('VALIDATION_FAILED', '考评年度尚未开始');
      });
      queue.register(name('test.crash'), async () => {
        throw new Error('socket hang up at 10.0.0.3');
      });
      queue.register(name('test.tick'), async () => {
        ticks++;
        ticked.resolve();
      });
      await queue.start();
    });
    afterAll(() => close());

    it('successful-job: queued → running with progress and a message → done with its result', async () => {
      const id = await queue.enqueue(name('test.gate'), { n: 7 }, { requestedBy: 'p039', access: { roles: ['office'], sectionId: null } });
      const first = await queue.get(id);
      expect(first).toMatchObject({ id, name: 'test.gate', requestedBy: 'p039', access: { roles: ['office'], sectionId: null } });
      expect(['queued', 'running']).toContain(first!.state);
      expect(await reached.promise).toBe(id);
      expect(await queue.get(id)).toMatchObject({ state: 'running', progress: 40, message: '处理到一半', result: null, finishedAt: null });
      gate.resolve();
      const done = await queue.waitUntilFinished(id, 30_000);
      expect(done).toMatchObject({ state: 'done', progress: 100, result: { kind: 'summary', text: '完成 7' }, error: null });
      expect(done!.finishedAt!.getTime()).toBeGreaterThanOrEqual(done!.createdAt.getTime());
    });

    it('failing-job: a refusal keeps its message, anything else becomes a generic one (no internals)', async () => {
      const refused = await queue.enqueue(name('test.refused'), {}, { requestedBy: 'p039' });
      const crashed = await queue.enqueue(name('test.crash'), {}, { requestedBy: 'p039' });
      expect(await queue.waitUntilFinished(refused, 30_000)).toMatchObject({ state: 'failed', error: '考评年度尚未开始', result: null });
      const c = await queue.waitUntilFinished(crashed, 30_000);
      expect(c).toMatchObject({ state: 'failed', error: GENERIC_FAILURE });
      expect(c!.error).not.toMatch(/10\.0\.0\.3/);
    });

    it('lists a person’s jobs newest first, and nobody else’s; an unknown id is null', async () => {
      const a = await queue.enqueue(name('test.refused'), {}, { requestedBy: 'p015' });
      const b = await queue.enqueue(name('test.refused'), {}, { requestedBy: 'p015' });
      await queue.enqueue(name('test.refused'), {}, { requestedBy: 'p043' });
      await queue.waitUntilFinished(b, 30_000);
      expect((await queue.listFor('p015', 10)).map((j) => j.id)).toEqual([b, a]);
      expect((await queue.listFor('p015', 1)).map((j) => j.id)).toEqual([b]);
      expect(await queue.listFor('p001', 10)).toEqual([]);
      expect(await queue.get('00000000-0000-0000-0000-000000000000')).toBeNull();
    });

    it('refuses a job type nobody registered', async () => {
      await expect(queue.enqueue(name('test.unknown'), {}, { requestedBy: null })).rejects.toThrow(/no handler/);
    });

    it('runs a repeatable job on its schedule, as the system, until unscheduled', async () => {
      await queue.schedule(name('test.tick'), { every: 200 }, {});
      await ticked.promise;
      await queue.unschedule(name('test.tick'));
      expect(ticks).toBeGreaterThanOrEqual(1);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobName, JobState } from '@kaoping/contracts';
import { DomainError } from '../common/errors/domain-error.js';
import type { RedisConnection } from '../redis/redis.connection.js';
import { clampProgress, INTERRUPTED, JobQueue, type EnqueueOptions, type JobEnvelope, type JobInfo, type JobResult, type RepeatSpec } from './job-queue.js';

export const QUEUE_NAME = 'jobs';
/** A person's job index keeps this many ids. */
const INDEX_LENGTH = 50;
/** Queue calls made while serving a request give up after this long (Redis down → 503, not a hung request). */
const CALL_TIMEOUT_MS = 3000;

interface Progress {
  percent: number;
  message: string | null;
}

const STATES: Record<string, JobState> = {
  waiting: 'queued',
  'waiting-children': 'queued',
  delayed: 'queued',
  prioritized: 'queued',
  active: 'running',
  completed: 'done',
  failed: 'failed',
};

function unavailable(): DomainError {
  return new DomainError('JOBS_UNAVAILABLE', '后台任务服务暂时不可用，请稍后重试');
}

/** How long a shutting-down worker waits for its running job. */
const GRACE_MS = 30_000;

/** True when `work` settled within `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = work.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('queue call timed out')), CALL_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Jobs on BullMQ (Redis): a Queue (enqueue, read, schedules) on the shared connection, a Worker (when `JOB_WORKER`
 * is on) and QueueEvents (to wait for a job; created on first use) on connections of their own. Keys live under
 * `<REDIS_PREFIX>:bull:jobs:*`; a job's state, progress, result and error are BullMQ's own job data, so any instance
 * reads any job. A job whose worker died is taken over by another worker once its lock expires (BullMQ's stalled-job
 * check), once; a second stall fails it with “任务被中断”. Each person's recent job ids are a list
 * `<REDIS_PREFIX>:jobs:by:<personId>`.
 */
export class BullJobQueue extends JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue;
  /** Created when something first waits for a job (tests, scripts): one more blocking connection, only if needed. */
  private events: { reader: QueueEvents; client: Redis } | null = null;
  private worker: Worker | null = null;
  private readonly retentionSeconds: number;
  /** This instance's worker name (host:pid:random), recorded by BullMQ on every job it runs (`processedBy`). */
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly redis: RedisConnection,
    private readonly opts: { runWorker: boolean; retentionMs: number; concurrency?: number },
  ) {
    super();
    if (!redis.client) throw new Error('BullJobQueue needs REDIS_URL');
    this.retentionSeconds = Math.ceil(opts.retentionMs / 1000);
    const prefix = redis.key('bull');
    this.queue = new Queue(QUEUE_NAME, {
      connection: redis.client,
      prefix,
      skipWaitingForReady: true,
      defaultJobOptions: { attempts: 1, removeOnComplete: { age: this.retentionSeconds }, removeOnFail: { age: this.retentionSeconds } },
    });
    this.queue.on('error', (err) => redis.warn('任务队列出错', err));
  }

  private indexKey(personId: string): string {
    return this.redis.key('jobs', 'by', personId);
  }

  async enqueue<D>(name: JobName, data: D, opts: EnqueueOptions): Promise<string> {
    const envelope = this.envelope(name, data, opts);
    const id = randomUUID();
    try {
      // the index first: an id whose job never got queued is skipped when listing, a job missing from it would be lost
      if (opts.requestedBy) {
        const key = this.indexKey(opts.requestedBy);
        await bounded(this.redis.client!.multi().lpush(key, id).ltrim(key, 0, INDEX_LENGTH - 1).pexpire(key, this.opts.retentionMs).exec());
      }
      await bounded(this.queue.add(name, envelope, { jobId: id }));
    } catch (err) {
      this.redis.warn('无法加入后台任务', err);
      throw unavailable();
    }
    return id;
  }

  async get(id: string): Promise<JobInfo | null> {
    try {
      const job = await bounded(this.queue.getJob(id));
      return job ? await bounded(this.toInfo(job)) : null;
    } catch (err) {
      this.redis.warn('无法读取后台任务', err);
      throw unavailable();
    }
  }

  async listFor(requestedBy: string, limit: number): Promise<JobInfo[]> {
    let ids: string[];
    try {
      ids = await bounded(this.redis.client!.lrange(this.indexKey(requestedBy), 0, Math.min(limit, INDEX_LENGTH) - 1));
    } catch (err) {
      this.redis.warn('无法读取后台任务', err);
      throw unavailable();
    }
    const jobs = await Promise.all(ids.map((id) => this.get(id)));
    return jobs.filter((j): j is JobInfo => j !== null);
  }

  async schedule<D>(name: JobName, repeat: RepeatSpec, data: D): Promise<void> {
    const envelope: JobEnvelope<D> = { ...this.envelope(name, data, { requestedBy: null }), actor: { actor: 'system', role: null } };
    const repeatOpts = 'every' in repeat ? { every: repeat.every } : { pattern: repeat.cron, tz: repeat.tz };
    await bounded(this.queue.upsertJobScheduler(name, repeatOpts, { name, data: envelope }));
  }

  async unschedule(name: JobName): Promise<void> {
    await bounded(this.queue.removeJobScheduler(name));
  }

  async waitUntilFinished(id: string, timeoutMs: number): Promise<JobInfo | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    if (!this.events) {
      // its own client (not options): a QueueEvents reading from an unreachable Redis only lets go when its client is cut
      const client = new Redis(this.redis.blockingOptions('events'));
      client.on('error', () => undefined);
      const reader = new QueueEvents(QUEUE_NAME, { connection: client, prefix: this.redis.key('bull') });
      reader.on('error', (err) => this.redis.warn('任务事件流出错', err));
      await reader.waitUntilReady();
      this.events = { reader, client };
    }
    try {
      await job.waitUntilFinished(this.events.reader, timeoutMs);
    } catch {
      // failed or timed out: the state says which
    }
    return this.get(id);
  }

  async start(): Promise<void> {
    if (!this.opts.runWorker || this.worker) return;
    this.worker = new Worker(QUEUE_NAME, (job: Job) => this.process(job), {
      connection: this.redis.blockingOptions('worker'),
      prefix: this.redis.key('bull'),
      name: this.instanceId,
      concurrency: this.opts.concurrency ?? 1,
      lockDuration: 60_000,
      maxStalledCount: 1,
    });
    this.worker.on('error', (err) => this.redis.warn('任务执行器出错', err));
  }

  /**
   * Stops taking jobs and lets the running one finish (up to 30 s; after that, or at once when Redis is unreachable,
   * the worker lets go and the job goes back to the queue when its lock expires, for another worker to run).
   */
  async close(): Promise<void> {
    if (this.worker) {
      const reachable = this.redis.client?.status === 'ready';
      await (reachable ? within(this.worker.close(), GRACE_MS) : Promise.resolve(false)).then((closed) => (closed ? undefined : this.worker!.close(true)));
    }
    if (this.events) {
      await within(this.events.reader.close(), 2000);
      this.events.client.disconnect();
    }
    await within(this.queue.close(), 2000);
  }

  private async process(job: Job): Promise<JobResult | null> {
    let message: string | null = null;
    return this.execute(job.name, job.id!, job.data as JobEnvelope, async (percent, text) => {
      if (text !== undefined) message = text;
      await job.updateProgress({ percent: clampProgress(percent), message } satisfies Progress);
    });
  }

  private async toInfo(job: Job): Promise<JobInfo> {
    const raw = await job.getState();
    const state = STATES[raw] ?? 'queued';
    const envelope = job.data as JobEnvelope;
    const p = job.progress as Progress | number | undefined;
    const progress = state === 'done' ? 100 : typeof p === 'number' ? p : (p?.percent ?? 0);
    const failed = state === 'failed';
    return {
      id: job.id!,
      name: job.name as JobName,
      state,
      progress,
      message: typeof p === 'object' && p ? p.message : null,
      result: state === 'done' ? ((job.returnvalue as JobResult | null) ?? null) : null,
      error: failed ? (/stalled/i.test(job.failedReason ?? '') ? INTERRUPTED : job.failedReason || INTERRUPTED) : null,
      requestedBy: envelope?.requestedBy ?? null,
      access: envelope?.access ?? null,
      createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }
}

import { Logger } from '@nestjs/common';
import type { JobAccessDto, JobName, JobState } from '@kaoping/contracts';
import { currentActor, runAs, type AuditActor } from '../audit/audit-context.js';
import { DomainError } from '../common/errors/domain-error.js';

/** A file a job wrote (under UPLOAD_DIR, shared by the instances) for its requester to download. */
export interface JobFileResult {
  kind: 'file';
  fileName: string;
  mime: string;
  size: number;
  /** Path relative to UPLOAD_DIR. */
  storageKey: string;
}

export type JobResult = JobFileResult | { kind: 'summary'; text: string };

/** A job as any instance reads it back. */
export interface JobInfo {
  id: string;
  name: JobName;
  state: JobState;
  progress: number;
  message: string | null;
  result: JobResult | null;
  error: string | null;
  /** Person id of who asked for it; null for scheduled (system) jobs. */
  requestedBy: string | null;
  access: JobAccessDto | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** What a handler gets: its parameters and a way to report progress (0–100, with a message in Chinese). */
export interface JobContext<D> {
  id: string;
  data: D;
  requestedBy: string | null;
  progress(percent: number, message?: string): Promise<void>;
}

export type JobHandler<D = unknown> = (ctx: JobContext<D>) => Promise<JobResult | void>;

export interface EnqueueOptions {
  /** Person id of who asked; null for system jobs. */
  requestedBy: string | null;
  /** The role (and section) the original action required: a reader — requester or office — must still hold it. */
  access?: JobAccessDto;
}

/** Every N ms, or a cron pattern (5 or 6 fields) in a time zone. */
export type RepeatSpec = { every: number } | { cron: string; tz: string };

/** What the queue stores with each job (JSON). */
export interface JobEnvelope<D = unknown> {
  params: D;
  requestedBy: string | null;
  access: JobAccessDto | null;
  actor: AuditActor;
}

export const GENERIC_FAILURE = '任务执行出错，请稍后重试';
export const INTERRUPTED = '任务被中断（服务重启），请重试';

/**
 * Background work. `BullJobQueue` (Redis, several instances: a job enqueued on one is run by any worker and read
 * from any instance) or `InProcessJobQueue` (no Redis: one instance, jobs run one after another in this process).
 * Feature modules `register` their handlers in `onModuleInit`; the queue starts working when the app has started.
 */
export abstract class JobQueue {
  protected readonly logger = new Logger('Jobs');
  protected readonly handlers = new Map<string, JobHandler<never>>();

  abstract readonly kind: 'bullmq' | 'in-process';

  register<D>(name: JobName, handler: JobHandler<D>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} registered twice`);
    this.handlers.set(name, handler as JobHandler<never>);
  }

  /** Queues a job and answers its id at once. */
  abstract enqueue<D>(name: JobName, data: D, opts: EnqueueOptions): Promise<string>;

  /** A job by id (null: unknown or expired). */
  abstract get(id: string): Promise<JobInfo | null>;

  /** The person's recent jobs, newest first. */
  abstract listFor(requestedBy: string, limit: number): Promise<JobInfo[]>;

  /** Runs `name` on a schedule (one run per tick across every instance). Replaces an earlier schedule of the same name. */
  abstract schedule<D>(name: JobName, repeat: RepeatSpec, data: D): Promise<void>;

  /** Stops a schedule (nothing happens when there is none). */
  abstract unschedule(name: JobName): Promise<void>;

  /** Resolves when the job has finished (or at the timeout) with its final state. */
  abstract waitUntilFinished(id: string, timeoutMs: number): Promise<JobInfo | null>;

  /** Starts processing (after every module registered its handlers). */
  abstract start(): Promise<void>;

  /** Stops taking jobs and waits for the running one. */
  abstract close(): Promise<void>;

  protected envelope<D>(name: JobName, data: D, opts: EnqueueOptions): JobEnvelope<D> {
    if (!this.handlers.has(name)) throw new Error(`job ${name} has no handler`);
    return { params: data, requestedBy: opts.requestedBy, access: opts.access ?? null, actor: currentActor() };
  }

  /**
   * Runs the handler as the requester (the audit log names them). A `DomainError` is the user's message; anything
   * else is logged and reported as a generic failure (no stack traces to the phone).
   */
  protected async execute(name: string, id: string, env: JobEnvelope, progress: JobContext<unknown>['progress']): Promise<JobResult | null> {
    const handler = this.handlers.get(name);
    if (!handler) throw new JobFailedError(`未知的任务类型：${name}`);
    try {
      const result = await runAs(env.actor, () => handler({ id, data: env.params as never, requestedBy: env.requestedBy, progress }));
      return result ?? null;
    } catch (err) {
      if (err instanceof DomainError) throw new JobFailedError(err.message);
      this.logger.error({ err, job: id, name }, `任务 ${name} ${id} 失败`);
      throw new JobFailedError(GENERIC_FAILURE);
    }
  }
}

/** A failure whose message is meant for the user (Chinese). */
export class JobFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailedError';
  }
}

/** Progress bounded to 0–100, whole numbers. */
export function clampProgress(p: number): number {
  return Number.isFinite(p) ? Math.max(0, Math.min(100, Math.round(p))) : 0;
}

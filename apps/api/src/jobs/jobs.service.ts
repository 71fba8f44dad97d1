import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JOB_LABELS, type JobAccessDto, type JobDto, type JobName } from '@kaoping/contracts';
import type { Principal } from '../access/principal.js';
import { canReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';
import { JobFiles } from './job-files.js';
import { JobQueue, type JobFileResult, type JobHandler, type JobInfo, type RepeatSpec } from './job-queue.js';

/** How many of a person's jobs `GET /api/jobs` lists. */
export const RECENT_JOBS = 20;

/**
 * Starting, reading and downloading jobs for people, with the access rule: a job is readable by whoever asked for it
 * and by the office, and only while they still hold a role (and section) the original action required — anyone else
 * gets 404, as for a job that does not exist. Also owns the queue's life cycle and the schedules.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly schedules = new Map<JobName, { repeat: RepeatSpec | null; data: unknown }>();
  private retry: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    @Inject(JobQueue) readonly queue: JobQueue,
    @Inject(JobFiles) readonly files: JobFiles,
    @Inject(Env) private readonly env: Env,
  ) {}

  register<D>(name: JobName, handler: JobHandler<D>): void {
    this.queue.register(name, handler);
  }

  /** Runs `name` on a schedule once the app has started (null: make sure it is not scheduled). */
  scheduleOnStart<D>(name: JobName, repeat: RepeatSpec | null, data: D): void {
    this.schedules.set(name, { repeat, data });
  }

  onModuleInit(): void {
    // result files of finished jobs go once the job records do
    this.register('jobs.cleanup', async (ctx) => {
      const removed = await this.files.removeOlderThan(this.env.JOB_RETENTION_DAYS * 86_400_000);
      await ctx.progress(100);
      return { kind: 'summary', text: `已清理 ${removed} 个过期文件` };
    });
    this.scheduleOnStart('jobs.cleanup', { cron: '30 3 * * *', tz: this.env.BUREAU_TIMEZONE }, {});
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
    await this.applySchedules();
  }

  /** Schedules live in Redis with BullMQ: if it is down at start-up, keep trying every 30 s. */
  private async applySchedules(): Promise<void> {
    const outcomes = await Promise.all(
      [...this.schedules].map(async ([name, { repeat, data }]) => {
        try {
          if (repeat) await this.queue.schedule(name, repeat, data);
          else await this.queue.unschedule(name);
          return true;
        } catch (err) {
          this.logger.warn(`无法设置定时任务 ${name}：${err instanceof Error ? err.message : String(err)}`);
          return false;
        }
      }),
    );
    if (outcomes.includes(false) && !this.closing) this.retry = setTimeout(() => void this.applySchedules(), 30_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    await this.queue.close();
  }

  /** Queues a job for `user` and answers it (202 for the caller). `access`: what the original action required. */
  async start<D>(user: Principal, name: JobName, data: D, access: JobAccessDto): Promise<JobDto> {
    const id = await this.queue.enqueue(name, data, { requestedBy: user.id, access });
    const info = await this.queue.get(id);
    if (!info) throw new DomainError('JOBS_UNAVAILABLE', '后台任务服务暂时不可用，请稍后重试');
    return this.toDto(info);
  }

  canRead(user: Principal, job: JobInfo): boolean {
    if (user.kind !== 'person') return false;
    if (job.requestedBy !== user.id && user.role !== 'office') return false;
    if (job.access) {
      if (!job.access.roles.includes(user.role)) return false;
      if (job.access.sectionId && !canReadSection(user, job.access.sectionId)) return false;
    }
    return true;
  }

  private async readable(user: Principal, id: string): Promise<JobInfo> {
    const job = await this.queue.get(id);
    if (!job || !this.canRead(user, job)) throw DomainError.notFound('任务', 'id');
    return job;
  }

  async read(user: Principal, id: string): Promise<JobDto> {
    return this.toDto(await this.readable(user, id));
  }

  async mine(user: Principal): Promise<JobDto[]> {
    return (await this.queue.listFor(user.id, RECENT_JOBS)).filter((j) => this.canRead(user, j)).map((j) => this.toDto(j));
  }

  async download(user: Principal, id: string): Promise<{ file: JobFileResult; bytes: Buffer }> {
    const job = await this.readable(user, id);
    if (job.state !== 'done' || job.result?.kind !== 'file') throw new DomainError('CONFLICT', job.state === 'failed' ? '任务失败，没有可下载的文件' : '任务尚未完成，请稍候');
    return { file: job.result, bytes: await this.files.read(job.result) };
  }

  toDto(j: JobInfo): JobDto {
    return {
      id: j.id,
      name: j.name,
      label: JOB_LABELS[j.name] ?? j.name,
      state: j.state,
      progress: j.progress,
      message: j.message,
      result:
        j.result?.kind === 'file'
          ? { kind: 'file', fileName: j.result.fileName, mime: j.result.mime, size: j.result.size, downloadUrl: `/api/jobs/${encodeURIComponent(j.id)}/download` }
          : j.result,
      error: j.error,
      createdAt: j.createdAt.toISOString(),
      finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
    };
  }
}

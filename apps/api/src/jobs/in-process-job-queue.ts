import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import type { JobName } from '@kaoping/contracts';
import type { Clock } from '../common/time.js';
import { clampProgress, GENERIC_FAILURE, JobFailedError, JobQueue, type EnqueueOptions, type JobEnvelope, type JobInfo, type RepeatSpec } from './job-queue.js';

interface Entry {
  info: JobInfo;
  envelope: JobEnvelope;
  seq: number;
  scheduled: boolean;
}

/** Jobs kept at most (besides the retention period), so a long-running single instance does not grow for ever. */
const MAX_KEPT = 1000;

/**
 * The queue without Redis: one instance by definition (the embedded default). Jobs run one after another in this
 * process; their state lives in memory (a restart forgets finished jobs — their files stay until the cleanup job —
 * and drops queued ones). Schedules are timers in this process.
 */
export class InProcessJobQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly jobs = new Map<string, Entry>();
  private readonly pending: string[] = [];
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private draining: Promise<void> | null = null;
  private seq = 0;
  private started = false;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly retentionMs: number,
  ) {
    super();
  }

  async enqueue<D>(name: JobName, data: D, opts: EnqueueOptions): Promise<string> {
    return this.add(name, this.envelope(name, data, opts), false);
  }

  private add(name: JobName, envelope: JobEnvelope, scheduled: boolean): string {
    if (this.closed) throw new Error('job queue closed');
    this.sweep();
    const id = randomUUID();
    const info: JobInfo = {
      id,
      name,
      state: 'queued',
      progress: 0,
      message: null,
      result: null,
      error: null,
      requestedBy: envelope.requestedBy,
      access: envelope.access,
      createdAt: this.clock.now(),
      finishedAt: null,
    };
    this.jobs.set(id, { info, envelope, seq: ++this.seq, scheduled });
    this.pending.push(id);
    setImmediate(() => this.kick());
    return id;
  }

  async get(id: string): Promise<JobInfo | null> {
    const e = this.jobs.get(id);
    return e ? { ...e.info } : null;
  }

  async listFor(requestedBy: string, limit: number): Promise<JobInfo[]> {
    return [...this.jobs.values()]
      .filter((e) => e.info.requestedBy === requestedBy)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit)
      .map((e) => ({ ...e.info }));
  }

  async schedule<D>(name: JobName, repeat: RepeatSpec, data: D): Promise<void> {
    clearTimeout(this.timers.get(name));
    const envelope = this.envelope(name, data, { requestedBy: null });
    const fire = () => {
      // a tick while the previous scheduled run still waits is skipped, not piled up
      const waiting = [...this.jobs.values()].some((e) => e.scheduled && e.info.name === name && (e.info.state === 'queued' || e.info.state === 'running'));
      if (!waiting && !this.closed) this.add(name, { ...envelope, actor: { actor: 'system', role: null } }, true);
    };
    if ('every' in repeat) {
      this.timers.set(name, setInterval(fire, repeat.every).unref());
      return;
    }
    const expression = CronExpressionParser.parse(repeat.cron, { tz: repeat.tz });
    const upcoming = () => {
      let at = expression.next().getTime();
      while (at <= Date.now()) at = expression.next().getTime();
      return at;
    };
    let nextAt = upcoming();
    const arm = () => {
      if (this.closed) return;
      // setTimeout holds at most ~24.8 days: a longer wait is re-armed on the way
      const delay = Math.min(Math.max(nextAt - Date.now(), 0), 2 ** 31 - 1);
      this.timers.set(
        name,
        setTimeout(() => {
          if (Date.now() >= nextAt) {
            fire();
            nextAt = upcoming();
          }
          arm();
        }, delay).unref(),
      );
    };
    arm();
  }

  async unschedule(name: JobName): Promise<void> {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  async waitUntilFinished(id: string, timeoutMs: number): Promise<JobInfo | null> {
    const e = this.jobs.get(id);
    if (!e) return null;
    if (e.info.state === 'done' || e.info.state === 'failed') return { ...e.info };
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const list = this.waiters.get(id) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiters.set(id, list);
    });
    return this.get(id);
  }

  async start(): Promise<void> {
    this.started = true;
    this.kick();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.draining;
    for (const list of this.waiters.values()) for (const w of list) w();
    this.waiters.clear();
  }

  private kick(): void {
    if (!this.started || this.closed || this.draining || this.pending.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const id = this.pending.shift()!;
      const entry = this.jobs.get(id);
      if (entry) await this.process(entry);
    }
  }

  private async process(entry: Entry): Promise<void> {
    const { info } = entry;
    info.state = 'running';
    try {
      const result = await this.execute(info.name, info.id, entry.envelope, async (percent, message) => {
        info.progress = clampProgress(percent);
        if (message !== undefined) info.message = message;
      });
      info.result = result;
      info.progress = 100;
      info.state = 'done';
    } catch (err) {
      info.error = err instanceof JobFailedError ? err.message : GENERIC_FAILURE;
      info.state = 'failed';
    } finally {
      info.finishedAt = this.clock.now();
      for (const w of this.waiters.get(info.id) ?? []) w();
      this.waiters.delete(info.id);
    }
  }

  /** Forgets finished jobs past the retention period, and the oldest finished ones beyond MAX_KEPT. */
  private sweep(): void {
    const cutoff = this.clock.now().getTime() - this.retentionMs;
    for (const [id, e] of this.jobs) if (e.info.finishedAt && e.info.finishedAt.getTime() < cutoff) this.jobs.delete(id);
    if (this.jobs.size < MAX_KEPT) return;
    for (const [id, e] of this.jobs) {
      if (this.jobs.size < MAX_KEPT) break;
      if (e.info.finishedAt) this.jobs.delete(id);
    }
  }
}

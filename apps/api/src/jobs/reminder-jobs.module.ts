import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { JobsService } from './jobs.service.js';

/**
 * The reminder sweep (`reminders.sweep`) on the job queue, on the `REMINDERS_CRON` schedule in the bureau's zone
 * (`off`: not scheduled). With several instances BullMQ's job scheduler makes one run per tick; the sweep is safe to
 * run twice anyway (each reminder has a unique key).
 */
@Injectable()
export class ReminderJobs implements OnModuleInit {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(RemindersService) private readonly reminders: RemindersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Env) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.jobs.register('reminders.sweep', async ({ progress }) => {
      await progress(0, '正在查找到期事项…');
      const r = await this.reminders.sweep(this.clock.now());
      return { kind: 'summary', text: `到期 ${r.due} 项，新发送 ${r.created} 条，已发送过 ${r.duplicates} 条，失败 ${r.errors} 条` };
    });
    const cron = this.env.REMINDERS_CRON;
    this.jobs.scheduleOnStart('reminders.sweep', cron === 'off' ? null : { cron, tz: this.env.BUREAU_TIMEZONE }, {});
  }
}

@Module({ imports: [RemindersModule], providers: [ReminderJobs] })
export class ReminderJobsModule {}

import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { RedisConnection } from '../redis/redis.connection.js';
import { BullJobQueue } from './bull-job-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { JobFiles } from './job-files.js';
import { JobQueue } from './job-queue.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';

/**
 * Background jobs for every feature (global: inject `JobsService` to register handlers and start jobs).
 * BullMQ when REDIS_URL is set, the in-process queue otherwise.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [
    {
      provide: JobQueue,
      inject: [Env, RedisConnection, Clock],
      useFactory: (env: Env, redis: RedisConnection, clock: Clock): JobQueue => {
        const retentionMs = env.JOB_RETENTION_DAYS * 86_400_000;
        return redis.enabled ? new BullJobQueue(redis, { runWorker: env.JOB_WORKER, retentionMs }) : new InProcessJobQueue(clock, retentionMs);
      },
    },
    JobFiles,
    JobsService,
  ],
  exports: [JobQueue, JobFiles, JobsService],
})
export class JobsModule {}

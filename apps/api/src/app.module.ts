import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loggerParams } from './common/logging/logger-options.js';
import { AccessGuard } from './access/access.guard.js';
import { AuthController, MeController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { SessionService } from './auth/session.service.js';
import { TokenService } from './auth/token.service.js';
import { WechatClient } from './auth/wechat.client.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { RATE_LIMITS, RateLimitGuard, type RateLimits } from './common/rate-limit/rate-limit.js';
import { SHARED_STATE_EXPORTS, sharedStateProviders } from './redis/shared-state.providers.js';
import { Clock, SystemClock } from './common/time.js';
import { Env } from './config/env.js';
import { DiaryModule } from './diary/diary.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { LedgersModule } from './ledgers/ledgers.module.js';
import { dataSourceOptions, openDataSource } from './database/data-source.js';
import { isConnectionError } from './common/errors/db-errors.js';
import { FilesModule } from './files/files.module.js';
import { AuditModule } from './audit/audit.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { RecordsModule } from './records/records.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ProblemsModule } from './problems/problems.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ReminderJobsModule } from './jobs/reminder-jobs.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { CycleModule } from './cycle/cycle.module.js';
import { OrderChecksModule } from './order-checks/order-checks.module.js';
import { GovernanceModule } from './governance/governance.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { PublicityModule } from './publicity/publicity.module.js';
import { FactsRegistry } from './scoring/facts-registry.js';
import { HealthController } from './health/health.controller.js';
import { OrgService } from './org/org.service.js';
import { PeopleController } from './org/people.controller.js';
import { SectionsController } from './org/sections.controller.js';

export interface AppOptions {
  env: Env;
  clock?: Clock;
  /** Where log lines go instead of stdout (tests read the log from it). */
  logStream?: DestinationStream;
}

const STARTUP_RETRY_DELAY_S = 2;

/**
 * What every feature module may inject without importing anything: the validated env, the clock, the org
 * service (people, sections, memberships, today in the bureau's zone), tokens and the rate limiter.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ env, clock }: AppOptions): DynamicModule {
    const shared = [
      { provide: Env, useValue: env },
      { provide: Clock, useValue: clock ?? new SystemClock() },
      ...sharedStateProviders(env),
      { provide: RATE_LIMITS, useValue: { auth: env.AUTH_RATE_LIMIT, upload: env.UPLOAD_RATE_LIMIT, complaint: env.COMPLAINT_RATE_LIMIT, survey: env.SURVEY_RATE_LIMIT, publicity: env.PUBLICITY_RATE_LIMIT } satisfies RateLimits },
      RateLimitGuard,
      TokenService,
      OrgService,
      FactsRegistry,
    ];
    return {
      module: CoreModule,
      imports: [JwtModule.register({ secret: env.JWT_SECRET })],
      providers: shared,
      exports: [Env, Clock, ...SHARED_STATE_EXPORTS, RATE_LIMITS, RateLimitGuard, TokenService, OrgService, FactsRegistry],
    };
  }
}

/**
 * Feature modules (attendance, surveys, diaries, complaints, scoring …), each self-contained:
 * its controllers, services and entities. Add one line here for a new one.
 */
export const FEATURE_MODULES: (Type | DynamicModule)[] = [JobsModule, FilesModule, DiaryModule, LedgersModule, IntegrityModule, AttendanceModule, ComplaintsModule, ProblemsModule, SurveysModule, AuditModule, NoticesModule, RecordsModule, ScoringModule, ReviewsModule, CycleModule, OrderChecksModule, GovernanceModule, RemindersModule, ReminderJobsModule, PublicityModule];

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { env } = options;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(env.LOG_LEVEL, options.logStream)),
        TypeOrmModule.forRootAsync({
          // the database may still be starting (or down): retry for DB_STARTUP_WAIT_SECONDS, connection errors only
          useFactory: () => ({
            ...dataSourceOptions(env),
            retryAttempts: Math.max(1, Math.floor(env.DB_STARTUP_WAIT_SECONDS / STARTUP_RETRY_DELAY_S) + 1),
            retryDelay: STARTUP_RETRY_DELAY_S * 1000,
            toRetry: isConnectionError,
          }),
          dataSourceFactory: (options) => openDataSource(options!, env),
        }),
        CoreModule.forRoot(options),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController, AuthController, MeController, SectionsController, PeopleController],
      providers: [
        {
          provide: WechatClient,
          useFactory: () =>
            new WechatClient({ baseUrl: env.WECHAT_BASE_URL, appid: env.WECHAT_APPID, secret: env.WECHAT_SECRET, timeoutMs: env.WECHAT_TIMEOUT_MS }),
        },
        AuthService,
        SessionService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}

import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessGuard } from './access/access.guard.js';
import { AuthController, MeController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { TokenService } from './auth/token.service.js';
import { WechatClient } from './auth/wechat.client.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { MemoryRateLimitStore, RATE_LIMITS, RateLimitGuard, RateLimitStore, type RateLimits } from './common/rate-limit/rate-limit.js';
import { Clock, SystemClock } from './common/time.js';
import { Env } from './config/env.js';
import { DiaryModule } from './diary/diary.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { LedgersModule } from './ledgers/ledgers.module.js';
import { resolveDataSourceOptions } from './database/data-source.js';
import { FilesModule } from './files/files.module.js';
import { AuditModule } from './audit/audit.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { RecordsModule } from './records/records.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ProblemsModule } from './problems/problems.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { FactsRegistry } from './scoring/facts-registry.js';
import { HealthController } from './health/health.controller.js';
import { OrgService } from './org/org.service.js';
import { PeopleController } from './org/people.controller.js';
import { SectionsController } from './org/sections.controller.js';

export interface AppOptions {
  env: Env;
  clock?: Clock;
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.body.code', 'req.body.inviteCode'];

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
      { provide: RateLimitStore, useValue: new MemoryRateLimitStore() },
      { provide: RATE_LIMITS, useValue: { auth: env.AUTH_RATE_LIMIT, upload: env.UPLOAD_RATE_LIMIT, complaint: env.COMPLAINT_RATE_LIMIT, survey: env.SURVEY_RATE_LIMIT } satisfies RateLimits },
      RateLimitGuard,
      TokenService,
      OrgService,
      FactsRegistry,
    ];
    return {
      module: CoreModule,
      imports: [JwtModule.register({ secret: env.JWT_SECRET })],
      providers: shared,
      exports: [Env, Clock, RateLimitStore, RATE_LIMITS, RateLimitGuard, TokenService, OrgService, FactsRegistry],
    };
  }
}

/**
 * Feature modules (attendance, surveys, diaries, complaints, scoring …), each self-contained:
 * its controllers, services and entities. Add one line here for a new one.
 */
export const FEATURE_MODULES: (Type | DynamicModule)[] = [FilesModule, DiaryModule, LedgersModule, IntegrityModule, AttendanceModule, ComplaintsModule, ProblemsModule, SurveysModule, AuditModule, NoticesModule, RecordsModule, ScoringModule];

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { env } = options;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            redact: REDACT,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRootAsync({ useFactory: () => resolveDataSourceOptions(env) }),
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
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}

import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/decorators.js';
import { Env } from '../config/env.js';
import { RedisConnection } from '../redis/redis.connection.js';

/** How long a dependency may take to answer the health probe before it counts as down. */
const PROBE_TIMEOUT_MS = 3000;

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'ok：所有必需的依赖可用；degraded：至少一个不可用（HTTP 503）' }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'], description: '数据库' }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['mysql', 'sqlite'] }) databaseKind!: string;
  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'Redis（仅在配置了 REDIS_URL 时出现）' }) redis?: 'up' | 'down';
  @ApiProperty() time!: string;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ description: '进程已运行的秒数' }) uptimeSeconds!: number;
  @ApiProperty() time!: string;
}

/** Resolves true if `probe` succeeds within the probe timeout. */
async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Two probes, Kubernetes style: `/api/health/live` says the process is up (restart it if not);
 * `/api/health` says it can serve (send it traffic only if so): the database and, when configured, Redis answer.
 */
@ApiTags('运维')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(RedisConnection) private readonly redis: RedisConnection,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: '就绪检查（readiness）：数据库与 Redis 是否可用',
    description: `数据库（及配置了 REDIS_URL 时的 Redis）在 ${PROBE_TIMEOUT_MS / 1000} 秒内应答则 200，否则 503（负载均衡应暂停向该实例转发）。依赖恢复后无需重启即恢复 200。`,
  })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: '数据库或 Redis 不可用' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const kind = this.ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
    const [database, redis] = await Promise.all([
      answers(() => this.ds.query('SELECT 1')),
      this.redis.enabled ? answers(async () => { if (!(await this.redis.ping())) throw new Error('no PONG'); }) : Promise.resolve(null),
    ]);
    const body: HealthResponse = { status: 'ok', database: database ? 'up' : 'down', databaseKind: kind, time: new Date().toISOString() };
    if (redis !== null) body.redis = redis ? 'up' : 'down';
    if (!database || redis === false) {
      body.status = 'degraded';
      res.status(503);
      res.setHeader('Retry-After', String(this.env.RETRY_AFTER_SECONDS));
    }
    return body;
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: '存活检查（liveness）：进程在运行即 200，不检查数据库', description: '数据库故障时也返回 200：重启 API 不能修复数据库。' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()), time: new Date().toISOString() };
  }
}

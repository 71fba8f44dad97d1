import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/decorators.js';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['mysql', 'sqlite'] }) databaseKind!: string;
  @ApiProperty() time!: string;
}

@ApiTags('运维')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查（数据库连通性）' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: '数据库不可用' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const kind = this.ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
    const up = await Promise.race([
      this.ds.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
    ]);
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', databaseKind: kind, time: new Date().toISOString() };
  }
}

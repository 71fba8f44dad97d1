import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { JobDto } from '@kaoping/contracts';
import type { Response } from 'express';
import { CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { JobResponse } from './dto/job.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('后台任务')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '我最近的后台任务', description: '本人发起的导出、重算等任务，最新在前（最多 20 个，保留 JOB_RETENTION_DAYS 天）。' })
  @ApiOkResponse({ type: JobResponse, isArray: true })
  mine(@CurrentUser() user: Principal): Promise<JobDto[]> {
    return this.jobs.mine(user);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '任务状态与进度', description: '发起人和考评办可查看（且仍具备发起时所需的角色与处室权限）；其他人 404。' })
  @ApiOkResponse({ type: JobResponse })
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<JobDto> {
    return this.jobs.read(user, id);
  }

  @Get(':id/download')
  @Roles(...STAFF)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '下载任务结果文件', description: '与查看任务相同的权限；任务未完成 409。' })
  @ApiOkResponse({ description: '文件' })
  async download(@CurrentUser() user: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, bytes } = await this.jobs.download(user, id);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}

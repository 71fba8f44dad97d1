import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntegrityFileDto, IntegrityReportDto } from '@kaoping/contracts';
import { CurrentUser, Roles } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import {
  IntegrityFileResponse,
  IntegrityMineResponse,
  IntegrityQueueQueryDto,
  IntegrityReportResponse,
  IntegrityYearQueryDto,
  ReviewIntegrityReportDto,
  SaveIntegrityReportDto,
} from './dto/integrity.dto.js';
import { IntegrityService } from './integrity.service.js';

/** Leaders are left out on purpose: the integrity file is for the person and the office only. */
const WRITERS = ['staff', 'chief', 'office'] as const;

@ApiTags('述廉')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @Get('mine')
  @Roles(...WRITERS)
  @ApiOperation({ summary: '本人某年度述廉报告' })
  @ApiOkResponse({ type: IntegrityMineResponse })
  mine(@CurrentUser() user: Principal, @Query() q: IntegrityYearQueryDto): Promise<{ year: number; report: IntegrityReportDto | null }> {
    return this.integrity.mine(user, q.year);
  }

  @Post('reports')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: '写（提交）本人年度述廉报告', description: '一般干部由政治处、监察室审核；正、副处长由局党委会审核（考评办登记结果）。' })
  @ApiOkResponse({ type: IntegrityReportResponse })
  save(@CurrentUser() user: Principal, @Body() dto: SaveIntegrityReportDto): Promise<IntegrityReportDto> {
    return this.integrity.save(user, dto);
  }

  @Get('reports')
  @Roles('office')
  @ApiOperation({ summary: '述廉报告审核列表（考评办）', description: '附件带签名预览链接（仅考评办与本人可得）。' })
  @ApiOkResponse({ type: IntegrityReportResponse, isArray: true })
  queue(@Query() q: IntegrityQueueQueryDto): Promise<IntegrityReportDto[]> {
    return this.integrity.queue(q.year, q.status);
  }

  @Post('reports/:id/review')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '审核述廉报告：通过即存入廉政档案，或退回', description: '正、副处长的报告由局党委会审核，考评办登记党委会的决定。' })
  @ApiOkResponse({ type: IntegrityReportResponse })
  review(@CurrentUser() user: Principal, @Param('id') id: string, @Body() dto: ReviewIntegrityReportDto): Promise<IntegrityReportDto> {
    return this.integrity.review(user, id, dto);
  }

  @Get('files/:id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: '廉政档案', description: 'id 为 me 或人员编号；仅本人和考评办可查看。' })
  @ApiOkResponse({ type: IntegrityFileResponse })
  file(@CurrentUser() user: Principal, @Param('id') id: string): Promise<IntegrityFileDto> {
    return this.integrity.file(user, id);
  }
}

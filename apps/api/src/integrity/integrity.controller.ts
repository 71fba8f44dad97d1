import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntegrityFileDto, IntegrityReportDto } from '@kaoping/contracts';
import { CurrentUser, Roles } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { IntegrityQueueQueryDto, IntegrityYearQueryDto, ReviewIntegrityReportDto, SaveIntegrityReportDto } from './dto/integrity.dto.js';
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
  mine(@CurrentUser() user: Principal, @Query() q: IntegrityYearQueryDto): Promise<{ year: number; report: IntegrityReportDto | null }> {
    return this.integrity.mine(user, q.year);
  }

  @Post('reports')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: '写（提交）本人年度述廉报告', description: '一般干部由政治处、监察室审核；正、副处长由局党委会审核（考评办登记结果）。' })
  save(@CurrentUser() user: Principal, @Body() dto: SaveIntegrityReportDto): Promise<IntegrityReportDto> {
    return this.integrity.save(user, dto);
  }

  @Get('reports')
  @Roles('office')
  @ApiOperation({ summary: '述廉报告审核列表（考评办）' })
  queue(@Query() q: IntegrityQueueQueryDto): Promise<IntegrityReportDto[]> {
    return this.integrity.queue(q.year, q.status);
  }

  @Post('reports/:id/review')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '审核述廉报告：通过即存入廉政档案，或退回' })
  review(@CurrentUser() user: Principal, @Param('id') id: string, @Body() dto: ReviewIntegrityReportDto): Promise<IntegrityReportDto> {
    return this.integrity.review(user, id, dto);
  }

  @Get('files/:id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: '廉政档案', description: 'id 为 me 或人员编号；仅本人和考评办可查看。' })
  file(@CurrentUser() user: Principal, @Param('id') id: string): Promise<IntegrityFileDto> {
    return this.integrity.file(user, id);
  }
}

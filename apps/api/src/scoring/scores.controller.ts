import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GradeListDto, JobDto, LeaderboardDto, PersonScoreDto } from '@kaoping/contracts';
import type { Response } from 'express';
import { BUREAU, CurrentUser, MANAGERS, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { OrgService } from '../org/org.service.js';
import { JobResponse } from '../jobs/dto/job.dto.js';
import { JobsService } from '../jobs/jobs.service.js';
import { GradeListResponse, LeaderboardQueryDto, LeaderboardResponse, PersonScoreResponse, ReportJobDto, ReportQueryDto, ScoreQueryDto, StartRunDto } from './dto/scores.dto.js';
import { ScoringJobs, XLSX } from './scoring.jobs.js';
import { ScoringService } from './scoring.service.js';

@ApiTags('成绩')
@ApiBearerAuth()
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly org: OrgService,
    private readonly jobs: JobsService,
    private readonly scoringJobs: ScoringJobs,
  ) {}

  private year(y?: number): number {
    return y ?? Number(this.org.today().slice(0, 4));
  }

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '排行榜', description: '按方案、年度、处室筛选；处室负责人只看本处室。事实有变化时自动重新计算。' })
  @ApiOkResponse({ type: LeaderboardResponse })
  leaderboard(@CurrentUser() user: PersonPrincipal, @Query() q: LeaderboardQueryDto): Promise<LeaderboardDto> {
    return this.scoring.leaderboard(user, q.scheme ?? 'jiguan', this.year(q.year), q.sectionId);
  }

  @Get('grades')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '年度等次名单', description: '“不称职”的后果（扣发第十三个月工资、组织调整、全局通报）单独标出。' })
  @ApiOkResponse({ type: GradeListResponse })
  grades(@CurrentUser() user: PersonPrincipal, @Query() q: ScoreQueryDto): Promise<GradeListDto> {
    return this.scoring.gradeList(user, q.scheme ?? 'jiguan', this.year(q.year));
  }

  @Get('report')
  @Roles(...BUREAU)
  @ApiOperation({
    summary: '年度考评报表（Excel，同步）',
    description: '每个方案一张成绩表（人员 × 维度 × 总分 × 等次）和一张明细表（每一项及其证据来源）。供脚本使用；小程序用 POST /api/scores/report（后台任务）。',
  })
  @ApiOkResponse({ description: 'xlsx' })
  async report(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const year = this.year(q.year);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="kaoping-${year}.xlsx"`);
    return new StreamableFile(await this.scoringJobs.report(year));
  }

  @Post('report')
  @HttpCode(202)
  @Roles(...BUREAU)
  @ApiOperation({ summary: '导出年度考评报表（后台任务）', description: '立即返回任务（202）；用 GET /api/jobs/{id} 查看进度，完成后从 result.downloadUrl 下载。' })
  @ApiAcceptedResponse({ type: JobResponse })
  startReport(@CurrentUser() user: PersonPrincipal, @Body() dto: ReportJobDto): Promise<JobDto> {
    return this.jobs.start(user, 'scores.report', { year: dto.year }, { roles: [...BUREAU], sectionId: null });
  }

  @Post('runs')
  @HttpCode(202)
  @Roles('office')
  @ApiOperation({ summary: '全局重算（后台任务）', description: '立即返回任务（202）；用 GET /api/jobs/{id} 查看进度。' })
  @ApiAcceptedResponse({ type: JobResponse })
  startRun(@CurrentUser() user: PersonPrincipal, @Body() dto: StartRunDto): Promise<JobDto> {
    return this.jobs.start(user, 'scores.recompute', { scheme: dto.scheme, year: dto.year }, { roles: ['office'], sectionId: null });
  }

  @Get('people/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '个人成绩', description: '总分、等次、各维度得分及每一项的细则与证据。干部职工只能看本人，处室负责人看本处室。' })
  @ApiOkResponse({ type: PersonScoreResponse })
  person(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Query() q: ScoreQueryDto): Promise<PersonScoreDto> {
    return this.scoring.personScore(user, id, q.scheme, this.year(q.year));
  }
}

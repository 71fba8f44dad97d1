import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { POSITION_LABELS, SCHEME_IDS, type GradeListDto, type LeaderboardDto, type PersonScoreDto, type Position, type ScoreRunDto } from '@kaoping/contracts';
import type { Response } from 'express';
import { BUREAU, CurrentUser, MANAGERS, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { OrgService } from '../org/org.service.js';
import { GradeListResponse, LeaderboardQueryDto, LeaderboardResponse, PersonScoreResponse, ReportQueryDto, ScoreQueryDto, ScoreRunResponse, StartRunDto } from './dto/scores.dto.js';
import { annualReport, type ReportPerson } from './score-report.js';
import { ScoringService } from './scoring.service.js';

@ApiTags('成绩')
@ApiBearerAuth()
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly org: OrgService,
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
  @ApiOperation({ summary: '年度考评报表（Excel）', description: '每个方案一张成绩表（人员 × 维度 × 总分 × 等次）和一张明细表（每一项及其证据来源）。' })
  @ApiOkResponse({ description: 'xlsx' })
  async report(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const year = this.year(q.year);
    const per = [];
    for (const scheme of SCHEME_IDS) per.push({ scheme, ...(await this.scoring.resultsFor(scheme, year)) });
    const people = new Map<string, ReportPerson>();
    for (const p of await this.org.listPeople({ kind: 'all' })) {
      people.set(p.id, { name: p.name, sectionName: p.sectionName ?? '', position: p.position ? POSITION_LABELS[p.position as Position] : '' });
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="kaoping-${year}.xlsx"`);
    return new StreamableFile(await annualReport(year, per, people));
  }

  @Get('runs')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '最近的全局重算任务' })
  @ApiOkResponse({ type: ScoreRunResponse, isArray: true })
  runs(): Promise<ScoreRunDto[]> {
    return this.scoring.latestRuns();
  }

  @Post('runs')
  @HttpCode(202)
  @Roles('office')
  @ApiOperation({ summary: '全局重算（后台进行）', description: '立即返回任务编号（202），用 GET /api/scores/runs/{id} 查看进度。' })
  @ApiAcceptedResponse({ type: ScoreRunResponse })
  startRun(@CurrentUser() user: PersonPrincipal, @Body() dto: StartRunDto): Promise<ScoreRunDto> {
    return this.scoring.startRun(user, dto.scheme, dto.year);
  }

  @Get('runs/:id')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '重算任务进度' })
  @ApiOkResponse({ type: ScoreRunResponse })
  run(@Param('id') id: string): Promise<ScoreRunDto> {
    return this.scoring.getRun(id);
  }

  @Get('people/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '个人成绩', description: '总分、等次、各维度得分及每一项的细则与证据。干部职工只能看本人，处室负责人看本处室。' })
  @ApiOkResponse({ type: PersonScoreResponse })
  person(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Query() q: ScoreQueryDto): Promise<PersonScoreDto> {
    return this.scoring.personScore(user, id, q.scheme, this.year(q.year));
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuesFollowUpDto, GatheringDto, GatheringListDto, LedgerSpotCheckDto, ResearchLogDto, ResearchOverviewDto, ResearchReportDto } from '@kaoping/contracts';
import { BUREAU, CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import {
  CreateDuesFollowUpDto,
  CreateGatheringDto,
  CreateLedgerSpotCheckDto,
  CreateResearchReportDto,
  GatheringQueryDto,
  LogResearchDto,
  ResearchQueryDto,
  UpdateGatheringDto,
  YearQueryDto,
} from './dto/ledgers.dto.js';
import { OrgService } from '../org/org.service.js';
import { GatheringsService } from './gatherings.service.js';
import { LedgerFactsService, type LedgerFacts } from './ledger-facts.service.js';
import { ResearchService } from './research.service.js';

@ApiTags('台账')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly gatherings: GatheringsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: '会议与活动台账（处务会、支部活动、全局大会、集体活动）',
    description: '处务会：本处室（考评办、局领导：任一处室），附全年 24 次进度；支部活动：支部书记本人（附全年 12 次进度）；全局大会、集体活动：全局可见。',
  })
  list(@CurrentUser() user: Principal, @Query() q: GatheringQueryDto): Promise<GatheringListDto> {
    return this.gatherings.list(user, q);
  }

  @Post()
  @Roles(...STAFF)
  @ApiOperation({
    summary: '登记会议或活动（含出勤：缺席、迟到、请假）',
    description: '处务会：本处室处长、副处长；支部活动：支部书记；全局大会、集体活动：考评办。未经批准请假的缺席、迟到计入 DE-1…DE-4。',
  })
  create(@CurrentUser() user: Principal, @Body() dto: CreateGatheringDto): Promise<GatheringDto> {
    return this.gatherings.create(user, dto);
  }

  @Get('spot-checks')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '考评办季度抽查记录（处务会记录、支部工作记录本）' })
  spotChecks(@Query() q: YearQueryDto): Promise<LedgerSpotCheckDto[]> {
    return this.gatherings.listSpotChecks(q.year);
  }

  @Post('spot-checks')
  @Roles('office')
  @ApiOperation({ summary: '登记季度抽查' })
  createSpotCheck(@CurrentUser() user: Principal, @Body() dto: CreateLedgerSpotCheckDto): Promise<LedgerSpotCheckDto> {
    return this.gatherings.createSpotCheck(user, dto);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '会议或活动详情' })
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<GatheringDto> {
    return this.gatherings.get(user, id);
  }

  @Patch(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '补充记录、修改出勤', description: '支部活动补记支部工作记录本（NP-5）亦用此接口。' })
  update(@CurrentUser() user: Principal, @Param('id') id: string, @Body() dto: UpdateGatheringDto): Promise<GatheringDto> {
    return this.gatherings.update(user, id, dto);
  }
}

@ApiTags('台账')
@ApiBearerAuth()
@Controller('branch')
export class BranchController {
  constructor(private readonly gatherings: GatheringsService) {}

  @Get('dues')
  @Roles(...STAFF)
  @ApiOperation({ summary: '党费催缴记录（NP-6 依据）', description: '支部书记：本人登记的；考评办、局领导：全部。' })
  dues(@CurrentUser() user: Principal, @Query() q: YearQueryDto): Promise<DuesFollowUpDto[]> {
    return this.gatherings.listDues(user, q.year);
  }

  @Post('dues')
  @Roles('staff', 'chief', 'office')
  @ApiOperation({ summary: '登记党费催缴（支部书记）' })
  recordDues(@CurrentUser() user: Principal, @Body() dto: CreateDuesFollowUpDto): Promise<DuesFollowUpDto> {
    return this.gatherings.recordDues(user, dto);
  }
}

@ApiTags('台账')
@ApiBearerAuth()
@Controller('research')
export class ResearchController {
  constructor(private readonly research: ResearchService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '处室下基层调研：天数进度（30 天）与调研报告', description: '本处室；考评办、局领导：任一处室。' })
  overview(@CurrentUser() user: Principal, @Query() q: ResearchQueryDto): Promise<ResearchOverviewDto> {
    return this.research.overview(user, q);
  }

  @Post('days')
  @Roles(...STAFF)
  @ApiOperation({ summary: '登记本人调研天数（地点、目的）' })
  log(@CurrentUser() user: Principal, @Body() dto: LogResearchDto): Promise<ResearchLogDto> {
    return this.research.log(user, dto);
  }

  @Post('reports')
  @Roles(...STAFF)
  @ApiOperation({ summary: '提交调研报告（正文或已上传文件）' })
  report(@CurrentUser() user: Principal, @Body() dto: CreateResearchReportDto): Promise<ResearchReportDto> {
    return this.research.report(user, dto);
  }
}

@ApiTags('台账')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgerFactsController {
  constructor(
    private readonly facts: LedgerFactsService,
    private readonly org: OrgService,
  ) {}

  @Get('facts')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '台账形成的考评事实（meetings、branchActivities、research、researchReports、events）' })
  get(@Query() q: YearQueryDto): Promise<LedgerFacts> {
    return this.facts.facts(q.year ?? Number(this.org.today().slice(0, 4)));
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ActivityApplicationDto,
  CoordinationDto,
  GovernanceOverviewDto,
  OverlapsDto,
  PublicSystemDto,
  SectionDutiesDto,
  SectionSystemsDto,
  SystemDetailDto,
} from '@kaoping/contracts';
import { BUREAU, CurrentUser, MANAGERS, Public, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { ApplicationsService } from './applications.service.js';
import { CoordinationService } from './coordination.service.js';
import {
  AcknowledgeDto,
  ApplicationQueryDto,
  ApplyActivityDto,
  ClearBreakDto,
  CompleteDto,
  ConfirmBreakDto,
  CoordinationQueryDto,
  HandOverDto,
  MergeApplicationsDto,
  ReviewDto,
  SectionQueryDto,
  SubmitDutiesDto,
  SubmitSystemDto,
} from './dto/governance.dto.js';
import {
  ActivityApplicationResponse,
  CoordinationResponse,
  GovernanceOverviewResponse,
  OverlapsResponse,
  PublicSystemResponse,
  SectionDutiesResponse,
  SectionSystemsResponse,
  SystemDetailResponse,
} from './dto/governance.response.js';
import { SectionLedgersService } from './section-ledgers.service.js';

@ApiTags('三定职责与效能制度')
@ApiBearerAuth()
@Controller('governance')
export class SectionLedgersController {
  constructor(private readonly ledgers: SectionLedgersService) {}

  @Get('duties')
  @Roles(...STAFF)
  @ApiOperation({ summary: '处室三定职责（定职能、定机构、定编制）', description: '施行版本与历史版本全局可见；待审核、退回的版本仅本处室负责人与考评办可见。' })
  @ApiOkResponse({ type: SectionDutiesResponse })
  duties(@CurrentUser() user: PersonPrincipal, @Query() q: SectionQueryDto): Promise<SectionDutiesDto> {
    return this.ledgers.duties(user, q.sectionId);
  }

  @Post('duties')
  @Roles('chief', 'office')
  @ApiOperation({ summary: '登记三定职责新版本', description: '考评办登记的版本直接生效；处室负责人提交本处室的版本，经考评办批准后按生效日期施行。历史版本永久保留。' })
  @ApiCreatedResponse({ type: SectionDutiesResponse })
  submitDuties(@CurrentUser() user: PersonPrincipal, @Body() dto: SubmitDutiesDto): Promise<SectionDutiesDto> {
    return this.ledgers.submitDuties(user, dto);
  }

  @Post('duties/:id/decision')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '审核三定职责版本（批准或退回）' })
  @ApiOkResponse({ type: SectionDutiesResponse })
  decideDuties(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ReviewDto): Promise<SectionDutiesDto> {
    return this.ledgers.decideDuties(user, id, dto);
  }

  @Post('duties/:id/withdraw')
  @HttpCode(200)
  @Roles('chief', 'office')
  @ApiOperation({ summary: '撤回待审核的三定职责版本（本处室）' })
  @ApiOkResponse({ type: SectionDutiesResponse })
  withdrawDuties(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<SectionDutiesDto> {
    return this.ledgers.withdrawDuties(user, id);
  }

  @Get('systems')
  @Roles(...STAFF)
  @ApiOperation({ summary: '处室效能制度', description: '首问负责、限时办结、服务承诺等七项制度及其他制度的施行文本；列出尚未建立的必备制度。' })
  @ApiOkResponse({ type: SectionSystemsResponse })
  systems(@CurrentUser() user: PersonPrincipal, @Query() q: SectionQueryDto): Promise<SectionSystemsDto> {
    return this.ledgers.systems(user, q.sectionId);
  }

  @Get('systems/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '效能制度详情（含历次版本）' })
  @ApiOkResponse({ type: SystemDetailResponse })
  system(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<SystemDetailDto> {
    return this.ledgers.system(user, id);
  }

  @Post('systems')
  @Roles('chief', 'office')
  @ApiOperation({ summary: '提交效能制度（新建或修订）', description: '处室负责人维护本处室制度，提交后由考评办审核；限时办结制须逐项列明时限，服务承诺制须列明承诺。' })
  @ApiCreatedResponse({ type: SystemDetailResponse })
  submitSystem(@CurrentUser() user: PersonPrincipal, @Body() dto: SubmitSystemDto): Promise<SystemDetailDto> {
    return this.ledgers.submitSystem(user, dto);
  }

  @Post('system-versions/:id/decision')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '审核效能制度版本（批准并按要求公示，或退回）' })
  @ApiOkResponse({ type: SystemDetailResponse })
  decideSystem(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ReviewDto): Promise<SystemDetailDto> {
    return this.ledgers.decideSystemVersion(user, id, dto);
  }

  @Post('system-versions/:id/withdraw')
  @HttpCode(200)
  @Roles('chief', 'office')
  @ApiOperation({ summary: '撤回待审核的效能制度版本（本处室）' })
  @ApiOkResponse({ type: SystemDetailResponse })
  withdrawSystem(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<SystemDetailDto> {
    return this.ledgers.withdrawSystemVersion(user, id);
  }

  @Get('overview')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '各处室三定与效能制度建立情况、待审核事项' })
  @ApiOkResponse({ type: GovernanceOverviewResponse })
  overview(@CurrentUser() user: PersonPrincipal): Promise<GovernanceOverviewDto> {
    return this.ledgers.overview(user);
  }

  @Get('public/systems')
  @Public()
  @ApiOperation({ summary: '对外公示的效能制度（公开）', description: '已批准、正在施行且要求公示的制度文本。' })
  @ApiOkResponse({ type: PublicSystemResponse, isArray: true })
  publicSystems(@Query() q: SectionQueryDto): Promise<PublicSystemDto[]> {
    return this.ledgers.publicSystems(q.sectionId);
  }
}

@ApiTags('会议检查评比报批')
@ApiBearerAuth()
@Controller('governance/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '报批申请列表', description: '处室负责人：本处室；考评办、局领导：全局。' })
  @ApiOkResponse({ type: ActivityApplicationResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: ApplicationQueryDto): Promise<ActivityApplicationDto[]> {
    return this.applications.list(user, q);
  }

  @Get('overlaps')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '可能重叠、可以合并的待审批申请', description: '同类（会议；检查与评比考核）、时间相距不超过 7 天、对象单位有重合。' })
  @ApiOkResponse({ type: OverlapsResponse })
  overlaps(): Promise<OverlapsDto> {
    return this.applications.overlaps();
  }

  @Post()
  @Roles('chief', 'office')
  @ApiOperation({ summary: '报批以局属单位为对象的会议、检查、评比考核', description: '处室负责人为本处室申请，须提前报批（计划日期晚于今天）。' })
  @ApiCreatedResponse({ type: ActivityApplicationResponse })
  apply(@CurrentUser() user: PersonPrincipal, @Body() dto: ApplyActivityDto): Promise<ActivityApplicationDto> {
    return this.applications.apply(user, dto);
  }

  @Post('merge')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '合并申请', description: '保留的申请批准为合并后的活动（对象单位合并），其余标记为已并入，并通知各申请处室。' })
  @ApiOkResponse({ type: ActivityApplicationResponse })
  merge(@CurrentUser() user: PersonPrincipal, @Body() dto: MergeApplicationsDto): Promise<ActivityApplicationDto> {
    return this.applications.merge(user, dto);
  }

  @Get(':id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '报批申请详情' })
  @ApiOkResponse({ type: ActivityApplicationResponse })
  get(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<ActivityApplicationDto> {
    return this.applications.get(user, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '审批（批准，或不予批准并写明原因）' })
  @ApiOkResponse({ type: ActivityApplicationResponse })
  decide(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ReviewDto): Promise<ActivityApplicationDto> {
    return this.applications.decide(user, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('chief', 'office')
  @ApiOperation({ summary: '撤回待审批的申请（本处室）' })
  @ApiOkResponse({ type: ActivityApplicationResponse })
  withdraw(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<ActivityApplicationDto> {
    return this.applications.withdraw(user, id);
  }
}

@ApiTags('处室衔接')
@ApiBearerAuth()
@Controller('governance/coordination')
export class CoordinationController {
  constructor(private readonly coordination: CoordinationService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: '处室衔接记录',
    description: '处室负责人：本处室发出和收到的；干部职工：本人发起或经办的；考评办、局领导：全局。review=awaiting 列出逾期未办结或逾期办结、待考评办确认的记录。',
  })
  @ApiOkResponse({ type: CoordinationResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: CoordinationQueryDto): Promise<CoordinationDto[]> {
    return this.coordination.list(user, q);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '衔接记录详情' })
  @ApiOkResponse({ type: CoordinationResponse })
  get(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<CoordinationDto> {
    return this.coordination.get(user, id);
  }

  @Post()
  @Roles('chief', 'office')
  @ApiOperation({ summary: '发起处室衔接（交办给其他处室）', description: '处室负责人代表本处室发起，写明事项、时限和联系人；通知接收处室负责人。' })
  @ApiCreatedResponse({ type: CoordinationResponse })
  handOver(@CurrentUser() user: PersonPrincipal, @Body() dto: HandOverDto): Promise<CoordinationDto> {
    return this.coordination.handOver(user, dto);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('chief', 'office')
  @ApiOperation({ summary: '签收（接收处室负责人，指定经办人）' })
  @ApiOkResponse({ type: CoordinationResponse })
  acknowledge(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: AcknowledgeDto): Promise<CoordinationDto> {
    return this.coordination.acknowledge(user, id, dto.handlerId);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: '办结（经办人或接收处室负责人）' })
  @ApiOkResponse({ type: CoordinationResponse })
  complete(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: CompleteDto): Promise<CoordinationDto> {
    return this.coordination.complete(user, id, dto.result);
  }

  @Post(':id/break')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({
    summary: '认定脱节断档（考评办）',
    description: '按 JI-2“处室衔接脱节断档”记录考评事件（待核实），责任人默认为接收处室经办人，未指定经办人时为接收处室处长；事件核实后计分，可申诉。',
  })
  @ApiOkResponse({ type: CoordinationResponse })
  confirmBreak(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ConfirmBreakDto): Promise<CoordinationDto> {
    return this.coordination.confirmBreak(user, id, dto);
  }

  @Post(':id/clear')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '核查为不属脱节（考评办）' })
  @ApiOkResponse({ type: CoordinationResponse })
  clear(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ClearBreakDto): Promise<CoordinationDto> {
    return this.coordination.clearBreak(user, id, dto.note);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BoardDto, BoardSummaryDto, CheckInResultDto, MyRegistrationDto, OpenDayAdminDto, OpenDayDto, PublicSectionDto, PublicSectionProgressDto, RegistrationDto } from '@kaoping/contracts';
import type { Response } from 'express';
import { CurrentUser, MANAGERS, Public, Roles } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { BoardsService } from './boards.service.js';
import {
  BoardRevisionDto,
  CheckInDto,
  CreateOpenDayDto,
  LookupRegistrationDto,
  OpenDayListQueryDto,
  RegisterDto,
  ReturnBoardDto,
  SaveBoardDto,
  UpdateOpenDayDto,
  YearQueryDto,
} from './dto/publicity.dto.js';
import {
  BoardResponse,
  BoardSummaryResponse,
  CheckInResultResponse,
  MyRegistrationResponse,
  OpenDayAdminResponse,
  OpenDayResponse,
  PublicSectionProgressResponse,
  PublicSectionResponse,
  RegistrationResponse,
} from './dto/publicity.response.js';
import { OpenDaysService } from './open-days.service.js';

/** What anyone may read or do without an account: approved boards, open days, registering, one's own registration. */
@ApiTags('进度公示（公开）')
@Controller('publicity')
export class PublicityPublicController {
  constructor(
    private readonly boards: BoardsService,
    private readonly openDays: OpenDaysService,
  ) {}

  @Get('sections')
  @Public()
  @ApiOperation({ summary: '参加“五比五评”的处室及其进度公示概况（公开）', description: '只含已审核公示的内容；不含人员信息。默认显示今年（今年未公示则为最近公示的年度）。' })
  @ApiOkResponse({ type: PublicSectionResponse, isArray: true })
  async sections(@Query() q: YearQueryDto): Promise<PublicSectionDto[]> {
    return this.boards.publicSections(q.year, await this.openDays.upcomingCounts());
  }

  @Get('sections/:sectionId')
  @Public()
  @ApiOperation({ summary: '某处室的进度公示与即将举办的公众开放日（公开）', description: '年度重点工作、进展、为群众解决的问题：只返回考评办审核通过的版本，不含人员姓名、电话或编号。' })
  @ApiOkResponse({ type: PublicSectionProgressResponse })
  async section(@Param('sectionId') sectionId: string, @Query() q: YearQueryDto): Promise<PublicSectionProgressDto> {
    const board = await this.boards.publicSection(sectionId, q.year);
    return { ...board, openDays: await this.openDays.upcoming(sectionId) };
  }

  @Get('open-days/:id')
  @Public()
  @ApiOperation({ summary: '公众开放日详情（公开）' })
  @ApiOkResponse({ type: OpenDayResponse })
  openDay(@Param('id') id: string): Promise<OpenDayDto> {
    return this.openDays.publicOne(id);
  }

  @Post('open-days/:id/registrations')
  @Public()
  @RateLimit('publicity')
  @ApiOperation({
    summary: '报名公众开放日（公开，无需账号）',
    description: '每个手机号每场活动限报一次：同一人（同手机号、同姓名）重复提交返回原报名（200，created=false），不占新名额；他人用该手机号报名被拒绝（409）。名额满、报名截止、活动取消时 409。返回报名码及其二维码。按来源地址限流。',
  })
  @ApiCreatedResponse({ type: MyRegistrationResponse })
  @ApiOkResponse({ type: MyRegistrationResponse, description: '此前已报名：返回原报名' })
  async register(@Param('id') id: string, @Body() dto: RegisterDto, @Res({ passthrough: true }) res: Response): Promise<MyRegistrationDto> {
    const result = await this.openDays.register(id, dto);
    if (!result.created) res.status(200);
    return result;
  }

  @Post('registrations/lookup')
  @Public()
  @RateLimit('publicity')
  @HttpCode(200)
  @ApiOperation({ summary: '查询本人的报名（凭手机号和报名码，公开）', description: '手机号与报名码须同时正确，只返回这一条报名。按来源地址限流。' })
  @ApiOkResponse({ type: MyRegistrationResponse })
  lookup(@Body() dto: LookupRegistrationDto): Promise<MyRegistrationDto> {
    return this.openDays.lookup(dto);
  }
}

/** The section edits its board, the office approves it; the office runs open days and checks people in. */
@ApiTags('进度公示与公众开放日')
@ApiBearerAuth()
@Controller('publicity')
export class PublicityController {
  constructor(
    private readonly boards: BoardsService,
    private readonly openDays: OpenDaysService,
  ) {}

  @Get('boards')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '各参评处室本年度进度公示及审核状态', description: '考评办、局领导：全部参评处室；处室负责人：本处室。' })
  @ApiOkResponse({ type: BoardSummaryResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: YearQueryDto): Promise<BoardSummaryDto[]> {
    return this.boards.list(user, q.year);
  }

  @Get('boards/:sectionId/:year')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '某处室某年度的进度公示（草稿与已公示版本）', description: '处室负责人只能查看本处室。' })
  @ApiOkResponse({ type: BoardResponse })
  get(@CurrentUser() user: PersonPrincipal, @Param('sectionId') sectionId: string, @Param('year') year: string): Promise<BoardDto> {
    return this.boards.get(user, sectionId, year);
  }

  // The office passes the guard (so input is validated for everyone) and is refused by the service: only the
  // section's chief or deputy edits its board.
  @Put('boards/:sectionId/:year')
  @Roles('chief', 'office')
  @ApiOperation({
    summary: '保存进度公示草稿（本处室处长、副处长）',
    description: '整份提交：年度重点工作（含进展记录）和为群众解决的问题。须带上所依据的版本号，别人已修改时 409。修改已公示的内容不影响公众看到的版本，重新提交审核通过后才更新。',
  })
  @ApiOkResponse({ type: BoardResponse })
  save(@CurrentUser() user: PersonPrincipal, @Param('sectionId') sectionId: string, @Param('year') year: string, @Body() dto: SaveBoardDto): Promise<BoardDto> {
    return this.boards.save(user, sectionId, year, dto);
  }

  @Post('boards/:sectionId/:year/submit')
  @Roles('chief', 'office')
  @HttpCode(200)
  @ApiOperation({ summary: '提交考评办审核（本处室处长、副处长）' })
  @ApiOkResponse({ type: BoardResponse })
  submit(@CurrentUser() user: PersonPrincipal, @Param('sectionId') sectionId: string, @Param('year') year: string, @Body() dto: BoardRevisionDto): Promise<BoardDto> {
    return this.boards.submit(user, sectionId, year, dto.revision);
  }

  @Post('boards/:sectionId/:year/approve')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '审核通过并公示（考评办）' })
  @ApiOkResponse({ type: BoardResponse })
  approve(@CurrentUser() user: PersonPrincipal, @Param('sectionId') sectionId: string, @Param('year') year: string, @Body() dto: BoardRevisionDto): Promise<BoardDto> {
    return this.boards.approve(user, sectionId, year, dto.revision);
  }

  @Post('boards/:sectionId/:year/return')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '退回修改（考评办，须写明原因）', description: '已公示的版本继续公开。' })
  @ApiOkResponse({ type: BoardResponse })
  returnBoard(@CurrentUser() user: PersonPrincipal, @Param('sectionId') sectionId: string, @Param('year') year: string, @Body() dto: ReturnBoardDto): Promise<BoardDto> {
    return this.boards.returnBoard(user, sectionId, year, dto.revision, dto.reason);
  }

  @Get('admin/open-days')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '公众开放日列表（含报名、签到人数）', description: '考评办、局领导：全部；处室负责人：本处室举办的。' })
  @ApiOkResponse({ type: OpenDayAdminResponse, isArray: true })
  adminList(@CurrentUser() user: PersonPrincipal, @Query() q: OpenDayListQueryDto): Promise<OpenDayAdminDto[]> {
    return this.openDays.adminList(user, q.sectionId);
  }

  @Post('admin/open-days')
  @Roles('office')
  @ApiOperation({ summary: '发布公众开放日（考评办）', description: '时间按单位所在时区填写（YYYY-MM-DD HH:mm）。' })
  @ApiCreatedResponse({ type: OpenDayAdminResponse })
  create(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateOpenDayDto): Promise<OpenDayAdminDto> {
    return this.openDays.create(user, dto);
  }

  @Get('admin/open-days/:id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '开放日详情与各类对象的报名、签到人数' })
  @ApiOkResponse({ type: OpenDayAdminResponse })
  adminOne(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<OpenDayAdminDto> {
    return this.openDays.adminOne(user, id);
  }

  @Patch('admin/open-days/:id')
  @Roles('office')
  @ApiOperation({ summary: '修改或取消公众开放日（考评办）', description: '名额不能少于已报名人数；已有人报名的对象类别不能去掉。' })
  @ApiOkResponse({ type: OpenDayAdminResponse })
  update(@Param('id') id: string, @Body() dto: UpdateOpenDayDto): Promise<OpenDayAdminDto> {
    return this.openDays.update(id, dto);
  }

  @Get('admin/open-days/:id/registrations')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '报名名单', description: '手机号仅考评办可见完整号码，其他人看到 138****1234。' })
  @ApiOkResponse({ type: RegistrationResponse, isArray: true })
  registrations(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<RegistrationDto[]> {
    return this.openDays.registrations(user, id);
  }

  @Get('admin/open-days/:id/codes/:code')
  @Roles('office')
  @ApiOperation({ summary: '签到前按报名码查看报名人（考评办，手机号打码）' })
  @ApiOkResponse({ type: CheckInResultResponse })
  preview(@Param('id') id: string, @Param('code') code: string): Promise<CheckInResultDto> {
    return this.openDays.preview(id, code);
  }

  @Post('admin/open-days/:id/check-ins')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '签到（考评办）', description: '同一报名码重复签到不重复计数，返回 alreadyCheckedIn=true。' })
  @ApiOkResponse({ type: CheckInResultResponse })
  checkIn(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: CheckInDto): Promise<CheckInResultDto> {
    return this.openDays.checkIn(user, id, dto.code);
  }
}

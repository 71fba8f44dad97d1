import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CampaignDto,
  DemocraticResultDto,
  DemocraticTaskDto,
  FlaggedResponseDto,
  InvitationHomeDto,
  InvitationIssuedDto,
  InvitationSessionDto,
  InvitationStatusDto,
  SubmitResultDto,
  SurveyDto,
  SurveyFormDto,
  SurveyResultsDto,
} from '@kaoping/contracts';
import type { Request, Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Citizen } from '../auth/citizen.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import QRCode from 'qrcode';
import { BUREAU, CurrentUser, Public, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { TokenService } from '../auth/token.service.js';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { DemocraticService } from './democratic.service.js';
import {
  CitizenSubmitDto,
  CreateCampaignDto,
  CreateInvitationsDto,
  CreateSurveyDto,
  DemocraticScoreDto,
  FormQueryDto,
  InvitationSubmitDto,
  OpenInvitationDto,
  QrQueryDto,
  ReviewDto,
  SectionQueryDto,
} from './dto/survey.dto.js';
import { qrSheetHtml } from './qr-sheet.js';
import { SurveysService } from './surveys.service.js';

const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

@ApiTags('问卷（考评办）')
@ApiBearerAuth()
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @Roles('office')
  @ApiOperation({ summary: '新建问卷', description: '题目（单选/星级/文字）、评价对象处室、周期、答卷人群；量表取自考评方案（满意 100／基本满意 60／不满意 0）。' })
  @ApiCreatedResponse({ description: '问卷' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateSurveyDto): Promise<SurveyDto> {
    return this.surveys.create(dto, user);
  }

  @Get()
  @Roles(...BUREAU)
  @ApiOperation({ summary: '问卷列表' })
  @ApiOkResponse({ description: '问卷列表' })
  list(): Promise<SurveyDto[]> {
    return this.surveys.list();
  }

  @Get(':id')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '问卷详情' })
  @ApiOkResponse({ description: '问卷' })
  get(@Param('id') id: string): Promise<SurveyDto> {
    return this.surveys.getDto(id);
  }

  @Get(':id/qr-link')
  @Roles('office')
  @ApiOperation({ summary: '某处室的扫码评价链接（H5 地址与小程序路径，含签名令牌）' })
  @ApiOkResponse({ description: '{ token, url, weappPath }' })
  async qrLink(@Param('id') id: string, @Query() q: SectionQueryDto): Promise<{ token: string; url: string; weappPath: string }> {
    return this.surveys.qrLink(await this.surveys.get(id), q.sectionId);
  }

  @Get(':id/qr')
  @Roles('office')
  @ApiProduces('image/png', 'image/svg+xml')
  @ApiOperation({ summary: '某处室的评价二维码（PNG 或 SVG）' })
  @ApiOkResponse({ description: '二维码图片' })
  async qr(@Param('id') id: string, @Query() q: QrQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { url } = this.surveys.qrLink(await this.surveys.get(id), q.sectionId);
    res.setHeader('Cache-Control', 'private, no-store');
    if (q.format === 'svg') {
      res.setHeader('Content-Type', 'image/svg+xml');
      return new StreamableFile(Buffer.from(await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })));
    }
    res.setHeader('Content-Type', 'image/png');
    return new StreamableFile(await QRCode.toBuffer(url, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' }));
  }

  @Get(':id/qr-sheet')
  @Roles('office')
  @ApiProduces('text/html')
  @ApiOperation({ summary: '可打印的 A4 评价二维码海报（HTML，内嵌 SVG）' })
  @ApiOkResponse({ description: 'HTML' })
  async qrSheet(@Param('id') id: string, @Query() q: SectionQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const survey = await this.surveys.get(id);
    const { url } = this.surveys.qrLink(survey, q.sectionId);
    const target = (await this.surveys.targets(survey)).find((t) => t.sectionId === q.sectionId)!;
    const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return qrSheetHtml({ title: survey.title, sectionName: target.sectionName, periodEnd: survey.periodEnd, svg });
  }

  @Post(':id/invitations')
  @Roles('office')
  @ApiOperation({ summary: '发放邀请（两代表一委员、对口部门、分管市领导）', description: '每人一个一次性邀请链接；邀请码只在此返回一次。' })
  @ApiCreatedResponse({ description: '邀请链接' })
  invite(@Param('id') id: string, @Body() dto: CreateInvitationsDto): Promise<InvitationIssuedDto[]> {
    return this.surveys.invite(id, dto.invitees);
  }

  @Post(':id/invitations/import')
  @Roles('office')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx；表头：姓名、类别（人大代表/政协委员/党代表/对口部门/分管联系市领导）、电话' } } } })
  @ApiOperation({ summary: '从 Excel 导入名单并发放邀请' })
  @ApiCreatedResponse({ description: '邀请链接' })
  importInvitations(@Param('id') id: string, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<InvitationIssuedDto[]> {
    return this.surveys.importInvitations(id, file?.buffer);
  }

  @Get(':id/invitations')
  @Roles('office')
  @ApiOperation({ summary: '邀请名单与完成情况（只显示是否已评，不显示评价内容）' })
  @ApiOkResponse({ description: '名单' })
  invitations(@Param('id') id: string): Promise<InvitationStatusDto[]> {
    return this.surveys.invitations(id);
  }

  @Get(':id/results')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '结果：每个评价对象的均分（0–100）、有效/待审/剔除份数、每日答卷数、分数分布', description: '少于最小样本数的对象只显示份数，不显示均分（计分仍用实际均分）。' })
  @ApiOkResponse({ description: '结果' })
  results(@Param('id') id: string): Promise<SurveyResultsDto> {
    return this.surveys.results(id);
  }
}

@ApiTags('问卷（考评办）')
@ApiBearerAuth()
@Controller()
export class SurveyReviewController {
  constructor(private readonly surveys: SurveysService) {}

  @Get('survey-responses/flagged')
  @Roles('office')
  @ApiOperation({ summary: '被标记的答卷（短时集中、过快、同一答案）：审核列表与拉票线索', description: '不含答卷人身份。' })
  @ApiOkResponse({ description: '列表' })
  flagged(): Promise<FlaggedResponseDto[]> {
    return this.surveys.flagged();
  }

  @Post('survey-responses/:id/review')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '审核被标记的答卷：计入或剔除' })
  @ApiOkResponse({ description: '答卷' })
  review(@Param('id') id: string, @Body() dto: ReviewDto): Promise<FlaggedResponseDto> {
    return this.surveys.review(id, dto.decision);
  }

  @Post('survey-invitations/:id/reissue')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '重新生成邀请链接（原链接作废）' })
  @ApiOkResponse({ description: '邀请链接' })
  reissue(@Param('id') id: string): Promise<InvitationIssuedDto> {
    return this.surveys.reissue(id);
  }
}

@ApiTags('问卷（答卷）')
@Controller()
export class SurveyAnswerController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get('survey-forms')
  @Public()
  @RateLimit('survey')
  @ApiOperation({ summary: '扫码打开的问卷（令牌无效 400，已结束 410）' })
  @ApiOkResponse({ description: '问卷' })
  form(@Query() q: FormQueryDto): Promise<SurveyFormDto> {
    return this.surveys.form(q.t);
  }

  @Post('survey-forms/responses')
  @Public()
  @RateLimit('survey')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '市民提交评价（需市民匿名令牌）',
    description: '携带 POST /api/auth/citizen 的令牌。每人每个评价对象每期一份；同一幂等键重试返回同一结果；再次提交不同答卷 409。',
  })
  @ApiCreatedResponse({ description: '{ id, status }' })
  async submitCitizen(@Req() req: Request, @Body() dto: CitizenSubmitDto): Promise<SubmitResultDto> {
    return this.surveys.submitCitizen(await this.caller(req, 'citizen'), dto);
  }

  /**
   * Answer routes are public at the gate (so bad input is judged before identity, like the complaint intake) and
   * require the respondent's own token here: a citizen token, or a representative (invitation) session.
   */
  private async caller(req: Request, kind: 'citizen' | 'representative'): Promise<Principal> {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const claims = m ? this.tokens.verify(m[1]!) : null;
    if (!claims || claims.typ !== 'access' || claims.kind !== kind) {
      throw new DomainError('UNAUTHENTICATED', kind === 'citizen' ? '请重新扫码打开评价页' : '请重新打开邀请链接');
    }
    if (kind === 'citizen') {
      if (!(await this.ds.getRepository(Citizen).findOneBy({ id: claims.sub }))) throw new DomainError('TOKEN_INVALID', '请重新扫码打开评价页');
      return { kind: 'citizen', id: claims.sub, role: 'citizen' };
    }
    return { kind: 'representative', id: claims.sub, role: 'representative' };
  }

  @Post('survey-invitations/open')
  @Public()
  @RateLimit('survey')
  @HttpCode(200)
  @ApiOperation({ summary: '打开邀请链接，取得评价会话', description: '邀请码无效或已完成评价 400。' })
  @ApiOkResponse({ description: '{ token, expiresIn, invitation }' })
  async open(@Body() dto: OpenInvitationDto): Promise<InvitationSessionDto> {
    const { invitation, home } = await this.surveys.openInvitation(dto.code);
    return { token: this.tokens.signAccess('representative', invitation.id), expiresIn: this.tokens.accessTtl, invitation: home };
  }

  @Get('survey-invitations/me')
  @Roles('representative')
  @ApiBearerAuth()
  @ApiOperation({ summary: '受邀人：待评价的处室' })
  @ApiOkResponse({ description: '问卷与处室' })
  home(@CurrentUser() user: Principal): Promise<InvitationHomeDto> {
    return this.surveys.homeFor(user);
  }

  @Post('survey-invitations/me/responses')
  @Public()
  @RateLimit('survey')
  @ApiBearerAuth()
  @ApiOperation({ summary: '受邀人提交对一个处室的评价（需邀请会话令牌；匿名保存）' })
  @ApiCreatedResponse({ description: '{ id, status }' })
  async submitInvitation(@Req() req: Request, @Body() dto: InvitationSubmitDto): Promise<SubmitResultDto> {
    return this.surveys.submitInvitation(await this.caller(req, 'representative'), dto);
  }
}

@ApiTags('民主测评')
@ApiBearerAuth()
@Controller('democratic')
export class DemocraticController {
  constructor(private readonly democratic: DemocraticService) {}

  @Post('campaigns')
  @Roles('office')
  @ApiOperation({ summary: '发起年度民主测评', description: '按今日人员名单分组：局领导、副科以上互评、局属各单位、机关科员；本人不测评本人。' })
  @ApiCreatedResponse({ description: '测评活动' })
  create(@Body() dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.democratic.create(dto);
  }

  @Get('campaigns')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '测评活动与各组进度' })
  @ApiOkResponse({ description: '列表' })
  list(): Promise<CampaignDto[]> {
    return this.democratic.list();
  }

  @Get('campaigns/:id/results')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '测评结果（按被测评人、按测评组汇总；不含任何测评人）' })
  @ApiOkResponse({ description: '结果' })
  results(@Param('id') id: string): Promise<DemocraticResultDto[]> {
    return this.democratic.results(id);
  }

  @Get('tasks')
  @Roles(...STAFF)
  @ApiOperation({ summary: '我的测评任务：待打分的同志' })
  @ApiOkResponse({ description: '任务' })
  tasks(@CurrentUser() user: Principal): Promise<DemocraticTaskDto[]> {
    return this.democratic.tasks(user);
  }

  @Post('scores')
  @Roles(...STAFF)
  @ApiOperation({ summary: '为一位同志打分（德能勤绩廉，各 0–100；匿名保存）' })
  @ApiCreatedResponse({ description: '{ status }' })
  rate(@CurrentUser() user: Principal, @Body() dto: DemocraticScoreDto): Promise<{ status: 'received' }> {
    return this.democratic.rate(user, dto);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComplaintCreated, ComplaintDto, ComplaintSummary, ComplaintTrack, ImportResult, JobDto } from '@kaoping/contracts';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { BUREAU, CurrentUser, Public, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal, Principal } from '../access/principal.js';
import { Citizen } from '../auth/citizen.entity.js';
import { TokenService } from '../auth/token.service.js';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { ComplaintImportService } from './complaint-import.service.js';
import { ComplaintsService } from './complaints.service.js';
import { SummaryExportJobDto } from './dto/summary-export-job.dto.js';
import { JobResponse } from '../jobs/dto/job.dto.js';
import { JobsService } from '../jobs/jobs.service.js';
import {
  AssignComplaintDto,
  ComplaintCreatedResponse,
  ComplaintListQueryDto,
  ComplaintResponse,
  ComplaintSummaryResponse,
  ComplaintTrackResponse,
  SectionOptionResponse,
  ConcludeComplaintDto,
  CreateComplaintDto,
  ImportResultResponse,
  InvestigateComplaintDto,
  ManualComplaintDto,
  MergeComplaintDto,
  MonthQueryDto,
  ReplyComplaintDto,
} from './dto/complaint.dto.js';

const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;
type Upload = { buffer: Buffer; originalname?: string } | undefined;

@ApiTags('效能投诉')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly importer: ComplaintImportService,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  /** The anonymous citizen behind an optional bearer token (other tokens: treated as no token). */
  private async citizenOf(req: Request): Promise<Principal | null> {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const claims = this.tokens.verify(m[1]!);
    if (claims.typ !== 'access' || claims.kind !== 'citizen') return null;
    const c = await this.ds.getRepository(Citizen).findOneBy({ id: claims.sub });
    return c ? { kind: 'citizen', id: c.id, role: 'citizen' } : null;
  }

  @Post()
  @Public()
  @RateLimit('complaint')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '提交效能投诉（公开，无需账号）',
    description: '扫码、H5 或小程序提交。可携带市民匿名令牌（POST /api/auth/citizen）：附照片时必须携带（照片先经 POST /api/files 上传）。返回查询码。按来源地址和市民身份限流。',
  })
  @ApiCreatedResponse({ type: ComplaintCreatedResponse })
  async create(@Req() req: Request, @Body() dto: CreateComplaintDto): Promise<ComplaintCreated> {
    return this.complaints.intake(dto, await this.citizenOf(req));
  }

  @Get('track/:code')
  @Public()
  @RateLimit('complaint')
  @ApiOperation({ summary: '凭查询码查看进度和答复（公开）', description: '只返回状态和最终答复，不含承办人、内部意见或其他投诉。' })
  @ApiOkResponse({ type: ComplaintTrackResponse })
  track(@Param('code') code: string): Promise<ComplaintTrack> {
    return this.complaints.track(code);
  }

  @Get('sections')
  @Public()
  @ApiOperation({ summary: '可投诉的处室（公开，仅编号和名称）' })
  @ApiOkResponse({ type: SectionOptionResponse, isArray: true })
  sections(): Promise<{ id: string; name: string }[]> {
    return this.complaints.sectionOptions();
  }

  @Get('mine')
  @Roles('citizen')
  @ApiBearerAuth()
  @ApiOperation({ summary: '本人（本设备）提交的投诉' })
  @ApiOkResponse({ type: ComplaintTrackResponse, isArray: true })
  mine(@CurrentUser() user: Principal): Promise<ComplaintTrack[]> {
    return this.complaints.mine(user.id);
  }

  @Get()
  @Roles(...STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: '投诉工作台列表', description: '监察室、局领导：全部；处室负责人：本处室；干部职工：涉及本人的。投诉人信息仅监察室可见。' })
  @ApiOkResponse({ type: ComplaintResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: ComplaintListQueryDto): Promise<ComplaintDto[]> {
    return this.complaints.list(user, q);
  }

  @Get('about-me')
  @Roles(...STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: '涉及我的投诉及扣分事项', description: '投诉人身份和联系方式不显示。' })
  @ApiOkResponse({ type: ComplaintResponse, isArray: true })
  aboutMe(@CurrentUser() user: PersonPrincipal): Promise<ComplaintDto[]> {
    return this.complaints.aboutMe(user);
  }

  @Get('summary')
  @Roles(...BUREAU)
  @ApiBearerAuth()
  @ApiOperation({ summary: '月度汇总（报领导小组办公室）' })
  @ApiOkResponse({ type: ComplaintSummaryResponse })
  summary(@Query() q: MonthQueryDto): Promise<ComplaintSummary> {
    return this.complaints.summary(q.month ?? this.complaints.currentMonth());
  }

  @Get('summary/export')
  @Roles(...BUREAU)
  @ApiBearerAuth()
  @ApiOperation({ summary: '月度汇总导出 Excel' })
  @ApiOkResponse({ description: '.xlsx 文件' })
  async export(@Query() q: MonthQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const month = q.month ?? this.complaints.currentMonth();
    const bytes = await this.importer.exportSummary(month);
    const name = `效能投诉月度汇总-${month}.xlsx`;
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="complaints-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return new StreamableFile(bytes);
  }

  @Post('summary/export')
  @HttpCode(202)
  @Roles(...BUREAU)
  @ApiBearerAuth()
  @ApiOperation({ summary: '月度汇总导出 Excel（后台任务）', description: '立即返回任务（202）；用 GET /api/jobs/{id} 查看进度，完成后从 result.downloadUrl 下载。' })
  @ApiAcceptedResponse({ type: JobResponse })
  startExport(@CurrentUser() user: PersonPrincipal, @Body() dto: SummaryExportJobDto): Promise<JobDto> {
    return this.jobs.start(user, 'complaints.export', { month: dto.month }, { roles: [...BUREAU], sectionId: null });
  }

  @Post('manual')
  @Roles('office')
  @ApiBearerAuth()
  @ApiOperation({ summary: '监察室录入（投诉电话、来信、来访、单张热线工单）', description: '工单编号重复时 409。' })
  @ApiCreatedResponse({ type: ComplaintResponse })
  manual(@CurrentUser() user: PersonPrincipal, @Body() dto: ManualComplaintDto): Promise<ComplaintDto> {
    return this.complaints.manual(user, dto);
  }

  @Post('import')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx 或 UTF-8 .csv；表头：工单编号、受理时间、诉求内容，可选 承办单位、来源、类别、办结时限、联系电话' } } } })
  @ApiOperation({ summary: '导入 12319/12345 热线工单', description: '全部校验通过才导入；任何一行有错（含工单编号重复）则不导入并逐行返回错误 details[{row, field, message}]。' })
  @ApiOkResponse({ type: ImportResultResponse })
  import(@CurrentUser() user: PersonPrincipal, @UploadedFile() file: Upload): Promise<ImportResult> {
    return this.importer.import(user, file);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: '投诉详情（含办理记录、查实后的扣分规则）' })
  @ApiOkResponse({ type: ComplaintResponse })
  get(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<ComplaintDto> {
    return this.complaints.get(user, id);
  }

  @Post(':id/assign')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '交办（承办处室、办结时限）' })
  @ApiOkResponse({ type: ComplaintResponse })
  assign(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: AssignComplaintDto): Promise<ComplaintDto> {
    return this.complaints.assign(user, id, dto);
  }

  @Post(':id/investigate')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '提交调查结果' })
  @ApiOkResponse({ type: ComplaintResponse })
  investigate(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: InvestigateComplaintDto): Promise<ComplaintDto> {
    return this.complaints.investigate(user, id, dto);
  }

  @Post(':id/conclude')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '认定：查实或不属实', description: '查实的投诉按类别计入考评：态度 DE-5，效率 NB-9，廉洁 LIAN-1；五比五评 WB-D4。' })
  @ApiOkResponse({ type: ComplaintResponse })
  conclude(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ConcludeComplaintDto): Promise<ComplaintDto> {
    return this.complaints.conclude(user, id, dto);
  }

  @Post(':id/reply')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '答复投诉人（办结）' })
  @ApiOkResponse({ type: ComplaintResponse })
  reply(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: ReplyComplaintDto): Promise<ComplaintDto> {
    return this.complaints.reply(user, id, dto.reply);
  }

  @Post(':id/merge')
  @Roles('office')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '合并重复投诉' })
  @ApiOkResponse({ type: ComplaintResponse })
  merge(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: MergeComplaintDto): Promise<ComplaintDto> {
    return this.complaints.merge(user, id, dto);
  }
}

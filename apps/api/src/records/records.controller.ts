import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommendationDto, IncidentDetailDto, IncidentDto, InspectionYearDto, RatingSheetDto, VetoDto } from '@kaoping/contracts';
import type { Response } from 'express';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BUREAU, CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { OrgService } from '../org/org.service.js';
import { AppealDto, CreateCommendationDto, CreateIncidentDto, CreateInspectionDto, CreateVetoDto, DecideAppealDto, DecisionNoteDto, IncidentQueryDto, SaveRatingsDto, YearQueryDto } from './dto/records.dto.js';
import { IncidentDetailResponse, IncidentImportResponse, IncidentResponse, InspectionYearResponse, RatingSheetResponse, CommendationResponse, VetoResponse } from './dto/records.response.js';
import { importTemplate } from './incident-import.js';
import { IncidentsService } from './incidents.service.js';
import { WubiRecordsService } from './wubi-records.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('考评事件')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    @Inject(Env) private readonly env: Env,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Post()
  @Roles('chief', 'office')
  @ApiOperation({ summary: '记录考评事件', description: '考评办可记录全局；处室负责人只能记录事件发生当日在本处室任职的人员。状态为“待核实”。' })
  @ApiCreatedResponse({ type: IncidentResponse })
  create(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateIncidentDto): Promise<IncidentDto> {
    return this.incidents.create(user, dto);
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '考评事件列表', description: '干部职工：本人；处室负责人：本处室；考评办、局领导：全局。' })
  @ApiOkResponse({ type: IncidentResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: IncidentQueryDto): Promise<IncidentDto[]> {
    return this.incidents.list(user, q);
  }

  @Get('import-template')
  @Roles('office')
  @ApiOperation({ summary: '考评事件导入模板（Excel）' })
  @ApiOkResponse({ description: 'xlsx' })
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', 'attachment; filename="incidents-template.xlsx"');
    return new StreamableFile(await importTemplate());
  }

  @Post('import')
  @HttpCode(201)
  @Roles('office')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx：细则编号、情形、人员编号、发生日期、事实经过' } } } })
  @ApiOperation({ summary: '从 Excel 导入考评事件', description: '全部成功才导入；任一行有误则不导入，400 的 details 逐行列出 { row, field, message }。' })
  @ApiCreatedResponse({ type: IncidentImportResponse })
  import(@CurrentUser() user: PersonPrincipal, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<{ imported: number; ids: string[] }> {
    return this.incidents.importSheet(user, file?.buffer);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '考评事件详情（含流转记录、申诉、证据）' })
  @ApiOkResponse({ type: IncidentDetailResponse })
  detail(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<IncidentDetailDto> {
    return this.incidents.detail(user, id);
  }

  @Get(':id/files/:fileId')
  @Roles(...STAFF)
  @ApiOperation({ summary: '考评事件的证据附件（能查看该事件的人均可查看）' })
  @ApiOkResponse({ description: '文件内容' })
  async file(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Param('fileId') fileId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    await this.incidents.evidenceFile(user, id, fileId);
    const f = await this.ds.getRepository(StoredFile).findOneBy({ id: fileId });
    if (!f) throw DomainError.notFound('附件', 'fileId');
    const bytes = await readFile(join(this.env.uploadDir, f.id));
    res.setHeader('Content-Type', f.mime);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '核实（计分）', description: '核实后通知当事人，当事人可在申诉期内申诉。' })
  @ApiOkResponse({ type: IncidentResponse })
  verify(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: DecisionNoteDto): Promise<IncidentDto> {
    return this.incidents.verify(user, id, dto.note);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '撤销（不计分）' })
  @ApiOkResponse({ type: IncidentResponse })
  dismiss(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: DecisionNoteDto): Promise<IncidentDto> {
    return this.incidents.dismiss(user, id, dto.note);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: '申诉（当事人，申诉期内）', description: '申诉期间该事件暂不计分，直至考评办处理。' })
  @ApiOkResponse({ type: IncidentResponse })
  appeal(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: AppealDto): Promise<IncidentDto> {
    return this.incidents.appeal(user, id, dto.reason, dto.fileIds);
  }

  @Post(':id/appeal-decision')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '处理申诉', description: 'upheld：申诉成立，事件撤销；rejected：驳回，恢复计分。' })
  @ApiOkResponse({ type: IncidentResponse })
  decide(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: DecideAppealDto): Promise<IncidentDto> {
    return this.incidents.decideAppeal(user, id, dto.decision, dto.note);
  }
}

@ApiTags('考评记录')
@ApiBearerAuth()
@Controller()
export class WubiRecordsController {
  constructor(
    private readonly records: WubiRecordsService,
    private readonly org: OrgService,
  ) {}

  private year(q: YearQueryDto): number {
    return q.year ?? Number(this.org.today().slice(0, 4));
  }

  @Get('inspections')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '督查记录（日常督查、专项督查、随机暗访）', description: '某类督查全年不足 2 轮时给出提示。' })
  @ApiOkResponse({ type: InspectionYearResponse })
  inspections(@Query() q: YearQueryDto): Promise<InspectionYearDto> {
    return this.records.inspections(this.year(q));
  }

  @Post('inspections')
  @Roles('office')
  @ApiOperation({ summary: '录入一轮督查（每位参评科长 0–100 分）' })
  @ApiCreatedResponse({ type: InspectionYearResponse })
  createInspection(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateInspectionDto): Promise<InspectionYearDto> {
    return this.records.createInspection(user, dto);
  }

  @Get('ratings')
  @Roles('chief', 'office')
  @ApiOperation({ summary: '绩评定表', description: '处室负责人评本处室科员；考评领导小组（考评办）评处长、副处长。' })
  @ApiOkResponse({ type: RatingSheetResponse })
  ratings(@CurrentUser() user: PersonPrincipal, @Query() q: YearQueryDto): Promise<RatingSheetDto> {
    return this.records.ratingSheet(user, this.year(q));
  }

  @Put('ratings')
  @Roles('chief', 'office')
  @ApiOperation({ summary: '保存绩评定', description: '6 人及以上的处室“优秀”最多 1 名，超出则整批不保存。' })
  @ApiOkResponse({ type: RatingSheetResponse })
  saveRatings(@CurrentUser() user: PersonPrincipal, @Body() dto: SaveRatingsDto): Promise<RatingSheetDto> {
    return this.records.saveRatings(user, dto.year, dto.ratings);
  }

  @Get('commendations')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '表彰加分记录' })
  @ApiOkResponse({ type: CommendationResponse, isArray: true })
  commendations(@Query() q: YearQueryDto): Promise<CommendationDto[]> {
    return this.records.commendations(this.year(q));
  }

  @Post('commendations')
  @Roles('office')
  @ApiOperation({ summary: '录入表彰', description: '同一事项多级表彰只计最高一次。' })
  @ApiCreatedResponse({ type: CommendationResponse })
  createCommendation(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateCommendationDto): Promise<CommendationDto> {
    return this.records.createCommendation(user, dto);
  }

  @Get('vetoes')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '一票否决记录' })
  @ApiOkResponse({ type: VetoResponse, isArray: true })
  vetoes(@Query() q: YearQueryDto): Promise<VetoDto[]> {
    return this.records.vetoes(this.year(q));
  }

  @Post('vetoes')
  @Roles('office')
  @ApiOperation({ summary: '录入一票否决（考评办）' })
  @ApiCreatedResponse({ type: VetoResponse })
  createVeto(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateVetoDto): Promise<VetoDto> {
    return this.records.createVeto(user, dto);
  }
}

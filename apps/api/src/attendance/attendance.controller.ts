import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CalendarDayDto as CalendarDay,
  JobDto,
  LeaveDto,
  MonthlyReportDto,
  PersonMonthDto,
  PunchDto,
  ReportStatusDto,
  ScheduleDto as Schedule,
  SectionDayDto,
  SectionMonthDto,
  SiteDto as Site,
  TodayDto,
} from '@kaoping/contracts';
import type { Response } from 'express';
import { BUREAU, CurrentUser, MANAGERS, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal, Principal } from '../access/principal.js';
import { assertCanReadPerson, assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { isDateOnly } from '../common/http/validation.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { AttendanceEvaluationService } from './attendance-evaluation.service.js';
import { AttendanceSetupService } from './attendance-setup.service.js';
import { ClockInService } from './clock-in.service.js';
import {
  CalendarDayDto,
  ClockInDto,
  CreateLeaveDto,
  DayQueryDto,
  GenerateReportDto,
  LeaveDecisionDto,
  LeaveQueryDto,
  MonthQueryDto,
  ReportQueryDto,
  ScheduleDto,
  SiteDto,
  UpdateSiteDto,
  YearQueryDto,
} from './dto/attendance.dto.js';
import { LeaveService } from './leave.service.js';
import { MonthlyReportService } from './monthly-report.service.js';
import { exportSections } from './attendance.jobs.js';
import { ExportJobDto } from './dto/export-job.dto.js';
import { JobResponse } from '../jobs/dto/job.dto.js';
import { JobsService } from '../jobs/jobs.service.js';

const person = (p: Principal) => p as PersonPrincipal;

@ApiTags('考勤')
@ApiBearerAuth()
@Controller('attendance')
export class AttendanceController {
  constructor(
    private readonly env: Env,
    private readonly org: OrgService,
    private readonly clockIns: ClockInService,
    private readonly setup: AttendanceSetupService,
    private readonly evaluation: AttendanceEvaluationService,
    private readonly leaves: LeaveService,
    private readonly reports: MonthlyReportService,
    private readonly jobs: JobsService,
  ) {}

  private month(q: { month?: string }): string {
    return q.month ?? this.org.today().slice(0, 7);
  }

  // ── clock-in ──────────────────────────────────────────────────────────
  @Post('punches')
  @HttpCode(201)
  @Roles(...STAFF)
  @ApiOperation({
    summary: '打卡（上班/下班）',
    description:
      '以服务器时间记录；不在任何考勤点范围内则拒绝，外勤打卡须照片和说明；定位精度不足则拒绝；同一幂等键只记一次；离线补传在时限内按手机时间记录并标记。',
  })
  clockIn(@CurrentUser() user: Principal, @Body() dto: ClockInDto): Promise<PunchDto> {
    return this.clockIns.clockIn(person(user), dto);
  }

  @Get('today')
  @Roles(...STAFF)
  @ApiOperation({ summary: '我今天的考勤：班次、状态、打卡记录、考勤点' })
  async today(@CurrentUser() user: Principal): Promise<TodayDto> {
    const me = person(user);
    const date = this.org.today();
    const [rows, sites, schedules, punches] = await Promise.all([
      this.evaluation.evaluate(date, date, { personIds: [me.id] }),
      this.setup.sitesFor(me.sectionId),
      this.setup.schedules(),
      this.evaluation.personPunches(me.id, date),
    ]);
    const record = rows[0]?.day ?? null;
    return {
      date,
      workday: !!record && record.status !== 'rest' && record.status !== 'holiday',
      schedule: this.setup.scheduleOf(schedules, me.sectionId),
      record,
      punches,
      sites: sites.map((s) => this.setup.toSiteDto(s)),
      maxAccuracy: this.env.ATTENDANCE_MAX_ACCURACY_M,
    };
  }

  @Get('people/:id/month')
  @Roles(...STAFF)
  @ApiOperation({ summary: '某人某月考勤（每日状态与统计）', description: '干部职工仅本人；处长本处室；考评办、局领导全局。' })
  async personMonth(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: MonthQueryDto): Promise<PersonMonthDto> {
    const { dto } = await this.org.getPerson(id);
    assertCanReadPerson(user, dto);
    return this.evaluation.personMonth(id, this.month(q));
  }

  @Get('sections/:id/day')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '处室某日考勤（含异常提示）' })
  async sectionDay(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: DayQueryDto): Promise<SectionDayDto> {
    await this.org.getSection(id);
    assertCanReadSection(user, id);
    return this.evaluation.sectionDay(id, q.date ?? this.org.today());
  }

  @Get('sections/:id/month')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '处室某月考勤统计' })
  async sectionMonth(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: MonthQueryDto): Promise<SectionMonthDto> {
    await this.org.getSection(id);
    assertCanReadSection(user, id);
    return this.evaluation.sectionMonth(id, this.month(q));
  }

  // ── sites, schedules, calendar ───────────────────────────────────────
  @Get('sites')
  @Roles(...STAFF)
  @ApiOperation({ summary: '考勤点列表' })
  listSites(): Promise<Site[]> {
    return this.setup.listSites();
  }

  @Post('sites')
  @Roles('office')
  @ApiOperation({ summary: '新增考勤点（考评办）' })
  createSite(@Body() dto: SiteDto): Promise<Site> {
    return this.setup.createSite(dto);
  }

  @Patch('sites/:id')
  @Roles('office')
  @ApiOperation({ summary: '修改考勤点（考评办）' })
  updateSite(@Param('id') id: string, @Body() dto: UpdateSiteDto): Promise<Site> {
    return this.setup.updateSite(id, dto);
  }

  @Get('schedules')
  @Roles(...STAFF)
  @ApiOperation({ summary: '各处室作息时间' })
  listSchedules(): Promise<Schedule[]> {
    return this.setup.listSchedules();
  }

  @Put('schedules/:id')
  @Roles('office')
  @ApiOperation({ summary: '设置处室作息时间（考评办）', description: ':id 为处室编号。' })
  setSchedule(@Param('id') id: string, @Body() dto: ScheduleDto): Promise<Schedule> {
    return this.setup.setSchedule(id, dto);
  }

  @Get('calendar')
  @Roles(...STAFF)
  @ApiOperation({ summary: '工作日历：法定节假日与调休上班日' })
  calendar(@Query() q: YearQueryDto): Promise<CalendarDay[]> {
    return this.setup.listCalendar(q.year ?? Number(this.org.today().slice(0, 4)));
  }

  @Put('calendar')
  @Roles('office')
  @ApiOperation({ summary: '设置某日为节假日或调休上班日（考评办）' })
  setCalendarDay(@Body() dto: CalendarDayDto): Promise<CalendarDay> {
    return this.setup.setCalendarDay(dto);
  }

  @Delete('calendar/:id')
  @HttpCode(204)
  @Roles('office')
  @ApiOperation({ summary: '删除某日的节假日/调休设置（考评办）', description: ':id 为日期 YYYY-MM-DD。' })
  async deleteCalendarDay(@Param('id') id: string): Promise<void> {
    if (!isDateOnly(id)) throw DomainError.invalid('id', 'id 必须是有效日期（YYYY-MM-DD）');
    await this.setup.deleteCalendarDay(id);
  }

  // ── leave ─────────────────────────────────────────────────────────────
  @Post('leaves')
  @Roles(...STAFF)
  @ApiOperation({ summary: '提交请假/外勤/出差申请', description: '处长（主任）审批；处长本人的申请由考评办公室审批。' })
  createLeave(@CurrentUser() user: Principal, @Body() dto: CreateLeaveDto): Promise<LeaveDto> {
    return this.leaves.create(person(user), dto);
  }

  @Get('leaves')
  @Roles(...STAFF)
  @ApiOperation({ summary: '我的申请 / 待我审批' })
  listLeaves(@CurrentUser() user: Principal, @Query() q: LeaveQueryDto): Promise<LeaveDto[]> {
    return this.leaves.list(person(user), q.view ?? 'mine', q.status);
  }

  @Post('leaves/:id/decision')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '审批申请（批准/退回）', description: '本人的申请不能自己审批。' })
  decide(@CurrentUser() user: Principal, @Param('id') id: string, @Body() dto: LeaveDecisionDto): Promise<LeaveDto> {
    return this.leaves.decide(person(user), id, dto.approve, dto.note);
  }

  @Post('leaves/:id/cancel')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: '撤回待审批的申请（本人）' })
  cancel(@CurrentUser() user: Principal, @Param('id') id: string): Promise<LeaveDto> {
    return this.leaves.cancel(person(user), id);
  }

  // ── monthly report ────────────────────────────────────────────────────
  @Get('reports/status')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '各处室月报上报情况（考评办、局领导）' })
  reportStatus(@Query() q: MonthQueryDto): Promise<ReportStatusDto> {
    return this.reports.status(this.month(q));
  }

  @Get('reports/current')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '某处室某月的月报（未生成时为 null）' })
  async currentReport(@CurrentUser() user: Principal, @Query() q: ReportQueryDto): Promise<MonthlyReportDto | null> {
    const sectionId = q.sectionId ?? person(user).sectionId;
    if (!sectionId) throw DomainError.invalid('sectionId', '请选择处室');
    await this.org.getSection(sectionId);
    return this.reports.find(person(user), sectionId, this.month(q));
  }

  @Post('reports')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '生成处室考勤月报（处长或考评办）' })
  generate(@CurrentUser() user: Principal, @Body() dto: GenerateReportDto): Promise<MonthlyReportDto> {
    return this.reports.generate(person(user), dto.sectionId, dto.month);
  }

  @Post('reports/:id/sign')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '处长确认签字，月报报送考评办' })
  sign(@CurrentUser() user: Principal, @Param('id') id: string): Promise<MonthlyReportDto> {
    return this.reports.sign(person(user), id);
  }

  @Get('reports/export')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '导出考勤月报 Excel', description: '考评办、局领导：全部或指定处室；处长：本处室。' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentUser() user: Principal, @Query() q: ReportQueryDto, @Res() res: Response): Promise<void> {
    const sections = exportSections(person(user), q.sectionId);
    const month = this.month(q);
    const buf = await this.reports.exportXlsx(month, sections ?? undefined);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="attendance-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(`考勤月报-${month}.xlsx`)}`);
    res.send(buf);
  }

  @Post('reports/export')
  @HttpCode(202)
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: '导出考勤月报 Excel（后台任务）',
    description: '立即返回任务（202）；用 GET /api/jobs/{id} 查看进度，完成后从 result.downloadUrl 下载。考评办、局领导：全部或指定处室；处长：本处室。',
  })
  @ApiAcceptedResponse({ type: JobResponse })
  startExport(@CurrentUser() user: Principal, @Body() dto: ExportJobDto): Promise<JobDto> {
    const me = person(user);
    const sectionIds = exportSections(me, dto.sectionId);
    return this.jobs.start(me, 'attendance.export', { month: dto.month, sectionIds }, { roles: [...MANAGERS], sectionId: me.role === 'chief' ? me.sectionId : (dto.sectionId ?? null) });
  }

}

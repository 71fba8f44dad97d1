import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonthCounts, MonthlyReportDto, ReportStatusDto } from '@kaoping/contracts';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { OrgService } from '../org/org.service.js';
import { AttendanceEvaluationService } from './attendance-evaluation.service.js';
import { MonthlyReport } from './monthly-report.entity.js';

const COLUMNS: [keyof MonthCounts, string][] = [
  ['workdays', '应出勤(天)'],
  ['normal', '正常'],
  ['late', '迟到'],
  ['early', '早退'],
  ['missing', '缺卡'],
  ['absent', '未打卡'],
  ['leave', '请假'],
  ['field', '外勤'],
  ['flagged', '异常提示'],
];

/** The monthly attendance report (seed 000 五.(一)): generated per section, signed by its chief, checked by the office. */
@Injectable()
export class MonthlyReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AttendanceEvaluationService) private readonly evaluation: AttendanceEvaluationService,
  ) {}

  private async toDto(r: MonthlyReport): Promise<MonthlyReportDto> {
    const section = await this.org.getSection(r.sectionId);
    const signer = r.signedBy ? (await this.org.peopleByIds([r.signedBy]))[0] : undefined;
    return {
      id: r.id,
      sectionId: r.sectionId,
      sectionName: section.name,
      month: r.month,
      status: r.status,
      generatedAt: r.generatedAt.toISOString(),
      signedBy: r.signedBy,
      signedByName: signer?.name ?? null,
      signedAt: r.signedAt ? r.signedAt.toISOString() : null,
      rows: r.rows,
    };
  }

  /** (Re)generates a section's report for a month; a signed report is final. */
  async generate(user: PersonPrincipal, sectionId: string, month: string): Promise<MonthlyReportDto> {
    await this.org.getSection(sectionId);
    assertCanReadSection(user, sectionId);
    if (user.role === 'leader' || user.role === 'staff') throw DomainError.forbidden('只有处长（主任）或考评办公室可以生成月报');
    const month0 = this.org.today().slice(0, 7);
    if (month > month0) throw DomainError.invalid('month', '不能生成未来月份的考勤月报');
    const summary = await this.evaluation.sectionMonth(sectionId, month);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(MonthlyReport);
      const existing = await repo.findOneBy({ sectionId, month });
      if (existing?.status === 'signed') throw new DomainError('CONFLICT', `${month} 月报已由处长签字，不能重新生成`);
      const row = existing ?? repo.create({ sectionId, month, signedBy: null, signedAt: null });
      row.status = 'generated';
      row.generatedAt = this.clock.now();
      row.rows = summary.people;
      await repo.save(row);
      return this.toDto(row);
    });
  }

  async get(user: PersonPrincipal, id: string): Promise<MonthlyReportDto> {
    const row = await this.ds.getRepository(MonthlyReport).findOneBy({ id });
    if (!row) throw DomainError.notFound('考勤月报', 'id');
    assertCanReadSection(user, row.sectionId);
    return this.toDto(row);
  }

  async find(user: PersonPrincipal, sectionId: string, month: string): Promise<MonthlyReportDto | null> {
    assertCanReadSection(user, sectionId);
    const row = await this.ds.getRepository(MonthlyReport).findOneBy({ sectionId, month });
    return row ? this.toDto(row) : null;
  }

  /** The chief signs (确认签字): the report is then submitted to the office. */
  async sign(user: PersonPrincipal, id: string): Promise<MonthlyReportDto> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(MonthlyReport);
      const row = await repo.findOneBy({ id });
      if (!row) throw DomainError.notFound('考勤月报', 'id');
      if (!(user.position === 'chief' && user.sectionId === row.sectionId)) throw DomainError.forbidden('只有本处室处长（主任）可以签字');
      if (row.status === 'signed') throw new DomainError('CONFLICT', '该月报已签字');
      row.status = 'signed';
      row.signedBy = user.id;
      row.signedAt = this.clock.now();
      await repo.save(row);
      return this.toDto(row);
    });
  }

  /** Which sections have submitted (signed) the month's report. */
  async status(month: string): Promise<ReportStatusDto> {
    const [sections, reports] = await Promise.all([this.org.listSections(), this.ds.getRepository(MonthlyReport).findBy({ month })]);
    const by = new Map(reports.map((r) => [r.sectionId, r]));
    const signers = new Map((await this.org.peopleByIds(reports.flatMap((r) => (r.signedBy ? [r.signedBy] : [])))).map((p) => [p.id, p.name]));
    return {
      month,
      sections: sections.map((s) => {
        const r = by.get(s.id);
        return {
          sectionId: s.id,
          sectionName: s.name,
          status: r?.status ?? 'missing',
          signedAt: r?.signedAt ? r.signedAt.toISOString() : null,
          signedByName: r?.signedBy ? (signers.get(r.signedBy) ?? null) : null,
        };
      }),
    };
  }

  /** An Excel workbook of the month: one row per person, submitted reports as signed, others computed now. */
  async exportXlsx(month: string, sectionIds?: string[], progress?: (done: number, total: number, sectionName?: string) => Promise<void>): Promise<Buffer> {
    const sections = (await this.org.listSections()).filter((s) => !sectionIds || sectionIds.includes(s.id));
    const reports = new Map((await this.ds.getRepository(MonthlyReport).findBy({ month })).map((r) => [r.sectionId, r]));
    const wb = new ExcelJS.Workbook();
    wb.creator = '考评 Kaoping';
    wb.created = this.clock.now();
    const ws = wb.addWorksheet(`${month} 考勤`);
    ws.columns = [
      { header: '处室', key: 'section', width: 22 },
      { header: '姓名', key: 'name', width: 10 },
      ...COLUMNS.map(([key, header]) => ({ header, key, width: 10 })),
      { header: '月报状态', key: 'status', width: 12 },
      { header: '签字人', key: 'signer', width: 10 },
      { header: '签字时间', key: 'signedAt', width: 20 },
    ];
    ws.getRow(1).font = { bold: true };
    const signerIds = [...reports.values()].flatMap((r) => (r.signedBy ? [r.signedBy] : []));
    const signers = new Map((await this.org.peopleByIds(signerIds)).map((p) => [p.id, p.name]));
    for (const [i, s] of sections.entries()) {
      await progress?.(i, sections.length, s.name);
      const report = reports.get(s.id);
      const rows = report?.rows ?? (await this.evaluation.sectionMonth(s.id, month)).people;
      const status = report?.status === 'signed' ? '已签字上报' : report ? '已生成未签字' : '未生成';
      for (const r of rows) {
        ws.addRow({
          section: s.name,
          name: r.personName,
          ...Object.fromEntries(COLUMNS.map(([k]) => [k, r.counts[k]])),
          status,
          signer: report?.signedBy ? (signers.get(report.signedBy) ?? '') : '',
          signedAt: report?.signedAt ? report.signedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '',
        });
      }
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

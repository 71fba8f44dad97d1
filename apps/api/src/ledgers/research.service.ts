import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEDGER_TARGETS, type ResearchLogDto, type ResearchOverviewDto, type ResearchReportDto } from '@kaoping/contracts';
import { Between, DataSource } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { asPerson } from '../diary/diary.service.js';
import { FilesService } from '../files/files.service.js';
import { OrgService } from '../org/org.service.js';
import { ResearchLog, ResearchReport } from './ledger.entities.js';
import { pace } from './pace.js';

/** 下基层调研 (seed 000 五.十一): days per person and section, reports; NB-10/NB-11. */
@Injectable()
export class ResearchService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly files: FilesService,
  ) {}

  private async sectionOn(personId: string, date: string, field: string): Promise<string> {
    const m = await this.org.membershipOn(personId, date);
    if (!m) throw DomainError.invalid(field, `${date} 您不在任何处室，无法登记`);
    return m.sectionId;
  }

  async log(user: Principal, input: { date: string; days: number; place: string; purpose: string }): Promise<ResearchLogDto> {
    const me = asPerson(user);
    if (input.date > this.org.today()) throw DomainError.invalid('date', '不能登记将来日期的调研');
    const sectionId = await this.sectionOn(me.id, input.date, 'date');
    const repo = this.ds.getRepository(ResearchLog);
    const row = repo.create({ personId: me.id, sectionId, date: input.date, days: input.days, place: input.place.trim(), purpose: input.purpose.trim() });
    await repo.insert(row);
    return { id: row.id, personId: me.id, personName: me.name, sectionId, date: row.date, days: row.days, place: row.place, purpose: row.purpose };
  }

  async report(user: Principal, input: { date?: string; title: string; body?: string; fileIds?: string[] }): Promise<ResearchReportDto> {
    const me = asPerson(user);
    const date = input.date ?? this.org.today();
    if (date > this.org.today()) throw DomainError.invalid('date', '完成日期不能是将来');
    const body = input.body?.trim() || null;
    const fileIds = input.fileIds ?? [];
    if (!body && !fileIds.length) throw DomainError.invalid('body', '请填写报告正文或上传报告文件');
    const sectionId = await this.sectionOn(me.id, date, 'date');
    const row = await this.ds.transaction(async (em) => {
      await this.files.claim(fileIds, user, 'research_report', em);
      const repo = em.getRepository(ResearchReport);
      const r = repo.create({ personId: me.id, sectionId, date, title: input.title.trim(), body, fileIds });
      await repo.insert(r);
      return r;
    });
    return { id: row.id, personId: me.id, personName: me.name, sectionId, date, title: row.title, body, fileIds };
  }

  async overview(user: Principal, q: { year?: number; sectionId?: string }): Promise<ResearchOverviewDto> {
    const me = asPerson(user);
    const today = this.org.today();
    const year = q.year ?? Number(today.slice(0, 4));
    const sectionId = q.sectionId ?? me.sectionId;
    if (!sectionId) throw DomainError.invalid('sectionId', '请选择处室');
    assertCanReadSection(me, sectionId);
    const range = Between(`${year}-01-01`, `${year}-12-31`);
    const logs = await this.ds.getRepository(ResearchLog).find({ where: { sectionId, date: range }, order: { date: 'DESC' } });
    const reports = await this.ds.getRepository(ResearchReport).find({ where: { sectionId, date: range }, order: { date: 'DESC' } });
    const names = new Map((await this.org.peopleByIds([...new Set([...logs, ...reports].map((r) => r.personId))])).map((p) => [p.id, p.name]));
    const days = logs.reduce((s, l) => s + l.days, 0);
    return {
      year,
      sectionId,
      pace: pace(days, LEDGER_TARGETS.research, year, today),
      logs: logs.map((l) => ({ id: l.id, personId: l.personId, personName: names.get(l.personId) ?? '', sectionId, date: l.date, days: l.days, place: l.place, purpose: l.purpose })),
      reports: reports.map((r) => ({ id: r.id, personId: r.personId, personName: names.get(r.personId) ?? '', sectionId, date: r.date, title: r.title, body: r.body, fileIds: r.fileIds })),
    };
  }
}

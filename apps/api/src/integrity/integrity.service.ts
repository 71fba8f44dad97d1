import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntegrityFileDto, IntegrityReportDto, IntegrityStatus } from '@kaoping/contracts';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { asPerson } from '../diary/diary.service.js';
import { FilesService } from '../files/files.service.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { OrgService } from '../org/org.service.js';
import { IntegrityReport } from './integrity-report.entity.js';

/**
 * 述廉 (seed 000 五.七) and the 廉政档案 (七.(二)). Confidential: only the person and the office (政治处/监察室/考评办)
 * read a report or a file — not the person's chief, not other staff, not the bureau leaders.
 */
@Injectable()
export class IntegrityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly files: FilesService,
  ) {}

  /** Every caller of this (the person, the office) may read the attachments: they get signed preview links. */
  private async toDtos(rows: IntegrityReport[]): Promise<IntegrityReportDto[]> {
    const names = new Map((await this.org.peopleByIds([...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p.name]));
    const fileIds = [...new Set(rows.flatMap((r) => r.fileIds))];
    const mimes = new Map((fileIds.length ? await this.ds.getRepository(StoredFile).find({ where: { id: In(fileIds) }, select: { id: true, mime: true } }) : []).map((f) => [f.id, f.mime]));
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: names.get(r.personId) ?? r.personId,
      year: r.year,
      body: r.body,
      fileIds: r.fileIds,
      attachments: r.fileIds.filter((f) => mimes.has(f)).map((f) => ({ id: f, mime: mimes.get(f)!, previewUrl: this.files.signedUrl(f) })),
      status: r.status,
      reviewBody: r.reviewBody,
      submittedAt: iso(r.submittedAt),
      reviewComment: r.reviewComment,
      reviewedAt: iso(r.reviewedAt),
    }));
  }

  async mine(user: Principal, year: number | undefined): Promise<{ year: number; report: IntegrityReportDto | null }> {
    const me = asPerson(user);
    const y = year ?? Number(this.org.today().slice(0, 4));
    const row = await this.ds.getRepository(IntegrityReport).findOneBy({ personId: me.id, year: y });
    return { year: y, report: row ? (await this.toDtos([row]))[0]! : null };
  }

  /** Writes one's own report for a year (draft or submit). A submitted or approved report can no longer be changed. */
  async save(user: Principal, input: { year: number; body: string; fileIds?: string[]; submit?: boolean }): Promise<IntegrityReportDto> {
    const me = asPerson(user);
    if (input.year > Number(this.org.today().slice(0, 4))) throw DomainError.invalid('year', '不能填写将来年度的述廉报告');
    const repo = this.ds.getRepository(IntegrityReport);
    const existing = await repo.findOneBy({ personId: me.id, year: input.year });
    if (existing && (existing.status === 'submitted' || existing.status === 'approved')) {
      throw new DomainError('CONFLICT', existing.status === 'approved' ? '该年度述廉报告已审核归档，不能修改' : '述廉报告已提交，正在审核，不能修改', 'year');
    }
    const row = existing ?? repo.create({ personId: me.id, year: input.year, reviewerId: null, reviewComment: null, reviewedAt: null, submittedAt: null });
    row.body = input.body.trim();
    row.fileIds = input.fileIds ?? [];
    row.reviewBody = me.position === 'chief' || me.position === 'deputy' ? 'party_committee' : 'political_office';
    row.status = input.submit ? 'submitted' : 'draft';
    row.submittedAt = input.submit ? this.clock.now() : null;
    await this.ds.transaction(async (em) => {
      await this.files.claim(row.fileIds, user, 'integrity_report', em);
      await em.getRepository(IntegrityReport).save(row);
    });
    return (await this.toDtos([row]))[0]!;
  }

  async queue(year: number | undefined, status: IntegrityStatus | undefined): Promise<IntegrityReportDto[]> {
    const y = year ?? Number(this.org.today().slice(0, 4));
    const rows = await this.ds.getRepository(IntegrityReport).find({ where: { year: y, ...(status ? { status } : {}) }, order: { personId: 'ASC' } });
    return this.toDtos(rows);
  }

  /** The office records the decision (for chiefs and deputies: the party committee's decision). Approval files the report. */
  async review(user: Principal, id: string, input: { decision: 'approved' | 'returned'; comment?: string }): Promise<IntegrityReportDto> {
    const me = asPerson(user);
    const repo = this.ds.getRepository(IntegrityReport);
    const row = await repo.findOneBy({ id });
    if (!row) throw DomainError.notFound('述廉报告', 'id');
    if (row.status !== 'submitted') throw new DomainError('CONFLICT', '只能审核已提交的述廉报告', 'decision');
    if (row.personId === me.id) throw DomainError.forbidden('不能审核本人的述廉报告');
    const comment = input.comment?.trim() || null;
    if (input.decision === 'returned' && !comment) throw DomainError.invalid('comment', '退回时请写明修改意见');
    row.status = input.decision;
    row.reviewerId = me.id;
    row.reviewComment = comment;
    row.reviewedAt = this.clock.now();
    await repo.save(row);
    return (await this.toDtos([row]))[0]!;
  }

  /** 廉政档案: approved reports of a person. Only the person and the office. */
  async file(user: Principal, personId: string): Promise<IntegrityFileDto> {
    const me = asPerson(user);
    const id = personId === 'me' ? me.id : personId;
    if (id !== me.id && me.role !== 'office') throw DomainError.forbidden('廉政档案仅本人和考评办（政治处、监察室）可查看');
    const { person } = await this.org.getPerson(id);
    const rows = await this.ds.getRepository(IntegrityReport).find({ where: { personId: id, status: 'approved' }, order: { year: 'DESC' } });
    return { personId: id, personName: person.name, reports: await this.toDtos(rows) };
  }
}

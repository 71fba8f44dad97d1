import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceFileDto, InnovationDto, ReviewLevel } from '@kaoping/contracts';
import { DataSource } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { FilesService } from '../files/files.service.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { InnovationEntry } from './review.entities.js';
import { assertJiguanSection, levelOrScore } from './review-helpers.js';

export const INNOVATION_FILE_PURPOSE = 'innovation';
const PAGE = '/subpackages/officer/pages/innovations/index';

/**
 * 工作创新 (seed 000 五.(十), 七.(一)): a section's chief files an entry with evidence; the office assesses it with a level
 * or a score. The section's yearly innovation value is its best assessed entry (see extras-facts.ts).
 * Scope: the office and leaders see every section; chiefs and staff their own section's entries.
 */
@Injectable()
export class InnovationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly files: FilesService,
    private readonly notices: NoticesService,
  ) {}

  private async toDtos(rows: InnovationEntry[]): Promise<InnovationDto[]> {
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const names = new Map((await this.org.peopleByIds([...new Set(rows.flatMap((r) => [r.filedById, ...(r.assessedById ? [r.assessedById] : [])]))])).map((p) => [p.id, p.name]));
    const previews = new Map<string, EvidenceFileDto>((await this.files.previews(rows.flatMap((r) => r.fileIds))).map((f) => [f.id, f]));
    return rows.map((r) => ({
      id: r.id,
      sectionId: r.sectionId,
      sectionName: sections.get(r.sectionId) ?? r.sectionId,
      year: r.year,
      date: r.date,
      title: r.title,
      description: r.description,
      files: r.fileIds.flatMap((id) => (previews.has(id) ? [previews.get(id)!] : [])),
      filedByName: names.get(r.filedById) ?? r.filedById,
      status: r.status,
      level: r.level,
      score: r.score,
      assessment: r.assessment,
      assessedByName: r.assessedById ? (names.get(r.assessedById) ?? r.assessedById) : null,
      assessedOn: r.assessedOn,
    }));
  }

  async list(user: PersonPrincipal, q: { year: number; sectionId?: string }): Promise<InnovationDto[]> {
    const bureau = user.role === 'office' || user.role === 'leader';
    let sectionId = q.sectionId;
    if (!bureau) {
      if (!user.sectionId) return [];
      if (sectionId && sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的工作创新');
      sectionId = user.sectionId;
    }
    const rows = await this.ds.getRepository(InnovationEntry).find({
      where: { year: q.year, ...(sectionId ? { sectionId } : {}) },
      order: { date: 'DESC', createdAt: 'DESC' },
      take: 500,
    });
    return this.toDtos(rows);
  }

  /** A chief files for their own section; the office may file for any 机关 section. */
  async create(user: PersonPrincipal, dto: { sectionId?: string; title: string; description: string; date?: string; fileIds?: string[] }): Promise<InnovationDto> {
    let sectionId = dto.sectionId;
    if (user.role === 'chief') {
      if (!user.sectionId) throw DomainError.forbidden('您当前不在任何处室任职');
      if (sectionId && sectionId !== user.sectionId) throw DomainError.forbidden('只能申报本处室的工作创新');
      sectionId = user.sectionId;
    } else if (!sectionId) {
      throw DomainError.invalid('sectionId', 'sectionId 考评办代录时请选择处室');
    }
    const today = this.org.today();
    const date = dto.date ?? today;
    if (date > today) throw DomainError.invalid('date', 'date 日期不能晚于今天');
    const row = await this.ds.transaction(async (em) => {
      const section = await assertJiguanSection(em, sectionId!, 'sectionId');
      const fileIds = [...new Set(dto.fileIds ?? [])];
      await this.files.claim(fileIds, user, INNOVATION_FILE_PURPOSE, em, 'fileIds');
      const repo = em.getRepository(InnovationEntry);
      const r = repo.create({
        sectionId: section.id,
        year: Number(date.slice(0, 4)),
        date,
        title: dto.title,
        description: dto.description,
        fileIds,
        filedById: user.id,
        status: 'submitted',
        level: null,
        score: null,
        assessment: null,
        assessedById: null,
        assessedOn: null,
      });
      await repo.insert(r);
      await this.notices.notifyOffice(em, { kind: 'innovation_filed', title: '工作创新待评定', body: `${section.name}申报了工作创新：${dto.title}`, link: `${PAGE}?year=${r.year}` });
      return r;
    });
    return (await this.toDtos([row]))[0]!;
  }

  /** The office assesses (or re-assesses) an entry; the filer is told. */
  async assess(user: PersonPrincipal, id: string, dto: { level?: ReviewLevel; score?: number; assessment: string }): Promise<InnovationDto> {
    const value = levelOrScore(dto);
    const row = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(InnovationEntry);
      const r = /^[0-9a-f-]{36}$/.test(id) ? await repo.findOneBy({ id }) : null;
      if (!r) throw DomainError.notFound('工作创新', 'id');
      Object.assign(r, { status: 'assessed', level: value.level, score: value.score, assessment: dto.assessment, assessedById: user.id, assessedOn: this.org.today() });
      const saved = await repo.save(r);
      await this.notices.notify(em, [
        { personId: r.filedById, kind: 'innovation_assessed', title: '工作创新已评定', body: `“${r.title}”评定为 ${value.score} 分：${dto.assessment}`.slice(0, 500), link: `${PAGE}?year=${r.year}` },
      ]);
      return saved;
    });
    return (await this.toDtos([row]))[0]!;
  }
}

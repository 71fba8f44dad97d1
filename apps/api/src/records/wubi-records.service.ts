import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_KINDS,
  type CommendationDto,
  type CommendationLevel,
  type EvidenceFileDto,
  type InspectionKind,
  type InspectionYearDto,
  type RatingLevel,
  type RatingSheetDto,
  type VetoDto,
  type VetoReason,
} from '@kaoping/contracts';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { FilesService } from '../files/files.service.js';
import { Membership } from '../org/membership.entity.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { schemeById } from '../scoring/scheme-files.js';
import { wubiSectionIds } from '../cycle/wubi-participation.js';
import { Commendation, InspectionRound, InspectionScore, Rating, Veto } from './wubi-records.entity.js';

interface RatingQuota {
  minSectionSize: number;
  level: string;
  max: number;
  positions: string[];
}

const POSITION_NAMES: Record<string, string> = { chief: '处长（主任）', deputy: '副处长（副主任）', staff: '科员' };

/** The evidence entries of `ids` from a preview map, in order. */
function pick(previews: Map<string, EvidenceFileDto>, ids: string[]): EvidenceFileDto[] {
  return ids.flatMap((id) => (previews.has(id) ? [previews.get(id)!] : []));
}

function yearRange(year: number) {
  return Between(`${year}-01-01`, `${year}-12-31`);
}

/** Inspections (WB-D1..3), 绩 ratings (JI-1), commendations (WB-B1/B2) and vetoes (WB-V1..5). */
@Injectable()
export class WubiRecordsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly files: FilesService,
  ) {}

  yearEnd(year: number): string {
    const end = `${year}-12-31`;
    const today = this.org.today();
    return today < end ? today : end;
  }

  /** Signed previews of records' files. Every read here is BUREAU-only (office, leader), who may read any file. */
  private async previewMap(ids: string[]): Promise<Map<string, EvidenceFileDto>> {
    return new Map((await this.files.previews(ids)).map((f) => [f.id, f]));
  }

  /** Members of every section at a date: personId → membership. */
  private async membersAt(date: string, em: EntityManager = this.ds.manager): Promise<Map<string, Membership>> {
    const ms = await em.getRepository(Membership).find({ order: { from: 'ASC' } });
    const out = new Map<string, Membership>();
    for (const m of ms) if (m.from <= date && (m.to === null || m.to >= date)) out.set(m.personId, m);
    const active = new Set((await em.getRepository(Person).find({ where: { active: true } })).map((p) => p.id));
    for (const id of [...out.keys()]) if (!active.has(id)) out.delete(id);
    return out;
  }

  /** A person of a 五比五评 section on `date` (the head, for inspections: `headOnly`), taking part that year (cycle plan). */
  private async assertWubiPerson(em: EntityManager, personId: string, date: string, field: string, headOnly: boolean): Promise<Membership> {
    const m = await this.org.membershipOn(personId, date, em);
    const s = m ? await em.getRepository(Section).findOneBy({ id: m.sectionId }) : null;
    if (!m || !s?.wubiType) throw DomainError.invalid(field, `${personId} 在 ${date} 不是“五比五评”参评单位的人员`);
    const year = Number(date.slice(0, 4));
    if (!(await wubiSectionIds(em, year)).has(s.id)) throw DomainError.invalid(field, `${s.name}不在 ${year} 年“五比五评”参评名单中（见三年周期计划），不能录入`);
    if (headOnly && m.position !== 'chief') throw DomainError.invalid(field, `${personId} 在 ${date} 不是参评单位的负责人（科长）`);
    return m;
  }

  // ── inspections ──────────────────────────────────────────────────────────────────────────────────────────────

  async createInspection(
    user: PersonPrincipal,
    dto: { kind: InspectionKind; date: string; inspector: string; notes?: string; fileIds?: string[]; scores: { personId: string; score: number }[] },
  ): Promise<InspectionYearDto> {
    if (dto.date > this.org.today()) throw DomainError.invalid('date', '督查日期不能晚于今天');
    const ids = dto.scores.map((s) => s.personId);
    if (new Set(ids).size !== ids.length) throw DomainError.invalid('scores', '同一位科长在一轮督查中只能有一个得分');
    const year = Number(dto.date.slice(0, 4));
    await this.ds.transaction(async (em) => {
      for (const s of dto.scores) await this.assertWubiPerson(em, s.personId, dto.date, 'scores', true);
      const last = await em.getRepository(InspectionRound).findOne({ where: { year, kind: dto.kind }, order: { round: 'DESC' } });
      const round = em.getRepository(InspectionRound).create({
        year,
        kind: dto.kind,
        round: (last?.round ?? 0) + 1,
        date: dto.date,
        inspector: dto.inspector,
        notes: dto.notes || null,
        fileIds: [...new Set(dto.fileIds ?? [])],
        recordedBy: user.id,
      });
      await this.files.claim(round.fileIds, user, 'inspection', em, 'fileIds');
      await em.getRepository(InspectionRound).insert(round);
      const scores = em.getRepository(InspectionScore);
      for (const s of dto.scores) await scores.insert(scores.create({ roundId: round.id, personId: s.personId, score: s.score }));
    });
    return this.inspections(year);
  }

  async inspections(year: number): Promise<InspectionYearDto> {
    const rounds = await this.ds.getRepository(InspectionRound).find({ where: { year }, order: { kind: 'ASC', round: 'ASC' } });
    const scores = rounds.length ? await this.ds.getRepository(InspectionScore).findBy({ roundId: In(rounds.map((r) => r.id)) }) : [];
    const people = new Map((await this.org.peopleByIds([...new Set(scores.map((s) => s.personId))])).map((p) => [p.id, p.name]));
    const members = await this.membersAt(this.yearEnd(year));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const previews = await this.previewMap(rounds.flatMap((r) => r.fileIds));
    const scheme = schemeById('wubi');
    const warnings: string[] = [];
    for (const kind of INSPECTION_KINDS) {
      const rule = scheme.rules.find((r) => r.kind === 'inspection' && (r as { params: { inspectionKind: string } }).params.inspectionKind === kind) as
        | { params: { minRounds: number } }
        | undefined;
      const min = rule?.params.minRounds ?? 2;
      const n = rounds.filter((r) => r.kind === kind).length;
      if (n < min) warnings.push(`${INSPECTION_KIND_LABELS[kind]}：${year} 年仅 ${n} 轮，至少应 ${min} 轮`);
    }
    return {
      year,
      warnings,
      rounds: rounds.map((r) => ({
        id: r.id,
        year: r.year,
        kind: r.kind,
        round: r.round,
        date: r.date,
        inspector: r.inspector,
        notes: r.notes,
        fileIds: r.fileIds,
        files: pick(previews, r.fileIds),
        scores: scores
          .filter((s) => s.roundId === r.id)
          .map((s) => {
            const m = members.get(s.personId);
            return { personId: s.personId, personName: people.get(s.personId) ?? s.personId, sectionName: m ? (sections.get(m.sectionId) ?? '') : '', score: s.score };
          }),
      })),
    };
  }

  // ── ratings (JI-1) ──────────────────────────────────────────────────────────────────────────────────────────

  private quota(): { quota: RatingQuota | null; levels: string[] } {
    const rule = schemeById('jiguan').rules.find((r) => r.kind === 'rating') as { params: { quota: RatingQuota | null; levels: string[] } } | undefined;
    return { quota: rule?.params.quota ?? null, levels: rule?.params.levels ?? [] };
  }

  /** Who `user` rates: a chief their section's staff; the office (leading group) every jiguan chief and deputy. */
  private async ratable(user: PersonPrincipal, year: number): Promise<{ members: Map<string, Membership>; ratable: Membership[]; sections: Map<string, Section> }> {
    const members = await this.membersAt(this.yearEnd(year));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s]));
    const jiguan = [...members.values()].filter((m) => sections.get(m.sectionId)?.category);
    const ratable =
      user.role === 'office'
        ? jiguan.filter((m) => m.position !== 'staff')
        : jiguan.filter((m) => m.sectionId === user.sectionId && m.position === 'staff' && m.personId !== user.id);
    return { members, ratable, sections };
  }

  async ratingSheet(user: PersonPrincipal, year: number): Promise<RatingSheetDto> {
    const { members, ratable, sections } = await this.ratable(user, year);
    const ratings = new Map((await this.ds.getRepository(Rating).findBy({ year })).map((r) => [r.personId, r.rating]));
    const names = new Map((await this.org.peopleByIds(ratable.map((m) => m.personId))).map((p) => [p.id, p.name]));
    const { quota } = this.quota();
    const hints: string[] = [];
    if (quota) {
      for (const sid of new Set(ratable.filter((m) => quota.positions.includes(m.position)).map((m) => m.sectionId))) {
        const size = [...members.values()].filter((m) => m.sectionId === sid).length;
        if (size >= quota.minSectionSize) hints.push(`${sections.get(sid)?.name ?? sid}共 ${size} 人：“${quota.level}”最多 ${quota.max} 名`);
      }
    }
    return {
      year,
      quotaHints: hints,
      rows: ratable
        .map((m) => ({
          personId: m.personId,
          name: names.get(m.personId) ?? m.personId,
          sectionId: m.sectionId,
          sectionName: sections.get(m.sectionId)?.name ?? m.sectionId,
          position: POSITION_NAMES[m.position] ?? m.position,
          rating: (ratings.get(m.personId) ?? null) as RatingLevel | null,
        }))
        .sort((a, b) => a.sectionId.localeCompare(b.sectionId) || a.personId.localeCompare(b.personId)),
    };
  }

  /** Saves ratings; the quota (a section of 6 or more: at most one 优秀) is checked on the section's whole set. */
  async saveRatings(user: PersonPrincipal, year: number, entries: { personId: string; rating: RatingLevel }[]): Promise<RatingSheetDto> {
    const ids = entries.map((e) => e.personId);
    if (new Set(ids).size !== ids.length) throw DomainError.invalid('ratings', '同一人只能有一个评定等次');
    await this.ds.transaction(async (em) => {
      const { members, ratable, sections } = await this.ratable(user, year);
      const allowed = new Set(ratable.map((m) => m.personId));
      for (const e of entries) {
        if (!allowed.has(e.personId)) {
          throw DomainError.forbidden(user.role === 'office' ? '考评领导小组只评定处室负责人（处长、副处长）' : '只能评定本处室的科员');
        }
      }
      const repo = em.getRepository(Rating);
      const existing = new Map((await repo.findBy({ year })).map((r) => [r.personId, r]));
      const after = new Map([...existing].map(([k, v]) => [k, v.rating as string]));
      for (const e of entries) after.set(e.personId, e.rating);
      const { quota } = this.quota();
      if (quota) {
        for (const sid of new Set(entries.map((e) => members.get(e.personId)!.sectionId))) {
          const inSection = [...members.values()].filter((m) => m.sectionId === sid);
          if (inSection.length < quota.minSectionSize) continue;
          const top = inSection.filter((m) => quota.positions.includes(m.position) && after.get(m.personId) === quota.level);
          if (top.length > quota.max) {
            const names = (await this.org.peopleByIds(top.map((m) => m.personId))).map((p) => p.name);
            throw new DomainError(
              'RATING_QUOTA',
              `${sections.get(sid)?.name ?? sid}共 ${inSection.length} 人，“${quota.level}”最多评 ${quota.max} 名，现为 ${top.length} 名（${names.join('、')}），请调整后再保存`,
              'ratings',
            );
          }
        }
      }
      const now = this.clock.now();
      for (const e of entries) {
        const cur = existing.get(e.personId);
        if (cur) {
          if (cur.rating === e.rating) continue;
          cur.rating = e.rating;
          cur.ratedBy = user.id;
          cur.ratedAt = now;
          await repo.save(cur);
        } else {
          await repo.insert(repo.create({ year, personId: e.personId, rating: e.rating, ratedBy: user.id, ratedAt: now }));
        }
      }
    });
    return this.ratingSheet(user, year);
  }

  // ── commendations and vetoes ────────────────────────────────────────────────────────────────────────────────

  async createCommendation(
    user: PersonPrincipal,
    dto: { personId: string; level: CommendationLevel; matter: string; docNo?: string; date: string; points?: number; reason?: string; fileIds?: string[] },
  ): Promise<CommendationDto> {
    if (dto.level === 'unit') {
      if (dto.points === undefined) throw DomainError.invalid('points', '本单位表彰须填写加分');
      if (!dto.reason) throw DomainError.invalid('reason', '本单位表彰须填写加分理由');
    } else {
      if (!dto.docNo) throw DomainError.invalid('docNo', '请填写表彰文件的文号（加分以年度文号为准）');
      if (dto.points !== undefined) throw DomainError.invalid('points', '上级表彰按级别计分，不填加分');
    }
    if (dto.date > this.org.today()) throw DomainError.invalid('date', '表彰日期不能晚于今天');
    const c = await this.ds.transaction(async (em) => {
      await this.assertWubiPerson(em, dto.personId, dto.date, 'personId', false);
      const repo = em.getRepository(Commendation);
      const c = repo.create({
        personId: dto.personId,
        level: dto.level,
        matter: dto.matter,
        docNo: dto.docNo ?? null,
        date: dto.date,
        points: dto.level === 'unit' ? (dto.points ?? null) : null,
        reason: dto.reason ?? null,
        fileIds: [...new Set(dto.fileIds ?? [])],
        recordedBy: user.id,
      });
      await this.files.claim(c.fileIds, user, 'commendation', em, 'fileIds');
      await repo.insert(c);
      return c;
    });
    return (await this.commendationDtos([c]))[0]!;
  }

  private async commendationDtos(rows: Commendation[]): Promise<CommendationDto[]> {
    const names = new Map((await this.org.peopleByIds([...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p.name]));
    const previews = await this.previewMap(rows.flatMap((r) => r.fileIds));
    return rows.map((c) => ({
      id: c.id,
      personId: c.personId,
      personName: names.get(c.personId) ?? c.personId,
      level: c.level,
      matter: c.matter,
      docNo: c.docNo,
      date: c.date,
      points: c.points,
      reason: c.reason,
      fileIds: c.fileIds,
      files: pick(previews, c.fileIds),
    }));
  }

  async commendations(year: number): Promise<CommendationDto[]> {
    const rows = await this.ds.getRepository(Commendation).find({ where: { date: yearRange(year) }, order: { matter: 'ASC', date: 'ASC' } });
    return this.commendationDtos(rows);
  }

  async createVeto(user: PersonPrincipal, dto: { personId: string; reason: VetoReason; date: string; description: string; fileIds?: string[] }): Promise<VetoDto> {
    if (dto.date > this.org.today()) throw DomainError.invalid('date', '日期不能晚于今天');
    const v = await this.ds.transaction(async (em) => {
      await this.assertWubiPerson(em, dto.personId, dto.date, 'personId', false);
      const repo = em.getRepository(Veto);
      const v = repo.create({ personId: dto.personId, reason: dto.reason, date: dto.date, description: dto.description, fileIds: [...new Set(dto.fileIds ?? [])], recordedBy: user.id });
      await this.files.claim(v.fileIds, user, 'veto', em, 'fileIds');
      await repo.insert(v);
      return v;
    });
    return (await this.vetoDtos([v]))[0]!;
  }

  private async vetoDtos(rows: Veto[]): Promise<VetoDto[]> {
    const names = new Map((await this.org.peopleByIds([...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p.name]));
    const previews = await this.previewMap(rows.flatMap((r) => r.fileIds));
    return rows.map((v) => ({
      id: v.id,
      personId: v.personId,
      personName: names.get(v.personId) ?? v.personId,
      reason: v.reason,
      date: v.date,
      description: v.description,
      fileIds: v.fileIds,
      files: pick(previews, v.fileIds),
    }));
  }

  async vetoes(year: number): Promise<VetoDto[]> {
    return this.vetoDtos(await this.ds.getRepository(Veto).find({ where: { date: yearRange(year) }, order: { date: 'ASC' } }));
  }
}

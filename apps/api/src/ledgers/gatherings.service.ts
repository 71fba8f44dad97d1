import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GATHERING_LABELS,
  LEDGER_TARGETS,
  type AttendanceStatus,
  type DuesFollowUpDto,
  type GatheringDto,
  type GatheringKind,
  type GatheringListDto,
  type LedgerSpotCheckDto,
} from '@kaoping/contracts';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import type { Principal, PersonPrincipal } from '../access/principal.js';
import { assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { asPerson } from '../diary/diary.service.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { DuesFollowUp, Gathering, GatheringAttendance, LedgerSpotCheck } from './ledger.entities.js';
import { pace } from './pace.js';

export interface AttendanceInput {
  personId: string;
  status: AttendanceStatus;
  leave?: boolean;
  note?: string;
}

const isBureau = (p: PersonPrincipal) => p.role === 'office' || p.role === 'leader';

@Injectable()
export class GatheringsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
  ) {}

  private async toDtos(rows: Gathering[]): Promise<GatheringDto[]> {
    if (!rows.length) return [];
    const att = await this.ds.getRepository(GatheringAttendance).findBy({ gatheringId: In(rows.map((r) => r.id)) });
    const names = new Map((await this.org.peopleByIds([...new Set(att.map((a) => a.personId))])).map((p) => [p.id, p.name]));
    return rows.map((g) => ({
      id: g.id,
      kind: g.kind,
      sectionId: g.sectionId,
      secretaryId: g.secretaryId,
      date: g.date,
      title: g.title,
      minutes: g.minutes,
      recorded: !!g.minutes?.trim(),
      recordedById: g.recordedById,
      attendance: att
        .filter((a) => a.gatheringId === g.id)
        .map((a) => ({ personId: a.personId, name: names.get(a.personId) ?? a.personId, status: a.status, leave: !!a.leave, note: a.note }))
        .sort((a, b) => a.personId.localeCompare(b.personId)),
    }));
  }

  /** Who may record a gathering of this kind: chiefs/deputies their section's 处务会, branch secretaries their activities, the office all. */
  private async assertCanRecord(me: PersonPrincipal, kind: GatheringKind, sectionId: string | null, secretaryId: string | null): Promise<void> {
    if (me.role === 'office') return;
    if (kind === 'section' && me.role === 'chief' && sectionId === me.sectionId) return;
    if (kind === 'branch' && me.branchSecretary && secretaryId === me.id) return;
    const what = kind === 'section' ? '处务会由本处室处长、副处长登记' : kind === 'branch' ? '支部活动由支部书记本人登记' : `${GATHERING_LABELS[kind]}由考评办登记`;
    throw DomainError.forbidden(`无权登记：${what}`);
  }

  private async validateAttendance(em: EntityManager, kind: GatheringKind, sectionId: string | null, date: string, attendance: AttendanceInput[]): Promise<void> {
    const ids = attendance.map((a) => a.personId);
    if (new Set(ids).size !== ids.length) throw DomainError.invalid('attendance', '出勤名单中有重复人员');
    const found = ids.length ? await em.getRepository(Person).findBy({ id: In(ids) }) : [];
    const missing = ids.find((id) => !found.some((p) => p.id === id));
    if (missing) throw DomainError.invalid('attendance', `人员 ${missing} 不存在`);
    if (kind === 'section' && sectionId) {
      for (const id of ids) {
        const m = await this.org.membershipOn(id, date, em);
        if (m?.sectionId !== sectionId) {
          throw DomainError.invalid('attendance', `${found.find((p) => p.id === id)?.name ?? id} ${date} 不在本处室，不能列入处务会名单`);
        }
      }
    }
  }

  async create(
    user: Principal,
    input: { kind: GatheringKind; sectionId?: string; secretaryId?: string; date: string; title?: string; minutes?: string; attendance: AttendanceInput[] },
  ): Promise<GatheringDto> {
    const me = asPerson(user);
    const sectionId = input.kind === 'section' ? (input.sectionId ?? me.sectionId) : null;
    const secretaryId = input.kind === 'branch' ? (input.secretaryId ?? me.id) : null;
    if (input.kind === 'section' && !sectionId) throw DomainError.invalid('sectionId', '请选择处室');
    await this.assertCanRecord(me, input.kind, sectionId, secretaryId);
    if (input.date > this.org.today()) throw DomainError.invalid('date', '不能登记将来日期的会议或活动');
    if (sectionId) await this.org.getSection(sectionId).catch(() => Promise.reject(DomainError.notFound('处室', 'sectionId')));
    if (secretaryId) {
      const sec = await this.ds.getRepository(Person).findOneBy({ id: secretaryId });
      if (!sec?.branchSecretary) throw DomainError.invalid('secretaryId', '该人员不是支部书记');
    }
    const id = await this.ds.transaction(async (em) => {
      await this.validateAttendance(em, input.kind, sectionId, input.date, input.attendance);
      const repo = em.getRepository(Gathering);
      const g = repo.create({
        kind: input.kind,
        sectionId,
        secretaryId,
        date: input.date,
        title: input.title?.trim() || GATHERING_LABELS[input.kind],
        minutes: input.minutes?.trim() || null,
        recordedById: me.id,
      });
      await repo.insert(g);
      await this.writeAttendance(em, g.id, input.attendance);
      return g.id;
    });
    return (await this.toDtos([await this.ds.getRepository(Gathering).findOneByOrFail({ id })]))[0]!;
  }

  private async writeAttendance(em: EntityManager, gatheringId: string, attendance: AttendanceInput[]): Promise<void> {
    const repo = em.getRepository(GatheringAttendance);
    await repo.delete({ gatheringId });
    for (const a of attendance) {
      await repo.insert(repo.create({ gatheringId, personId: a.personId, status: a.status, leave: a.status === 'present' ? false : !!a.leave, note: a.note?.trim() || null }));
    }
  }

  async update(user: Principal, id: string, input: { title?: string; minutes?: string; attendance?: AttendanceInput[] }): Promise<GatheringDto> {
    const me = asPerson(user);
    const g = await this.ds.getRepository(Gathering).findOneBy({ id });
    if (!g) throw DomainError.notFound('会议或活动', 'id');
    await this.assertCanRecord(me, g.kind, g.sectionId, g.secretaryId);
    await this.ds.transaction(async (em) => {
      if (input.attendance) {
        await this.validateAttendance(em, g.kind, g.sectionId, g.date, input.attendance);
        await this.writeAttendance(em, g.id, input.attendance);
      }
      if (input.title !== undefined) g.title = input.title.trim() || GATHERING_LABELS[g.kind];
      if (input.minutes !== undefined) g.minutes = input.minutes.trim() || null;
      await em.getRepository(Gathering).save(g);
    });
    return (await this.toDtos([g]))[0]!;
  }

  private async assertCanRead(me: PersonPrincipal, g: Gathering): Promise<void> {
    if (isBureau(me) || g.kind === 'bureau' || g.kind === 'collective') return;
    if (g.kind === 'section') return assertCanReadSection(me, g.sectionId!);
    if (g.secretaryId === me.id) return;
    const mine = await this.ds.getRepository(GatheringAttendance).findOneBy({ gatheringId: g.id, personId: me.id });
    if (!mine) throw DomainError.forbidden('无权查看该支部活动');
  }

  async get(user: Principal, id: string): Promise<GatheringDto> {
    const me = asPerson(user);
    const g = await this.ds.getRepository(Gathering).findOneBy({ id });
    if (!g) throw DomainError.notFound('会议或活动', 'id');
    await this.assertCanRead(me, g);
    return (await this.toDtos([g]))[0]!;
  }

  async list(user: Principal, q: { kind?: GatheringKind; year?: number; sectionId?: string; secretaryId?: string }): Promise<GatheringListDto> {
    const me = asPerson(user);
    const kind = q.kind ?? 'section';
    const today = this.org.today();
    const year = q.year ?? Number(today.slice(0, 4));
    const range = Between(`${year}-01-01`, `${year}-12-31`);
    const repo = this.ds.getRepository(Gathering);
    if (kind === 'section') {
      const sectionId = q.sectionId ?? me.sectionId;
      if (!sectionId) throw DomainError.invalid('sectionId', '请选择处室');
      assertCanReadSection(me, sectionId);
      const rows = await repo.find({ where: { kind, sectionId, date: range }, order: { date: 'DESC' } });
      return { kind, pace: pace(rows.length, LEDGER_TARGETS.section, year, today), items: await this.toDtos(rows) };
    }
    if (kind === 'branch') {
      const secretaryId = q.secretaryId ?? (me.branchSecretary ? me.id : undefined);
      if (secretaryId) {
        if (secretaryId !== me.id && !isBureau(me)) throw DomainError.forbidden('只能查看本人负责的支部活动');
        const rows = await repo.find({ where: { kind, secretaryId, date: range }, order: { date: 'DESC' } });
        return { kind, pace: pace(rows.length, LEDGER_TARGETS.branch, year, today), items: await this.toDtos(rows) };
      }
      if (isBureau(me)) {
        return { kind, pace: null, items: await this.toDtos(await repo.find({ where: { kind, date: range }, order: { date: 'DESC' } })) };
      }
    }
    if (kind === 'bureau' || kind === 'collective') {
      return { kind, pace: null, items: await this.toDtos(await repo.find({ where: { kind, date: range }, order: { date: 'DESC' } })) };
    }
    // a branch member: the activities they were on the list of
    const mine = await this.ds.getRepository(GatheringAttendance).findBy({ personId: me.id });
    const rows = mine.length ? await repo.find({ where: { kind, id: In(mine.map((a) => a.gatheringId)), date: range }, order: { date: 'DESC' } }) : [];
    return { kind, pace: null, items: await this.toDtos(rows) };
  }

  // ---- the office's quarterly spot check of the 处务会 ledger and the branch record book

  private async spotDto(rows: LedgerSpotCheck[]): Promise<LedgerSpotCheckDto[]> {
    const sections = new Map((await this.org.listSections()).map((s) => [s.id, s.name]));
    const people = new Map((await this.org.peopleByIds(rows.filter((r) => r.kind === 'branch').map((r) => r.targetId))).map((p) => [p.id, `${p.name}（支部书记）`]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      targetId: r.targetId,
      targetName: (r.kind === 'section' ? sections.get(r.targetId) : people.get(r.targetId)) ?? r.targetId,
      year: r.year,
      quarter: r.quarter,
      recordsFound: r.recordsFound,
      findings: r.findings,
      checkerId: r.checkerId,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  async createSpotCheck(user: Principal, input: { kind: 'section' | 'branch'; targetId: string; year: number; quarter: number; findings: string }): Promise<LedgerSpotCheckDto> {
    const me = asPerson(user);
    if (input.kind === 'section') await this.org.getSection(input.targetId).catch(() => Promise.reject(DomainError.notFound('处室', 'targetId')));
    else {
      const sec = await this.ds.getRepository(Person).findOneBy({ id: input.targetId });
      if (!sec?.branchSecretary) throw DomainError.invalid('targetId', '该人员不是支部书记');
    }
    const repo = this.ds.getRepository(LedgerSpotCheck);
    if (await repo.findOneBy({ kind: input.kind, targetId: input.targetId, year: input.year, quarter: input.quarter })) {
      throw new DomainError('CONFLICT', `${input.year} 年第 ${input.quarter} 季度已抽查`, 'quarter');
    }
    const from = `${input.year}-${String((input.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(input.year, input.quarter * 3, 0)).toISOString().slice(0, 10);
    const where = input.kind === 'section' ? { kind: 'section' as const, sectionId: input.targetId } : { kind: 'branch' as const, secretaryId: input.targetId };
    const held = await this.ds.getRepository(Gathering).find({ where: { ...where, date: Between(from, to) } });
    const row = repo.create({ ...input, findings: input.findings.trim(), recordsFound: held.filter((g) => !!g.minutes?.trim()).length, checkerId: me.id });
    await repo.insert(row);
    return (await this.spotDto([await repo.findOneByOrFail({ id: row.id })]))[0]!;
  }

  async listSpotChecks(year: number | undefined): Promise<LedgerSpotCheckDto[]> {
    const y = year ?? Number(this.org.today().slice(0, 4));
    return this.spotDto(await this.ds.getRepository(LedgerSpotCheck).find({ where: { year: y }, order: { quarter: 'DESC', kind: 'ASC', targetId: 'ASC' } }));
  }

  // ---- party dues follow-up (NP-6 evidence)

  async recordDues(
    user: Principal,
    input: { memberId: string; monthsUnpaid: number; chasedOn: string; note: string; settled?: boolean; secretaryId?: string },
  ): Promise<DuesFollowUpDto> {
    const me = asPerson(user);
    const secretaryId = me.role === 'office' ? (input.secretaryId ?? me.id) : me.id;
    if (me.role !== 'office' && !me.branchSecretary) throw DomainError.forbidden('党费催缴由支部书记登记');
    if (me.role !== 'office' && input.secretaryId && input.secretaryId !== me.id) throw DomainError.forbidden('只能登记本人负责的支部');
    if (input.chasedOn > this.org.today()) throw DomainError.invalid('chasedOn', '督促日期不能是将来');
    const member = await this.ds.getRepository(Person).findOneBy({ id: input.memberId });
    if (!member) throw DomainError.notFound('党员', 'memberId');
    const repo = this.ds.getRepository(DuesFollowUp);
    const row = repo.create({ secretaryId, memberId: input.memberId, monthsUnpaid: input.monthsUnpaid, chasedOn: input.chasedOn, note: input.note.trim(), settled: !!input.settled });
    await repo.insert(row);
    return { id: row.id, secretaryId, memberId: member.id, memberName: member.name, monthsUnpaid: row.monthsUnpaid, chasedOn: row.chasedOn, note: row.note, settled: !!row.settled };
  }

  async listDues(user: Principal, year: number | undefined): Promise<DuesFollowUpDto[]> {
    const me = asPerson(user);
    const y = year ?? Number(this.org.today().slice(0, 4));
    const where = { chasedOn: Between(`${y}-01-01`, `${y}-12-31`), ...(isBureau(me) ? {} : { secretaryId: me.id }) };
    const rows = await this.ds.getRepository(DuesFollowUp).find({ where, order: { chasedOn: 'DESC' } });
    const names = new Map((await this.org.peopleByIds([...new Set(rows.map((r) => r.memberId))])).map((p) => [p.id, p.name]));
    return rows.map((r) => ({ id: r.id, secretaryId: r.secretaryId, memberId: r.memberId, memberName: names.get(r.memberId) ?? r.memberId, monthsUnpaid: r.monthsUnpaid, chasedOn: r.chasedOn, note: r.note, settled: !!r.settled }));
  }
}

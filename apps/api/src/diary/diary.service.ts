import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DiaryCompletenessDto,
  DiaryCompletenessRow,
  DiaryEntryDto,
  DiaryMonthDto,
  DiaryReminderDto,
  DiaryReviewDto,
  DiarySpotCheckDto,
  DiaryVersionDto,
} from '@kaoping/contracts';
import { randomInt } from 'node:crypto';
import { Between, DataSource, In } from 'typeorm';
import type { Principal, PersonPrincipal } from '../access/principal.js';
import { assertCanReadPerson, assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { AttendanceSetupService, DEFAULT_SCHEDULE } from '../attendance/attendance-setup.service.js';
import { isWorkingDay } from '../attendance/day-evaluation.js';
import { DiaryEntry, DiaryReview, DiarySpotCheck, DiaryVersion } from './diary.entities.js';
import { loadVagueConfig } from './vague-config.js';
import { checkDiaryContent, type VagueCheckConfig } from './vague-check.js';
import { monthBounds, workingDays } from './working-days.js';

export function asPerson(p: Principal): PersonPrincipal {
  if (p.kind !== 'person') throw DomainError.forbidden('仅限本局干部职工');
  return p;
}

@Injectable()
export class DiaryService {
  private readonly vague: VagueCheckConfig;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly setup: AttendanceSetupService,
  ) {
    this.vague = loadVagueConfig(env.DIARY_RULES_FILE);
  }

  /**
   * Working days from `from` to `to` (inclusive) by the attendance work calendar: statutory holidays are off,
   * 调休 working days count, other days follow the section's schedule (default Monday–Friday).
   */
  async workingDaysOf(sectionId: string | null, from: string, to: string): Promise<string[]> {
    if (to < from) return [];
    const [calendar, schedules] = await Promise.all([this.setup.calendar(from, to), this.setup.schedules()]);
    const schedule = this.setup.scheduleOf(schedules, sectionId) ?? { sectionId: '', ...DEFAULT_SCHEDULE };
    return workingDays(from, to, (d) => isWorkingDay(d, schedule, calendar.get(d)));
  }

  private toDto(e: DiaryEntry): DiaryEntryDto {
    return {
      id: e.id,
      personId: e.personId,
      date: e.date,
      content: e.content,
      version: e.version,
      editable: e.date === this.org.today(),
      updatedAt: new Date(e.updatedAt).toISOString(),
    };
  }

  /** Writes (or edits) one's own entry. Same-day edits replace the text; later edits add a version. */
  async save(user: Principal, input: { date?: string; content: string }): Promise<DiaryEntryDto> {
    const me = asPerson(user);
    const today = this.org.today();
    const date = input.date ?? today;
    if (date > today) throw DomainError.invalid('date', '不能填写将来日期的工作日记');
    const content = input.content.trim();
    const verdict = checkDiaryContent(content, this.vague);
    if (!verdict.ok) throw new DomainError('DIARY_VAGUE', verdict.message, 'content', [{ field: 'content', message: verdict.message }]);
    const now = this.clock.now();
    const late = date < today;
    const saved = await this.ds.transaction(async (em) => {
      const entries = em.getRepository(DiaryEntry);
      const versions = em.getRepository(DiaryVersion);
      const existing = await entries.findOneBy({ personId: me.id, date });
      if (!existing) {
        const m = await this.org.membershipOn(me.id, date, em);
        const entry = entries.create({ personId: me.id, sectionId: m?.sectionId ?? me.sectionId, date, content, version: 1 });
        await entries.insert(entry);
        await versions.insert(versions.create({ entryId: entry.id, version: 1, content, savedAt: now, late }));
        return entry;
      }
      if (existing.content === content) return existing;
      if (late) {
        existing.version += 1;
        await versions.insert(versions.create({ entryId: existing.id, version: existing.version, content, savedAt: now, late: true }));
      } else {
        await versions.update({ entryId: existing.id, version: existing.version }, { content, savedAt: now });
      }
      existing.content = content;
      await entries.save(existing);
      return existing;
    });
    return this.toDto(await this.ds.getRepository(DiaryEntry).findOneByOrFail({ id: saved.id }));
  }

  private async readablePerson(user: Principal, personId: string) {
    const { dto } = await this.org.getPerson(personId);
    assertCanReadPerson(user, dto);
    return dto;
  }

  async month(user: Principal, personId: string | undefined, month: string | undefined): Promise<DiaryMonthDto> {
    const me = asPerson(user);
    const id = personId ?? me.id;
    if (id !== me.id) await this.readablePerson(user, id);
    const m = month ?? this.org.today().slice(0, 7);
    const { first, last } = monthBounds(m);
    const entries = await this.ds.getRepository(DiaryEntry).find({ where: { personId: id, date: Between(first, last) }, order: { date: 'DESC' } });
    const reviews = await this.reviewsFor([id], m);
    return { personId: id, month: m, entries: entries.map((e) => this.toDto(e)), review: reviews.get(id) ?? null };
  }

  async versions(user: Principal, entryId: string): Promise<DiaryVersionDto[]> {
    const me = asPerson(user);
    const entry = await this.ds.getRepository(DiaryEntry).findOneBy({ id: entryId });
    if (!entry) throw DomainError.notFound('工作日记', 'id');
    if (entry.personId !== me.id) await this.readablePerson(user, entry.personId);
    const rows = await this.ds.getRepository(DiaryVersion).find({ where: { entryId }, order: { version: 'DESC' } });
    return rows.map((v) => ({ version: v.version, content: v.content, savedAt: new Date(v.savedAt).toISOString(), late: !!v.late }));
  }

  async reminders(user: Principal): Promise<DiaryReminderDto> {
    const me = asPerson(user);
    const today = this.org.today();
    const { first } = monthBounds(today.slice(0, 7));
    const written = new Set(
      (await this.ds.getRepository(DiaryEntry).find({ where: { personId: me.id, date: Between(first, today) }, select: { date: true } })).map((e) => e.date),
    );
    const missing = (await this.workingDaysOf(me.sectionId, first, today)).filter((d) => d < today && !written.has(d));
    return { today, todayWritten: written.has(today), missing };
  }

  private async reviewsFor(personIds: string[], month: string): Promise<Map<string, DiaryReviewDto>> {
    if (!personIds.length) return new Map();
    const rows = await this.ds.getRepository(DiaryReview).findBy({ personId: In(personIds), month });
    const names = new Map((await this.org.peopleByIds([...new Set(rows.map((r) => r.reviewerId))])).map((p) => [p.id, p.name]));
    return new Map(
      rows.map((r) => [
        r.personId,
        { personId: r.personId, month: r.month, reviewerId: r.reviewerId, reviewerName: names.get(r.reviewerId) ?? '', comment: r.comment, reviewedAt: new Date(r.reviewedAt).toISOString() },
      ]),
    );
  }

  /** Per person of a section: working days so far this month, entries written, missing days, review. */
  async completeness(user: Principal, sectionId: string | undefined, month: string | undefined): Promise<DiaryCompletenessDto> {
    const me = asPerson(user);
    const section = sectionId ?? me.sectionId;
    if (!section) throw DomainError.invalid('sectionId', '请选择处室');
    assertCanReadSection(user, section);
    if (me.role === 'chief' && section !== me.sectionId) throw DomainError.forbidden('只能审阅本处室的工作日记');
    const today = this.org.today();
    const m = month ?? today.slice(0, 7);
    const { first, last } = monthBounds(m);
    const until = last < today ? last : today;
    const members = await this.org.membersOn(section, until < first ? first : until);
    const people = [...(members.chief ? [members.chief] : []), ...members.deputies, ...members.staff];
    const days = await this.workingDaysOf(section, first, until);
    const ids = people.map((p) => p.id);
    const entries = ids.length ? await this.ds.getRepository(DiaryEntry).find({ where: { personId: In(ids), date: Between(first, last) }, select: { personId: true, date: true } }) : [];
    const byPerson = new Map<string, Set<string>>();
    for (const e of entries) {
      if (!byPerson.has(e.personId)) byPerson.set(e.personId, new Set());
      byPerson.get(e.personId)!.add(e.date);
    }
    const reviews = await this.reviewsFor(ids, m);
    const rows: DiaryCompletenessRow[] = people.map((p) => {
      const written = byPerson.get(p.id) ?? new Set<string>();
      const missing = days.filter((d) => !written.has(d));
      const done = days.length - missing.length;
      return { personId: p.id, name: p.name, position: p.position, workingDays: days.length, written: done, missing, rate: days.length ? Math.round((done / days.length) * 100) / 100 : 1, review: reviews.get(p.id) ?? null };
    });
    return { sectionId: section, month: m, until, people: rows };
  }

  /** The chief's monthly review (comment, mark reviewed). Chiefs: their section's people; the office: anyone (e.g. the chiefs). */
  async review(user: Principal, input: { personId: string; month: string; comment?: string }): Promise<DiaryReviewDto> {
    const me = asPerson(user);
    const { dto } = await this.org.getPerson(input.personId);
    if (me.role === 'chief') {
      if (dto.sectionId !== me.sectionId) throw DomainError.forbidden('只能审阅本处室干部的工作日记');
      if (dto.id === me.id) throw DomainError.forbidden('不能审阅本人的工作日记');
    }
    if (input.month > this.org.today().slice(0, 7)) throw DomainError.invalid('month', '不能审阅将来月份');
    const repo = this.ds.getRepository(DiaryReview);
    const existing = await repo.findOneBy({ personId: input.personId, month: input.month });
    const row = existing ?? repo.create({ personId: input.personId, month: input.month });
    row.reviewerId = me.id;
    row.comment = input.comment?.trim() || null;
    row.reviewedAt = this.clock.now();
    await repo.save(row);
    return (await this.reviewsFor([input.personId], input.month)).get(input.personId)!;
  }

  private async spotDto(c: DiarySpotCheck): Promise<DiarySpotCheckDto> {
    const section = await this.org.getSection(c.sectionId);
    const people = new Map((await this.org.peopleByIds(c.sample)).map((p) => [p.id, p]));
    const { first, last } = monthBounds(c.month);
    const today = this.org.today();
    const until = last < today ? last : today;
    const days = await this.workingDaysOf(c.sectionId, first, until);
    const entries = c.sample.length ? await this.ds.getRepository(DiaryEntry).find({ where: { personId: In(c.sample), date: Between(first, last) }, select: { personId: true, date: true } }) : [];
    const daySet = new Set(days);
    return {
      id: c.id,
      sectionId: c.sectionId,
      sectionName: section.name,
      month: c.month,
      sample: c.sample.map((id) => ({ personId: id, name: people.get(id)?.name ?? id, written: entries.filter((e) => e.personId === id && daySet.has(e.date)).length, workingDays: days.length })),
      checkerId: c.checkerId,
      findings: c.findings,
      createdAt: new Date(c.createdAt).toISOString(),
      recordedAt: c.recordedAt ? new Date(c.recordedAt).toISOString() : null,
    };
  }

  /** The office draws a random sample of a section's people for a month. */
  async createSpotCheck(user: Principal, input: { sectionId: string; month: string; sampleSize?: number }): Promise<DiarySpotCheckDto> {
    const me = asPerson(user);
    await this.org.getSection(input.sectionId).catch(() => {
      throw DomainError.notFound('处室', 'sectionId');
    });
    const today = this.org.today();
    if (input.month > today.slice(0, 7)) throw DomainError.invalid('month', '不能抽查将来月份');
    const repo = this.ds.getRepository(DiarySpotCheck);
    if (await repo.findOneBy({ sectionId: input.sectionId, month: input.month })) {
      throw new DomainError('CONFLICT', `${input.month} 已抽查过该处室`, 'month');
    }
    const { last } = monthBounds(input.month);
    const members = await this.org.membersOn(input.sectionId, last < today ? last : today);
    const pool = [...(members.chief ? [members.chief] : []), ...members.deputies, ...members.staff].map((p) => p.id);
    if (!pool.length) throw DomainError.invalid('sectionId', '该处室当月没有人员');
    const sample: string[] = [];
    const n = Math.min(input.sampleSize ?? 2, pool.length);
    while (sample.length < n) sample.push(pool.splice(randomInt(pool.length), 1)[0]!);
    const row = repo.create({ sectionId: input.sectionId, month: input.month, sample, checkerId: me.id, findings: null, recordedAt: null });
    await repo.insert(row);
    return this.spotDto(await repo.findOneByOrFail({ id: row.id }));
  }

  async recordFindings(user: Principal, id: string, findings: string): Promise<DiarySpotCheckDto> {
    const me = asPerson(user);
    const repo = this.ds.getRepository(DiarySpotCheck);
    const row = await repo.findOneBy({ id });
    if (!row) throw DomainError.notFound('抽查记录', 'id');
    row.findings = findings.trim();
    row.checkerId = me.id;
    row.recordedAt = this.clock.now();
    await repo.save(row);
    return this.spotDto(row);
  }

  async listSpotChecks(month: string | undefined): Promise<DiarySpotCheckDto[]> {
    const rows = await this.ds.getRepository(DiarySpotCheck).find({ where: month ? { month } : {}, order: { month: 'DESC', sectionId: 'ASC' } });
    return Promise.all(rows.map((r) => this.spotDto(r)));
  }

}

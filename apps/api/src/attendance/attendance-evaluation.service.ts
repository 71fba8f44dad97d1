import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DayRecord, LeaveType, MonthCounts, PersonMonthDto, PunchDto, SectionDayDto, SectionMonthDto } from '@kaoping/contracts';
import type { AttendanceInput, LeaveInput } from '@kaoping/scoring';
import { schemeById } from '../scoring/scheme-files.js';
import { Between, DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { Membership } from '../org/membership.entity.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { AttendanceSetupService } from './attendance-setup.service.js';
import { ClockInService } from './clock-in.service.js';
import { evaluateDay, isWorkingDay, type AttendanceFact } from './day-evaluation.js';
import { LeaveService } from './leave.service.js';
import { Punch } from './punch.entity.js';
import { daysBetween, monthRange } from './zoned-time.js';

/** The four attendance facts of the scoring contract. */
export interface AttendanceFacts {
  attendance: AttendanceInput[];
  leaves: LeaveInput[];
  holidays: string[];
  workdays: string[];
}

interface Evaluated {
  day: DayRecord;
  sectionId: string;
  fact?: AttendanceFact;
  fullLeave?: LeaveType;
  leaveId?: string;
}

export function emptyCounts(): MonthCounts {
  return { workdays: 0, normal: 0, late: 0, early: 0, missing: 0, absent: 0, leave: 0, field: 0, flagged: 0 };
}

export function countDays(days: DayRecord[]): MonthCounts {
  const c = emptyCounts();
  for (const d of days) {
    if (d.status === 'rest' || d.status === 'holiday') continue;
    c.workdays++;
    if (d.status === 'normal') c.normal++;
    if (d.late) c.late++;
    if (d.early) c.early++;
    if (d.status === 'absent') c.absent++;
    else if (d.missing) c.missing++;
    if (d.status === 'leave') c.leave++;
    if (d.status === 'field' || (d.field && d.status !== 'leave')) c.field++;
    if (d.flags.some((f) => f !== 'field')) c.flagged++;
  }
  return c;
}

/** Daily evaluation, computed from punches, schedules, the calendar and approved leave (nothing stored). */
/** QIN-1's thresholds from the jiguan scheme: the day view and the score judge lateness the same way. */
function qin1Thresholds(): { lateMinutes: number; earlyMinutes: number } {
  const rule = schemeById('jiguan').rules.find((r) => r.kind === 'attendance');
  if (!rule || rule.kind !== 'attendance') throw new Error('the jiguan scheme has no attendance rule (QIN-1)');
  return { lateMinutes: rule.params.lateMinutes, earlyMinutes: rule.params.earlyMinutes };
}

@Injectable()
export class AttendanceEvaluationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AttendanceSetupService) private readonly setup: AttendanceSetupService,
    @Inject(LeaveService) private readonly leaves: LeaveService,
    @Inject(ClockInService) private readonly punches: ClockInService,
  ) {}

  /**
   * Every person-day in [from, to] for the people given (null: everyone with a membership), each judged
   * against the section they belonged to on that day. `sectionIds` keeps only days spent in those sections.
   */
  async evaluate(from: string, to: string, opts: { personIds?: string[]; sectionIds?: string[] } = {}): Promise<Evaluated[]> {
    const mWhere = [
      { from: LessThanOrEqual(to), to: IsNull() },
      { from: LessThanOrEqual(to), to: MoreThanOrEqual(from) },
    ].map((w) => ({
      ...w,
      ...(opts.personIds ? { personId: In(opts.personIds) } : {}),
      ...(opts.sectionIds ? { sectionId: In(opts.sectionIds) } : {}),
    }));
    const memberships = await this.ds.getRepository(Membership).find({ where: mWhere, order: { from: 'ASC' } });
    const personIds = [...new Set(memberships.map((m) => m.personId))];
    if (personIds.length === 0) return [];
    const [people, punches, leaves, schedules, calendar] = await Promise.all([
      this.ds.getRepository(Person).findBy({ id: In(personIds) }),
      this.ds.getRepository(Punch).find({
        where: { personId: In(personIds), localDate: Between(from, to) },
        select: { id: true, personId: true, type: true, at: true, field: true, flags: true, localDate: true },
      }),
      this.leaves.approvedBetween(personIds, from, to),
      this.setup.schedules(),
      this.setup.calendar(from, to),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const punchesBy = new Map<string, Punch[]>();
    for (const p of punches) {
      const k = `${p.personId}|${p.localDate}`;
      (punchesBy.get(k) ?? punchesBy.set(k, []).get(k)!).push(p);
    }
    const { lateMinutes, earlyMinutes } = qin1Thresholds();
    const rules = { timeZone: this.env.BUREAU_TIMEZONE, lateMinutes, earlyMinutes, now: this.clock.now() };
    const today = this.org.today();
    const last = to < today ? to : today;
    const out: Evaluated[] = [];
    for (const m of memberships) {
      const start = m.from > from ? m.from : from;
      const end = m.to && m.to < last ? m.to : last;
      if (start > end) continue;
      const schedule = this.setup.scheduleOf(schedules, m.sectionId);
      const mine = leaves.filter((l) => l.personId === m.personId);
      for (const date of daysBetween(start, end)) {
        const dayLeaves = mine.filter((l) => l.fromDate <= date && l.toDate >= date);
        const r = evaluateDay(
          {
            personId: m.personId,
            personName: names.get(m.personId) ?? m.personId,
            date,
            schedule,
            calendar: calendar.get(date),
            punches: punchesBy.get(`${m.personId}|${date}`) ?? [],
            leaves: dayLeaves,
          },
          rules,
        );
        out.push({ day: r.record, sectionId: m.sectionId, fact: r.fact, fullLeave: r.fullLeave, leaveId: r.fullLeave ? dayLeaves[0]?.id : undefined });
      }
    }
    return out.sort((a, b) => (a.day.date === b.day.date ? a.day.personId.localeCompare(b.day.personId) : a.day.date.localeCompare(b.day.date)));
  }

  async personMonth(personId: string, month: string): Promise<PersonMonthDto> {
    const { from, to } = monthRange(month);
    const rows = await this.evaluate(from, to, { personIds: [personId] });
    const days = rows.map((r) => r.day);
    const { person } = await this.org.getPerson(personId);
    return { personId, personName: person.name, month, days, counts: countDays(days) };
  }

  async sectionDay(sectionId: string, date: string): Promise<SectionDayDto> {
    const rows = await this.evaluate(date, date, { sectionIds: [sectionId] });
    const punches = await this.ds.getRepository(Punch).find({ where: { sectionId, localDate: date }, order: { at: 'ASC' } });
    const names = new Map(rows.map((r) => [r.day.personId, r.day.personName]));
    const sites = new Map((await this.setup.activeSites()).map((s) => [s.id, s.name]));
    return {
      sectionId,
      date,
      records: rows.map((r) => r.day),
      punches: punches.map((p) => ({ ...this.punches.toDto(p, sites), personName: names.get(p.personId) ?? p.personId })),
    };
  }

  async personPunches(personId: string, date: string): Promise<PunchDto[]> {
    const rows = await this.ds.getRepository(Punch).find({ where: { personId, localDate: date }, order: { at: 'ASC' } });
    const sites = new Map((await this.setup.activeSites()).map((s) => [s.id, s.name]));
    return rows.map((p) => this.punches.toDto(p, sites));
  }

  async sectionMonth(sectionId: string, month: string): Promise<SectionMonthDto> {
    const { from, to } = monthRange(month);
    const section = await this.org.getSection(sectionId);
    const rows = await this.evaluate(from, to, { sectionIds: [sectionId] });
    const byPerson = new Map<string, { personName: string; days: DayRecord[] }>();
    for (const r of rows) {
      const e = byPerson.get(r.day.personId) ?? byPerson.set(r.day.personId, { personName: r.day.personName, days: [] }).get(r.day.personId)!;
      e.days.push(r.day);
    }
    return {
      sectionId,
      sectionName: section.name,
      month,
      people: [...byPerson].map(([personId, e]) => ({ personId, personName: e.personName, counts: countDays(e.days) })),
    };
  }

  /**
   * The scoring library's `attendance`, `leaves`, `holidays` and `workdays` for a year (days up to today).
   * Only approved leave counts; a leave covering a whole working day goes into `leaves` (runs of such days, a
   * run continuing over rest days), one covering part of a day moves that day's scheduled start or end.
   */
  async facts(year: number, sectionIds?: string[]): Promise<AttendanceFacts> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [rows, calendar] = await Promise.all([this.evaluate(from, to, { sectionIds }), this.setup.calendar(from, to)]);
    const attendance: AttendanceInput[] = rows.filter((r) => r.fact).map((r) => ({ ...r.fact! }));
    const leaves: LeaveInput[] = [];
    const open = new Map<string, { leaveId: string; entry: LeaveInput; last: string }>();
    const schedules = await this.setup.schedules();
    for (const r of rows) {
      const key = r.day.personId;
      if (!r.fullLeave || !r.leaveId) {
        // a working day without full leave ends the person's run; rest days don't
        const working = isWorkingDay(r.day.date, this.setup.scheduleOf(schedules, r.sectionId), calendar.get(r.day.date));
        if (working) open.delete(key);
        continue;
      }
      const cur = open.get(key);
      if (cur && cur.leaveId === r.leaveId && cur.entry.type === r.fullLeave) {
        cur.entry.to = r.day.date;
        cur.last = r.day.date;
      } else {
        const entry: LeaveInput = { personId: key, type: r.fullLeave, from: r.day.date, to: r.day.date };
        leaves.push(entry);
        open.set(key, { leaveId: r.leaveId, entry, last: r.day.date });
      }
    }
    const holidays: string[] = [];
    const workdays: string[] = [];
    for (const [date, c] of [...calendar].sort(([a], [b]) => a.localeCompare(b))) (c.kind === 'holiday' ? holidays : workdays).push(date);
    return { attendance, leaves, holidays, workdays };
  }
}


import type { CalendarKind, DayRecord, DayStatus, LeaveType, PunchFlag, PunchType } from '@kaoping/contracts';
import { isoWeekday, localTime, minutesOf, zonedInstant } from './zoned-time.js';

/** What the evaluation of one person-day needs. Pure: the caller loads the rows. */
export interface DayInput {
  personId: string;
  personName: string;
  date: string;
  schedule: { startTime: string; endTime: string; weekdays: number[] } | null;
  calendar: { kind: CalendarKind; name: string } | undefined;
  punches: { type: PunchType; at: Date; field: boolean; flags: PunchFlag[] }[];
  /** Approved leaves overlapping the day. */
  leaves: { type: LeaveType; startAt: Date; endAt: Date }[];
}

export interface DayRules {
  timeZone: string;
  lateMinutes: number;
  earlyMinutes: number;
  now: Date;
}

/** The scoring contract's attendance row (local HH:MM). */
export interface AttendanceFact {
  personId: string;
  date: string;
  scheduledIn: string;
  scheduledOut: string;
  clockIn: string | null;
  clockOut: string | null;
}

export interface DayResult {
  record: DayRecord;
  /** Present on a working day that is over; absent on rest days and days still running. */
  fact?: AttendanceFact;
  /** Approved leave covering the whole scheduled day (goes into the scoring `leaves`). */
  fullLeave?: LeaveType;
}

export function isWorkingDay(date: string, schedule: DayInput['schedule'], calendar: DayInput['calendar']): boolean {
  if (calendar?.kind === 'holiday') return false;
  if (calendar?.kind === 'workday') return true;
  return !!schedule && schedule.weekdays.includes(isoWeekday(date));
}

/**
 * One person-day: scheduled window, less approved leave (a leave covering the start moves the start, one
 * covering the end moves the end, one covering all makes it a leave day), against the first clock-in and the
 * last clock-out. Late/early use the QIN-1 thresholds.
 */
export function evaluateDay(input: DayInput, rules: DayRules): DayResult {
  const { date, schedule, calendar } = input;
  const tz = rules.timeZone;
  const ins = input.punches.filter((p) => p.type === 'in').sort((a, b) => +a.at - +b.at);
  const outs = input.punches.filter((p) => p.type === 'out').sort((a, b) => +a.at - +b.at);
  const clockIn = ins[0] ? localTime(ins[0].at, tz) : null;
  const clockOut = outs.length ? localTime(outs[outs.length - 1]!.at, tz) : null;
  const flags = [...new Set(input.punches.flatMap((p) => p.flags))];
  const field = input.punches.some((p) => p.field);
  const base: DayRecord = {
    personId: input.personId,
    personName: input.personName,
    date,
    status: 'rest',
    scheduledIn: null,
    scheduledOut: null,
    clockIn,
    clockOut,
    leaveTypes: [],
    late: false,
    early: false,
    missing: false,
    field,
    flags,
    holidayName: calendar?.kind === 'holiday' ? calendar.name : null,
  };
  if (!schedule || !isWorkingDay(date, schedule, calendar)) {
    return { record: { ...base, status: calendar?.kind === 'holiday' ? 'holiday' : 'rest' } };
  }

  const start = zonedInstant(date, schedule.startTime, tz);
  const end = zonedInstant(date, schedule.endTime, tz);
  const covering = input.leaves.filter((l) => l.startAt < end && l.endAt > start);
  const leaveTypes = [...new Set(covering.map((l) => l.type))];
  // walk the covered intervals from each end of the window
  const sorted = covering.map((l) => ({ s: Math.max(+l.startAt, +start), e: Math.min(+l.endAt, +end), type: l.type })).sort((a, b) => a.s - b.s);
  let effStart = +start;
  for (const iv of sorted) if (iv.s <= effStart && iv.e > effStart) effStart = iv.e;
  let effEnd = +end;
  for (const iv of [...sorted].sort((a, b) => b.e - a.e)) if (iv.e >= effEnd && iv.s < effEnd) effEnd = iv.s;
  const scheduledIn = localTime(new Date(Math.min(effStart, +end)), tz);
  const scheduledOut = localTime(new Date(Math.max(effEnd, +start)), tz);
  const over = rules.now >= end;
  const fact: AttendanceFact = { personId: input.personId, date, scheduledIn: schedule.startTime, scheduledOut: schedule.endTime, clockIn, clockOut };

  if (effStart >= effEnd) {
    const type = sorted[0]?.type ?? 'personal';
    const status: DayStatus = type === 'field' || type === 'trip' ? 'field' : 'leave';
    return {
      record: { ...base, status, scheduledIn: schedule.startTime, scheduledOut: schedule.endTime, leaveTypes },
      fact: over ? fact : undefined,
      fullLeave: type,
    };
  }

  const late = clockIn !== null && minutesOf(clockIn) - minutesOf(scheduledIn) >= rules.lateMinutes;
  const early = clockOut !== null && minutesOf(scheduledOut) - minutesOf(clockOut) >= rules.earlyMinutes;
  const missing = over && (clockIn === null) !== (clockOut === null);
  let status: DayStatus;
  if (clockIn === null && clockOut === null) status = over ? 'absent' : 'pending';
  else if (late && early) status = 'late_early';
  else if (late) status = 'late';
  else if (early) status = 'early';
  else if (missing) status = 'missing';
  else if (!over && clockOut === null) status = 'pending';
  else status = field ? 'field' : 'normal';
  return {
    record: { ...base, status, scheduledIn, scheduledOut, leaveTypes, late, early, missing: missing || (over && clockIn === null && clockOut === null) },
    fact: over ? { ...fact, scheduledIn, scheduledOut } : undefined,
  };
}

/** When a reminder is due: pure rules on bureau-zone dates (`YYYY-MM-DD`) and wall-clock times (`HH:MM`). */
import { addDays } from '../common/time.js';

/** A deadline reminder goes out once, when the last day is at most this many days away (today … today + 2). */
export const CLOSING_SOON_DAYS = 2;

/** `HH:MM-HH:MM` → minutes since midnight (the end may be 24:00). */
export function parseWindow(window: string): { from: number; until: number } {
  const [a, b] = window.split('-') as [string, string];
  return { from: minutes(a), until: minutes(b) };
}

export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Inside the delivery window (from inclusive, until exclusive). */
export function inWindow(localTime: string, window: string): boolean {
  const { from, until } = parseWindow(window);
  const t = minutes(localTime);
  return t >= from && t < until;
}

/** Today's diary is reminded from `diaryTime` on (on a working day, when not yet written). */
export function diaryDue(localTime: string, diaryTime: string): boolean {
  return minutes(localTime) >= minutes(diaryTime);
}

/** A last day (`deadline`, inclusive) that is close: today ≤ deadline ≤ today + CLOSING_SOON_DAYS. */
export function closingSoon(today: string, deadline: string | null): boolean {
  if (!deadline) return false;
  return deadline >= today && deadline <= addDays(today, CLOSING_SOON_DAYS);
}

/** Whole days from `today` to `deadline` (0 = today is the last day). */
export function daysLeft(today: string, deadline: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(deadline) - t(today)) / 86_400_000);
}

/** “今天” / “明天” / “后天” / “N 天后” for a deadline. */
export function whenLeft(today: string, deadline: string): string {
  const n = daysLeft(today, deadline);
  return n <= 0 ? '今天' : n === 1 ? '明天' : n === 2 ? '后天' : `${n} 天后`;
}

/** The month before the one `today` is in, `YYYY-MM`. */
export function previousMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The first day of `today`'s month (the once-a-month key of the pace reminder). */
export function monthStart(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

/** Leave types that keep a person away for the day (field work and business trips are still working days). */
export const ABSENCE_LEAVE_TYPES_EXCLUDED = new Set(['field', 'trip']);

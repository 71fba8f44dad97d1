/**
 * Calendar arithmetic on date-only values, in days since 1970-01-01 (UTC). No local time zone, no clock.
 * Parsed strings are cached: a bureau's facts reuse a few hundred distinct dates.
 */

const DAY_CACHE = new Map<string, number>();
const TIME_CACHE = new Map<string, number>();
const CACHE_LIMIT = 200_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Civil date from a day number (Howard Hinnant's algorithm). */
export function civil(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Day number of an ISO `YYYY-MM-DD` string, or `undefined` when it is not a real date. */
export function parseDay(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const hit = DAY_CACHE.get(s);
  if (hit !== undefined) return hit;
  const m = ISO_DAY.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const day = Date.UTC(y, mo - 1, d) / 86_400_000;
  const back = civil(day);
  if (back.m !== mo || back.d !== d) return undefined;
  if (DAY_CACHE.size >= CACHE_LIMIT) DAY_CACHE.clear();
  DAY_CACHE.set(s, day);
  return day;
}

/** Day number of 1 January of `year`. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / 86_400_000;
}

/** Day number of 31 December of `year`. */
export function yearEnd(year: number): number {
  return Date.UTC(year, 11, 31) / 86_400_000;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function formatDay(day: number): string {
  const c = civil(day);
  return `${pad(c.y, 4)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
}

/** `YYYY-MM` of a day number. */
export function formatMonth(day: number): string {
  const c = civil(day);
  return `${pad(c.y, 4)}-${pad(c.m, 2)}`;
}

/** Minutes after midnight of a local `HH:MM` (or `HH:MM:SS`) time, or `undefined`. */
export function parseTime(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const hit = TIME_CACHE.get(s);
  if (hit !== undefined) return hit;
  const m = HHMM.exec(s);
  if (!m) return undefined;
  const t = Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
  if (TIME_CACHE.size >= CACHE_LIMIT) TIME_CACHE.clear();
  TIME_CACHE.set(s, t);
  return t;
}

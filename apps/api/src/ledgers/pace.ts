import type { PaceDto } from '@kaoping/contracts';

/** Pace warnings start in this month (September): before it a short count is not yet a warning. */
export const PACE_WARN_FROM_MONTH = 9;

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (Date.UTC(y!, m! - 1, d!) - Date.UTC(y!, 0, 1)) / 86_400_000 + 1;
}

function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/**
 * Count against a yearly target (处务会 24, 支部活动 12, 调研 30 days). A past year is behind when short of the
 * target; the current year, from September, when short of target × elapsed fraction of the year.
 */
export function pace(count: number, target: number, year: number, today: string): PaceDto {
  const thisYear = Number(today.slice(0, 4));
  const base = `${count}/${target}`;
  if (year < thisYear) {
    const behind = count < target;
    return { year, count, target, expected: target, behind, message: behind ? `${base}，全年未达标` : `${base}，已完成` };
  }
  if (year > thisYear) return { year, count, target, expected: 0, behind: false, message: base };
  const expected = Math.floor((target * dayOfYear(today)) / daysInYear(year));
  const month = Number(today.slice(5, 7));
  const behind = count < target && month >= PACE_WARN_FROM_MONTH && count < expected;
  return { year, count, target, expected, behind, message: count >= target ? `${base}，已完成` : behind ? `${base}，进度落后` : base };
}

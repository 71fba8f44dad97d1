/** Calendar helpers on `YYYY-MM-DD` strings (pure). The diary passes the attendance work calendar as `isWorkingDay`. */
import { addDays } from '../common/time.js';

export { addDays };

export function isWeekday(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const dow = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return dow >= 1 && dow <= 5;
}

export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

/** Working days from `from` to `to`, inclusive. */
export function workingDays(from: string, to: string, isWorkingDay: (d: string) => boolean = isWeekday): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}

/** Ranking of sections by score (pure): highest first, equal scores share a place (1, 2, 2, 4). */

export function rankBy<T>(rows: T[], score: (r: T) => number, tieOrder: (a: T, b: T) => number): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => score(b) - score(a) || tieOrder(a, b));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, rank: prev && score(sorted[i - 1]!) === score(r) ? prev.rank : i + 1 });
  });
  return out;
}

/** Mean to two decimals. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
}

/** Number helpers: deterministic sums and the contract's 2-decimal rounding. */

/** Removes binary noise (`90.00000000000001` → `90`) while keeping every meaningful decimal. */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

/** Half-up to 2 decimals, robust to binary representation (`1.005` → `1.01`). */
export function round2(x: number): number {
  const r = Math.round(Number((x * 100).toPrecision(12))) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** Sum in ascending order, so that the order of the facts never changes the last bit. */
export function sortedSum(values: number[]): number {
  const v = values.slice().sort((a, b) => a - b);
  let s = 0;
  for (const x of v) s += x;
  return s;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : sortedSum(values) / values.length;
}

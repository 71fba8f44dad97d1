// The common result shape of every benchmark in tests/bench. A bench prints its own human-readable lines and calls
// `report(rows)` once at the end; `run-all.mjs` (npm run bench) sets BENCH_RESULTS to a file and gathers the rows of
// every bench into one table. Run on its own, a bench prints its rows as JSON lines prefixed with `BENCH_RESULT `.
import { appendFileSync } from 'node:fs';

/**
 * @typedef {object} BenchRow
 * @property {string} name          what was measured, e.g. "clock-in POST /api/attendance/punches (MariaDB, 50 conn)"
 * @property {number} value         the figure
 * @property {string} unit          its unit: "req/s", "ms", "MB" …
 * @property {number} [raw]         the same work as raw single-row INSERTs, per second (where it applies)
 * @property {number} [ratio]       value ÷ raw
 * @property {string} [target]      the target, in words ("≥ 0.5 × raw", "< 2000 ms")
 * @property {boolean} [ok]         whether the target was met (absent: no target)
 * @property {string} [note]        anything else worth a column (p99, failures …)
 */

/** @param {BenchRow[]} rows */
export function report(rows) {
  for (const row of rows) {
    if (typeof row.name !== 'string' || !Number.isFinite(row.value) || typeof row.unit !== 'string') {
      throw new Error(`bench row needs name, a finite value and a unit: ${JSON.stringify(row)}`);
    }
    const line = JSON.stringify(row);
    if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${line}\n`);
    else console.log(`BENCH_RESULT ${line}`);
  }
}

// npm run bench: runs every tests/bench/*.bench.mjs one after the other (their own output streams through), collects
// the rows each reports (report.mjs) and prints one table: name, figure with unit, raw-insert figure and ratio where
// they apply, target and whether it was met. Exit 1 when a bench failed to run or reported nothing.
// BENCH_ONLY=clockin,survey runs a subset.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null;
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => !only || only.includes(f.replace(/\.bench\.mjs$/, '')))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches BENCH_ONLY=${process.env.BENCH_ONLY}`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'kaoping-bench-'));
const rows = [];
const failures = [];
for (const file of benches) {
  const out = join(dir, `${file}.jsonl`);
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: out } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let reported = [];
  try {
    reported = readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    // nothing reported
  }
  if (r.status !== 0 || reported.length === 0) failures.push(`${file}: ${r.status !== 0 ? `exit ${r.status ?? r.signal}` : 'reported no figure'}`);
  for (const row of reported) rows.push({ bench: file.replace(/\.bench\.mjs$/, ''), seconds, ...row });
  if (reported.length === 0) rows.push({ bench: file.replace(/\.bench\.mjs$/, ''), seconds, name: '(no figure reported)', value: NaN, unit: '' });
}
rmSync(dir, { recursive: true, force: true });

const num = (n) => (Number.isFinite(n) ? n.toLocaleString('en') : '—');
const table = [
  ['bench', 'measure', 'figure', 'raw INSERTs/s', 'ratio', 'target', 'met', 'note'],
  ...rows.map((r) => [
    r.bench,
    r.name,
    Number.isFinite(r.value) ? `${num(r.value)} ${r.unit}` : '—',
    r.raw === undefined ? '' : num(r.raw),
    r.ratio === undefined ? '' : r.ratio.toFixed(3),
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.note ?? '',
  ]),
];
// display width: CJK characters take two columns
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const widths = table[0].map((_, i) => Math.max(...table.map((row) => width(row[i]))));
const line = (row) => `| ${row.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
console.log('\n=== benchmarks');
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
if (failures.length) {
  console.error(`\nfailed: ${failures.join('; ')}`);
  process.exitCode = 1;
}

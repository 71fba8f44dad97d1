// Benchmark of the scoring engine: a synthetic bureau of 10,000 people and ~1,000,000 facts (attendance rows, events,
// leaves, democratic ratings, meetings, branch activities …), generated deterministically (seeded PRNG).
// Prints generation time, scoring wall time, and peak RSS / heap. Target: scoring < 2 s and < 1 GB.
// Run: npm run bench:scoring   (builds the libs, then node --expose-gc tests/bench/scoring.bench.mjs)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { report } from './report.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { loadScheme, score } = require(path.join(ROOT, 'libs/scoring/dist/index.js'));
const jiguan = loadScheme(JSON.parse(readFileSync(path.join(ROOT, 'seeds/schemes/jiguan.json'), 'utf8')));

const PEOPLE = 10_000;
const PER_SECTION = 20;
const TARGET_FACTS = 1_000_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20240101);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const DAYS = [];
const WORKDAYS = [];
for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86_400_000) {
  const d = new Date(t);
  const iso = d.toISOString().slice(0, 10);
  DAYS.push(iso);
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) WORKDAYS.push(iso);
}
const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function generate() {
  const sections = [];
  const people = [];
  const nSections = PEOPLE / PER_SECTION;
  for (let s = 0; s < nSections; s++) {
    const category = s % 4 === 0 ? 'party' : 'business';
    sections.push({ id: `s${s}`, name: `处室${s}`, category, researchRequired: category === 'business' && s % 3 === 0 });
    for (let k = 0; k < PER_SECTION; k++) {
      const position = k === 0 ? 'chief' : k <= 2 ? 'deputy' : 'staff';
      const p = { id: `p${s}_${k}`, name: `干部${s}_${k}`, sectionId: `s${s}`, position };
      if (k === 3) p.branchSecretary = true;
      if (k === 1 && s % 10 === 0) {
        p.memberships = [
          { sectionId: `s${s}`, position: 'staff', from: '2018-01-01', to: '2024-06-30' },
          { sectionId: `s${s}`, position: 'deputy', from: '2024-07-01' },
        ];
      }
      people.push(p);
    }
  }
  const ids = people.map((p) => p.id);
  const recordable = jiguan.rules.filter((r) => r.recordable);
  const meetings = [];
  const branchActivities = [];
  const research = [];
  const researchReports = [];
  const ratings = [];
  for (const s of sections) {
    const n = int(18, 30);
    for (let i = 0; i < n; i++) meetings.push({ sectionId: s.id, date: pick(WORKDAYS) });
    const sec = `p${s.id.slice(1)}_3`;
    const a = int(9, 14);
    for (let i = 0; i < a; i++) branchActivities.push({ secretaryId: sec, date: pick(WORKDAYS), recorded: rnd() > 0.1 });
    if (s.researchRequired) {
      for (let i = 0; i < 6; i++) research.push({ sectionId: s.id, personId: `p${s.id.slice(1)}_0`, date: pick(WORKDAYS), days: int(2, 8) });
      if (rnd() > 0.3) researchReports.push({ personId: `p${s.id.slice(1)}_0`, date: pick(WORKDAYS) });
    }
  }
  people.forEach((p, i) => {
    const k = i % PER_SECTION;
    ratings.push({ personId: p.id, rating: k === 5 ? '优秀' : pick(['良好', '一般', '良好', '差']) });
  });
  const democratic = [];
  const groups = ['bureau_leader', 'cadre_peer', 'unit', 'staff'];
  for (const p of people) {
    for (let i = 0; i < 12; i++) {
      if (p.position === 'staff') {
        democratic.push({ personId: p.id, aspects: { de: int(60, 100), neng: int(60, 100), qin: int(60, 100), ji: int(60, 100), lian: int(60, 100) } });
      } else {
        democratic.push({ personId: p.id, group: groups[i % (p.id.endsWith('_2') ? 3 : 4)], score: int(60, 100) });
      }
    }
  }
  const leaves = [];
  const types = ['personal', 'personal', 'sick', 'annual', 'field', 'trip', 'marriage'];
  for (const p of people) {
    for (let i = 0; i < 5; i++) {
      const from = int(0, DAYS.length - 10);
      leaves.push({ personId: p.id, type: pick(types), from: DAYS[from], to: DAYS[from + int(0, 6)] });
    }
  }
  const events = [];
  for (let i = 0; i < 100_000; i++) {
    const r = pick(recordable);
    const variants = Object.keys(r.variants);
    const e = { id: `e${i}`, rule: r.id, personId: pick(ids), date: pick(DAYS) };
    if (variants.length > 0) e.variant = pick(variants);
    events.push(e);
  }
  const fixed = meetings.length + branchActivities.length + research.length + researchReports.length + ratings.length + democratic.length + leaves.length + events.length;
  const perPerson = Math.ceil((TARGET_FACTS - fixed) / PEOPLE);
  const attendance = [];
  for (const p of people) {
    const start = int(0, WORKDAYS.length - perPerson);
    for (let i = 0; i < perPerson && attendance.length + fixed < TARGET_FACTS; i++) {
      const late = rnd();
      const clockIn = late < 0.05 ? hhmm(510 + int(15, 60)) : late < 0.07 ? null : hhmm(510 - int(0, 20));
      const clockOut = rnd() < 0.04 ? hhmm(1050 - int(10, 60)) : hhmm(1050 + int(0, 60));
      attendance.push({ personId: p.id, date: WORKDAYS[start + i], scheduledIn: '08:30', scheduledOut: '17:30', clockIn, clockOut });
    }
  }
  return {
    scheme: 'jiguan',
    year: 2024,
    sections,
    people,
    events,
    attendance,
    holidays: ['2024-01-01', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-04', '2024-04-05', '2024-05-01', '2024-05-02', '2024-05-03', '2024-06-10', '2024-09-16', '2024-09-17', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    leaves,
    meetings,
    branchActivities,
    research,
    researchReports,
    ratings,
    democratic,
  };
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
let peakHeap = 0;
const sample = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
};
const sampler = setInterval(sample, 5);

const g0 = performance.now();
const input = generate();
const genMs = performance.now() - g0;
const facts = ['events', 'attendance', 'leaves', 'meetings', 'branchActivities', 'research', 'researchReports', 'ratings', 'democratic'].reduce((s, k) => s + input[k].length, 0);
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;

const t0 = performance.now();
const result = score(input, jiguan);
const wallMs = performance.now() - t0;
sample();
clearInterval(sampler);

const items = result.people.reduce((s, p) => s + Object.values(p.dimensions).reduce((a, d) => a + d.items.length, 0), 0);
const peakRss = process.resourceUsage().maxRSS * 1024;
const grades = {};
for (const p of result.people) grades[p.grade] = (grades[p.grade] ?? 0) + 1;

console.log(`kaoping scoring bench (jiguan, ${result.schemeVersion})`);
console.log(`  people            ${input.people.length.toLocaleString('en')}`);
console.log(`  facts             ${facts.toLocaleString('en')} (attendance ${input.attendance.length.toLocaleString('en')}, events ${input.events.length.toLocaleString('en')}, leaves ${input.leaves.length.toLocaleString('en')}, democratic ${input.democratic.length.toLocaleString('en')}, other ${(facts - input.attendance.length - input.events.length - input.leaves.length - input.democratic.length).toLocaleString('en')})`);
console.log(`  generation        ${genMs.toFixed(0)} ms`);
console.log(`  scoring wall time ${wallMs.toFixed(0)} ms   (target < 2000 ms)`);
console.log(`  result            ${result.people.length.toLocaleString('en')} people, ${items.toLocaleString('en')} items, grades ${JSON.stringify(grades)}`);
console.log(`  heap              before ${mb(heapBefore)}, peak ${mb(peakHeap)} (sampled), scoring added ≤ ${mb(Math.max(0, peakHeap - heapBefore))}`);
console.log(`  rss               before scoring ${mb(rssBefore)}, process peak ${mb(peakRss)}   (target < 1024 MB)`);
const ok = wallMs < 2000 && peakRss < 1024 * 1024 * 1024;
console.log(ok ? '  OK: within target' : '  OVER TARGET');
report([
  { name: `scoring ${input.people.length.toLocaleString('en')} people, ${facts.toLocaleString('en')} facts (wall time)`, value: Math.round(wallMs), unit: 'ms', target: '< 2000 ms', ok: wallMs < 2000 },
  { name: 'scoring peak RSS', value: Math.round(peakRss / 1024 / 1024), unit: 'MB', target: '< 1024 MB', ok: peakRss < 1024 * 1024 * 1024 },
]);
process.exitCode = ok ? 0 : 1;

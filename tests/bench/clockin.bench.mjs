// Benchmark of clock-in (POST /api/attendance/punches) against MariaDB: the built API on a fresh database with the
// demo bureau, autocannon with 50 connections, each a distinct person clocking in at their section's site (a new
// idempotency key per request). In the same run: raw mysql2 single-row INSERTs/s (pool of 10, 50 in flight) into a
// table shaped like the punches table, and the ratio API req/s ÷ raw INSERTs/s. Target ratio ≥ 0.5.
// Run: npm run bench:clockin   (builds first; needs MariaDB at BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306)
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../browser/support/harness.mjs';
import { report } from './report.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const BASE = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const DB = `kaoping_bench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const withDb = (db) => {
  const u = new URL(BASE);
  u.pathname = `/${db}`;
  return u.toString();
};
const url = withDb(DB);

/** 50 distinct people with a section that has a site, each with that site's coordinates. */
function people() {
  const bureau = JSON.parse(readFileSync(join(ROOT, 'seeds/demo/bureau.json'), 'utf8'));
  const att = JSON.parse(readFileSync(join(ROOT, 'seeds/demo/attendance.json'), 'utf8'));
  const siteOf = new Map();
  for (const s of att.sites) for (const sec of s.sectionIds) if (!siteOf.has(sec)) siteOf.set(sec, s);
  const current = new Map();
  for (const m of bureau.memberships) if (!m.to) current.set(m.personId, m.sectionId);
  const out = [];
  for (const [personId, sectionId] of current) {
    const site = siteOf.get(sectionId);
    if (site) out.push({ personId, latitude: site.latitude, longitude: site.longitude });
  }
  if (out.length < CONNECTIONS) throw new Error(`only ${out.length} demo people have a site`);
  return out.slice(0, CONNECTIONS);
}

async function runApi(base) {
  const who = people();
  for (const p of who) {
    const res = await fetch(`${base}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: p.personId }) });
    if (!res.ok) throw new Error(`login ${p.personId}: ${res.status}`);
    p.token = (await res.json()).token;
  }
  // warm-up and a correctness check
  const probe = await fetch(`${base}/api/attendance/punches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${who[0].token}` },
    body: JSON.stringify({ type: 'in', latitude: who[0].latitude, longitude: who[0].longitude, accuracy: 15, clientTime: new Date().toISOString(), idempotencyKey: `warm-${randomUUID()}`, deviceId: `bench-${who[0].personId}` }),
  });
  if (probe.status !== 201) throw new Error(`clock-in probe → ${probe.status} ${await probe.text()}`);
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/attendance/punches',
        setupRequest: (req, context) => {
          if (context.p === undefined) context.p = who[next++ % who.length];
          const p = context.p;
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
            body: JSON.stringify({ type: 'in', latitude: p.latitude, longitude: p.longitude, accuracy: 15, clientTime: new Date().toISOString(), idempotencyKey: `bench-${randomUUID()}`, deviceId: `bench-${p.personId}` }),
          };
        },
      },
    ],
  });
  return result;
}

async function runRaw() {
  const pool = mysql.createPool({ uri: url, connectionLimit: 10, timezone: 'Z' });
  await pool.query(`CREATE TABLE bench_raw (id varchar(36) NOT NULL PRIMARY KEY, personId varchar(40) NOT NULL, type varchar(8) NOT NULL, at datetime(3) NOT NULL,
    latitude double NOT NULL, longitude double NOT NULL, accuracy double NOT NULL, idempotencyKey varchar(64) NOT NULL, flags text NOT NULL,
    UNIQUE KEY uk (personId, idempotencyKey)) ENGINE=InnoDB`);
  let count = 0;
  const end = Date.now() + Math.min(DURATION_S, 5) * 1000;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, w) => {
      while (Date.now() < end) {
        await pool.execute('INSERT INTO bench_raw (id, personId, type, at, latitude, longitude, accuracy, idempotencyKey, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          randomUUID(),
          `p${w}`,
          'in',
          new Date(),
          30.9405,
          118.758,
          15,
          randomUUID(),
          '[]',
        ]);
        count++;
      }
    }),
  );
  const seconds = (Date.now() - start) / 1000;
  await pool.end();
  return count / seconds;
}

const api = await startServer({ DATABASE_URL: url, AUTH_RATE_LIMIT: '100000', H5_DIR: '' });
try {
  const r = await runApi(api.baseUrl);
  const non2xx = r.non2xx + r.errors + r.timeouts;
  const raw = await runRaw();
  const reqs = r.requests.average;
  console.log('clock-in benchmark (MariaDB, 50 connections, 50 distinct people)');
  console.log(`  API POST /api/attendance/punches: ${reqs.toFixed(0)} req/s, p99 ${r.latency.p99} ms, p50 ${r.latency.p50} ms, ${r.requests.total} requests, ${non2xx} non-2xx/errors`);
  console.log(`  raw mysql2 single-row INSERTs:    ${raw.toFixed(0)} /s (pool 10, 50 in flight)`);
  console.log(`  ratio API ÷ raw: ${(reqs / raw).toFixed(3)} (target ≥ 0.5)`);
  report([
    {
      name: 'clock-in POST /api/attendance/punches (MariaDB, 50 conn)',
      value: Math.round(reqs),
      unit: 'req/s',
      raw: Math.round(raw),
      ratio: Number((reqs / raw).toFixed(3)),
      target: 'ratio ≥ 0.5',
      ok: reqs / raw >= 0.5 && non2xx === 0,
      note: `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${non2xx} failed`,
    },
  ]);
  if (non2xx > 0) {
    console.error('some clock-ins failed');
    process.exitCode = 1;
  }
} finally {
  await api.stop();
  const conn = await mysql.createConnection({ uri: withDb('') });
  await conn.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await conn.end();
}

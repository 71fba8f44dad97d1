// Benchmark of citizen survey submission on MariaDB: autocannon POSTs answers with distinct respondents (citizen
// tokens × the demo survey's seven targets) to the API, then the same run measures raw mysql2 single-row INSERTs of
// the same row shape (pool of 10, same concurrency) and prints the ratio API / raw.
// Run: npm run bench:survey   (needs MariaDB at BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306)
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { randomBytes, randomUUID } from 'node:crypto';
import { startServer } from '../browser/support/harness.mjs';
import { report } from './report.mjs';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');

const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
serverUrl.pathname = '';
const SERVER = serverUrl.toString().replace(/\/$/, '');
const DB = `kaoping_bench_survey_${Date.now().toString(36)}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 2500);
const SURVEY = '00000000-0000-4000-8000-00000000a001';
const ANSWERS = [
  { questionId: 'q1', value: '满意' },
  { questionId: 'q2', value: '基本满意' },
  { questionId: 'q3', value: '满意' },
  { questionId: 'q4', value: '4' },
];

const admin = await mysql.createConnection({ uri: `${SERVER}/` });
await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4`);
let server;
try {
  server = await startServer({
    DATABASE_URL: `${SERVER}/${DB}`,
    AUTH_RATE_LIMIT: '1000000',
    SURVEY_RATE_LIMIT: '1000000',
    SURVEY_DEVICE_HOURLY_LIMIT: '1000',
    SURVEY_BURST_MIN: '1000000',
    H5_DIR: '',
  });
  const base = server.baseUrl;
  const post = async (path, body, token) => {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return res.json();
  };
  const office = (await post('/api/auth/dev', { personId: 'p039' })).token;
  const survey = await (await fetch(`${base}/api/surveys/${SURVEY}`, { headers: { authorization: `Bearer ${office}` } })).json();
  const qrs = [];
  for (const t of survey.targets) {
    qrs.push((await (await fetch(`${base}/api/surveys/${SURVEY}/qr-link?sectionId=${t.sectionId}`, { headers: { authorization: `Bearer ${office}` } })).json()).token);
  }
  process.stdout.write(`creating ${CITIZENS} citizen identities … `);
  const citizens = [];
  for (let i = 0; i < CITIZENS; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, CITIZENS - i) }, (_, k) => post('/api/auth/citizen', { deviceId: `bench-${DB}-${String(i + k).padStart(6, '0')}` })));
    citizens.push(...batch.map((b) => b.token));
  }
  console.log('done');

  // every request: a distinct (citizen, target) pair
  let n = 0;
  const api = await autocannon({
    url: `${base}/api/survey-forms/responses`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          const citizen = citizens[i % citizens.length];
          const qr = qrs[Math.floor(i / citizens.length) % qrs.length];
          return {
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${citizen}` },
            body: JSON.stringify({ token: qr, answers: ANSWERS, durationMs: 30000 + (i % 5000), idempotencyKey: `bench_${i}_${randomBytes(4).toString('hex')}` }),
          };
        },
      },
    ],
  });
  const ok = api['2xx'];
  const apiRate = ok / DURATION;
  const [[{ c }]] = await admin.query(`SELECT COUNT(*) AS c FROM \`${DB}\`.survey_responses`);
  if (n > citizens.length * qrs.length) console.warn(`warning: ${n} requests for ${citizens.length * qrs.length} distinct pairs (later ones answered 409)`);

  // raw single-row INSERTs of the same shape, same concurrency, pool of 10
  await admin.query(`CREATE TABLE \`${DB}\`.raw_responses LIKE \`${DB}\`.survey_responses`);
  const pool = mysql.createPool({ uri: `${SERVER}/${DB}`, connectionLimit: 10 });
  let raw = 0;
  const until = Date.now() + DURATION * 1000;
  const answers = JSON.stringify(ANSWERS);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await pool.execute(
          'INSERT INTO raw_responses (id, surveyId, sectionId, respondentHash, idempotencyKey, answers, score, durationMs, flags, status, reviewedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NOW())',
          [randomUUID(), SURVEY, 'jdk', randomBytes(32).toString('hex'), `raw_${raw}`, answers, 85, 30000, '[]', 'counted'],
        );
        raw++;
      }
    }),
  );
  await pool.end();
  const rawRate = raw / DURATION;
  console.log(`survey submit (API, MariaDB): ${apiRate.toFixed(0)} req/s 2xx (${ok} ok, ${api.non2xx} non-2xx, ${api.errors} errors), latency p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms; rows written ${c}`);
  console.log(`raw mysql2 INSERT (pool 10, ${CONNECTIONS} concurrent): ${rawRate.toFixed(0)} rows/s`);
  console.log(`ratio API / raw INSERT: ${(apiRate / rawRate).toFixed(3)} (${((100 * apiRate) / rawRate).toFixed(1)} %)`);
  report([
    {
      name: 'survey answer POST /api/survey-forms/responses (MariaDB, 50 conn)',
      value: Math.round(apiRate),
      unit: 'req/s',
      raw: Math.round(rawRate),
      ratio: Number((apiRate / rawRate).toFixed(3)),
      target: 'ratio ≥ 0.5',
      ok: ok > 0 && apiRate / rawRate >= 0.5,
      note: `p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, ${api.non2xx} non-2xx, ${api.errors} errors`,
    },
  ]);
  if (ok === 0) process.exitCode = 1;
} finally {
  await server?.stop();
  await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.end();
}

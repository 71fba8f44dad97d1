// Two API processes on different ports, one MariaDB database, one Redis: started together on an empty database
// (one migrates and seeds, the other waits), then clock-ins and citizen survey answers sent to both at once with
// the same idempotency keys (every write goes to both instances concurrently): no duplicates, no lost writes, the
// same answer for the same key from either instance; and a per-client rate limit counted across both instances.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ApiProcess,
  REDIS_URL,
  REPO,
  call,
  citizen,
  clockInBody,
  devLogin,
  dropRedisPrefix,
  peopleWithSites,
  requirePrerequisites,
  sharedDatabase,
  surveyBody,
  surveyQrTokens,
  tag,
} from './support/harness.mjs';
import { WriteLog, pool } from './support/writes.mjs';

const missing = await requirePrerequisites();

const SURVEY_LIMIT = 12;

describe('two API instances, one database, one Redis', { skip: missing ?? false }, () => {
  const run = tag();
  const prefix = `ksys${run}`;
  let db;
  let a;
  let b;
  before(async () => {
    db = await sharedDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_RATE_LIMIT: '100000',
      SURVEY_RATE_LIMIT: String(SURVEY_LIMIT),
    };
    a = new ApiProcess(env, 'api-a');
    b = new ApiProcess(env, 'api-b');
    // both at once on the empty database: migrations and the demo seed must not race
    await Promise.all([a.spawn(), b.spawn()]);
    await Promise.all([a.ready(), b.ready()]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    await dropRedisPrefix(prefix);
  });

  it('started together on an empty database: both serve, the bureau is seeded once', async () => {
    // had both migrated or seeded, one would have died on a duplicate table or row before becoming healthy
    const bureau = JSON.parse(readFileSync(join(REPO, 'seeds/demo/bureau.json'), 'utf8'));
    const [people] = await db.query('SELECT COUNT(*) AS n FROM people');
    assert.equal(Number(people.n), bureau.people.length);
    const [migrations] = await db.query('SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS d FROM migrations');
    assert.equal(Number(migrations.n), Number(migrations.d));
    for (const api of [a, b]) assert.equal((await call(api.baseUrl, 'GET', '/api/health')).status, 200);
  });

  it('clock-ins and survey answers sent to both instances with the same keys are stored once each, answered alike', async () => {
    const log = new WriteLog(`s2-${run}`);
    const people = peopleWithSites(16);
    for (const p of people) p.token = await devLogin(a.baseUrl, p.personId);
    const qrs = await surveyQrTokens(b.baseUrl);
    const citizens = [];
    for (let i = 0; i < 24; i++) citizens.push(await citizen(i % 2 ? a.baseUrl : b.baseUrl, i + 1, run));

    // 16 people × 6 clock-ins; 24 citizens × 3 sections
    for (const p of people) {
      for (let k = 0; k < 6; k++) {
        const key = log.newKey('punch');
        log.add('punch', key, { body: clockInBody(p, key, { type: k % 2 ? 'out' : 'in' }), token: p.token });
      }
    }
    citizens.forEach((c, i) => {
      for (let k = 0; k < 3; k++) {
        const key = log.newKey('survey');
        log.add('survey', key, { body: surveyBody(qrs[(i + k) % qrs.length].token, key), token: c.token, headers: { 'x-forwarded-for': c.ip } });
      }
    });
    const entries = log.all().sort(() => Math.random() - 0.5);
    // every write to both instances at the same moment, eight writes in flight
    await pool(entries, 8, (e) => Promise.all([log.send(e.key, a.baseUrl), log.send(e.key, b.baseUrl)]));

    const statuses = new Map();
    for (const at of log.attempts()) statuses.set(at.status, (statuses.get(at.status) ?? 0) + 1);
    assert.deepEqual([...statuses.keys()].filter((s) => s < 200 || s >= 300), [], `non-2xx answers: ${JSON.stringify(log.attempts().filter((x) => x.status < 200 || x.status >= 300).slice(0, 5))}`);

    for (const e of log.all()) {
      const [x, y] = e.attempts.map((t) => ({ ...t.body, duplicate: undefined }));
      assert.deepEqual(x, y, `${e.key}: the two instances answered differently`);
      if (e.kind === 'punch') assert.equal(e.attempts.filter((t) => t.body.duplicate).length, 1, `${e.key}: exactly one of the two answers is the repeat`);
    }
    const result = await log.checkInvariant(db.url);
    assert.equal(result.stored, 16 * 6 + 24 * 3);
    assert.equal(result.answered2xx, 2 * (16 * 6 + 24 * 3));
  });

  it('a per-client rate limit counts requests on both instances together', async () => {
    const [qr] = await surveyQrTokens(a.baseUrl);
    const ip = '198.51.100.77';
    const answers = [];
    for (let i = 0; i < SURVEY_LIMIT + 8; i++) {
      const target = i % 2 ? b : a;
      const res = await call(target.baseUrl, 'GET', `/api/survey-forms?t=${encodeURIComponent(qr.token)}`, { headers: { 'x-forwarded-for': ip } });
      answers.push({ instance: target.name, status: res.status, code: res.body?.code, retryAfter: res.headers?.get('retry-after') });
    }
    const allowed = answers.filter((x) => x.status === 200);
    const limited = answers.filter((x) => x.status === 429);
    // one shared counter: the limit is reached after SURVEY_LIMIT requests in all, half of them on each instance
    assert.equal(allowed.length, SURVEY_LIMIT, JSON.stringify(answers));
    assert.equal(limited.length, 8);
    assert.deepEqual(answers.slice(0, SURVEY_LIMIT).map((x) => x.status), Array(SURVEY_LIMIT).fill(200));
    assert.ok(limited.every((x) => x.code === 'RATE_LIMITED' && Number(x.retryAfter) > 0));
    assert.deepEqual([...new Set(limited.map((x) => x.instance))].sort(), ['api-a', 'api-b']);
    // another client is not affected
    const other = await call(b.baseUrl, 'GET', `/api/survey-forms?t=${encodeURIComponent(qr.token)}`, { headers: { 'x-forwarded-for': '198.51.100.78' } });
    assert.equal(other.status, 200);
  });
});

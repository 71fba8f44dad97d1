// Faults under load, against a private MariaDB server (stopped, frozen and restarted here; the machine's shared
// MariaDB is never touched) and the shared Redis (or a private one):
//  - MariaDB stopped during load: every request is answered, 503 with Retry-After and a Chinese message (never 500,
//    never a hang), /api/health says the database is down; MariaDB back: the same process recovers by itself.
//  - MariaDB frozen (SIGSTOP: connections stay open, nothing answers): requests still answered 503 within the
//    request timeout; thawed: recovered.
//  - An API process killed with SIGKILL mid-load and started again.
//  - Redis (a private one) stopped during load: writes go on (shared state falls back), /api/health says Redis is
//    down; Redis back: recovered without a restart.
//  - The API started while the database is down: it waits DB_STARTUP_WAIT_SECONDS, then exits non-zero with a
//    Chinese message (no half-started API); a database that comes up within the wait is used.
// After each: every request that got a 2xx is in the database exactly once under the id it was answered with, and
// retrying the failed ones with the same idempotency keys stores each exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiProcess,
  PrivateMariaDB,
  PrivateRedis,
  REDIS_URL,
  call,
  citizen,
  clockInBody,
  devLogin,
  dropRedisPrefix,
  peopleWithSites,
  requirePrerequisites,
  sleep,
  surveyBody,
  surveyQrTokens,
  tag,
} from './support/harness.mjs';
import { WriteLog, count, load, ok } from './support/writes.mjs';

const missing = await requirePrerequisites({ privateServers: true });

/** Short limits so the suite stays quick; the production defaults are in docs/operations.md. */
const REQUEST_TIMEOUT_MS = 4000;
const LIMITS = {
  REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  DB_QUERY_TIMEOUT_MS: '3000',
  DB_CONNECT_TIMEOUT_MS: '1500',
  RETRY_AFTER_SECONDS: '3',
};
/** A client gives up on an answer after this long: an API that has not answered by then hangs (a failure). */
const CLIENT_PATIENCE_MS = REQUEST_TIMEOUT_MS + 10_000;
const CHINESE = /[\u4e00-\u9fff]/;

/** Prints what the run saw (answers by status, writes stored). */
function report(t, traffic, result) {
  const answers = [...traffic.counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${n}`);
  t.diagnostic(`answers under load — ${answers.join(', ')}; keys ${result.keys}, stored once each after retries: ${result.stored}`);
}

/** Every answer during a fault: 2xx, or 503 with Retry-After and a Chinese body; never 500, never no answer. */
function assertFaultAnswers(log, { allowNoAnswer = false } = {}) {
  const bad = log.attempts().filter((a) => {
    if (a.status >= 200 && a.status < 300) return false;
    if (a.status === 0) return !allowNoAnswer || a.error === 'TimeoutError';
    return !(a.status === 503 && a.retryAfter === LIMITS.RETRY_AFTER_SECONDS && ['DB_UNAVAILABLE', 'DB_BUSY', 'SERVICE_TIMEOUT'].includes(a.body?.code) && CHINESE.test(a.body?.message ?? ''));
  });
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} answers outside "2xx or 503 + Retry-After"`);
}

describe('faults: database stopped or frozen, API killed', { skip: missing ?? false }, () => {
  const run = tag();
  const prefix = `ksysf${run}`;
  const mariadb = new PrivateMariaDB();
  let dbUrl;
  let api;
  let people;
  let qrs;
  let citizens;
  before(async () => {
    await mariadb.install();
    await mariadb.start();
    dbUrl = `${mariadb.url}/kaoping_faults`;
    api = await new ApiProcess({ DATABASE_URL: dbUrl, REDIS_URL, REDIS_PREFIX: prefix, AUTH_RATE_LIMIT: '100000', SURVEY_RATE_LIMIT: '100000', ...LIMITS }, 'api').start();
    people = peopleWithSites(12);
    for (const p of people) p.token = await devLogin(api.baseUrl, p.personId);
    qrs = await surveyQrTokens(api.baseUrl);
    citizens = [];
    for (let i = 0; i < 60; i++) citizens.push(await citizen(api.baseUrl, i + 1, run));
  });
  after(async () => {
    await api?.stop();
    await mariadb.destroy();
    await dropRedisPrefix(prefix);
  });

  /** A load of clock-ins (mostly) and citizen answers; each survey answer is a new (citizen, section) pair. */
  let answers = 0; // (citizen, section) pairs used so far, over all the tests: each may answer once
  function writer(log) {
    let n = 0;
    return () => {
      n++;
      if (n % 4 === 0 && answers < citizens.length * qrs.length) {
        const i = answers++;
        const c = citizens[i % citizens.length];
        const qr = qrs[Math.floor(i / citizens.length)];
        const key = log.newKey('survey');
        log.add('survey', key, { body: surveyBody(qr.token, key), token: c.token, headers: { 'x-forwarded-for': c.ip } });
        return key;
      }
      const p = people[n % people.length];
      const key = log.newKey('punch');
      log.add('punch', key, { body: clockInBody(p, key), token: p.token });
      return key;
    };
  }

  async function health(target = api) {
    return call(target.baseUrl, 'GET', '/api/health', { timeoutMs: CLIENT_PATIENCE_MS });
  }

  async function waitHealthy(target = api) {
    for (let i = 0; i < 300; i++) {
      const h = await health(target);
      if (h.status === 200) return h;
      await sleep(200);
    }
    throw new Error('the API did not report healthy again within a minute');
  }

  it('MariaDB stopped during load: 503 with Retry-After, health down; back: recovered without a restart; nothing lost or doubled', async (t) => {
    const log = new WriteLog(`f1-${run}`);
    const pid = api.pid;
    const traffic = load(log, { targets: () => [api.baseUrl], workers: 6, make: writer(log), timeoutMs: CLIENT_PATIENCE_MS });
    await traffic.until((c) => ok(c) >= 40, '40 writes stored');
    await mariadb.stop();
    const okAtStop = ok(traffic.counts);
    await traffic.until((c) => count(c, 503) >= 30, '30 answers 503');

    const down = await health();
    assert.equal(down.status, 503);
    assert.equal(down.body.database, 'down');
    assert.equal(down.body.status, 'degraded');
    assert.equal(down.body.redis, 'up');
    assert.ok(down.headers.get('retry-after'));
    const live = await call(api.baseUrl, 'GET', '/api/health/live');
    assert.equal(live.status, 200);

    await mariadb.start();
    const up = await waitHealthy();
    assert.equal(up.body.database, 'up');
    await traffic.until((c) => ok(c) >= okAtStop + 40, '40 more writes stored after the restart');
    await traffic.stop();
    assert.equal(api.pid, pid, 'the API process was not restarted');
    assert.equal(api.child.exitCode, null);

    assertFaultAnswers(log);
    assert.ok(count(traffic.counts, 503) >= 30);
    const beforeRetry = await log.checkInvariant(dbUrl);
    await log.retryUntilStored([api.baseUrl]);
    const after = await log.checkInvariant(dbUrl);
    report(t, traffic, after);
    assert.equal(after.stored, log.entries.size, 'every key stored once after the retries');
    assert.ok(after.stored > beforeRetry.stored, "some writes were stored only by the retries");
  });

  it('MariaDB frozen (no answers at all): requests answered 503 within the request timeout; thawed: recovered', async (t) => {
    const log = new WriteLog(`f2-${run}`);
    const traffic = load(log, { targets: () => [api.baseUrl], workers: 4, make: writer(log), timeoutMs: CLIENT_PATIENCE_MS });
    await traffic.until((c) => ok(c) >= 20, '20 writes stored');
    mariadb.freeze();
    let thawed = false;
    try {
      const okAtFreeze = ok(traffic.counts);
      await traffic.until((c) => count(c, 503) >= 8, '8 answers 503');
      const down = await health();
      assert.equal(down.status, 503);
      assert.equal(down.body.database, 'down');
      mariadb.thaw();
      thawed = true;
      await waitHealthy();
      await traffic.until((c) => ok(c) >= okAtFreeze + 20, '20 more writes stored after the thaw');
    } finally {
      if (!thawed) mariadb.thaw();
      await traffic.stop();
    }
    assertFaultAnswers(log);
    assert.ok(log.attempts().some((a) => a.body?.code === 'SERVICE_TIMEOUT' || a.body?.code === 'DB_UNAVAILABLE'));
    await log.checkInvariant(dbUrl);
    await log.retryUntilStored([api.baseUrl]);
    const after = await log.checkInvariant(dbUrl);
    report(t, traffic, after);
    assert.equal(after.stored, log.entries.size);
  });

  it('an API process killed with SIGKILL mid-load and started again: nothing lost or doubled', async (t) => {
    const log = new WriteLog(`f3-${run}`);
    const traffic = load(log, { targets: () => [api.baseUrl], workers: 6, make: writer(log), timeoutMs: CLIENT_PATIENCE_MS });
    await traffic.until((c) => ok(c) >= 40, '40 writes stored');
    await api.kill('SIGKILL');
    const okAtKill = ok(traffic.counts);
    await traffic.until((c) => count(c, 0) >= 10, '10 requests that found no API');
    await api.start();
    await traffic.until((c) => ok(c) >= okAtKill + 40, '40 more writes stored after the restart');
    await traffic.stop();

    // no answer while the process was gone (connection refused or reset): the phone does not know, and retries
    assertFaultAnswers(log, { allowNoAnswer: true });
    await log.checkInvariant(dbUrl);
    await log.retryUntilStored([api.baseUrl]);
    const after = await log.checkInvariant(dbUrl);
    report(t, traffic, after);
    assert.equal(after.stored, log.entries.size);
  });

  it('Redis stopped during load: writes go on, health says Redis is down; Redis back: recovered without a restart', async (t) => {
    const redis = new PrivateRedis();
    await redis.start();
    const withRedis = await new ApiProcess({ ...api.env, REDIS_URL: redis.url }, 'api-own-redis').start();
    const log = new WriteLog(`f4-${run}`);
    const traffic = load(log, { targets: () => [withRedis.baseUrl], workers: 4, make: writer(log), timeoutMs: CLIENT_PATIENCE_MS });
    try {
      await traffic.until((c) => ok(c) >= 20, '20 writes stored');
      await redis.stop();
      const okAtStop = ok(traffic.counts);
      // shared state falls back (rate limits per instance, replays from the database): writes are still stored
      await traffic.until((c) => ok(c) >= okAtStop + 8, '8 writes stored without Redis');
      const down = await health(withRedis);
      assert.equal(down.status, 503);
      assert.equal(down.body.redis, 'down');
      assert.equal(down.body.database, 'up');
      await redis.start();
      const up = await waitHealthy(withRedis);
      assert.equal(up.body.redis, 'up');
      const okAtBack = ok(traffic.counts);
      await traffic.until((c) => ok(c) >= okAtBack + 10, '10 writes after Redis came back');
    } finally {
      await traffic.stop();
      await withRedis.stop();
      await redis.stop();
    }
    assertFaultAnswers(log);
    await log.checkInvariant(dbUrl);
    await log.retryUntilStored([api.baseUrl]);
    const after = await log.checkInvariant(dbUrl);
    report(t, traffic, after);
    assert.equal(after.stored, log.entries.size);
  });

  it('started while MariaDB is down: exits non-zero with a Chinese message after the wait; started when it comes up', async () => {
    await mariadb.stop();
    try {
      const env = { ...api.env, DB_STARTUP_WAIT_SECONDS: '2' };
      const doomed = await new ApiProcess(env, 'api-no-db').spawn({ expectExit: true });
      const { code } = await doomed.exited;
      assert.equal(code, 1);
      assert.match(doomed.output, /启动失败：无法连接数据库（ECONNREFUSED）/);

      const patient = await new ApiProcess({ ...api.env, DB_STARTUP_WAIT_SECONDS: '120' }, 'api-waits').spawn();
      try {
        // it keeps trying (not listening yet) until the database is there
        await sleep(3000);
        assert.equal(patient.child.exitCode, null);
        await mariadb.start();
        await patient.ready();
        assert.equal((await call(patient.baseUrl, 'GET', '/api/health')).body.database, 'up');
      } finally {
        await patient.stop();
      }
    } finally {
      if (!mariadb.child) await mariadb.start();
    }
    await waitHealthy();
  });
});

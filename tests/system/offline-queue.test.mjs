// The phone's offline queue against the real API: the mini-program's own service code (offline-queue.ts, http.ts,
// attendance.api.ts, surveys.api.ts, compiled as they are, with Taro's request and storage provided for Node; see
// support/miniapp.mjs) on two "phones" — an officer clocking in and a citizen answering a QR survey — while the
// database is stopped (the API answers 503) and then the API process is killed (no answer at all). Both count as
// "try again later": the taps are kept, not refused. Once the database and the API are back, the network-back
// event delivers every kept request, each stored once, the clock-ins at the time of the tap; a request the API
// then refuses (4xx) is set aside for the user, not retried for ever.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiProcess, PrivateMariaDB, REDIS_URL, call, devLogin, dropRedisPrefix, peopleWithSites, queryOnce, requirePrerequisites, surveyQrTokens, tag } from './support/harness.mjs';
import { loadMiniappModules, taroFor } from './support/miniapp.mjs';

const missing = await requirePrerequisites({ privateServers: true });

describe('the offline queue delivers what failed once the API is back', { skip: missing ?? false }, () => {
  const run = tag();
  const prefix = `ksysq${run}`;
  const mariadb = new PrivateMariaDB();
  let dbUrl;
  let api;
  let officer;
  let citizenPhone;
  const cleanups = [];
  before(async () => {
    await mariadb.install();
    await mariadb.start();
    dbUrl = `${mariadb.url}/kaoping_queue`;
    api = await new ApiProcess({ DATABASE_URL: dbUrl, REDIS_URL, REDIS_PREFIX: prefix, REQUEST_TIMEOUT_MS: '4000', DB_CONNECT_TIMEOUT_MS: '1500', DB_QUERY_TIMEOUT_MS: '3000' }, 'api').start();
    process.env.TARO_APP_API_BASE = api.baseUrl;
    const entries = ['services/attendance.api.ts', 'services/surveys.api.ts', 'services/offline-queue.ts', 'services/http.ts', 'services/session.ts'];
    const load = async (phone) => {
      const { modules, cleanup } = await loadMiniappModules(entries, phone);
      cleanups.push(cleanup);
      const taro = await import(taroFor(phone));
      return { ...Object.assign({}, ...Object.values(modules)), taro };
    };
    officer = await load('officer');
    citizenPhone = await load('citizen');
  });
  after(async () => {
    for (const c of cleanups) c();
    await api?.stop();
    await mariadb.destroy();
    await dropRedisPrefix(prefix);
  });

  it('503s and unanswered requests are kept; delivered once each after recovery; a later refusal is set aside', async () => {
    // the officer is signed in; the app's queues start (app.ts: useLaunch → start())
    const [person] = peopleWithSites(1);
    const token = await devLogin(api.baseUrl, person.personId);
    const me = await call(api.baseUrl, 'GET', '/api/me', { token });
    officer.saveSession(token, me.body);
    officer.punchQueue.start();
    citizenPhone.surveyQueue.start();
    const tap = (label, extra = {}) => {
      const req = { type: 'in', latitude: person.latitude, longitude: person.longitude, accuracy: 12, clientTime: new Date().toISOString(), idempotencyKey: officer.newIdempotencyKey(`q${run}`), deviceId: `queue-${run}`, ...extra };
      return { req, result: officer.attendanceApi.clockIn(req, label) };
    };

    // the citizen opens the QR form while all is well (no sign-in yet: that happens on submitting)
    const [qr, qr2] = await surveyQrTokens(api.baseUrl);
    const form = await citizenPhone.surveyForm(qr.token);
    assert.equal(form.sectionId, qr.sectionId);
    const answer = (t, key) =>
      citizenPhone.submitCitizenSurvey({
        t,
        answers: [
          { questionId: 'q1', value: '满意' },
          { questionId: 'q2', value: '满意' },
          { questionId: 'q3', value: '基本满意' },
          { questionId: 'q4', value: '5' },
        ],
        durationMs: 40_000,
        idempotencyKey: key,
        label: '评价',
      });

    // online: sent at once; a refusal (outside the fence) is thrown to the page, not queued
    const first = tap('上班打卡');
    const sent = await first.result;
    assert.equal(sent.queued, false);
    assert.ok(sent.data.id);
    await assert.rejects(tap('上班打卡', { latitude: person.latitude + 0.2 }).result, (err) => err instanceof officer.ApiError && err.statusCode === 422);
    assert.equal(officer.punchQueue.pending().length, 0);

    // the database stops: the API answers 503, and the app keeps the taps (marked offline, with the tap's time)
    await mariadb.stop();
    const during = [];
    for (let i = 0; i < 3; i++) during.push(tap('上班打卡'));
    const faraway = tap('上班打卡', { latitude: person.latitude + 0.2 });
    for (const t of [...during, faraway]) assert.equal((await t.result).queued, true);
    // the citizen submits: no token can be had now either, the answer is kept all the same
    assert.equal((await answer(qr.token, citizenPhone.newIdempotencyKey(`q${run}s`))).queued, true);
    assert.equal(citizenPhone.surveyQueue.pending()[0].body.bearer, null);
    assert.equal(officer.punchQueue.pending().length, 4);
    // a retry while the database is still down keeps them (one more attempt each, nothing set aside)
    const stillDown = await officer.punchQueue.drain();
    assert.deepEqual(stillDown, { sent: 0, failed: 0, remaining: 4 });
    assert.equal(officer.punchQueue.pending()[0].attempts, 1);
    assert.match(officer.punchQueue.pending()[0].lastError, /[\u4e00-\u9fff]/);

    // then the API process dies too: no answer at all, still kept
    await api.kill('SIGKILL');
    const unanswered = tap('下班打卡', { type: 'out' });
    assert.equal((await unanswered.result).queued, true);
    assert.equal((await answer(qr2.token, citizenPhone.newIdempotencyKey(`q${run}s`))).queued, true);
    assert.equal(officer.punchQueue.pending().length, 5);
    assert.equal(citizenPhone.surveyQueue.pending().length, 2);

    // everything comes back; the phones see their network again
    await mariadb.start();
    await api.start();
    // (the network event starts a drain; drain() hands back that same run)
    officer.taro.reconnect();
    citizenPhone.taro.reconnect();
    const [punches, answers] = await Promise.all([officer.punchQueue.drain(), citizenPhone.surveyQueue.drain()]);
    assert.deepEqual(punches, { sent: 4, failed: 1, remaining: 0 });
    assert.deepEqual(answers, { sent: 2, failed: 0, remaining: 0 });
    const [refused] = officer.punchQueue.failed();
    assert.equal(refused.idempotencyKey, faraway.req.idempotencyKey);
    assert.equal(refused.error.code, 'ATTENDANCE_OUTSIDE_FENCE');
    assert.deepEqual(await officer.punchQueue.drain(), { sent: 0, failed: 0, remaining: 0 });

    // stored once each; the kept clock-ins count at the time of the tap, not of the delivery
    const keys = [first, ...during, unanswered].map((t) => t.req.idempotencyKey);
    const rows = await queryOnce(dbUrl, 'SELECT idempotencyKey AS k, COUNT(*) AS c, MIN(`at`) AS at FROM attendance_punches WHERE idempotencyKey LIKE ? GROUP BY idempotencyKey', [`q${run}-%`]);
    assert.deepEqual(rows.map((r) => r.k).sort(), [...keys].sort());
    assert.ok(rows.every((r) => Number(r.c) === 1));
    for (const t of [...during, unanswered]) {
      const row = rows.find((r) => r.k === t.req.idempotencyKey);
      assert.equal(new Date(row.at).toISOString(), t.req.clientTime, 'an offline clock-in counts at the tap');
    }
    const surveyRows = await queryOnce(dbUrl, 'SELECT idempotencyKey AS k, COUNT(*) AS c FROM survey_responses WHERE idempotencyKey LIKE ? GROUP BY idempotencyKey', [`q${run}s-%`]);
    assert.equal(surveyRows.length, 2);
    assert.ok(surveyRows.every((r) => Number(r.c) === 1));

    officer.punchQueue.stop();
    citizenPhone.surveyQueue.stop();
  });
});

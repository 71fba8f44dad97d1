/**
 * With Redis (REDIS_URL): two API instances on one database share rate limits, idempotency records and background
 * jobs. Instance A runs no worker (JOB_WORKER=false), so a job it enqueues is run by B's worker — and read and
 * downloaded from either. Each run uses its own REDIS_PREFIX and removes its keys afterwards.
 * Runs only where run-integration.mjs found Redis (under CI=true a missing Redis fails the run).
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Punch } from '../../src/attendance/punch.entity.js';
import { BullJobQueue, QUEUE_NAME } from '../../src/jobs/bull-job-queue.js';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { RedisConnection } from '../../src/redis/redis.connection.js';
import { jobQueueContract } from '../support/job-queue-contract.js';
import { DEMO, FixedClock, startTestApp, type TestApp } from '../support/test-app.js';

const REDIS_URL = process.env.KAOPING_TEST_REDIS!;
const PREFIX = `kptest-${randomBytes(4).toString('hex')}`;
const JIGUAN = { latitude: 30.9405, longitude: 118.758 };
const NOW = new Date('2025-01-10T00:30:00Z');

/** Every key under `prefix:`, then deletes them. */
async function dropKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  if (keys.length) await redis.del(...keys);
  return keys;
}

/** The response body as bytes. */
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

jobQueueContract('BullJobQueue on Redis', async () => {
  const prefix = `${PREFIX}-contract`;
  const redis = new RedisConnection({ REDIS_URL, REDIS_PREFIX: prefix });
  const queue = new BullJobQueue(redis, { runWorker: true, retentionMs: 600_000 });
  return {
    queue,
    async close() {
      await queue.close();
      await dropKeys(redis.client!, prefix);
      await redis.onApplicationShutdown();
    },
  };
});

describe('two API instances sharing Redis and one database', () => {
  let a: TestApp;
  let b: TestApp;
  let raw: Redis;
  const uploads = mkdtempSync(join(tmpdir(), 'kaoping-shared-'));
  const clock = new FixedClock(NOW);
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    raw = new Redis(REDIS_URL);
    const common = {
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      UPLOAD_DIR: uploads,
      COMPLAINT_RATE_LIMIT: '4',
      SURVEY_RATE_LIMIT: '100000',
      SURVEY_DEVICE_HOURLY_LIMIT: '1',
      REMINDERS_CRON: '0 9 * * 1-5',
    };
    a = await startTestApp({ ...common, JOB_WORKER: 'false' }, clock);
    b = await startTestApp({ ...common, JOB_WORKER: 'true' }, clock, { shareDatabaseWith: a });
    for (const id of [DEMO.office, DEMO.staffZf1, DEMO.chiefZf1]) tokens[id] = await a.login(id);
  });
  let closed = false;
  const closeBoth = async () => {
    if (closed) return;
    closed = true;
    await b?.close();
    await a?.close();
  };
  afterAll(async () => {
    await closeBoth();
    await dropKeys(raw, PREFIX);
    raw.disconnect();
    rmSync(uploads, { recursive: true, force: true });
  });

  const on = (t: TestApp) => request(t.app.getHttpServer());
  const get = (t: TestApp, who: string, url: string) => on(t).get(url).set('Authorization', `Bearer ${tokens[who]}`);
  const post = (t: TestApp, who: string, url: string, body: object) => on(t).post(url).set('Authorization', `Bearer ${tokens[who]}`).send(body);

  it('both instances use BullMQ', () => {
    expect(a.app.get(JobQueue).kind).toBe('bullmq');
    expect(b.app.get(JobQueue).kind).toBe('bullmq');
  });

  it('a job enqueued on A is run by B’s worker and read and downloaded from either instance', async () => {
    const started = await post(a, DEMO.office, '/api/attendance/reports/export', { month: '2024-03' }).expect(202);
    const id = started.body.id as string;
    expect(await raw.exists(`${PREFIX}:bull:${QUEUE_NAME}:${id}`)).toBe(1);
    const done = await a.app.get(JobQueue).waitUntilFinished(id, 60_000);
    expect(done).toMatchObject({ state: 'done', progress: 100, requestedBy: DEMO.office });
    // run by B's worker (A has none)
    const inspect = new Queue(QUEUE_NAME, { connection: raw, prefix: `${PREFIX}:bull` });
    expect((await inspect.getJob(id))?.processedBy).toBe((b.app.get(JobQueue) as BullJobQueue).instanceId);
    await inspect.close();
    for (const t of [a, b]) {
      const job = (await get(t, DEMO.office, `/api/jobs/${id}`).expect(200)).body;
      expect(job).toMatchObject({ id, state: 'done', result: { kind: 'file', fileName: '考勤月报-2024-03.xlsx' } });
      const file = await binary(get(t, DEMO.office, `/api/jobs/${id}/download`)).expect(200);
      expect((file.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
      expect((await get(t, DEMO.office, '/api/jobs').expect(200)).body.map((j: { id: string }) => j.id)).toContain(id);
      await get(t, DEMO.chiefZf1, `/api/jobs/${id}`).expect(404);
    }
    expect(await raw.lrange(`${PREFIX}:jobs:by:${DEMO.office}`, 0, -1)).toContain(id);
  });

  it('a bureau-wide recompute started on B is readable on A with its summary', async () => {
    const started = await post(b, DEMO.office, '/api/scores/runs', { scheme: 'wubi', year: 2024 }).expect(202);
    await b.app.get(JobQueue).waitUntilFinished(started.body.id, 60_000);
    const job = (await get(a, DEMO.office, `/api/jobs/${started.body.id}`).expect(200)).body;
    expect(job).toMatchObject({ state: 'done', result: { kind: 'summary' } });
    expect(job.result.text).toMatch(/^五比五评 2024 年：已重算 \d+ 人$/);
  });

  it('rate limits are counted once for both instances (Redis keys under the prefix)', async () => {
    const track = (t: TestApp) => on(t).get('/api/complaints/track/NOSUCHCODE01');
    const statuses = [];
    for (const t of [a, b, a, b]) statuses.push((await track(t)).status);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const refusedA = await track(a);
    const refusedB = await track(b);
    expect([refusedA.status, refusedB.status]).toEqual([429, 429]);
    expect(Number(refusedB.headers['retry-after'])).toBeGreaterThan(0);
    expect((await raw.keys(`${PREFIX}:rl:complaint:*`)).length).toBe(1);
  });

  it('the survey per-respondent hourly limit holds across instances', async () => {
    const survey = await post(a, DEMO.office, '/api/surveys', {
      title: '跨实例限流',
      group: 'service_recipient',
      year: 2024,
      periodStart: '2024-12-01',
      periodEnd: '2025-02-28',
      questions: [{ id: 'q1', type: 'choice', text: '服务态度' }],
      sectionIds: ['jdk', 'hwc'],
    }).expect(201);
    const qr = async (sectionId: string) => (await get(a, DEMO.office, `/api/surveys/${survey.body.id}/qr-link?sectionId=${sectionId}`).expect(200)).body.token as string;
    const citizen = (await on(a).post('/api/auth/citizen').send({ deviceId: 'shared-citizen-device-01' }).expect(200)).body.token as string;
    const submit = async (t: TestApp, sectionId: string, key: string) =>
      on(t)
        .post('/api/survey-forms/responses')
        .set('Authorization', `Bearer ${citizen}`)
        .send({ token: await qr(sectionId), answers: [{ questionId: 'q1', value: '满意' }], durationMs: 30_000, idempotencyKey: key });
    expect((await submit(a, 'jdk', 'shared-survey-0001')).status).toBe(201);
    const refused = await submit(b, 'hwc', 'shared-survey-0002');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
  });

  it('idempotency records are shared: B replays what A answered, and racing duplicates on both make one row', async () => {
    const punch = (t: TestApp, idempotencyKey: string) =>
      post(t, DEMO.staffZf1, '/api/attendance/punches', { type: 'in', ...JIGUAN, accuracy: 20, clientTime: NOW.toISOString(), idempotencyKey, deviceId: 'device-shared-0001' });
    const first = await punch(a, 'shared-replay-0001').expect(201);
    expect(await raw.exists(`${PREFIX}:idem:clock-in:${DEMO.staffZf1}:shared-replay-0001`)).toBe(1);
    // without the row, only the shared record can give B the first answer
    await a.ds.query(`DELETE FROM ${a.ds.getMetadata(Punch).tableName} WHERE id = ?`, [first.body.id]);
    expect((await punch(b, 'shared-replay-0001').expect(201)).body).toEqual({ ...first.body, duplicate: true });
    expect(await a.ds.getRepository(Punch).countBy({ idempotencyKey: 'shared-replay-0001' })).toBe(0);

    const answers = await Promise.all([a, b, a, b, a, b].map((t) => punch(t, 'shared-race-0001')));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await a.ds.getRepository(Punch).countBy({ idempotencyKey: 'shared-race-0001' })).toBe(1);
  });

  it('schedules are kept once in Redis however many instances start: the cleanup and the reminder sweep', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: raw, prefix: `${PREFIX}:bull` });
    try {
      const schedulers = await queue.getJobSchedulers(0, -1);
      const byName = Object.fromEntries(schedulers.map((s) => [s.key, s]));
      expect(Object.keys(byName).sort()).toEqual(['jobs.cleanup', 'reminders.sweep']);
      expect(byName['reminders.sweep']).toMatchObject({ pattern: '0 9 * * 1-5', tz: 'Asia/Shanghai' });
      expect(byName['jobs.cleanup']).toMatchObject({ pattern: '30 3 * * *' });
    } finally {
      await queue.close();
    }
  });

  it('shutting both instances down closes every Redis connection they opened; their keys stay', async () => {
    const ours = async () => String(await raw.client('LIST')).split('\n').filter((line) => line.includes(` name=${PREFIX}:`));
    expect((await ours()).length).toBeGreaterThanOrEqual(3); // A and B: the shared connection each, B's worker
    await closeBoth();
    expect(await ours()).toEqual([]);
    expect((await dropKeys(raw, PREFIX)).length).toBeGreaterThan(0);
  });
});

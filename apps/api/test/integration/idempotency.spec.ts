/**
 * Idempotency keys (memory store here; Redis in shared-state.redis.spec.ts): a retried clock-in or survey answer is
 * answered from the replay cache — the same response, no database round trip — while the database's unique key still
 * decides between concurrent duplicates (one row, one answer).
 */
import request from 'supertest';
import { Punch } from '../../src/attendance/punch.entity.js';
import { SurveyResponse } from '../../src/surveys/survey.entities.js';
import { DEMO, FixedClock, startTestApp, type TestApp } from '../support/test-app.js';

const JIGUAN = { latitude: 30.9405, longitude: 118.758 };
const NOW = new Date('2025-01-10T00:30:00Z'); // 08:30 in the bureau

describe('idempotency keys', () => {
  let t: TestApp;
  let staff: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    t = await startTestApp({ SURVEY_RATE_LIMIT: '100000', SURVEY_DEVICE_HOURLY_LIMIT: '1000' }, clock);
    staff = await t.login(DEMO.staffZf1);
  });
  afterAll(() => t.close());

  const punch = (idempotencyKey: string) =>
    request(t.app.getHttpServer())
      .post('/api/attendance/punches')
      .set('Authorization', `Bearer ${staff}`)
      .send({ type: 'in', ...JIGUAN, accuracy: 20, clientTime: NOW.toISOString(), idempotencyKey, deviceId: 'device-idem-0001' });
  const punches = (key: string) => t.ds.getRepository(Punch).countBy({ idempotencyKey: key });

  it('a retried clock-in gets the first answer from the replay cache, without the database', async () => {
    const first = await punch('idem-replay-0001').expect(201);
    expect(first.body.duplicate).toBeUndefined();
    const again = await punch('idem-replay-0001').expect(201);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    // take the row away behind the API's back: a retry that went to the database would write it again
    await t.ds.query(`DELETE FROM ${t.ds.getMetadata(Punch).tableName} WHERE id = ?`, [first.body.id]);
    const replayed = await punch('idem-replay-0001').expect(201);
    expect(replayed.body).toEqual({ ...first.body, duplicate: true });
    expect(await punches('idem-replay-0001')).toBe(0);
  });

  it('concurrent duplicates of a new key: one row, every answer names it', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => punch('idem-race-0001')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await punches('idem-race-0001')).toBe(1);
  });

  it('a retried survey answer gets the first answer from the replay cache; another key for the same target is refused', async () => {
    const office = await t.login(DEMO.office);
    const survey = await t.http
      .post('/api/surveys')
      .set('Authorization', `Bearer ${office}`)
      .send({
        title: '重复提交测试',
        group: 'service_recipient',
        year: 2024,
        periodStart: '2024-12-01',
        periodEnd: '2025-02-28',
        questions: [{ id: 'q1', type: 'choice', text: '服务态度' }],
        sectionIds: ['jdk'],
      })
      .expect(201);
    const qr = (await t.http.get(`/api/surveys/${survey.body.id}/qr-link?sectionId=jdk`).set('Authorization', `Bearer ${office}`).expect(200)).body.token as string;
    const citizen = (await request(t.app.getHttpServer()).post('/api/auth/citizen').send({ deviceId: 'idem-citizen-device-01' }).expect(200)).body.token as string;
    const submit = (idempotencyKey: string) =>
      request(t.app.getHttpServer())
        .post('/api/survey-forms/responses')
        .set('Authorization', `Bearer ${citizen}`)
        .send({ token: qr, answers: [{ questionId: 'q1', value: '满意' }], durationMs: 30_000, idempotencyKey });
    const first = await submit('idem-survey-0001').expect(201);
    expect((await submit('idem-survey-0001').expect(201)).body).toEqual(first.body);
    expect((await submit('idem-survey-0002').expect(409)).body.code).toBe('SURVEY_ALREADY_ANSWERED');
    await t.ds.query(`DELETE FROM ${t.ds.getMetadata(SurveyResponse).tableName} WHERE id = ?`, [first.body.id]);
    expect((await submit('idem-survey-0001').expect(201)).body).toEqual(first.body);
    expect(await t.ds.getRepository(SurveyResponse).countBy({ surveyId: survey.body.id })).toBe(0);
  });
});

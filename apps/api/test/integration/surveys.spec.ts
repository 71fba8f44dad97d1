import request from 'supertest';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

async function ExcelJsWorkbook(rows: string[][]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NOW = new Date('2025-01-10T02:00:00Z');
const QUESTIONS = [
  { id: 'q1', type: 'choice', text: '服务态度' },
  { id: 'q2', type: 'choice', text: '办事效率' },
  { id: 'q3', type: 'stars', text: '总体评价' },
  { id: 'q4', type: 'text', text: '意见建议', required: false },
];
const GOOD = [
  { questionId: 'q1', value: '满意' },
  { questionId: 'q2', value: '基本满意' },
  { questionId: 'q3', value: '5' },
];

describe('surveys', () => {
  let t: TestApp;
  let clock: FixedClock;
  let office: string;
  let devices = 0;

  const citizen = async () => {
    devices += 1;
    const res = await request(t.app.getHttpServer())
      .post('/api/auth/citizen')
      .send({ deviceId: `survey-test-device-${String(devices).padStart(4, '0')}` });
    return res.body.token as string;
  };
  const createSurvey = async (over: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/surveys')
      .set('Authorization', `Bearer ${office}`)
      .send({ title: '满意度测评', group: 'service_recipient', year: 2024, periodStart: '2024-12-01', periodEnd: '2025-02-28', questions: QUESTIONS, sectionIds: ['jdk', 'hwc'], ...over });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const qrToken = async (surveyId: string, sectionId = 'jdk') => {
    const res = await t.http.get(`/api/surveys/${surveyId}/qr-link?sectionId=${sectionId}`).set('Authorization', `Bearer ${office}`);
    expect(res.status).toBe(200);
    return res.body as { token: string; url: string; weappPath: string };
  };
  let keyN = 0;
  const submit = (token: string, qr: string, over: Record<string, unknown> = {}) =>
    request(t.app.getHttpServer())
      .post('/api/survey-forms/responses')
      .set('Authorization', `Bearer ${token}`)
      .send({ token: qr, answers: GOOD, durationMs: 40_000, idempotencyKey: `key_${(keyN += 1)}_abcdef`, ...over });

  beforeAll(async () => {
    clock = new FixedClock(NOW);
    t = await startTestApp({ SURVEY_RATE_LIMIT: '100000', SURVEY_BURST_MIN: '8', SURVEY_DEVICE_HOURLY_LIMIT: '1000' }, clock);
    office = await t.login(DEMO.office);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    clock.current = NOW;
  });

  it('successful-create a survey, QR link, PNG, SVG and a printable sheet', async () => {
    const s = await createSurvey();
    const link = await qrToken(s.id);
    expect(link.url).toMatch(/#\/subpackages\/citizen\/pages\/survey\/index\?t=/);
    expect(link.weappPath).toMatch(/^subpackages\/citizen\/pages\/survey\/index\?t=/);
    const png = await t.http.get(`/api/surveys/${s.id}/qr?sectionId=jdk`).set('Authorization', `Bearer ${office}`).buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const svg = await t.http.get(`/api/surveys/${s.id}/qr?sectionId=jdk&format=svg`).set('Authorization', `Bearer ${office}`).buffer(true);
    expect(String(svg.body)).toContain('<svg');
    const sheet = await t.http.get(`/api/surveys/${s.id}/qr-sheet?sectionId=jdk`).set('Authorization', `Bearer ${office}`);
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain('城管监督科');
    expect(sheet.text).toContain('<svg');
  });

  it('failing-create a survey with a choice option outside the scale writes nothing', async () => {
    const before = await tableCounts(t.ds);
    const res = await t.http
      .post('/api/surveys')
      .set('Authorization', `Bearer ${office}`)
      .send({ title: '坏问卷', group: 'service_recipient', year: 2024, periodStart: '2024-12-01', periodEnd: '2025-02-28', questions: [{ id: 'q1', type: 'choice', text: 'x', options: ['很好', '满意'] }], sectionIds: ['jdk'] });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('questions.0.options');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('successful-submit once; an idempotent resubmit answers the same; a second sheet is refused politely', async () => {
    const s = await createSurvey();
    const { token: qr } = await qrToken(s.id);
    const form = await request(t.app.getHttpServer()).get(`/api/survey-forms?t=${qr}`);
    expect(form.status).toBe(200);
    expect(form.body.sectionName).toBe('城管监督科');
    const c = await citizen();
    const first = await submit(c, qr, { idempotencyKey: 'same_key_0001' });
    expect(first.status).toBe(201);
    const again = await submit(c, qr, { idempotencyKey: 'same_key_0001' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await submit(c, qr, { idempotencyKey: 'other_key_0002', answers: [...GOOD.slice(0, 2), { questionId: 'q3', value: '1' }] });
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('您已评价过，感谢参与');
    // another target of the same survey is a separate answer
    const { token: qr2 } = await qrToken(s.id, 'hwc');
    expect((await submit(c, qr2)).status).toBe(201);
    const results = await t.http.get(`/api/surveys/${s.id}/results`).set('Authorization', `Bearer ${office}`);
    const jdk = results.body.targets.find((x: { sectionId: string }) => x.sectionId === 'jdk');
    expect(jdk.counted).toBe(1);
    expect(jdk.mean).toBeNull(); // fewer than 3: count shown, mean hidden
  });

  it('failing-submit with a forged or tampered QR token → 400, nothing written', async () => {
    const s = await createSurvey();
    const { token: qr } = await qrToken(s.id);
    const c = await citizen();
    const before = await tableCounts(t.ds);
    const [payload, sig] = qr.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, t: 'zfzd' })).toString('base64url')}.${sig}`;
    for (const bad of [forged, `${payload}.${'A'.repeat(43)}`, 'not-a-token-at-all']) {
      const res = await submit(c, bad);
      expect(res.status).toBe(400);
      expect(res.body.code).toMatch(/SURVEY_TOKEN_INVALID|VALIDATION_FAILED/);
      expect((await request(t.app.getHttpServer()).get(`/api/survey-forms?t=${encodeURIComponent(bad)}`)).status).toBe(400);
    }
    const office2 = await request(t.app.getHttpServer()).post('/api/survey-forms/responses').set('Authorization', `Bearer ${office}`).send({ token: qr, answers: GOOD, durationMs: 40_000, idempotencyKey: 'no_citizen_0001' });
    expect(office2.status).toBe(401);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('failing-submit after the period ends → 410 该评价已结束', async () => {
    const s = await createSurvey();
    const { token: qr } = await qrToken(s.id);
    const c = await citizen();
    clock.current = new Date('2025-03-01T02:00:00Z');
    const res = await submit(c, qr);
    expect(res.status).toBe(410);
    expect(res.body.message).toContain('该评价已结束');
  });

  it('burst detection holds a stuffed target out of the mean; the office reviews', async () => {
    const s = await createSurvey({ sectionIds: ['zhzx'] });
    const { token: qr } = await qrToken(s.id, 'zhzx');
    // a normal day: four answers spread out, mean 80
    for (let i = 0; i < 4; i++) {
      clock.current = new Date(NOW.getTime() - (4 - i) * 3600_000 * 24);
      expect((await submit(await citizen(), qr, { answers: [{ questionId: 'q1', value: '基本满意' }, { questionId: 'q2', value: '满意' }, { questionId: 'q3', value: '4' }] })).status).toBe(201);
    }
    clock.current = NOW;
    const before = (await t.http.get(`/api/surveys/${s.id}/results`).set('Authorization', `Bearer ${office}`)).body.targets[0];
    expect(before.counted).toBe(4);
    const normalMean = before.mean;
    // stuffing: 12 perfect answers inside a few minutes
    for (let i = 0; i < 12; i++) {
      clock.current = new Date(NOW.getTime() + i * 20_000);
      expect((await submit(await citizen(), qr, { answers: [{ questionId: 'q1', value: '满意' }, { questionId: 'q2', value: '满意' }, { questionId: 'q3', value: '5' }] })).status).toBe(201);
    }
    const after = (await t.http.get(`/api/surveys/${s.id}/results`).set('Authorization', `Bearer ${office}`)).body.targets[0];
    expect(after.counted).toBe(4);
    expect(after.held).toBe(12);
    expect(after.mean).toBe(normalMean);
    const flagged = await t.http.get('/api/survey-responses/flagged').set('Authorization', `Bearer ${office}`);
    const mine = flagged.body.filter((r: { surveyId: string }) => r.surveyId === s.id);
    expect(mine).toHaveLength(12);
    expect(mine.every((r: { flags: string[] }) => r.flags.includes('burst'))).toBe(true);
    expect(JSON.stringify(flagged.body)).not.toMatch(/respondent|citizen|openid|personId/i);
    const rej = await t.http.post(`/api/survey-responses/${mine[0].id}/review`).set('Authorization', `Bearer ${office}`).send({ decision: 'reject' });
    expect(rej.status).toBe(200);
    expect(rej.body.status).toBe('rejected');
    const acc = await t.http.post(`/api/survey-responses/${mine[1].id}/review`).set('Authorization', `Bearer ${office}`).send({ decision: 'accept' });
    expect(acc.body.status).toBe('counted');
    const final = (await t.http.get(`/api/surveys/${s.id}/results`).set('Authorization', `Bearer ${office}`)).body.targets[0];
    expect(final).toMatchObject({ counted: 5, held: 10, rejected: 1 });
  });

  it('speeders and straight-liners are held', async () => {
    const many = [1, 2, 3, 4, 5].map((i) => ({ id: `q${i}`, type: 'choice', text: `题${i}` }));
    const s = await createSurvey({ questions: many, sectionIds: ['ylc'] });
    const { token: qr } = await qrToken(s.id, 'ylc');
    const varied = many.map((q, i) => ({ questionId: q.id, value: i % 2 ? '满意' : '基本满意' }));
    const fast = await submit(await citizen(), qr, { answers: varied, durationMs: 2000 });
    expect(fast.status).toBe(201);
    const same = await submit(await citizen(), qr, { answers: many.map((q) => ({ questionId: q.id, value: '满意' })) });
    expect(same.status).toBe(201);
    const flagged = (await t.http.get('/api/survey-responses/flagged').set('Authorization', `Bearer ${office}`)).body.filter((r: { surveyId: string }) => r.surveyId === s.id);
    expect(flagged.map((r: { flags: string[] }) => r.flags.join()).sort()).toEqual(['speeder', 'straight_line']);
  });

  it('representatives: invitation → anonymous answers → used invitation refused; the office sees who, not what', async () => {
    const s = await createSurvey({ group: 'representative', title: '两代表一委员评价', sectionIds: ['jdk', 'hwc'] });
    const issued = await t.http
      .post(`/api/surveys/${s.id}/invitations`)
      .set('Authorization', `Bearer ${office}`)
      .send({ invitees: [{ name: '刘代表', kind: 'npc', phone: '13800000009' }, { name: '陈委员', kind: 'cppcc' }] });
    expect(issued.status).toBe(201);
    const [liu] = issued.body as { code: string; url: string; id: string }[];
    expect(liu!.url).toContain(`code=${liu!.code}`);
    const open = await request(t.app.getHttpServer()).post('/api/survey-invitations/open').send({ code: liu!.code });
    expect(open.status).toBe(200);
    expect(open.body.invitation.sections).toHaveLength(2);
    const rep = open.body.token as string;
    for (const sectionId of ['jdk', 'hwc']) {
      const res = await request(t.app.getHttpServer())
        .post('/api/survey-invitations/me/responses')
        .set('Authorization', `Bearer ${rep}`)
        .send({ sectionId, answers: GOOD, durationMs: 30_000, idempotencyKey: `rep_${sectionId}_key1` });
      expect(res.status).toBe(201);
    }
    // used up
    const reopen = await request(t.app.getHttpServer()).post('/api/survey-invitations/open').send({ code: liu!.code });
    expect(reopen.status).toBe(400);
    expect(reopen.body.code).toBe('INVITE_INVALID');
    const status = await t.http.get(`/api/surveys/${s.id}/invitations`).set('Authorization', `Bearer ${office}`);
    const row = status.body.find((r: { name: string }) => r.name === '刘代表');
    expect(row).toMatchObject({ answered: 2, total: 2, completedOn: '2025-01-10' });
    expect(Object.keys(row).sort()).toEqual(['answered', 'completedOn', 'id', 'kind', 'name', 'phone', 'total']);
  });

  it('anonymity: no endpoint returns a rater identity next to an answer, for any role', async () => {
    const s = await createSurvey({ group: 'representative', title: '匿名性', sectionIds: ['jdk'] });
    const issued = await t.http.post(`/api/surveys/${s.id}/invitations`).set('Authorization', `Bearer ${office}`).send({ invitees: [{ name: '周代表甲', kind: 'party', phone: '13900000001' }] });
    const { token: rep } = (await request(t.app.getHttpServer()).post('/api/survey-invitations/open').send({ code: issued.body[0].code })).body;
    await request(t.app.getHttpServer())
      .post('/api/survey-invitations/me/responses')
      .set('Authorization', `Bearer ${rep}`)
      .send({ sectionId: 'jdk', answers: [...GOOD, { questionId: 'q4', value: '独特的意见文本XYZ' }], durationMs: 30_000, idempotencyKey: 'anon_key_0001' });
    // the answer row holds no person, invitation id, name or phone
    const rows = await t.ds.query('SELECT * FROM survey_responses WHERE surveyId = ?', [s.id]);
    const raw = JSON.stringify(rows);
    for (const secret of ['周代表甲', '13900000001', issued.body[0].id]) expect(raw).not.toContain(secret);
    // and the audit log never records an answer next to its writer
    const audited = await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'insert' AND entity IN ('survey_responses', 'democratic_scores', 'survey_follow_ups')");
    expect(Number(audited[0].n)).toBe(0);
    // every GET an office/leader/staff/citizen/representative can call: the free text never appears with the name
    const tokens = [office, await t.login(DEMO.leader), await t.login(DEMO.chiefJdk), await t.login(DEMO.staffZf1), await citizen(), rep];
    const paths = [
      '/api/surveys',
      `/api/surveys/${s.id}`,
      `/api/surveys/${s.id}/results`,
      `/api/surveys/${s.id}/invitations`,
      '/api/survey-responses/flagged',
      '/api/survey-invitations/me',
    ];
    for (const tok of tokens) {
      for (const p of paths) {
        const res = await t.http.get(p).set('Authorization', `Bearer ${tok}`);
        const body = JSON.stringify(res.body);
        expect(body.includes('独特的意见文本XYZ') && body.includes('周代表甲')).toBe(false);
        expect(body).not.toContain('respondentHash');
      }
    }
  });

  it('Excel import issues invitations', async () => {
    const s = await createSurvey({ group: 'counterpart', title: '对口部门评价', sectionIds: ['jdk'] });
    const xlsx = await ExcelJsWorkbook([['姓名', '类别', '电话'], ['某县城管局 张三', '对口部门', '13700000000'], ['市领导甲', '分管联系市领导', '']]);
    const res = await t.http.post(`/api/surveys/${s.id}/invitations/import`).set('Authorization', `Bearer ${office}`).attach('file', xlsx, 'list.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.map((x: { kind: string }) => x.kind)).toEqual(['counterpart', 'city_leader']);
    const bad = await ExcelJsWorkbook([['姓名', '类别'], ['李四', '路人']]);
    const before = await tableCounts(t.ds);
    const r2 = await t.http.post(`/api/surveys/${s.id}/invitations/import`).set('Authorization', `Bearer ${office}`).attach('file', bad, 'bad.xlsx');
    expect(r2.status).toBe(400);
    expect(r2.body.message).toContain('第 2 行');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('民主测评: raters rate cadres, nobody rates themself, progress per group, aggregate results, facts', async () => {
    const c = await t.http.post('/api/democratic/campaigns').set('Authorization', `Bearer ${office}`).send({ year: 2024, title: '2024年度民主测评', closesOn: '2025-01-31' });
    expect(c.status).toBe(201);
    const campaignId = c.body.id as string;
    const staff = await t.login(DEMO.staffZf1);
    const tasks = (await t.http.get('/api/democratic/tasks').set('Authorization', `Bearer ${staff}`)).body as { campaignId: string; group: string; targets: { personId: string }[] }[];
    const task = tasks.find((x) => x.campaignId === campaignId)!;
    expect(task.group).toBe('staff');
    expect(task.targets.map((x) => x.personId)).toContain(DEMO.chiefZf1);
    expect(task.targets.map((x) => x.personId)).not.toContain(DEMO.staffZf1);
    const self = await t.http.post('/api/democratic/scores').set('Authorization', `Bearer ${staff}`).send({ campaignId, targetId: DEMO.staffZf1, aspects: { de: 90, neng: 90, qin: 90, ji: 90, lian: 90 } });
    expect(self.status).toBe(400);
    const ok = await t.http.post('/api/democratic/scores').set('Authorization', `Bearer ${staff}`).send({ campaignId, targetId: DEMO.chiefZf1, aspects: { de: 90, neng: 80, qin: 100, ji: 70, lian: 100 } });
    expect(ok.status).toBe(201);
    const twice = await t.http.post('/api/democratic/scores').set('Authorization', `Bearer ${staff}`).send({ campaignId, targetId: DEMO.chiefZf1, aspects: { de: 90, neng: 80, qin: 100, ji: 70, lian: 100 } });
    expect(twice.status).toBe(409);
    const leader = await t.login(DEMO.leader);
    expect((await t.http.post('/api/democratic/scores').set('Authorization', `Bearer ${leader}`).send({ campaignId, targetId: DEMO.chiefZf1, aspects: { de: 100, neng: 100, qin: 100, ji: 100, lian: 100 } })).status).toBe(201);
    const list = await t.http.get('/api/democratic/campaigns').set('Authorization', `Bearer ${office}`);
    const progress = list.body.find((x: { id: string }) => x.id === campaignId).progress;
    expect(progress.map((p: { group: string }) => p.group)).toEqual(['bureau_leader', 'cadre_peer', 'unit', 'staff']);
    const results = await t.http.get(`/api/democratic/campaigns/${campaignId}/results`).set('Authorization', `Bearer ${leader}`);
    const chief = results.body.find((r: { personId: string }) => r.personId === DEMO.chiefZf1);
    expect(chief.groups.find((g: { group: string }) => g.group === 'staff')).toEqual({ group: 'staff', count: 1, mean: null });
    expect(JSON.stringify(results.body)).not.toContain(DEMO.staffZf1);
    const { SurveysModule } = await import('../../src/surveys/surveys.module.js');
    const facts = await t.app.get(SurveysModule).facts(2024, 'jiguan');
    expect(facts.democratic).toEqual(expect.arrayContaining([{ personId: DEMO.chiefZf1, group: 'staff', score: 88 }, { personId: DEMO.chiefZf1, group: 'bureau_leader', score: 100 }]));
  });

  it('evaluations facts: counted responses only, rated person = the section head', async () => {
    const s = await createSurvey({ year: 2023, periodStart: '2024-12-01', sectionIds: ['jdk'] });
    const { token: qr } = await qrToken(s.id);
    await submit(await citizen(), qr);
    await submit(await citizen(), qr, { durationMs: 100 }); // speeder: held
    const { SurveysModule } = await import('../../src/surveys/surveys.module.js');
    const facts = await t.app.get(SurveysModule).facts(2023, 'wubi');
    expect(facts.evaluations).toEqual([{ personId: DEMO.chiefJdk, group: 'service_recipient', score: expect.any(Number) }]);
  });
});

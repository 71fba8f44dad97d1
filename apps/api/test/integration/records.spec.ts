import ExcelJS from 'exceljs';
import request from 'supertest';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** Mid-June 2024 in the bureau's zone: 执法一处 has chief p015 and deputy p068 since 2024-03-01. */
const clock = new FixedClock(new Date('2024-06-14T02:00:00Z'));

describe('records and scores', () => {
  let t: TestApp;
  let office: string;
  let chief: string;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp({ APPEAL_DAYS: '5' }, clock);
    office = await t.login(DEMO.office);
    chief = await t.login(DEMO.chiefZf1);
    staff = await t.login(DEMO.staffZf1);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    clock.current = new Date('2024-06-14T02:00:00Z');
  });
  const http = () => request(t.app.getHttpServer());
  const as = (token: string) => ({
    get: (url: string) => http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object = {}) => http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const itemsOf = async (token: string, personId: string, rule: string, scheme = 'jiguan') => {
    const res = await as(token).get(`/api/scores/people/${personId}?scheme=${scheme}&year=2024`).expect(200);
    return (res.body.dimensions as { items: { rule: string; points: number; source: string; evidence: { kind: string } }[] }[]).flatMap((d) => d.items).filter((i) => i.rule === rule);
  };

  it('successful-record: verify → counted with cascade; appeal freezes; rejection releases; upheld dismisses', async () => {
    const photo = await http().post('/api/files').set('Authorization', `Bearer ${office}`).attach('file', PNG_1X1, 'p.png').expect(201);
    const created = await as(office)
      .post('/api/incidents', { rule: 'NB-5', personId: DEMO.staffZf1, date: '2024-05-10', description: '交办的整改任务推诿拖延', fileIds: [photo.body.id] })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'pending', counted: false, sectionId: 'zf1', cost: '本人 −2，处长 −1，每位副处长 −1' });
    expect(await itemsOf(staff, DEMO.staffZf1, 'NB-5')).toEqual([]);

    await as(office).post(`/api/incidents/${id}/verify`, { note: '经查属实' }).expect(200);
    // recomputed on read, no manual recompute
    const mine = await itemsOf(staff, DEMO.staffZf1, 'NB-5');
    expect(mine).toEqual([expect.objectContaining({ points: -2, source: id, evidence: expect.objectContaining({ kind: 'incident' }) })]);
    expect(await itemsOf(office, DEMO.chiefZf1, 'NB-5')).toEqual([expect.objectContaining({ points: -1, source: id })]);
    expect(await itemsOf(office, 'p068', 'NB-5')).toEqual([expect.objectContaining({ points: -1 })]);
    // the person was notified and sees the evidence
    const notices = await as(staff).get('/api/notices').expect(200);
    expect(notices.body.unread).toBeGreaterThanOrEqual(2);
    await as(staff).get(`/api/incidents/${id}/files/${photo.body.id}`).expect(200);
    await as(await t.login('p017')).get(`/api/incidents/${id}/files/${photo.body.id}`).expect(403);

    // appeal: frozen until decided
    await as(chief).post(`/api/incidents/${id}/appeal`, { reason: '当日在外执法，有派单记录' }).expect(403);
    const appealed = await as(staff).post(`/api/incidents/${id}/appeal`, { reason: '当日在外执法，有派单记录' }).expect(200);
    expect(appealed.body).toMatchObject({ appealStatus: 'open', counted: false });
    expect(await itemsOf(staff, DEMO.staffZf1, 'NB-5')).toEqual([]);
    const open = await as(office).get('/api/incidents?appeal=open').expect(200);
    expect(open.body.map((i: { id: string }) => i.id)).toContain(id);
    await as(staff).post(`/api/incidents/${id}/appeal`, { reason: '再次申诉一下' }).expect(409);

    await as(office).post(`/api/incidents/${id}/appeal-decision`, { decision: 'rejected', note: '派单时间与事件不重合' }).expect(200);
    expect(await itemsOf(staff, DEMO.staffZf1, 'NB-5')).toHaveLength(1);

    const detail = await as(staff).get(`/api/incidents/${id}`).expect(200);
    expect(detail.body.transitions.map((x: { action: string }) => x.action)).toEqual(['record', 'verify', 'appeal', 'appeal-rejected']);

    // a second incident, appeal upheld → dismissed, not counted
    const second = await as(office).post('/api/incidents', { rule: 'QIN-4', personId: DEMO.staffZf1, date: '2024-06-03', description: '上班时间玩游戏' }).expect(201);
    await as(office).post(`/api/incidents/${second.body.id}/verify`).expect(200);
    expect(await itemsOf(staff, DEMO.staffZf1, 'QIN-4')).toHaveLength(1);
    await as(staff).post(`/api/incidents/${second.body.id}/appeal`, { reason: '系统截图为他人账号' }).expect(200);
    await as(office).post(`/api/incidents/${second.body.id}/appeal-decision`, { decision: 'upheld', note: '经核实为他人账号' }).expect(200);
    expect(await itemsOf(staff, DEMO.staffZf1, 'QIN-4')).toEqual([]);
    expect((await as(staff).get(`/api/incidents/${second.body.id}`).expect(200)).body.status).toBe('dismissed');
  });

  it('evidence previews: readers of a record get signed preview URLs that work without a token', async () => {
    const upload = async (token: string) => (await http().post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', PNG_1X1, 'p.png').expect(201)).body.id as string;
    const photo = await upload(office);
    const inc = await as(office).post('/api/incidents', { rule: 'NB-1', personId: DEMO.staffZf1, date: '2024-06-12', description: '未按要求报告情况', fileIds: [photo] }).expect(201);
    const detail = await as(staff).get(`/api/incidents/${inc.body.id}`).expect(200);
    expect(detail.body.files).toEqual([{ id: photo, mime: 'image/png', previewUrl: expect.stringMatching(new RegExp(`^/api/files/${photo}/content\\?exp=\\d+&sig=`)) }]);
    const shown = await http().get(detail.body.files[0].previewUrl).expect(200);
    expect(shown.headers['content-type']).toBe('image/png');
    // the token-guarded evidence route keeps working; a reader outside the scope gets no URL
    await as(staff).get(`/api/incidents/${inc.body.id}/files/${photo}`).expect(200);
    const outsider = await as(await t.login('p017')).get(`/api/incidents/${inc.body.id}`).expect(403);
    expect(JSON.stringify(outsider.body)).not.toContain('/content?');
    // appeal evidence
    await as(office).post(`/api/incidents/${inc.body.id}/verify`).expect(200);
    const appealPhoto = await upload(staff);
    await as(staff).post(`/api/incidents/${inc.body.id}/appeal`, { reason: '当日已口头报告处长', fileIds: [appealPhoto] }).expect(200);
    const appealed = await as(office).get(`/api/incidents/${inc.body.id}`).expect(200);
    expect(appealed.body.appeals[0].files).toEqual([expect.objectContaining({ id: appealPhoto, mime: 'image/png' })]);
    await http().get(appealed.body.appeals[0].files[0].previewUrl).expect(200);
    await as(office).post(`/api/incidents/${inc.body.id}/appeal-decision`, { decision: 'upheld', note: '已口头报告，属实' }).expect(200);

    // commendations, vetoes and inspections list their files with previews (office and leaders read them)
    const scan = await upload(office);
    await as(office).post('/api/commendations', { personId: 'p047', level: 'city', matter: '垃圾分类示范', docNo: '市政〔2024〕21号', date: '2024-06-01', fileIds: [scan] }).expect(201);
    const list = await as(await t.login(DEMO.leader)).get('/api/commendations?year=2024').expect(200);
    const c = list.body.find((x: { matter: string }) => x.matter === '垃圾分类示范');
    expect(c.files).toEqual([expect.objectContaining({ id: scan, mime: 'image/png' })]);
    await http().get(c.files[0].previewUrl).expect(200);
    const vetoes = await as(office).get('/api/vetoes?year=2024').expect(200);
    expect(vetoes.body.every((v: { files: unknown[] }) => Array.isArray(v.files))).toBe(true);
    const rounds = await as(office).get('/api/inspections?year=2024').expect(200);
    expect(rounds.body.rounds.every((r: { files: unknown[] }) => Array.isArray(r.files))).toBe(true);
  });

  it('failing-appeal: after the window closes the appeal is refused and nothing is written', async () => {
    const inc = await as(office).post('/api/incidents', { rule: 'DE-2', variant: 'late', personId: DEMO.staffZf1, date: '2024-06-11', description: '处务会迟到十分钟' }).expect(201);
    await as(office).post(`/api/incidents/${inc.body.id}/verify`).expect(200);
    clock.current = new Date('2024-06-25T02:00:00Z');
    const before = await tableCounts(t.ds);
    const res = await as(staff).post(`/api/incidents/${inc.body.id}/appeal`, { reason: '会议时间临时调整' }).expect(409);
    expect(res.body.code).toBe('APPEAL_CLOSED');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('scope: a chief records only in their section; staff see only their own score and incidents', async () => {
    const before = await tableCounts(t.ds);
    const out = await as(chief).post('/api/incidents', { rule: 'NB-1', personId: 'p023', date: '2024-05-06', description: '未按要求报告情况' }).expect(403);
    expect(out.body.code).toBe('OUT_OF_SCOPE');
    expect(await tableCounts(t.ds)).toEqual(before);
    await as(chief).post('/api/incidents', { rule: 'NB-1', personId: 'p017', date: '2024-05-06', description: '未按要求报告情况' }).expect(201);
    // p015 was deputy of 执法一处 before 2024-03-01; p014 (then chief) moved to 法规处: not in 执法一处 now
    await as(chief).post('/api/incidents', { rule: 'NB-1', personId: DEMO.previousChiefZf1, date: '2024-05-06', description: '未按要求报告情况' }).expect(403);
    await as(staff).post('/api/incidents', { rule: 'NB-1', personId: 'p017', date: '2024-05-06', description: '未按要求报告情况' }).expect(403);
    await as(staff).get(`/api/scores/people/p017?year=2024`).expect(403);
    await as(staff).get(`/api/scores/people/${DEMO.staffZf1}?year=2024`).expect(200);
    await as(chief).get(`/api/scores/people/p023?year=2024`).expect(403);
    const list = await as(staff).get('/api/incidents').expect(200);
    expect(list.body.every((i: { personId: string }) => i.personId === DEMO.staffZf1)).toBe(true);
    await as(staff).get('/api/scores').expect(403);
    const board = await as(chief).get('/api/scores?year=2024').expect(200);
    expect(board.body.rows.every((r: { sectionId: string }) => r.sectionId === 'zf1')).toBe(true);
  });

  it('failing-rate: a second 优秀 in a section of 6 or more is refused with a clear message, nothing saved', async () => {
    const sheet = await as(chief).get('/api/ratings?year=2024').expect(200);
    expect(sheet.body.rows.map((r: { personId: string }) => r.personId)).toContain('p017');
    expect(sheet.body.quotaHints[0]).toMatch(/优秀.*最多 1 名/);
    const before = await tableCounts(t.ds);
    const res = await as(chief)
      .put('/api/ratings', { year: 2024, ratings: [{ personId: 'p017', rating: '优秀' }, { personId: 'p018', rating: '优秀' }] })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'RATING_QUOTA', field: 'ratings' });
    expect(res.body.message).toMatch(/执法一处共 7 人/);
    expect(await tableCounts(t.ds)).toEqual(before);
    await as(chief).put('/api/ratings', { year: 2024, ratings: [{ personId: 'p017', rating: '优秀' }, { personId: 'p018', rating: '良好' }] }).expect(200);
    await as(chief).put('/api/ratings', { year: 2024, ratings: [{ personId: 'p019', rating: '优秀' }] }).expect(422);
    await as(chief).put('/api/ratings', { year: 2024, ratings: [{ personId: 'p023', rating: '良好' }] }).expect(403);
  });

  it('successful-commend: the same matter at two levels counts once, at the highest; a veto makes the head 不称职', async () => {
    await as(office).post('/api/commendations', { personId: 'p043', level: 'city', matter: '全国文明城市创建', docNo: '市政〔2024〕3号', date: '2024-03-01' }).expect(201);
    await as(office).post('/api/commendations', { personId: 'p045', level: 'provincial', matter: '全国文明城市创建', docNo: '皖政〔2024〕12号', date: '2024-04-01' }).expect(201);
    let score = await as(office).get('/api/scores/people/p043?scheme=wubi&year=2024').expect(200);
    expect(score.body.bonus).toBe(3);
    expect(score.body.flags).toContain('bonus:deduplicated:全国文明城市创建');
    await as(office).post('/api/commendations', { personId: 'p043', level: 'city', matter: '防汛抢险', docNo: '市政〔2024〕9号', date: '2024-05-01' }).expect(201);
    score = await as(office).get('/api/scores/people/p043?scheme=wubi&year=2024').expect(200);
    expect(score.body.bonus).toBe(3.5);
    expect(score.body.flags.some((f: string) => f.startsWith('veto:'))).toBe(false);
    await as(office).post('/api/commendations', { personId: 'p043', level: 'unit', matter: '创新', date: '2024-05-01' }).expect(400);

    await as(office).post('/api/vetoes', { personId: 'p045', reason: 'V2', date: '2024-05-20', description: '慢作为受到处分' }).expect(201);
    score = await as(office).get('/api/scores/people/p043?scheme=wubi&year=2024').expect(200);
    expect(score.body.grade).toBe('不称职');
    expect(score.body.flags).toContain('veto:V2');
    await as(await t.login(DEMO.leader)).post('/api/vetoes', { personId: 'p045', reason: 'V1', date: '2024-05-20', description: '立案查处' }).expect(403);
  });

  it('inspections: rounds are numbered per kind, with a warning below two rounds', async () => {
    const res = await as(office)
      .post('/api/inspections', { kind: 'daily', date: '2024-04-10', inspector: '督查组', scores: [{ personId: 'p043', score: 92 }, { personId: 'p047', score: 85 }] })
      .expect(201);
    expect(res.body.rounds[0]).toMatchObject({ kind: 'daily', round: 1 });
    expect(res.body.warnings.some((w: string) => w.includes('日常督查'))).toBe(true);
    await as(office).post('/api/inspections', { kind: 'daily', date: '2024-05-10', inspector: '督查组', scores: [{ personId: 'p045', score: 90 }] }).expect(400);
    const score = await as(office).get('/api/scores/people/p043?scheme=wubi&year=2024').expect(200);
    const d1 = score.body.dimensions.find((d: { id: string }) => d.id === 'WB-D1');
    expect(d1.score).toBeCloseTo(23, 5);
  });

  it('import: a sheet with one bad row imports nothing and names the row; a good sheet imports all', async () => {
    const sheet = async (rows: (string | Date)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('考评事件');
      ws.addRow(['细则编号', '情形', '人员编号', '发生日期', '事实经过']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (bytes: Buffer) => http().post('/api/incidents/import').set('Authorization', `Bearer ${office}`).attach('file', bytes, 'incidents.xlsx');
    const before = await tableCounts(t.ds);
    const bad = await upload(
      await sheet([
        ['NB-4', '', 'p017', '2024-04-02', '会议通知不全'],
        ['NB-4', '', 'p999', '2024-04-02', '会议通知不全'],
        ['XX-1', '', 'p018', '2024-02-30', '无'],
      ]),
    ).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, field: 'rule' }),
        expect.objectContaining({ row: 4, field: 'date' }),
        expect.objectContaining({ row: 4, field: 'description' }),
      ]),
    );
    // shape errors first; then the database checks, still all-or-nothing
    const bad2 = await upload(await sheet([['NB-4', '', 'p017', '2024-04-02', '会议通知不全'], ['NB-4', '', 'p999', new Date(Date.UTC(2024, 3, 2)), '会议通知不全']])).expect(400);
    expect(bad2.body.details).toEqual([expect.objectContaining({ row: 3, field: 'personId' })]);
    expect(await tableCounts(t.ds)).toEqual(before);
    const good = await upload(await sheet([['NB-4', '', 'p017', '2024-04-02', '会议通知不全'], ['DE-1', '迟到', 'p018', new Date(Date.UTC(2024, 3, 3)), '支部活动迟到']])).expect(201);
    expect(good.body.imported).toBe(2);
  });

  it('runs: a bureau-wide recompute answers 202 and reports progress to done; the report is an xlsx', async () => {
    const run = await as(office).post('/api/scores/runs', { scheme: 'jiguan', year: 2024 }).expect(202);
    expect(run.body).toMatchObject({ name: 'scores.recompute' });
    await t.app.get(JobQueue).waitUntilFinished(run.body.id, 60_000);
    const status = (await as(office).get(`/api/jobs/${run.body.id}`).expect(200)).body;
    expect(status).toMatchObject({ state: 'done', progress: 100, result: { kind: 'summary' } });
    const board = await as(office).get('/api/scores?scheme=jiguan&year=2024').expect(200);
    expect(board.body.rows.length).toBeGreaterThan(30);
    expect(board.body.rows[0].rank).toBe(1);
    const grades = await as(office).get('/api/scores/grades?scheme=jiguan&year=2024').expect(200);
    expect(Object.values(grades.body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(board.body.rows.length);
    const xlsx = await as(office).get('/api/scores/report?year=2024').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['机关绩效考评', '机关绩效考评明细', '五比五评', '五比五评明细']);
  });
});

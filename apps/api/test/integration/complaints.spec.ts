import ExcelJS from 'exceljs';
import request from 'supertest';
import { ComplaintFactsService } from '../../src/complaints/complaint-facts.service.js';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/;

describe('complaints (效能投诉) and hotline items', () => {
  let t: TestApp;
  let office: string;
  let staff: string;
  let chief: string;
  let citizen: string;
  const clock = new FixedClock(new Date('2026-06-10T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    office = await t.login(DEMO.office);
    staff = await t.login(DEMO.staffZf1);
    chief = await t.login(DEMO.chiefZf1);
    citizen = (await request(t.app.getHttpServer()).post('/api/auth/citizen').send({ deviceId: 'complaint-device-0001' }).expect(200)).body.token;
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());
  const as = (token: string) => ({
    get: (url: string) => http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => http().post(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const byCode = async (code: string) => {
    const list = await as(office).get('/api/complaints').expect(200);
    return list.body.find((c: { trackingCode: string }) => c.trackingCode === code) as { id: string; status: string };
  };

  let code: string;
  let id: string;

  it('successful-intake: a citizen submits with a photo, location and contact; gets an unguessable tracking code', async () => {
    const photo = await http().post('/api/files').set('Authorization', `Bearer ${citizen}`).attach('file', PNG_1X1, 'p.png').expect(201);
    const res = await http()
      .post('/api/complaints')
      .set('Authorization', `Bearer ${citizen}`)
      .send({
        category: 'attitude',
        sectionId: 'zf1',
        officerHint: '穿制服的男队员',
        content: '<b>执法人员</b>态度生硬，大声呵斥摊主。',
        photoFileIds: [photo.body.id],
        address: '人民路与解放路交口',
        latitude: 31.86,
        longitude: 117.28,
        contactName: '王女士',
        contactPhone: '13800001111',
      })
      .expect(201);
    expect(res.body.trackingCode).toMatch(CODE);
    expect(res.body.status).toBe('received');
    code = res.body.trackingCode;
    id = (await byCode(code)).id;
  });

  it('successful-intake: anonymous, with no token at all', async () => {
    const res = await http().post('/api/complaints').send({ category: 'efficiency', content: '办事拖拉，一个月没有回复。' }).expect(201);
    expect(res.body.trackingCode).toMatch(CODE);
  });

  it('failing-intake: bad input → 400 naming the field, nothing written', async () => {
    const before = await tableCounts(t.ds);
    const cases: [object, string][] = [
      [{ category: 'rude', content: '内容足够长的投诉' }, 'category'],
      [{ category: 'other', content: 'x'.repeat(1001) }, 'content'],
      [{ category: 'other', content: '内容足够长的投诉', photoFileIds: Array(7).fill('00000000-0000-4000-8000-000000000000') }, 'photoFileIds'],
      [{ category: 'other', content: '内容足够长的投诉', contactPhone: '<script>' }, 'contactPhone'],
      [{ category: 'other', content: '内容足够长的投诉', sectionId: 'nope' }, 'sectionId'],
    ];
    for (const [body, field] of cases) {
      const res = await http().post('/api/complaints').set('Authorization', `Bearer ${citizen}`).send(body).expect(400);
      expect(res.body.field).toBe(field);
    }
    // photos need the citizen identity that uploaded them
    const anon = await http().post('/api/complaints').send({ category: 'other', content: '内容足够长的投诉', photoFileIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(anon.body.field).toBe('photoFileIds');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('tracking: only with the code; status and reply only, never who handles it', async () => {
    const res = await http().get(`/api/complaints/track/${code.toLowerCase()}`).expect(200);
    expect(res.body).toMatchObject({ trackingCode: code, status: 'received', statusLabel: '已受理', reply: null });
    expect(Object.keys(res.body).sort()).toEqual(['category', 'repliedAt', 'reply', 'status', 'statusLabel', 'submittedAt', 'timeline', 'trackingCode']);
    expect(JSON.stringify(res.body)).not.toMatch(/13800001111|王女士|zf1|personId/);
    await http().get('/api/complaints/track/ABCDEFGHJKMN').expect(404);
    await http().get('/api/complaints/track/x').expect(404);
    const mine = await as(citizen).get('/api/complaints/mine').expect(200);
    expect(mine.body.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([code]);
  });

  it('workflow: received → assigned → investigated → verified → replied, each kept in the history', async () => {
    let res = await as(office).post(`/api/complaints/${id}/assign`, { sectionId: 'zf1', deadline: '2026-06-15', note: '请三日内核实' }).expect(200);
    expect(res.body).toMatchObject({ status: 'assigned', assignedSectionId: 'zf1', deadline: '2026-06-15', overdue: false });
    res = await as(office).post(`/api/complaints/${id}/investigate`, { findings: '经调取执法记录仪，情况属实。', personId: DEMO.staffZf1 }).expect(200);
    expect(res.body).toMatchObject({ status: 'investigated', personId: DEMO.staffZf1 });
    res = await as(office).post(`/api/complaints/${id}/conclude`, { outcome: 'verified' }).expect(200);
    expect(res.body).toMatchObject({ status: 'verified', outcome: 'verified' });
    expect(res.body.costs).toEqual([
      expect.objectContaining({ scheme: 'jiguan', rule: 'DE-5', cost: '本人 −3，处长 −1，每位副处长 −1' }),
      expect.objectContaining({ scheme: 'wubi', rule: 'WB-D4' }),
    ]);
    // the public sees "调查核实中", not the internal outcome, until the reply
    expect((await http().get(`/api/complaints/track/${code}`).expect(200)).body.status).toBe('investigated');
    res = await as(office).post(`/api/complaints/${id}/reply`, { reply: '经查属实，已对当事人批评教育并按规定扣分。感谢监督。' }).expect(200);
    expect(res.body.status).toBe('replied');
    expect(res.body.history.map((h: { to: string }) => h.to)).toEqual(['received', 'assigned', 'investigated', 'verified', 'replied']);
    expect(res.body.history[1]).toMatchObject({ action: 'assign', from: 'received', note: '请三日内核实', actorName: expect.any(String) });
    const track = await http().get(`/api/complaints/track/${code}`).expect(200);
    expect(track.body).toMatchObject({ status: 'replied', reply: '经查属实，已对当事人批评教育并按规定扣分。感谢监督。' });
    expect(track.body.timeline.map((s: { status: string }) => s.status)).toEqual(['received', 'assigned', 'investigated', 'replied']);
  });

  it('failing-transition: an illegal move is refused with 409 naming the current state, nothing written', async () => {
    const before = await tableCounts(t.ds);
    const res = await as(office).post(`/api/complaints/${id}/assign`, { sectionId: 'zf1', deadline: '2026-06-30' }).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(res.body.message).toContain('已答复');
    const fresh = await http().post('/api/complaints').send({ category: 'other', content: '另一件投诉的内容' }).expect(201);
    const other = await byCode(fresh.body.trackingCode);
    const before2 = await tableCounts(t.ds);
    expect((await as(office).post(`/api/complaints/${other.id}/reply`, { reply: '答复内容' }).expect(409)).body.message).toContain('已受理');
    expect((await as(office).post(`/api/complaints/${other.id}/conclude`, { outcome: 'verified' }).expect(409)).body.message).toContain('已受理');
    expect(await tableCounts(t.ds)).toEqual(before2);
    expect(before2.complaints).toBe(before.complaints! + 1);
  });

  it('scope: the person sees it without the complainant; chief sees the section; others are refused; office sees contact', async () => {
    const own = await as(staff).get(`/api/complaints/${id}`).expect(200);
    expect(own.body).toMatchObject({ contactName: null, contactPhone: null, trackingCode: '', photoUrls: [] });
    expect(own.body.history).toBeUndefined();
    const about = await as(staff).get('/api/complaints/about-me').expect(200);
    expect(about.body).toEqual([expect.objectContaining({ id, outcome: 'verified', costs: expect.arrayContaining([expect.objectContaining({ rule: 'DE-5' })]) })]);
    expect((await as(chief).get(`/api/complaints/${id}`).expect(200)).body.contactPhone).toBeNull();
    await as(await t.login('p018')).get(`/api/complaints/${id}`).expect(403);
    await as(await t.login(DEMO.chiefJdk)).get(`/api/complaints/${id}`).expect(403);
    const full = await as(office).get(`/api/complaints/${id}`).expect(200);
    expect(full.body).toMatchObject({ contactName: '王女士', contactPhone: '13800001111', content: '<b>执法人员</b>态度生硬，大声呵斥摊主。' });
    expect(full.body.photoUrls).toHaveLength(1);
    expect((await as(staff).get('/api/complaints').expect(200)).body.every((c: { personId: string }) => c.personId === DEMO.staffZf1)).toBe(true);
  });

  it('scoring facts: verified complaints become DE-5 / NB-9 / LIAN-1 for the person and WB-D4 complaints', async () => {
    // an integrity complaint, verified against p018
    const c = await as(office).post('/api/complaints/manual', { source: 'phone', receivedAt: '2026-06-09T10:00:00+08:00', category: 'integrity', content: '收受商户香烟', sectionId: 'zf1' }).expect(201);
    await as(office).post(`/api/complaints/${c.body.id}/assign`, { sectionId: 'zf1', deadline: '2026-06-20' }).expect(200);
    await as(office).post(`/api/complaints/${c.body.id}/investigate`, { findings: '属实' }).expect(200);
    await as(office).post(`/api/complaints/${c.body.id}/conclude`, { outcome: 'verified', personId: 'p018' }).expect(200);
    const facts = await t.app.get(ComplaintFactsService).facts(2026);
    expect(facts.events).toEqual(
      expect.arrayContaining([
        { id: `complaint:${id}`, rule: 'DE-5', personId: DEMO.staffZf1, date: '2026-06-10', verified: true },
        { id: `complaint:${c.body.id}`, rule: 'LIAN-1', personId: 'p018', date: '2026-06-09', verified: true },
      ]),
    );
    expect(facts.complaints).toEqual(expect.arrayContaining([{ id: `complaint:${id}`, personId: DEMO.staffZf1, date: '2026-06-10', verified: true }]));
    expect((await t.app.get(ComplaintFactsService).facts(2026, 'wubi')).events).toEqual([]);
  });

  it('failing-import: one bad row → 400 with the row and field, nothing imported', async () => {
    const csv = ['工单编号,受理时间,诉求内容,承办单位,来源', 'T-1001,2026-06-01 09:00,占道经营无人管,执法一处,12319', 'T-1002,2026-06-31 10:00,噪音扰民,执法一处,12345', 'T-1003,2026-06-02 11:00,垃圾清运不及时,不存在的处,12319'].join('\n');
    const before = await tableCounts(t.ds);
    const res = await http().post('/api/complaints/import').set('Authorization', `Bearer ${office}`).attach('file', Buffer.from(csv), 'hotline.csv').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect(res.body.details).toEqual([
      expect.objectContaining({ row: 3, field: 'time' }),
      expect.objectContaining({ row: 4, field: 'section' }),
    ]);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('successful-import: CSV and Excel; a ticket number already stored, or twice in a file, is reported per row', async () => {
    const csv = '\uFEFF工单编号,受理时间,诉求内容,承办单位,来源,类别\r\nT-2001,2026-06-01 09:00,"占道经营, 无人管",执法一处,12319,办事效率\r\nT-2002,2026/06/02 10:30,=HYPERLINK("x"),,12345,\r\n';
    const ok = await http().post('/api/complaints/import').set('Authorization', `Bearer ${office}`).attach('file', Buffer.from(csv), 'a.csv').expect(200);
    expect(ok.body.imported).toBe(2);
    const item = await as(office).get(`/api/complaints/${ok.body.ids[0]}`).expect(200);
    expect(item.body).toMatchObject({ source: '12319', ticketNo: 'T-2001', category: 'efficiency', content: '占道经营, 无人管', sectionId: 'zf1', receivedAt: '2026-06-01T01:00:00.000Z' });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['工单编号', '受理时间', '诉求内容']);
    ws.addRow(['T-2001', '2026-06-03 08:00', '重复工单']);
    ws.addRow(['T-3001', '2026-06-03 08:00', '新工单']);
    ws.addRow(['T-3001', '2026-06-03 09:00', '同一文件中重复']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await tableCounts(t.ds);
    const dup = await http().post('/api/complaints/import').set('Authorization', `Bearer ${office}`).attach('file', bytes, 'b.xlsx').expect(400);
    expect(dup.body.details).toEqual([expect.objectContaining({ row: 2, field: 'ticketNo', message: expect.stringContaining('已导入过') }), expect.objectContaining({ row: 4, field: 'ticketNo', message: expect.stringContaining('重复') })]);
    expect(await tableCounts(t.ds)).toEqual(before);

    ws.spliceRows(2, 1);
    ws.spliceRows(3, 1);
    const good = await http().post('/api/complaints/import').set('Authorization', `Bearer ${office}`).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'c.xlsx').expect(200);
    expect(good.body.imported).toBe(1);

    const manualDup = await as(office).post('/api/complaints/manual', { source: '12319', ticketNo: 'T-3001', receivedAt: '2026-06-05T09:00:00+08:00', category: 'other', content: '手工录入重复' }).expect(409);
    expect(manualDup.body.field).toBe('ticketNo');
    expect((await http().post('/api/complaints/import').set('Authorization', `Bearer ${office}`).expect(400)).body.field).toBe('file');
  });

  it('merge: a duplicate is merged into the kept item; tracking follows it', async () => {
    const a = await http().post('/api/complaints').send({ category: 'efficiency', content: '路灯坏了一个月没人修' }).expect(201);
    const b = await http().post('/api/complaints').send({ category: 'efficiency', content: '路灯坏了很久没人修理' }).expect(201);
    const ia = await byCode(a.body.trackingCode);
    const ib = await byCode(b.body.trackingCode);
    const res = await as(office).post(`/api/complaints/${ib.id}/merge`, { intoId: ia.id, note: '同一事项' }).expect(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedIntoId: ia.id });
    await as(office).post(`/api/complaints/${ib.id}/merge`, { intoId: ia.id }).expect(409);
    expect((await as(office).post(`/api/complaints/${ia.id}/merge`, { intoId: ib.id }).expect(400)).body.field).toBe('intoId');
    expect((await http().get(`/api/complaints/track/${b.body.trackingCode}`).expect(200)).body.status).toBe('received');
  });

  it('overdue (限时办结): judged in the bureau zone, flagged in lists', async () => {
    const c = await http().post('/api/complaints').send({ category: 'attitude', content: '超期测试投诉内容' }).expect(201);
    const item = await byCode(c.body.trackingCode);
    await as(office).post(`/api/complaints/${item.id}/assign`, { sectionId: 'zf2', deadline: '2026-06-12' }).expect(200);
    expect((await as(office).get('/api/complaints?overdue=true').expect(200)).body.map((x: { id: string }) => x.id)).not.toContain(item.id);
    clock.current = new Date('2026-06-12T15:59:00Z'); // 23:59 on the 12th in Shanghai: not yet
    expect((await as(office).get(`/api/complaints/${item.id}`).expect(200)).body.overdue).toBe(false);
    clock.current = new Date('2026-06-12T16:01:00Z'); // 00:01 on the 13th
    const list = await as(office).get('/api/complaints?overdue=true').expect(200);
    expect(list.body.map((x: { id: string }) => x.id)).toContain(item.id);
    clock.current = new Date('2026-06-10T02:00:00Z');
  });

  it('monthly summary and Excel export (no formulas from user text)', async () => {
    const res = await as(office).get('/api/complaints/summary?month=2026-06').expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(8);
    expect(res.body.verified).toBe(2);
    expect(res.body.verifiedRate).toBe(1);
    expect(res.body.byCategory.map((c: { category: string }) => c.category)).toEqual(['attitude', 'efficiency', 'integrity', 'other']);
    expect(res.body.bySection.find((s: { sectionId: string }) => s.sectionId === 'zf1').count).toBeGreaterThanOrEqual(3);
    await as(await t.login(DEMO.leader)).get('/api/complaints/summary?month=2026-06').expect(200);
    await as(chief).get('/api/complaints/summary').expect(403);
    const file = await as(office)
      .get('/api/complaints/summary/export?month=2026-06')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as ArrayBuffer);
    const detail = wb.getWorksheet('明细')!;
    const contents: unknown[] = [];
    detail.eachRow((row) => contents.push(row.getCell(9).value));
    expect(contents).toContain(`'=HYPERLINK("x")`);
    expect(contents.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });

  it('问题清单: problem → task → section → deadline → solved; solved per section per month vs the 1–2 target', async () => {
    const hotline = await as(office).get('/api/complaints?source=12319').expect(200);
    const p = await as(office).post('/api/problems', { title: '人民路占道经营反复', task: '早晚高峰增派巡查，设置疏导点', sectionId: 'zf1', deadline: '2026-06-30', complaintIds: [hotline.body[0].id] }).expect(201);
    expect(p.body).toMatchObject({ status: 'open', sectionName: '执法一处', overdue: false });
    expect((await as(office).post('/api/problems', { title: '问题', task: '任务', sectionId: 'zf1', deadline: '2026-06-30', complaintIds: ['nope'] }).expect(400)).body.field).toBe('complaintIds');
    await as(await t.login(DEMO.chiefJdk)).post(`/api/problems/${p.body.id}/solve`, { solution: '已解决' }).expect(403);
    const solved = await as(chief).post(`/api/problems/${p.body.id}/solve`, { solution: '设置疏导点两处，占道明显减少' }).expect(200);
    expect(solved.body).toMatchObject({ status: 'solved', solvedOn: '2026-06-10' });
    await as(chief).post(`/api/problems/${p.body.id}/solve`, { solution: '再次' }).expect(409);
    expect((await as(staff).get('/api/problems').expect(200)).body).toHaveLength(1);
    const stats = await as(office).get('/api/problems/stats?month=2026-06').expect(200);
    expect(stats.body.target).toEqual({ min: 1, max: 2 });
    expect(stats.body.sections.find((s: { sectionId: string }) => s.sectionId === 'zf1')).toMatchObject({ solved: 1, met: true });
  });
});

describe('complaint abuse protection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ COMPLAINT_RATE_LIMIT: '3', COMPLAINT_DAILY_LIMIT: '1' });
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());

  it('limits intake per citizen per day and per address per minute', async () => {
    const token = (await http().post('/api/auth/citizen').send({ deviceId: 'complaint-device-limit' }).expect(200)).body.token;
    await http().post('/api/complaints').set('Authorization', `Bearer ${token}`).send({ category: 'other', content: '第一件投诉内容' }).expect(201);
    const again = await http().post('/api/complaints').set('Authorization', `Bearer ${token}`).send({ category: 'other', content: '第二件投诉内容' }).expect(429);
    expect(again.body.code).toBe('RATE_LIMITED');
    await http().get('/api/complaints/track/ABCDEFGHJKMN').expect(404);
    const res = await http().get('/api/complaints/track/ABCDEFGHJKMN').expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

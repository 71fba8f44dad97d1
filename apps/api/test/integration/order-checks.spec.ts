import request from 'supertest';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/**
 * 卫生秩序定期检查考评 (seed 000 五.(十二)): the office opens a round, scores each 机关 section on the sheet
 * (seeds/order-checks/score-sheet.json) with deductions, notes and photos, files the round; the ranking is published;
 * sections see their own results (chiefs their rank); a change after filing needs a reason and is kept.
 * 2023: the demo's rounds (relative to the real date) never fall in it.
 */
describe('卫生秩序 checks', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2023-05-20T02:00:00Z'));
  const tokens: Record<string, string> = {};
  const as = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    const http = () => request(t.app.getHttpServer());
    return {
      get: (url: string) => auth(http().get(url)),
      put: (url: string, body: object) => auth(http().put(url)).send(body),
      post: (url: string, body: object) => auth(http().post(url)).send(body),
    };
  };
  const upload = async (who: string) => (await request(t.app.getHttpServer()).post('/api/files').set('Authorization', `Bearer ${tokens[who]}`).attach('file', PNG_1X1, 'p.png').expect(201)).body.id as string;
  const JIGUAN = ['bgs', 'fgc', 'zf1', 'zf2', 'zhdd', 'zzc', 'dzz', 'jcs'];
  let roundId = '';
  let photo = '';
  const sheetUrl = (section: string, round = roundId) => `/api/order-checks/rounds/${round}/sheets/${section}`;
  const off = (itemId: string, points: number, note = '检查发现的问题') => ({ itemId, points, note });

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, chief: DEMO.chiefZf1, office: DEMO.office, leader: DEMO.leader, chiefJdk: DEMO.chiefJdk })) {
      tokens[k] = await t.login(id);
    }
  });
  afterAll(() => t.close());

  it('successful-record: the office opens a round over the 机关 sections and scores them with deductions, notes and a photo', async () => {
    const sheet = await as('staff').get('/api/order-checks/sheet').expect(200);
    expect(sheet.body).toMatchObject({ max: 100, title: '机关处（室）卫生秩序检查评分表' });
    expect(sheet.body.items.map((i: { id: string }) => i.id)).toEqual(['desk', 'arrangement', 'corners', 'appearance', 'discipline']);

    const created = await as('office').post('/api/order-checks/rounds', { kind: 'regular', date: '2023-05-18', inspectors: '局办公室 检查组', notes: '五月定期检查' }).expect(201);
    expect(created.body).toMatchObject({ year: 2023, round: 1, status: 'open', sectionCount: 8, scoredCount: 0, average: null, top: null });
    expect(created.body.missing.map((s: { id: string }) => s.id)).toEqual(JIGUAN);
    roundId = created.body.id;

    photo = await upload('office');
    const zf1 = await as('office')
      .put(sheetUrl('zf1'), { deductions: [off('discipline', 5, '一人上班时间浏览购物网站'), off('desk', 3, '桌面文件堆放杂乱')], notes: '已当场要求整改', fileIds: [photo] })
      .expect(200);
    expect(zf1.body).toMatchObject({ sectionName: '执法一处', scored: true, total: 92, max: 100, notes: '已当场要求整改', recordedByName: '方学军', rank: 1 });
    // deductions are kept in the sheet's item order, with the item's label
    expect(zf1.body.deductions).toEqual([
      { itemId: 'desk', points: 3, note: '桌面文件堆放杂乱', label: '办公桌面整洁', max: 20 },
      { itemId: 'discipline', points: 5, note: '一人上班时间浏览购物网站', label: '工作纪律', max: 25 },
    ]);
    expect(zf1.body.files).toEqual([expect.objectContaining({ id: photo, mime: 'image/png' })]);

    const others: Record<string, object[]> = {
      bgs: [],
      fgc: [off('corners', 5)],
      zf2: [off('arrangement', 4.5), off('appearance', 3.5)],
      zhdd: [off('corners', 12)],
      zzc: [off('desk', 3)],
      dzz: [off('discipline', 10)],
    };
    for (const [section, deductions] of Object.entries(others)) await as('office').put(sheetUrl(section), { deductions }).expect(200);

    const round = await as('leader').get(`/api/order-checks/rounds/${roundId}`).expect(200);
    expect(round.body.ranking.map((r: { sectionId: string; rank: number; total: number }) => `${r.sectionId}:${r.rank}:${r.total}`)).toEqual([
      'bgs:1:100',
      'zzc:2:97',
      'fgc:3:95',
      'zf1:4:92',
      'zf2:4:92',
      'dzz:6:90',
      'zhdd:7:88',
    ]);
    expect(round.body).toMatchObject({ scoredCount: 7, missing: [{ id: 'jcs', name: '监察室' }], top: { sectionId: 'bgs', total: 100 } });
    const list = await as('office').get('/api/order-checks/rounds?year=2023').expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: roundId, status: 'open', scoredCount: 7 })]);

    // not published yet: the section sees nothing of an open round
    expect((await as('chief').get('/api/order-checks/mine?year=2023').expect(200)).body.sheets).toEqual([]);
    await as('chief').get(sheetUrl('zf1')).expect(403);
  });

  it('failing-record: unknown items, too many points, repeats, halves, missing notes, foreign photos, other roles — 4xx naming the field, nothing written', async () => {
    const staffPhoto = await upload('staff');
    const before = await tableCounts(t.ds);
    const bad = async (body: object, status: number, field: string, url = sheetUrl('jcs')) => {
      const res = await as('office').put(url, body).expect(status);
      expect(res.body.field).toBe(field);
      return res.body;
    };
    expect((await bad({ deductions: [off('ceiling', 2)] }, 400, 'deductions.0.itemId')).message).toContain('办公桌面整洁');
    expect((await bad({ deductions: [off('appearance', 16)] }, 400, 'deductions.0.points')).message).toContain('满分 15 分');
    await bad({ deductions: [off('desk', 2), off('desk', 1)] }, 400, 'deductions.1.itemId');
    await bad({ deductions: [off('desk', 1.3)] }, 400, 'deductions.0.points');
    await bad({ deductions: [{ itemId: 'desk', points: 2 }] }, 400, 'deductions.0.note');
    await bad({ deductions: [off('desk', 0)] }, 400, 'deductions.0.points');
    await bad({ deductions: [], fileIds: [staffPhoto] }, 400, 'fileIds');
    await bad({ deductions: [], fileIds: ['no-such-file'] }, 400, 'fileIds');
    await bad({ deductions: [] }, 404, 'sectionId', sheetUrl('jdk'));
    await bad({ deductions: [] }, 404, 'id', sheetUrl('jcs', 'no-such-round'));
    expect((await as('office').post('/api/order-checks/rounds', { kind: 'regular', date: '2023-05-21', inspectors: '局办公室' }).expect(400)).body.field).toBe('date');
    expect((await as('office').post('/api/order-checks/rounds', { kind: 'regular', date: '2023-05-18', inspectors: '局办公室', sectionIds: ['zf1', 'nope'] }).expect(400)).body.field).toBe('sectionIds');
    expect((await as('office').post('/api/order-checks/rounds', { kind: 'monthly', date: '2023-05-18', inspectors: '局办公室' }).expect(400)).body.field).toBe('kind');
    await as('chief').put(sheetUrl('zf1'), { deductions: [] }).expect(403);
    await as('leader').put(sheetUrl('zf1'), { deductions: [] }).expect(403);
    await as('staff').post('/api/order-checks/rounds', { kind: 'regular', date: '2023-05-18', inspectors: '局办公室' }).expect(403);
    await as('leader').post(`/api/order-checks/rounds/${roundId}/close`, {}).expect(403);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('failing-close: a round is filed only when every section is scored', async () => {
    const before = await tableCounts(t.ds);
    const res = await as('office').post(`/api/order-checks/rounds/${roundId}/close`, {}).expect(409);
    expect(res.body).toMatchObject({ code: 'ORDER_CHECK_INCOMPLETE', message: expect.stringContaining('监察室') });
    expect(await tableCounts(t.ds)).toEqual(before);

    await as('office').put(sheetUrl('jcs'), { deductions: [off('appearance', 1, '一人未佩戴工作牌')] }).expect(200);
    const closed = await as('office').post(`/api/order-checks/rounds/${roundId}/close`, {}).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', scoredCount: 8, missing: [], closedByName: '方学军' });
    expect((await as('office').post(`/api/order-checks/rounds/${roundId}/close`, {}).expect(409)).body.code).toBe('ORDER_CHECK_CLOSED');
  });

  it('scope: a section sees its own filed results; the chief also its rank; staff no rank; nobody else’s sheet', async () => {
    const chief = await as('chief').get('/api/order-checks/mine?year=2023').expect(200);
    expect(chief.body).toMatchObject({ sectionId: 'zf1', showsRank: true, average: 92, yearRank: 5, yearSections: 8 });
    expect(chief.body.sheets).toEqual([expect.objectContaining({ roundId, round: 1, total: 92, rank: 5, sectionCount: 8, kind: 'regular', date: '2023-05-18' })]);
    expect(chief.body.sheets[0].files).toEqual([expect.objectContaining({ id: photo })]);

    const staff = await as('staff').get('/api/order-checks/mine').expect(200);
    expect(staff.body).toMatchObject({ sectionId: 'zf1', showsRank: false, yearRank: null, average: 92 });
    expect(staff.body.sheets[0]).toMatchObject({ total: 92, rank: null });
    expect(staff.body.sheets[0].deductions.map((d: { label: string }) => d.label)).toEqual(['办公桌面整洁', '工作纪律']);
    await request(t.app.getHttpServer()).get(staff.body.sheets[0].files[0].previewUrl).expect(200);
    expect((await as('staff').get(sheetUrl('zf1')).expect(200)).body).toMatchObject({ total: 92, rank: null });
    expect((await as('chief').get(sheetUrl('zf1')).expect(200)).body).toMatchObject({ total: 92, rank: 5 });

    await as('chief').get(sheetUrl('zf2')).expect(403);
    await as('staff').get(sheetUrl('bgs')).expect(403);
    await as('chief').get(`/api/order-checks/rounds/${roundId}`).expect(403);
    await as('chief').get('/api/order-checks/ranking?year=2023').expect(403);
    await as('staff').get('/api/order-checks/rounds?year=2023').expect(403);
    // a section outside the round (a 五比五评 unit) has no results
    expect((await as('chiefJdk').get('/api/order-checks/mine?year=2023').expect(200)).body.sheets).toEqual([]);
    expect((await as('leader').get(sheetUrl('zf2')).expect(200)).body).toMatchObject({ total: 92, rank: 5 });
  });

  it('corrections after filing need a reason and are kept with the earlier total, and on the audit log', async () => {
    const before = await tableCounts(t.ds);
    const fix = { deductions: [off('desk', 3, '桌面文件堆放杂乱'), off('discipline', 2, '一人上班时间浏览购物网站（复核后按情节减轻）')], notes: '已当场要求整改', fileIds: [photo] };
    const noReason = await as('office').put(sheetUrl('zf1'), fix).expect(409);
    expect(noReason.body).toMatchObject({ code: 'ORDER_CHECK_CLOSED', field: 'reason' });
    const same = await as('office')
      .put(sheetUrl('zf1'), { deductions: [off('desk', 3, '桌面文件堆放杂乱'), off('discipline', 5, '一人上班时间浏览购物网站')], notes: '已当场要求整改', fileIds: [photo], reason: '复核后维持原评分' })
      .expect(400);
    expect(same.body.field).toBe('deductions');
    expect(await tableCounts(t.ds)).toEqual(before);

    const fixed = await as('office').put(sheetUrl('zf1'), { ...fix, reason: '复核录像，该同志当时在查询政策文件，按情节减轻' }).expect(200);
    expect(fixed.body).toMatchObject({ total: 95, rank: 4 });
    expect(fixed.body.corrections).toEqual([expect.objectContaining({ beforeTotal: 92, afterTotal: 95, byName: '方学军', reason: '复核录像，该同志当时在查询政策文件，按情节减轻' })]);

    const mine = await as('staff').get('/api/order-checks/mine?year=2023').expect(200);
    expect(mine.body.sheets[0]).toMatchObject({ total: 95, corrections: [expect.objectContaining({ beforeTotal: 92, afterTotal: 95 })] });

    const audit = await as('office').get('/api/audit?entity=order_check_sheets').expect(200);
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const items = audit.body.items as { action: string; before: unknown; after: unknown }[];
    const update = items.find((i) => i.action === 'update' && text(i.before).includes('"total":92') && text(i.after).includes('"total":95'));
    expect(update).toBeDefined();
  });

  it('the year ranking averages the filed rounds; an open round does not count', async () => {
    const second = await as('office').post('/api/order-checks/rounds', { kind: 'adhoc', date: '2023-05-19', inspectors: '局办公室、监察室', sectionIds: ['zf2', 'zf1'] }).expect(201);
    expect(second.body).toMatchObject({ round: 2, sectionCount: 2 });
    expect(second.body.missing.map((s: { id: string }) => s.id)).toEqual(['zf1', 'zf2']);
    await as('office').put(sheetUrl('zf1', second.body.id), { deductions: [off('corners', 15)] }).expect(200);
    await as('office').put(sheetUrl('zf2', second.body.id), { deductions: [] }).expect(200);
    const third = await as('office').post('/api/order-checks/rounds', { kind: 'adhoc', date: '2023-05-20', inspectors: '局办公室', sectionIds: ['zf1'] }).expect(201);
    await as('office').put(sheetUrl('zf1', third.body.id), { deductions: [off('corners', 20)] }).expect(200);

    let year = await as('leader').get('/api/order-checks/ranking?year=2023').expect(200);
    expect(year.body.rounds.map((r: { round: number }) => r.round)).toEqual([1]);
    await as('office').post(`/api/order-checks/rounds/${second.body.id}/close`, {}).expect(200);
    year = await as('office').get('/api/order-checks/ranking?year=2023').expect(200);
    expect(year.body.rounds.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    const row = (id: string) => year.body.rows.find((r: { sectionId: string }) => r.sectionId === id);
    expect(row('zf2')).toMatchObject({ average: 96, rounds: 2 });
    expect(row('zf1')).toMatchObject({ average: 90, rounds: 2, totals: { [roundId]: 95, [second.body.id]: 85 } });
    expect(row('bgs')).toMatchObject({ rank: 1, average: 100, rounds: 1 });
    expect(row('zf2').rank).toBe(4);

    const chief = await as('chief').get('/api/order-checks/mine?year=2023').expect(200);
    expect(chief.body.sheets.map((s: { round: number; total: number; rank: number }) => [s.round, s.total, s.rank])).toEqual([
      [2, 85, 2],
      [1, 95, 4],
    ]);
    expect(chief.body).toMatchObject({ average: 90, yearRank: row('zf1').rank });
  });
});

import request from 'supertest';
import { LedgerFactsService } from '../../src/ledgers/ledger-facts.service.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** 下基层调研 (seed 000 五.十一, NB-10/NB-11). */
describe('research ledger', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2025-11-02T02:00:00Z'));
  const tokens: Record<string, string> = {};
  const call = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    const http = () => request(t.app.getHttpServer());
    return { get: (url: string) => auth(http().get(url)), post: (url: string, body: object) => auth(http().post(url)).send(body) };
  };

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, chief: DEMO.chiefZf1, office: DEMO.office, chiefJdk: DEMO.chiefJdk })) tokens[k] = await t.login(id);
  });
  afterAll(() => t.close());

  it('logs days per person with place and purpose; progress against 30 for the section', async () => {
    await call('staff').post('/api/research/days', { date: '2025-04-08', days: 3, place: '高新区分局', purpose: '了解违建查处难点' }).expect(201);
    const res = await call('chief').post('/api/research/days', { date: '2025-10-20', days: 5, place: '城东执法大队', purpose: '夜市管理联系点调研' }).expect(201);
    expect(res.body).toMatchObject({ sectionId: 'zf1', personName: '向宏伟', days: 5 });
    const overview = await call('staff').get('/api/research').expect(200);
    expect(overview.body.pace).toMatchObject({ count: 8, target: 30, behind: true, message: '8/30，进度落后' });
    expect(overview.body.logs).toHaveLength(2);
    await call('chiefJdk').get('/api/research?sectionId=zf1').expect(403);
  });

  it('takes a report as text (or uploaded files); refuses one with neither, writing nothing', async () => {
    const before = await tableCounts(t.ds);
    const empty = await call('chief').post('/api/research/reports', { title: '夜市管理调研报告' }).expect(400);
    expect(empty.body.field).toBe('body');
    const notMine = await call('chief').post('/api/research/reports', { title: '夜市管理调研报告', fileIds: ['nope'] }).expect(400);
    expect(notMine.body.field).toBe('fileIds');
    const future = await call('chief').post('/api/research/reports', { title: '夜市管理调研报告', body: '正文', date: '2025-12-01' }).expect(400);
    expect(future.body.field).toBe('date');
    expect(await tableCounts(t.ds)).toEqual(before);
    const ok = await call('chief').post('/api/research/reports', { title: '关于城东夜市规范管理的调研报告', body: '一、基本情况……二、存在问题……三、对策建议……' }).expect(201);
    expect(ok.body).toMatchObject({ sectionId: 'zf1', date: '2025-11-02' });
    expect((await call('office').get('/api/research?sectionId=zf1').expect(200)).body.reports).toHaveLength(1);
  });

  it('becomes research and researchReports facts', async () => {
    const facts = await t.app.get(LedgerFactsService).facts(2025);
    expect(facts.research).toEqual([
      { personId: DEMO.staffZf1, sectionId: 'zf1', date: '2025-04-08', days: 3 },
      { personId: DEMO.chiefZf1, sectionId: 'zf1', date: '2025-10-20', days: 5 },
    ]);
    expect(facts.researchReports).toEqual([{ personId: DEMO.chiefZf1, date: '2025-11-02' }]);
  });
});

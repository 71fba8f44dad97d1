import request from 'supertest';
import { LedgerFactsService } from '../../src/ledgers/ledger-facts.service.js';
import { DEMO, FixedClock, startTestApp, type TestApp } from '../support/test-app.js';

/** 支部活动 (seed 000 五.五, DE-1, NP-4/5) and party-dues follow-up (NP-6). */
describe('branch activities', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2025-10-08T02:00:00Z'));
  const tokens: Record<string, string> = {};
  const call = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    const http = () => request(t.app.getHttpServer());
    return {
      get: (url: string) => auth(http().get(url)),
      post: (url: string, body: object) => auth(http().post(url)).send(body),
      patch: (url: string, body: object) => auth(http().patch(url)).send(body),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    // p016 杨玉兰 is a branch secretary; p017 is not
    for (const [k, id] of Object.entries({ secretary: DEMO.staffZf1, member: 'p017', stranger: 'p021', chief: DEMO.chiefZf1, office: DEMO.office })) tokens[k] = await t.login(id);
  });
  afterAll(() => t.close());

  it('the secretary records activities with attendance; the record-book entry may follow', async () => {
    const a = await call('secretary').post('/api/meetings', { kind: 'branch', date: '2025-03-05', title: '主题党日', minutes: '学习党章第二章，讨论发言6人', attendance: [{ personId: 'p017', status: 'absent' }, { personId: 'p018', status: 'late' }, { personId: 'p019', status: 'present' }] }).expect(201);
    expect(a.body).toMatchObject({ secretaryId: DEMO.staffZf1, recorded: true });
    const b = await call('secretary').post('/api/meetings', { kind: 'branch', date: '2025-06-05', title: '组织生活会', attendance: [{ personId: 'p017', status: 'present' }, { personId: 'p018', status: 'absent', leave: true }] }).expect(201);
    expect(b.body.recorded).toBe(false);
    const facts = await t.app.get(LedgerFactsService).facts(2025);
    expect(facts.branchActivities).toEqual([
      { secretaryId: DEMO.staffZf1, date: '2025-03-05', recorded: true },
      { secretaryId: DEMO.staffZf1, date: '2025-06-05', recorded: false },
    ]);
    const fixed = await call('secretary').patch(`/api/meetings/${b.body.id}`, { minutes: '开展批评与自我批评，查摆问题3条' }).expect(200);
    expect(fixed.body.recorded).toBe(true);
    expect((await t.app.get(LedgerFactsService).facts(2025)).branchActivities.every((x) => x.recorded)).toBe(true);
    expect(facts.events.map((e) => [e.rule, e.personId, e.variant]).sort()).toEqual([
      ['DE-1', 'p017', 'absent'],
      ['DE-1', 'p018', 'late'],
    ]);
  });

  it('counts against 12 a year (NP-4), behind pace in October', async () => {
    const res = await call('secretary').get('/api/meetings?kind=branch').expect(200);
    expect(res.body.pace).toMatchObject({ count: 2, target: 12, behind: true, message: '2/12，进度落后' });
  });

  it('only the secretary (or the office) records; members see the activities they were on', async () => {
    await call('member').post('/api/meetings', { kind: 'branch', date: '2025-03-05', attendance: [] }).expect(403);
    await call('chief').post('/api/meetings', { kind: 'branch', secretaryId: DEMO.staffZf1, date: '2025-03-05', attendance: [] }).expect(403);
    const mine = await call('member').get('/api/meetings?kind=branch').expect(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.pace).toBeNull();
    const id = mine.body.items[0].id;
    await call('member').patch(`/api/meetings/${id}`, { minutes: '篡改' }).expect(403);
    await call('stranger').get(`/api/meetings/${id}`).expect(403);
    await call('member').get(`/api/meetings?kind=branch&secretaryId=${DEMO.staffZf1}`).expect(403);
    const office = await call('office').get(`/api/meetings?kind=branch&secretaryId=${DEMO.staffZf1}`).expect(200);
    expect(office.body.pace.count).toBe(2);
  });

  it('records party-dues follow-up as NP-6 evidence', async () => {
    const res = await call('secretary').post('/api/branch/dues', { memberId: 'p019', monthsUnpaid: 7, chasedOn: '2025-09-30', note: '电话督促，承诺10月补缴' }).expect(201);
    expect(res.body).toMatchObject({ secretaryId: DEMO.staffZf1, memberName: '韩永刚', monthsUnpaid: 7, settled: false });
    await call('member').post('/api/branch/dues', { memberId: 'p019', monthsUnpaid: 7, chasedOn: '2025-09-30', note: '督促' }).expect(403);
    expect((await call('secretary').get('/api/branch/dues').expect(200)).body).toHaveLength(1);
    expect((await call('member').get('/api/branch/dues').expect(200)).body).toHaveLength(0);
    expect((await call('office').get('/api/branch/dues?year=2025').expect(200)).body).toHaveLength(1);
    await call('office').post('/api/meetings/spot-checks', { kind: 'branch', targetId: DEMO.staffZf1, year: 2025, quarter: 1, findings: '记录本完整' }).expect(201);
  });
});

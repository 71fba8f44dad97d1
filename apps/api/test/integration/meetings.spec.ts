import request from 'supertest';
import { LedgerFactsService } from '../../src/ledgers/ledger-facts.service.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** 处务会 ledger (seed 000 五.四, DE-2, NB-7), 全局干部职工大会 (DE-3) and 集体活动 (DE-4). */
describe('meetings ledger', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2025-09-15T02:00:00Z'));
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
  const everyonePresent = ['p015', 'p016', 'p017', 'p018', 'p019', 'p020'].map((personId) => ({ personId, status: 'present' }));

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, chief: DEMO.chiefZf1, deputy: 'p068', office: DEMO.office, leader: DEMO.leader, chiefJdk: DEMO.chiefJdk })) {
      tokens[k] = await t.login(id);
    }
  });
  afterAll(() => t.close());

  it('successful-record: the chief records a 处务会 with absent and late, with and without leave', async () => {
    const attendance = [
      ...everyonePresent.filter((a) => !['p017', 'p018', 'p019'].includes(a.personId)),
      { personId: 'p017', status: 'absent' },
      { personId: 'p018', status: 'late' },
      { personId: 'p019', status: 'absent', leave: true, note: '病假' },
    ];
    const res = await call('chief').post('/api/meetings', { kind: 'section', date: '2025-09-07', minutes: '传达局领导关于夜市整治的指示；总结上周巡查；布置本周任务', attendance }).expect(201);
    expect(res.body).toMatchObject({ kind: 'section', sectionId: 'zf1', title: '处务会', recorded: true });
    expect(res.body.attendance.find((a: { personId: string }) => a.personId === 'p019')).toMatchObject({ status: 'absent', leave: true, note: '病假' });
    // a deputy records too
    await call('deputy').post('/api/meetings', { kind: 'section', date: '2025-09-14', minutes: '研究布置中秋节前市容保障', attendance: everyonePresent }).expect(201);
  });

  it('failing-record: staff, other chiefs, outsiders on the list, duplicates, future dates — nothing written', async () => {
    const before = await tableCounts(t.ds);
    await call('staff').post('/api/meetings', { kind: 'section', date: '2025-09-07', attendance: everyonePresent }).expect(403);
    await call('chiefJdk').post('/api/meetings', { kind: 'section', sectionId: 'zf1', date: '2025-09-07', attendance: everyonePresent }).expect(403);
    await call('chief').post('/api/meetings', { kind: 'bureau', date: '2025-09-07', attendance: [] }).expect(403);
    const outsider = await call('chief').post('/api/meetings', { kind: 'section', date: '2025-09-07', attendance: [...everyonePresent, { personId: 'p021', status: 'present' }] }).expect(400);
    expect(outsider.body.field).toBe('attendance');
    const dup = await call('chief').post('/api/meetings', { kind: 'section', date: '2025-09-07', attendance: [...everyonePresent, { personId: 'p016', status: 'late' }] }).expect(400);
    expect(dup.body.field).toBe('attendance');
    const future = await call('chief').post('/api/meetings', { kind: 'section', date: '2025-09-16', attendance: everyonePresent }).expect(400);
    expect(future.body.field).toBe('date');
    const bad = await call('chief').post('/api/meetings', { kind: 'section', date: '2025-09-07', attendance: [{ personId: 'p016', status: 'asleep' }] }).expect(400);
    expect(bad.body.field).toBe('attendance.0.status');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('counts against 24 a year with a pace warning from September', async () => {
    const res = await call('staff').get('/api/meetings?kind=section').expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.pace).toMatchObject({ year: 2025, count: 2, target: 24, expected: 16, behind: true, message: '2/24，进度落后' });
    await call('chiefJdk').get('/api/meetings?kind=section&sectionId=zf1').expect(403);
    const office = await call('office').get('/api/meetings?kind=section&sectionId=zf1&year=2025').expect(200);
    expect(office.body.pace.count).toBe(2);
    const lastYear = await call('office').get('/api/meetings?kind=section&sectionId=zf1&year=2024').expect(200);
    expect(lastYear.body.pace).toMatchObject({ count: 0, behind: true, message: '0/24，全年未达标' });
  });

  it('the office records 全局大会 and 集体活动 attendance; everyone can read them', async () => {
    await call('office').post('/api/meetings', { kind: 'bureau', date: '2025-09-01', title: '全局干部职工大会', attendance: [{ personId: 'p016', status: 'late' }, { personId: 'p017', status: 'absent' }, { personId: 'p018', status: 'present' }] }).expect(201);
    await call('office').post('/api/meetings', { kind: 'collective', date: '2025-09-05', title: '义务植树', attendance: [{ personId: 'p016', status: 'late' }, { personId: 'p020', status: 'absent' }, { personId: 'p017', status: 'absent', leave: true }] }).expect(201);
    const list = await call('staff').get('/api/meetings?kind=collective').expect(200);
    expect(list.body.items[0]).toMatchObject({ title: '义务植树' });
    await call('staff').get(`/api/meetings/${list.body.items[0].id}`).expect(200);
  });

  it('the office spot-checks the 处务会 record each quarter', async () => {
    const res = await call('office').post('/api/meetings/spot-checks', { kind: 'section', targetId: 'zf1', year: 2025, quarter: 3, findings: '记录完整，出勤登记清楚' }).expect(201);
    expect(res.body).toMatchObject({ targetName: '执法一处', recordsFound: 2 });
    await call('office').post('/api/meetings/spot-checks', { kind: 'section', targetId: 'zf1', year: 2025, quarter: 3, findings: '重复' }).expect(409);
    expect((await call('leader').get('/api/meetings/spot-checks?year=2025').expect(200)).body).toHaveLength(1);
  });

  it('becomes scoring facts: meetings, and DE-2/DE-3/DE-4 events for absence and lateness without leave', async () => {
    const facts = await t.app.get(LedgerFactsService).facts(2025);
    expect(facts.meetings).toEqual([
      { sectionId: 'zf1', date: '2025-09-07' },
      { sectionId: 'zf1', date: '2025-09-14' },
    ]);
    const events = facts.events.map((e) => [e.rule, e.personId, e.date, e.variant]).sort();
    expect(events).toEqual(
      [
        ['DE-2', 'p017', '2025-09-07', 'absent'],
        ['DE-2', 'p018', '2025-09-07', 'late'],
        ['DE-3', 'p016', '2025-09-01', 'late'],
        ['DE-3', 'p017', '2025-09-01', 'absent'],
        ['DE-4', 'p020', '2025-09-05', 'absent'],
      ].sort(),
    );
    expect(new Set(facts.events.map((e) => e.id)).size).toBe(facts.events.length);
    const api = await call('office').get('/api/ledgers/facts?year=2025').expect(200);
    expect(api.body.events).toHaveLength(5);
    expect((await call('office').get('/api/ledgers/facts?year=2024').expect(200)).body.meetings).toEqual([]);
  });
});

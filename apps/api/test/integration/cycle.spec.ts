import request from 'supertest';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/**
 * The three-year 五比五评 cycle (seed 002 二): the office plans which listed sections take part in which year; a plan
 * that leaves a listed section out is refused with its name; the plan decides who is scored under wubi in its years.
 * Demo plan (seedDemoCycle): 2024 jdk/csglk/zfzd, 2025 zhzx/ylc/hwc/gyc, 2026 all seven. Today: 2025-06-15.
 */
describe('五比五评 three-year cycle', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2025-06-15T02:00:00Z'));
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
  const DEMO_2024 = ['jdk', 'csglk', 'zfzd'];
  const DEMO_2025 = ['zhzx', 'ylc', 'hwc', 'gyc'];
  const ALL = ['jdk', 'csglk', 'zfzd', 'zhzx', 'ylc', 'hwc', 'gyc'];
  const plan = (y2024: string[], y2025: string[], y2026: string[]) => ({
    startYear: 2024,
    years: [
      { year: 2024, sectionIds: y2024 },
      { year: 2025, sectionIds: y2025 },
      { year: 2026, sectionIds: y2026 },
    ],
  });
  const wubiHeads = async (year: number) => {
    const res = await as('office').get(`/api/scores?scheme=wubi&year=${year}`).expect(200);
    return (res.body.rows as { personId: string }[]).map((r) => r.personId).sort();
  };

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, chief: DEMO.chiefZf1, office: DEMO.office, leader: DEMO.leader, chiefJdk: DEMO.chiefJdk })) {
      tokens[k] = await t.login(id);
    }
  });
  afterAll(() => t.close());

  it('shows the cycle covering this year: the year-by-section grid, coverage and the ended year locked', async () => {
    const res = await as('office').get('/api/wubi-cycles/plan').expect(200);
    expect(res.body).toMatchObject({ startYear: 2024, endYear: 2026, years: [2024, 2025, 2026], currentYear: 2025, saved: true, complete: true, uncovered: [], overlaps: null });
    expect(res.body.plan.map((y: { year: number; sectionIds: string[]; locked: boolean }) => [y.year, y.sectionIds, y.locked])).toEqual([
      [2024, DEMO_2024, true],
      [2025, DEMO_2025, false],
      [2026, ALL, false],
    ]);
    expect(res.body.plan[0].lockReason).toMatch(/2024 年已结束/);
    expect(res.body.sections).toHaveLength(7);
    expect(res.body.sections.find((s: { id: string }) => s.id === 'ylc')).toMatchObject({ name: '市园林绿化管理处', years: [2025, 2026], covered: true });
    // leaders read it; chiefs (including a 五比五评 head) and staff do not
    await as('leader').get('/api/wubi-cycles/plan?startYear=2024').expect(200);
    await as('chiefJdk').get('/api/wubi-cycles/plan').expect(403);
    await as('staff').get('/api/wubi-cycles/plan').expect(403);
    const list = await as('leader').get('/api/wubi-cycles').expect(200);
    expect(list.body).toEqual([expect.objectContaining({ startYear: 2024, endYear: 2026, complete: true, years: [{ year: 2024, sectionCount: 3 }, { year: 2025, sectionCount: 4 }, { year: 2026, sectionCount: 7 }] })]);
    // an unplanned cycle shows every listed section as not yet covered
    const next = await as('office').get('/api/wubi-cycles/plan?startYear=2027').expect(200);
    expect(next.body).toMatchObject({ saved: false, complete: false });
    expect(next.body.uncovered).toHaveLength(7);
  });

  it('failing-save: a plan that leaves a listed section out of all three years is refused naming it; nothing is written', async () => {
    const before = await tableCounts(t.ds);
    const res = await as('office').put('/api/wubi-cycles/plan', plan(DEMO_2024, ['zhzx', 'hwc', 'gyc'], ['jdk', 'zhzx'])).expect(422);
    expect(res.body).toMatchObject({ code: 'WUBI_CYCLE_UNCOVERED', field: 'years' });
    expect(res.body.message).toContain('市园林绿化管理处');
    expect(res.body.message).not.toContain('城管监督科');
    const two = await as('office').put('/api/wubi-cycles/plan', plan(DEMO_2024, ['zhzx', 'hwc'], ['jdk'])).expect(422);
    expect(two.body.message).toMatch(/市园林绿化管理处.*市公用事业和市政管理处/);
    expect(await tableCounts(t.ds)).toEqual(before);
    const after = await as('office').get('/api/wubi-cycles/plan?startYear=2024').expect(200);
    expect(after.body.plan[1].sectionIds).toEqual(DEMO_2025);
  });

  it('failing-save: unknown or unlisted sections, years outside the cycle, duplicates, empty or missing years, an ended year, overlaps — 4xx naming the field, nothing written', async () => {
    const before = await tableCounts(t.ds);
    const put = (body: object, status: number) => as('office').put('/api/wubi-cycles/plan', body).expect(status);
    expect((await put(plan(DEMO_2024, [...DEMO_2025, 'no-such'], ALL), 400)).body).toMatchObject({ field: 'years.1.sectionIds', message: expect.stringContaining('no-such') });
    expect((await put(plan(DEMO_2024, [...DEMO_2025, 'zf1'], ALL), 400)).body).toMatchObject({ field: 'years.1.sectionIds', message: expect.stringContaining('执法一处') });
    expect((await put(plan(DEMO_2024, [...DEMO_2025, 'ylc'], ALL), 400)).body).toMatchObject({ field: 'years.1.sectionIds', message: expect.stringContaining('重复') });
    expect((await put(plan(DEMO_2024, [], ALL), 400)).body).toMatchObject({ field: 'years.1.sectionIds' });
    const outside = { startYear: 2024, years: [...plan(DEMO_2024, DEMO_2025, ALL).years, { year: 2027, sectionIds: ['jdk'] }] };
    expect((await put(outside, 400)).body).toMatchObject({ field: 'years.3.year', message: expect.stringContaining('2024–2026') });
    const dupYear = { startYear: 2024, years: [{ year: 2024, sectionIds: DEMO_2024 }, { year: 2024, sectionIds: DEMO_2024 }] };
    expect((await put(dupYear, 400)).body).toMatchObject({ field: 'years.1.year' });
    const missing = { startYear: 2024, years: [{ year: 2024, sectionIds: DEMO_2024 }, { year: 2025, sectionIds: ALL }] };
    expect((await put(missing, 400)).body).toMatchObject({ field: 'years', message: expect.stringContaining('2026') });
    const ended = await put(plan([...DEMO_2024, 'ylc'], DEMO_2025, ALL), 409);
    expect(ended.body).toMatchObject({ code: 'WUBI_CYCLE_LOCKED', field: 'years.0.sectionIds' });
    const overlap = await put({ startYear: 2025, years: [{ year: 2025, sectionIds: ALL }, { year: 2026, sectionIds: ALL }, { year: 2027, sectionIds: ALL }] }, 409);
    expect(overlap.body).toMatchObject({ code: 'CONFLICT', field: 'startYear', message: expect.stringContaining('2024–2026') });
    expect((await put({ startYear: 2024, years: 'all' }, 400)).body.field).toBe('years');
    await as('leader').put('/api/wubi-cycles/plan', plan(DEMO_2024, DEMO_2025, ALL)).expect(403);
    await as('chiefJdk').put('/api/wubi-cycles/plan', plan(DEMO_2024, DEMO_2025, ALL)).expect(403);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('the plan decides who is scored under wubi: a section not planned for a year is not scored in it', async () => {
    // 2025 plans zhzx/ylc/hwc/gyc: the 城管监督科 head (p043) is not a 五比五评 subject this year
    expect(await wubiHeads(2025)).toEqual(['p055', 'p059', 'p062', 'p065']);
    const p043 = await as('office').get('/api/scores/people/p043?scheme=wubi&year=2025').expect(200);
    expect(p043.body.total).toBeNull();
    // 2023: no plan covers it → every listed section, as before cycles were planned
    expect(await wubiHeads(2023)).toEqual(['p043', 'p047', 'p051', 'p055', 'p059', 'p062', 'p065']);
    expect((await as('office').get('/api/wubi-cycles/participants?year=2023').expect(200)).body).toMatchObject({ source: 'default', startYear: null });
    expect((await as('leader').get('/api/wubi-cycles/participants?year=2025').expect(200)).body).toMatchObject({
      source: 'plan',
      startYear: 2024,
      sections: DEMO_2025.map((id) => expect.objectContaining({ id })),
    });
    // records for an unplanned head are refused too (they would not count)
    const before = await tableCounts(t.ds);
    const refused = await as('office').post('/api/inspections', { kind: 'daily', date: '2025-06-10', inspector: '督查组', scores: [{ personId: 'p043', score: 90 }] }).expect(400);
    expect(refused.body.message).toMatch(/城管监督科不在 2025 年“五比五评”参评名单中/);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('successful-save: adding a section to this year makes its head a subject; records then keep it in that year', async () => {
    const saved = await as('office').put('/api/wubi-cycles/plan', plan(DEMO_2024, ['jdk', ...DEMO_2025], ALL)).expect(200);
    expect(saved.body).toMatchObject({ saved: true, complete: true, updatedByName: '方学军' });
    expect(saved.body.plan[1].sectionIds).toEqual(['jdk', ...DEMO_2025]);
    expect(await wubiHeads(2025)).toEqual(['p043', 'p055', 'p059', 'p062', 'p065']);
    await as('office').post('/api/inspections', { kind: 'daily', date: '2025-06-10', inspector: '督查组', scores: [{ personId: 'p043', score: 90 }] }).expect(201);
    const score = await as('office').get('/api/scores/people/p043?scheme=wubi&year=2025').expect(200);
    expect(score.body.total).not.toBeNull();

    // 城管监督科 now has a 2025 inspection score: it cannot leave 2025
    const view = await as('office').get('/api/wubi-cycles/plan').expect(200);
    expect(view.body.plan[1]).toMatchObject({ keepSectionIds: ['jdk'], lockReason: expect.stringContaining('城管监督科') });
    const before = await tableCounts(t.ds);
    const res = await as('office').put('/api/wubi-cycles/plan', plan(DEMO_2024, DEMO_2025, ALL)).expect(409);
    expect(res.body).toMatchObject({ code: 'WUBI_CYCLE_LOCKED', field: 'years.1.sectionIds', message: expect.stringContaining('城管监督科') });
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('the next cycle is planned on its own; the save is on the audit log', async () => {
    const next = { startYear: 2027, years: [{ year: 2027, sectionIds: ['jdk', 'csglk'] }, { year: 2028, sectionIds: ['zfzd', 'zhzx', 'ylc'] }, { year: 2029, sectionIds: ['hwc', 'gyc'] }] };
    const res = await as('office').put('/api/wubi-cycles/plan', next).expect(200);
    expect(res.body).toMatchObject({ startYear: 2027, saved: true, complete: true });
    const list = await as('office').get('/api/wubi-cycles').expect(200);
    expect(list.body.map((c: { startYear: number }) => c.startYear)).toEqual([2027, 2024]);
    const audit = await as('office').get('/api/audit?entity=wubi_cycle_entries').expect(200);
    expect(JSON.stringify(audit.body)).toContain('2028');
  });
});

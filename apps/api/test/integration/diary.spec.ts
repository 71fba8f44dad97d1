import request from 'supertest';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** 工作日记 (seed 000 五.三): vague entries refused, versions, reminders, the chief's review, the office's spot check. */
describe('work diary', () => {
  let t: TestApp;
  // Wednesday 2025-09-10 (a past year: the demo ledgers are seeded in the current one), 10:00 in the bureau's zone
  const clock = new FixedClock(new Date('2025-09-10T02:00:00Z'));
  const tokens: Record<string, string> = {};
  const call = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    const http = () => request(t.app.getHttpServer());
    return {
      get: (url: string) => auth(http().get(url)),
      post: (url: string, body: object) => auth(http().post(url)).send(body),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, colleague: 'p017', chief: DEMO.chiefZf1, office: DEMO.office, leader: DEMO.leader, chiefJdk: DEMO.chiefJdk })) {
      tokens[k] = await t.login(id);
    }
  });
  afterAll(() => t.close());

  const VAGUE = ['处理公务', '办理文件', '处理日常事务', '上午处理公务，下午办理文件', '处理公务。。。。', '办公', '日常工作', '同上', '略', '今天继续处理相关工作等', '处理公务、办理文件等日常工作'];

  it('failing-save: refuses vague entries with what to write instead, and writes nothing', async () => {
    const before = await tableCounts(t.ds);
    for (const content of VAGUE) {
      const res = await call('staff').post('/api/diary/entries', { content }).expect(400);
      expect(res.body).toMatchObject({ code: 'DIARY_VAGUE', field: 'content' });
      expect(res.body.message).toContain('做了什么');
      expect(res.body.message).toContain('为谁');
      expect(res.body.message).toContain('结果如何');
    }
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('successful-save: a real entry is saved; same-day edits replace it, later edits are versioned', async () => {
    const first = await call('staff').post('/api/diary/entries', { content: '上午到城东农贸市场检查占道经营，整改3户；下午起草《关于规范户外广告的通知》初稿，报处长审核' }).expect(200);
    expect(first.body).toMatchObject({ date: '2025-09-10', version: 1, editable: true, personId: DEMO.staffZf1 });
    const edited = await call('staff').post('/api/diary/entries', { content: '上午到城东农贸市场检查占道经营，整改4户；下午起草户外广告通知初稿，报处长审核' }).expect(200);
    expect(edited.body).toMatchObject({ id: first.body.id, version: 1 });
    expect((await call('staff').get(`/api/diary/entries/${first.body.id}/versions`).expect(200)).body).toHaveLength(1);

    clock.current = new Date('2025-09-11T02:00:00Z');
    const later = await call('staff').post('/api/diary/entries', { date: '2025-09-10', content: '上午到城东农贸市场检查占道经营，整改4户（补记：含2户流动摊贩）；下午起草户外广告通知初稿' }).expect(200);
    expect(later.body).toMatchObject({ id: first.body.id, version: 2, editable: false });
    const versions = (await call('staff').get(`/api/diary/entries/${first.body.id}/versions`).expect(200)).body;
    expect(versions.map((v: { version: number; late: boolean }) => [v.version, v.late])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[1].content).toContain('整改4户；');
    clock.current = new Date('2025-09-10T02:00:00Z');
  });

  it('failing-save: refuses a future date, naming the field', async () => {
    const res = await call('staff').post('/api/diary/entries', { date: '2025-09-11', content: '到城西片区巡查渣土运输车辆，查处违规2起' }).expect(400);
    expect(res.body.field).toBe('date');
  });

  it('reminds of working days missed this month (Mon–Fri up to yesterday)', async () => {
    const res = await call('staff').get('/api/diary/reminders').expect(200);
    expect(res.body).toEqual({ today: '2025-09-10', todayWritten: true, missing: ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05', '2025-09-08', '2025-09-09'] });
    const other = await call('colleague').get('/api/diary/reminders').expect(200);
    expect(other.body.todayWritten).toBe(false);
  });

  it('staff read only their own diary; the chief reads the section', async () => {
    await call('colleague').get(`/api/diary/entries?personId=${DEMO.staffZf1}`).expect(403);
    await call('chiefJdk').get(`/api/diary/entries?personId=${DEMO.staffZf1}`).expect(403);
    const chief = await call('chief').get(`/api/diary/entries?personId=${DEMO.staffZf1}&month=2025-09`).expect(200);
    expect(chief.body.entries).toHaveLength(1);
    const leader = await call('leader').get(`/api/diary/entries?personId=${DEMO.staffZf1}`).expect(200);
    expect(leader.body.entries).toHaveLength(1);
  });

  it('successful-review: the chief sees completeness per person and marks a month reviewed with a comment', async () => {
    const before = await call('chief').get('/api/diary/completeness?month=2025-09').expect(200);
    const row = before.body.people.find((p: { personId: string }) => p.personId === DEMO.staffZf1);
    expect(row).toMatchObject({ workingDays: 8, written: 1, review: null });
    expect(row.missing).toHaveLength(7);
    expect(before.body.people.some((p: { personId: string }) => p.personId === DEMO.chiefZf1)).toBe(true);

    const review = await call('chief').post('/api/diary/reviews', { personId: DEMO.staffZf1, month: '2025-09', comment: '内容具体，注意补记9月1日至9日' }).expect(200);
    expect(review.body).toMatchObject({ reviewerId: DEMO.chiefZf1, reviewerName: '向宏伟', comment: '内容具体，注意补记9月1日至9日' });
    const after = await call('chief').get('/api/diary/completeness?month=2025-09').expect(200);
    expect(after.body.people.find((p: { personId: string }) => p.personId === DEMO.staffZf1).review.comment).toContain('补记');
    expect((await call('staff').get('/api/diary/entries').expect(200)).body.review).toMatchObject({ reviewerName: '向宏伟' });
  });

  it('failing-review: not outside the section, not one’s own, not by staff', async () => {
    await call('chiefJdk').post('/api/diary/reviews', { personId: DEMO.staffZf1, month: '2025-09' }).expect(403);
    await call('chief').post('/api/diary/reviews', { personId: DEMO.chiefZf1, month: '2025-09' }).expect(403);
    await call('staff').post('/api/diary/reviews', { personId: 'p017', month: '2025-09' }).expect(403);
    await call('chiefJdk').get('/api/diary/completeness?sectionId=zf1').expect(403);
    // the office reviews a chief's own diary
    await call('office').post('/api/diary/reviews', { personId: DEMO.chiefZf1, month: '2025-09', comment: '已阅' }).expect(200);
  });

  it('successful-spot-check: the office samples a section at random and records findings', async () => {
    const res = await call('office').post('/api/diary/spot-checks', { sectionId: 'zf1', month: '2025-09', sampleSize: 3 }).expect(201);
    expect(res.body.sample).toHaveLength(3);
    expect(new Set(res.body.sample.map((s: { personId: string }) => s.personId)).size).toBe(3);
    expect(res.body.findings).toBeNull();
    const dup = await call('office').post('/api/diary/spot-checks', { sectionId: 'zf1', month: '2025-09' }).expect(409);
    expect(dup.body.field).toBe('month');
    const done = await call('office').post(`/api/diary/spot-checks/${res.body.id}/findings`, { findings: '抽查3人，1人漏记5天，已通报处室' }).expect(200);
    expect(done.body).toMatchObject({ findings: '抽查3人，1人漏记5天，已通报处室', sectionName: '执法一处' });
    expect(done.body.recordedAt).not.toBeNull();
    const list = await call('leader').get('/api/diary/spot-checks?month=2025-09').expect(200);
    expect(list.body).toHaveLength(1);
    await call('chief').get('/api/diary/spot-checks').expect(403);
  });

  it('counts working days by the work calendar: 国庆 holidays are off, the 调休 Sunday 2025-09-28 is on', async () => {
    // Thursday 2025-10-09, the first working day after 国庆节、中秋节 (10-01…10-08): nothing missed yet this month
    clock.current = new Date('2025-10-09T02:00:00Z');
    try {
      const first = await call('colleague').get('/api/diary/reminders').expect(200);
      expect(first.body).toEqual({ today: '2025-10-09', todayWritten: false, missing: [] });

      // September: 22 weekdays plus the 调休 Sunday 09-28; the Saturday before is still a rest day
      const sep = await call('chief').get('/api/diary/completeness?month=2025-09').expect(200);
      const row = sep.body.people.find((p: { personId: string }) => p.personId === 'p017');
      expect(row.workingDays).toBe(23);
      expect(row.missing).toContain('2025-09-28');
      expect(row.missing).not.toContain('2025-09-27');

      // Monday 2025-10-13: 10-09, 10-10 and the 调休 Saturday 10-11 were due; no holiday is
      clock.current = new Date('2025-10-13T02:00:00Z');
      const later = await call('colleague').get('/api/diary/reminders').expect(200);
      expect(later.body.missing).toEqual(['2025-10-09', '2025-10-10', '2025-10-11']);
      const oct = await call('chief').get('/api/diary/completeness?month=2025-10').expect(200);
      const octRow = oct.body.people.find((p: { personId: string }) => p.personId === 'p017');
      expect(octRow).toMatchObject({ workingDays: 4, missing: ['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13'] });
    } finally {
      clock.current = new Date('2025-09-10T02:00:00Z');
    }
  });
});

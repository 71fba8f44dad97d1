import request from 'supertest';
import { Notice } from '../../src/notices/notice.entity.js';
import { SurveyResponse } from '../../src/surveys/survey.entities.js';
import { SurveysService } from '../../src/surveys/surveys.service.js';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/**
 * Review meetings (seed 000 五.(十)) and the chiefs' extra components (七.(一)). Mid-September 2025 in the bureau's
 * zone: 执法一处 (zf1) has chief p015 and deputy p068; p016 and p017 are its staff; p021 is chief of 执法二处.
 */
const clock = new FixedClock(new Date('2025-09-15T02:00:00Z'));
const DEPUTY_ZF1 = 'p068';
const LEADER2 = 'p002';
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('review meetings and the chiefs’ extras', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const http = () => request(t.app.getHttpServer());
  const as = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    return {
      get: (url: string) => auth(http().get(url)),
      post: (url: string, body: object = {}) => auth(http().post(url)).send(body),
      put: (url: string, body: object = {}) => auth(http().put(url)).send(body),
    };
  };
  const upload = async (who: string) => (await http().post('/api/files').set('Authorization', `Bearer ${tokens[who]}`).attach('file', PNG_1X1, 'p.png').expect(201)).body.id as string;

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    const people = { office: DEMO.office, leader: DEMO.leader, leader2: LEADER2, chief: DEMO.chiefZf1, deputy: DEPUTY_ZF1, staff: DEMO.staffZf1, colleague: 'p017', chiefZf2: 'p021', chiefJdk: DEMO.chiefJdk };
    for (const [k, id] of Object.entries(people)) tokens[k] = await t.login(id);
  });
  afterAll(() => t.close());

  // ── 月度总结会、局领导点评 ──────────────────────────────────────────────────────────────────────────────────

  it('successful-comment: leaders comment on a section each month; saving again replaces; the office records on a leader’s behalf', async () => {
    const meeting = await as('office').put('/api/reviews/monthly/meeting', { month: '2025-08', date: '2025-08-29', attendees: '王建国、赵志强、考评办、机关各处室负责人', summary: '8月工作小结：夜市整治、汛期保障' }).expect(200);
    expect(meeting.body).toMatchObject({ month: '2025-08', date: '2025-08-29', recordedByName: '方学军' });
    // correcting the meeting keeps one row
    await as('office').put('/api/reviews/monthly/meeting', { month: '2025-08', date: '2025-08-30', attendees: '王建国、赵志强、考评办', summary: '8月工作小结（修订）' }).expect(200);

    const first = await as('leader').put('/api/reviews/monthly/comments', { month: '2025-08', sectionId: 'zf1', level: 'good', comment: '夜市整治成效明显' }).expect(200);
    expect(first.body).toMatchObject({ leaderId: DEMO.leader, level: 'good', score: 95, onBehalf: false, sectionName: '执法一处' });
    const again = await as('leader').put('/api/reviews/monthly/comments', { month: '2025-08', sectionId: 'zf1', score: 88, comment: '夜市整治成效明显，台账需完善' }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, level: null, score: 88 });
    await as('leader2').put('/api/reviews/monthly/comments', { month: '2025-08', sectionId: 'zf1', level: 'average', comment: '协调配合有待加强' }).expect(200);
    const behalf = await as('office').put('/api/reviews/monthly/comments', { month: '2025-08', sectionId: 'zf2', leaderId: LEADER2, level: 'fair', comment: '（会上口头点评）执法规范' }).expect(200);
    expect(behalf.body).toMatchObject({ leaderId: LEADER2, recordedById: DEMO.office, recordedByName: '方学军', onBehalf: true, score: 85 });
    // the leader may later replace what the office recorded for them
    const own = await as('leader2').put('/api/reviews/monthly/comments', { month: '2025-08', sectionId: 'zf2', level: 'good', comment: '执法规范，群众满意' }).expect(200);
    expect(own.body).toMatchObject({ id: behalf.body.id, onBehalf: false, score: 95 });

    const office = await as('office').get('/api/reviews/monthly?month=2025-08').expect(200);
    expect(office.body.meeting).toMatchObject({ date: '2025-08-30', summary: '8月工作小结（修订）' });
    expect(office.body.comments).toHaveLength(3);
    expect(office.body.sections.find((s: { sectionId: string }) => s.sectionId === 'zf1')).toMatchObject({ mean: 79, comments: 2 });
    // only 机关 sections are listed
    expect(office.body.sections.map((s: { sectionId: string }) => s.sectionId)).not.toContain('jdk');
    const chief = await as('chief').get('/api/reviews/monthly?month=2025-08').expect(200);
    expect(chief.body.comments.map((c: { sectionId: string }) => c.sectionId)).toEqual(['zf1', 'zf1']);
    expect(chief.body.sections).toEqual([{ sectionId: 'zf1', sectionName: '执法一处', mean: 79, comments: 2 }]);
  });

  it('failing-comment: chiefs and staff cannot comment, a leader only as themself, bad values and sections — nothing written', async () => {
    const before = await tableCounts(t.ds);
    const body = { month: '2025-08', sectionId: 'zf1', level: 'good', comment: '很好' };
    await as('chief').put('/api/reviews/monthly/comments', body).expect(403);
    await as('staff').put('/api/reviews/monthly/comments', body).expect(403);
    await as('staff').get('/api/reviews/monthly?month=2025-08').expect(403);
    await as('chief').put('/api/reviews/monthly/meeting', { month: '2025-08', date: '2025-08-29', attendees: '全体', summary: '小结' }).expect(403);
    await as('leader').put('/api/reviews/monthly/comments', { ...body, leaderId: LEADER2 }).expect(403);
    const expectField = async (who: string, b: object, field: string, status = 400) => {
      const res = await as(who).put('/api/reviews/monthly/comments', b).expect(status);
      expect(res.body.field).toBe(field);
    };
    await expectField('office', body, 'leaderId');
    await expectField('office', { ...body, leaderId: DEMO.staffZf1 }, 'leaderId');
    // the office cannot overwrite a comment the leader entered themself
    await expectField('office', { ...body, leaderId: DEMO.leader }, 'leaderId', 409);
    await expectField('leader', { ...body, score: 90 }, 'score');
    await expectField('leader', { month: '2025-08', sectionId: 'zf1', comment: '很好' }, 'level');
    await expectField('leader', { ...body, sectionId: 'jdk' }, 'sectionId');
    await expectField('leader', { ...body, sectionId: 'nope' }, 'sectionId');
    await expectField('leader', { ...body, month: '2025-10' }, 'month');
    await expectField('leader', { ...body, level: 'excellent' }, 'level');
    await expectField('leader', { ...body, score: 101, level: undefined }, 'score');
    const meeting = await as('office').put('/api/reviews/monthly/meeting', { month: '2025-09', date: '2025-09-20', attendees: '全体', summary: '小结' }).expect(400);
    expect(meeting.body.field).toBe('date');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  // ── 季度监察考评会、整改任务 ──────────────────────────────────────────────────────────────────────────────────

  let taskOfStaff = '';
  let taskOfColleague = '';

  it('successful-review: the office records a quarterly review with scores and tasks; the owners are notified', async () => {
    const res = await as('office')
      .post('/api/reviews/quarterly', {
        year: 2025,
        quarter: 2,
        date: '2025-07-03',
        summary: '分析二季度工作，梳理问题，督促整改',
        sections: [
          { sectionId: 'zf1', problems: '执法台账不完整；夜市整治反弹', score: 80 },
          { sectionId: 'zf2', problems: '无', score: 75 },
        ],
        tasks: [
          { sectionId: 'zf1', title: '补齐二季度执法台账', ownerId: DEMO.staffZf1, deadline: '2025-08-31' },
          { sectionId: 'zf1', title: '夜市整治回头看', ownerId: 'p017', deadline: '2025-10-31' },
          { sectionId: 'zf2', title: '规范执法文书', ownerId: 'p021', deadline: '2025-09-30' },
        ],
      })
      .expect(201);
    expect(res.body).toMatchObject({ year: 2025, quarter: 2, recordedByName: '方学军' });
    expect(res.body.sections).toHaveLength(2);
    expect(res.body.tasks).toHaveLength(3);
    taskOfStaff = res.body.tasks.find((x: { ownerId: string }) => x.ownerId === DEMO.staffZf1).id;
    taskOfColleague = res.body.tasks.find((x: { ownerId: string }) => x.ownerId === 'p017').id;
    const notices = await t.ds.getRepository(Notice).findBy({ personId: DEMO.staffZf1, kind: 'rectification_task' });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('补齐二季度执法台账');

    await as('office').post('/api/reviews/quarterly', { year: 2025, quarter: 3, date: '2025-09-10', summary: '三季度', sections: [{ sectionId: 'zf1', problems: '无', score: 88 }] }).expect(201);
    const q3 = (await as('office').get('/api/reviews/quarterly?year=2025').expect(200)).body.find((r: { quarter: number }) => r.quarter === 3);
    // a correction of the score, and a late task
    await as('office').put(`/api/reviews/quarterly/${q3.id}/sections`, { sectionId: 'zf1', problems: '调研报告滞后', score: 90 }).expect(200);
    const added = await as('office').post(`/api/reviews/quarterly/${q3.id}/tasks`, { sectionId: 'zf1', title: '补交调研报告', ownerId: DEMO.chiefZf1, deadline: '2025-09-30' }).expect(201);
    expect(added.body).toMatchObject({ quarter: 3, ownerName: '向宏伟', status: 'open', overdue: false });
  });

  it('failing-review: duplicates, future quarters, owners outside the section, non-机关 sections, wrong roles — nothing written', async () => {
    const before = await tableCounts(t.ds);
    const base = { year: 2025, quarter: 2, date: '2025-07-03', summary: '重复', sections: [{ sectionId: 'zf1', problems: '无', score: 80 }] };
    const dup = await as('office').post('/api/reviews/quarterly', base).expect(409);
    expect(dup.body.field).toBe('quarter');
    expect((await as('office').post('/api/reviews/quarterly', { ...base, quarter: 4, date: '2025-09-10' }).expect(400)).body.field).toBe('quarter');
    expect((await as('office').post('/api/reviews/quarterly', { ...base, year: 2024, quarter: 1, sections: [{ sectionId: 'jdk', problems: '无', score: 80 }] }).expect(400)).body.field).toBe('sections.0.sectionId');
    const outsider = await as('office')
      .post('/api/reviews/quarterly', { ...base, year: 2024, quarter: 1, date: '2024-03-20', tasks: [{ sectionId: 'zf1', title: '整改', ownerId: 'p021', deadline: '2024-04-30' }] })
      .expect(400);
    expect(outsider.body.field).toBe('tasks.0.ownerId');
    const early = await as('office')
      .post('/api/reviews/quarterly', { ...base, year: 2024, quarter: 1, date: '2024-03-20', tasks: [{ sectionId: 'zf1', title: '整改', ownerId: DEMO.staffZf1, deadline: '2024-03-01' }] })
      .expect(400);
    expect(early.body.field).toBe('tasks.0.deadline');
    expect((await as('office').post('/api/reviews/quarterly', { ...base, sections: [{ sectionId: 'zf1', problems: '无', score: 101 }] }).expect(400)).body.field).toBe('sections.0.score');
    await as('chief').post('/api/reviews/quarterly', { ...base, year: 2024, quarter: 1 }).expect(403);
    await as('leader').post('/api/reviews/quarterly', { ...base, year: 2024, quarter: 1 }).expect(403);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('scope: staff see only their own tasks, a chief their section’s, the office everything; overdue in the bureau zone', async () => {
    // (the demo data holds tasks of the real current year: this year's are asked for)
    const staff = await as('staff').get('/api/reviews/tasks?year=2025').expect(200);
    expect(staff.body.map((x: { id: string }) => x.id)).toEqual([taskOfStaff]);
    expect(staff.body[0]).toMatchObject({ status: 'open', overdue: true, deadline: '2025-08-31', sectionName: '执法一处' });
    const staffReviews = await as('staff').get('/api/reviews/quarterly?year=2025').expect(200);
    for (const r of staffReviews.body) expect(r.sections).toEqual([]);
    expect(staffReviews.body.flatMap((r: { tasks: { id: string }[] }) => r.tasks.map((x) => x.id))).toEqual([taskOfStaff]);

    const chief = await as('chief').get('/api/reviews/tasks?year=2025').expect(200);
    expect(new Set(chief.body.map((x: { sectionId: string }) => x.sectionId))).toEqual(new Set(['zf1']));
    expect(chief.body).toHaveLength(3);
    const chiefReviews = await as('chief').get('/api/reviews/quarterly?year=2025').expect(200);
    expect(chiefReviews.body.flatMap((r: { sections: { sectionId: string }[] }) => r.sections.map((s) => s.sectionId))).toEqual(['zf1', 'zf1']);
    expect((await as('chiefZf2').get('/api/reviews/tasks?year=2025').expect(200)).body.map((x: { sectionId: string }) => x.sectionId)).toEqual(['zf2']);
    expect((await as('chiefJdk').get('/api/reviews/tasks').expect(200)).body).toEqual([]);
    expect((await as('office').get('/api/reviews/tasks?year=2025&status=open').expect(200)).body).toHaveLength(4);
    expect((await as('leader').get('/api/reviews/tasks?year=2025').expect(200)).body).toHaveLength(4);
  });

  it('successful-complete: the owner marks a task done with a note and a photo; late is flagged; once only', async () => {
    const before = await tableCounts(t.ds);
    await as('staff').post(`/api/reviews/tasks/${taskOfColleague}/done`, { followUp: '已完成' }).expect(403);
    await as('chiefZf2').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '已完成' }).expect(403);
    await as('leader').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '已完成' }).expect(403);
    expect((await as('staff').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '已补齐', doneOn: '2025-09-16' }).expect(400)).body.field).toBe('doneOn');
    expect((await as('staff').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '已补齐', fileIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400)).body.field).toBe('fileIds');
    expect(await tableCounts(t.ds)).toEqual(before);

    const photo = await upload('staff');
    const done = await as('staff').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '二季度执法台账已补齐，经处长审核', fileIds: [photo] }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', doneOn: '2025-09-15', overdue: true, doneByName: '杨玉兰' });
    expect(done.body.files.map((f: { id: string }) => f.id)).toEqual([photo]);
    await as('staff').post(`/api/reviews/tasks/${taskOfStaff}/done`, { followUp: '再次' }).expect(409);
    // the chief finishes a colleague's task for the section
    const byChief = await as('chief').post(`/api/reviews/tasks/${taskOfColleague}/done`, { followUp: '夜市回头看已完成，未见反弹' }).expect(200);
    expect(byChief.body).toMatchObject({ status: 'done', overdue: false, doneByName: '向宏伟' });
    // the chief can read the staff member's evidence photo
    await http().get(`/api/files/${photo}`).set('Authorization', `Bearer ${tokens.chief}`).expect(200);
  });

  // ── 工作创新 ─────────────────────────────────────────────────────────────────────────────────────────────────

  it('innovation: a chief files for the section, the office assesses, scope is the section', async () => {
    const photo = await upload('chief');
    const filed = await as('chief').post('/api/reviews/innovations', { title: '夜市“潮汐摊区”管理', description: '划定潮汐摊区，定时定点经营，投诉下降六成', date: '2025-06-20', fileIds: [photo] }).expect(201);
    expect(filed.body).toMatchObject({ sectionId: 'zf1', year: 2025, status: 'submitted', score: null, filedByName: '向宏伟' });
    expect(filed.body.files).toHaveLength(1);
    const second = await as('chief').post('/api/reviews/innovations', { title: '执法记录仪随机抽查', description: '每周随机抽查执法记录仪视频十段' }).expect(201);

    const before = await tableCounts(t.ds);
    await as('staff').post('/api/reviews/innovations', { title: '创新', description: '这是一个工作创新的描述' }).expect(403);
    await as('chief').post('/api/reviews/innovations', { sectionId: 'zf2', title: '创新', description: '这是一个工作创新的描述' }).expect(403);
    await as('chiefJdk').post('/api/reviews/innovations', { title: '创新', description: '这是一个工作创新的描述' }).expect(400);
    expect((await as('office').post('/api/reviews/innovations', { title: '创新', description: '这是一个工作创新的描述' }).expect(400)).body.field).toBe('sectionId');
    expect((await as('chief').post('/api/reviews/innovations', { title: '创新', description: '太短' }).expect(400)).body.field).toBe('description');
    await as('chief').post(`/api/reviews/innovations/${filed.body.id}/assess`, { level: 'good', assessment: '做法很好' }).expect(403);
    expect((await as('office').post(`/api/reviews/innovations/${filed.body.id}/assess`, { level: 'good', score: 90, assessment: '做法很好' }).expect(400)).body.field).toBe('score');
    expect(await tableCounts(t.ds)).toEqual(before);

    const assessed = await as('office').post(`/api/reviews/innovations/${filed.body.id}/assess`, { level: 'fair', assessment: '做法可复制，建议全局推广' }).expect(200);
    expect(assessed.body).toMatchObject({ status: 'assessed', level: 'fair', score: 85, assessedByName: '方学军', assessedOn: '2025-09-15' });
    await as('office').post(`/api/reviews/innovations/${second.body.id}/assess`, { score: 70, assessment: '常规做法' }).expect(200);
    expect((await t.ds.getRepository(Notice).findBy({ personId: DEMO.chiefZf1, kind: 'innovation_assessed' })).length).toBe(2);

    expect((await as('staff').get('/api/reviews/innovations?year=2025').expect(200)).body).toHaveLength(2);
    await as('staff').get('/api/reviews/innovations?year=2025&sectionId=zf2').expect(403);
    expect((await as('chiefZf2').get('/api/reviews/innovations?year=2025').expect(200)).body).toEqual([]);
    expect((await as('leader').get('/api/reviews/innovations?year=2025&sectionId=zf1').expect(200)).body).toHaveLength(2);
  });

  // ── 半年考评打分 ─────────────────────────────────────────────────────────────────────────────────────────────

  const halfYearAnswers: [string, string][] = [
    ['5', '4'],
    ['4', '4'],
    ['3', '5'],
  ];

  it('half-year: the office opens a round; unit heads answer through their invitation links; anonymous means per section', async () => {
    const res = await as('office').post('/api/reviews/half-year', { year: 2025, half: 1, closesOn: '2025-09-30' }).expect(201);
    expect(res.body.round).toMatchObject({ year: 2025, half: 1, open: true, invited: 7, completed: 0, title: '2025年上半年局属各单位考评打分' });
    expect(res.body.round.results.map((r: { sectionId: string }) => r.sectionId)).toEqual(['bgs', 'fgc', 'zf1', 'zf2', 'zhdd', 'zzc', 'dzz', 'jcs']);
    expect(res.body.invitations.map((i: { name: string }) => i.name)).toContain('武家乐（城管监督科）');
    expect(res.body.invitations.every((i: { kind: string }) => i.kind === 'unit')).toBe(true);
    expect(res.body.skipped).toEqual([]);
    const dup = await as('office').post('/api/reviews/half-year', { year: 2025, half: 1, closesOn: '2025-09-30' }).expect(409);
    expect(dup.body.field).toBe('half');
    expect((await as('office').post('/api/reviews/half-year', { year: 2025, half: 2, closesOn: '2025-09-01' }).expect(400)).body.field).toBe('closesOn');
    expect((await as('office').post('/api/reviews/half-year', { year: 2026, half: 1, closesOn: '2026-07-01' }).expect(400)).body.field).toBe('half');
    await as('chief').post('/api/reviews/half-year', { year: 2025, half: 2, closesOn: '2025-09-30' }).expect(403);

    // the existing representative flow: open the link, answer per section
    for (const [n, [style, efficiency]] of halfYearAnswers.entries()) {
      const open = await http().post('/api/survey-invitations/open').send({ code: res.body.invitations[n].code }).expect(200);
      expect(open.body.invitation).toMatchObject({ group: 'unit' });
      expect(open.body.invitation.sections).toHaveLength(8);
      await http()
        .post('/api/survey-invitations/me/responses')
        .set('Authorization', `Bearer ${open.body.token}`)
        .send({ sectionId: 'zf1', durationMs: 60_000, idempotencyKey: `halfyear_${n}_zf1`, answers: [{ questionId: 'style', value: style }, { questionId: 'efficiency', value: efficiency }] })
        .expect(201);
      // a unit scoring a unit is not offered
      await http()
        .post('/api/survey-invitations/me/responses')
        .set('Authorization', `Bearer ${open.body.token}`)
        .send({ sectionId: 'jdk', durationMs: 60_000, idempotencyKey: `halfyear_${n}_jdk`, answers: [{ questionId: 'style', value: '5' }, { questionId: 'efficiency', value: '5' }] })
        .expect(400);
    }
    // anonymous: the answers hold a keyed hash, never the invitation or a person
    const rows = await t.ds.getRepository(SurveyResponse).findBy({ surveyId: res.body.round.surveyId });
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    for (const inv of res.body.invitations) expect(stored).not.toContain(inv.id);
    expect(stored).not.toMatch(/p0\d\d/);

    const list = await as('office').get('/api/reviews/half-year?year=2025').expect(200);
    const zf1 = list.body[0].results.find((r: { sectionId: string }) => r.sectionId === 'zf1');
    expect(zf1).toMatchObject({ counted: 3, mean: round2((87.5 + 75 + 75) / 3) });
    expect(list.body[0].results.find((r: { sectionId: string }) => r.sectionId === 'zf2')).toMatchObject({ counted: 0, mean: null });
    const chief = await as('chief').get('/api/reviews/half-year?year=2025').expect(200);
    expect(chief.body[0].results.map((r: { sectionId: string }) => r.sectionId)).toEqual(['zf1']);
    await as('staff').get('/api/reviews/half-year?year=2025').expect(403);
    // not a wubi evaluation group: the 五比五评 facts leave it out
    expect((await t.app.get(SurveysService).evaluationFacts(2025)).map((e) => e.group)).not.toContain('unit');
  });

  // ── 附加项 → 成绩 ───────────────────────────────────────────────────────────────────────────────────────────

  it('extras: the summary shows what feeds the chief’s components, per tenure', async () => {
    const res = await as('chief').get('/api/reviews/extras?year=2025').expect(200);
    expect(res.body.sections).toHaveLength(1);
    const zf1 = res.body.sections[0];
    const comp = (id: string) => zf1.components.find((c: { component: string }) => c.component === id);
    expect(comp('leader_comments')).toMatchObject({ score: 79, weight: 0, periods: [{ period: '2025-08', score: 79 }] });
    expect(comp('quarterly_review')).toMatchObject({ score: 85, periods: [{ period: '2025-Q2', score: 80 }, { period: '2025-Q3', score: 90 }] });
    expect(comp('half_year_unit_scoring')).toMatchObject({ score: 79.17 });
    expect(comp('innovation')).toMatchObject({ score: 85 });
    expect(zf1.holders.map((h: { personId: string; position: string }) => [h.personId, h.position]).sort()).toEqual([
      [DEMO.chiefZf1, 'chief'],
      [DEPUTY_ZF1, 'deputy'],
    ]);
    await as('chief').get('/api/reviews/extras?year=2025&sectionId=zf2').expect(403);
    await as('staff').get('/api/reviews/extras?year=2025').expect(403);
    expect((await as('office').get('/api/reviews/extras?year=2025').expect(200)).body.sections).toHaveLength(8);
  });

  it('successful-weights: with weight 0 the chief’s total is the mean; after the office sets weights it follows (1 − Σw)·mean + Σ w·extra', async () => {
    const scoreOf = async (personId: string) => (await as('office').get(`/api/scores/people/${personId}?scheme=jiguan&year=2025`).expect(200)).body;
    const meanOf = (s: { dimensions: { score: number }[] }) => s.dimensions.reduce((a, d) => a + d.score, 0) / s.dimensions.length;

    const before = await scoreOf(DEMO.chiefZf1);
    expect(before.total).not.toBeNull();
    const mean = meanOf(before);
    expect(before.total).toBe(round2(mean));
    expect(before.extras.map((e: { component: string; weight: number; points: number }) => [e.component, e.weight, e.points])).toEqual([
      ['leader_comments', 0, 0],
      ['quarterly_review', 0, 0],
      ['half_year_unit_scoring', 0, 0],
      ['innovation', 0, 0],
    ]);
    expect(before.extras.map((e: { score: number }) => e.score)).toEqual([79, 85, 79.17, 85]);
    const staffBefore = await scoreOf(DEMO.staffZf1);
    expect(staffBefore.extras).toEqual([]);

    // bad weights are refused, nothing written
    const counts = await tableCounts(t.ds);
    const field = async (body: object) => (await as('office').put('/api/scores/extras-weights', body).expect(400)).body.field;
    expect(await field({ weights: [{ component: 'leader_comments', weight: 0.5 }, { component: 'quarterly_review', weight: 0.5 }] })).toBe('weights');
    expect(await field({ weights: [{ component: 'leader_comments', weight: 1.5 }] })).toBe('weights.0.weight');
    expect(await field({ weights: [{ component: 'leader_comments', weight: -0.1 }] })).toBe('weights.0.weight');
    expect(await field({ weights: [{ component: 'attendance', weight: 0.1 }] })).toBe('weights.0.component');
    expect(await field({ weights: [{ component: 'innovation', weight: 0.1 }, { component: 'innovation', weight: 0.2 }] })).toBe('weights.1.component');
    await as('chief').put('/api/scores/extras-weights', { weights: [{ component: 'innovation', weight: 0.1 }] }).expect(403);
    await as('leader').put('/api/scores/extras-weights', { weights: [{ component: 'innovation', weight: 0.1 }] }).expect(403);
    expect(await tableCounts(t.ds)).toEqual(counts);

    const w = { leader_comments: 0.1, quarterly_review: 0.1, half_year_unit_scoring: 0.05, innovation: 0.05 };
    const set = await as('office').put('/api/scores/extras-weights', { weights: Object.entries(w).map(([component, weight]) => ({ component, weight })) }).expect(200);
    expect(set.body).toMatchObject({ scheme: 'jiguan', sum: 0.3, updatedByName: '方学军' });
    expect((await as('chief').get('/api/scores/extras-weights').expect(200)).body.weights.map((x: { weight: number }) => x.weight)).toEqual([0.1, 0.1, 0.05, 0.05]);
    await as('staff').get('/api/scores/extras-weights').expect(403);

    // nothing else changed: the stored scores were marked stale by the weights and recomputed
    const after = await scoreOf(DEMO.chiefZf1);
    expect(meanOf(after)).toBeCloseTo(mean, 10);
    const half = (87.5 + 75 + 75) / 3;
    const expected = (1 - 0.3) * mean + 0.1 * 79 + 0.1 * 85 + 0.05 * round2(half) + 0.05 * 85;
    expect(after.total).toBe(round2(expected));
    expect(after.total).not.toBe(before.total);
    // the explanation: each component with its weight, score and effect on the total
    expect(after.extras).toEqual([
      { component: 'leader_comments', label: '每月局领导点评', weight: 0.1, score: 79, points: round2(0.1 * (79 - mean)) },
      { component: 'quarterly_review', label: '每季度监察考评会议考评', weight: 0.1, score: 85, points: round2(0.1 * (85 - mean)) },
      { component: 'half_year_unit_scoring', label: '每半年局属各单位考评打分', weight: 0.05, score: 79.17, points: round2(0.05 * (79.17 - mean)) },
      { component: 'innovation', label: '工作创新情况', weight: 0.05, score: 85, points: round2(0.05 * (85 - mean)) },
    ]);
    // the deputy of the section gets the same components; staff get none
    const deputy = await scoreOf(DEPUTY_ZF1);
    expect(deputy.total).toBe(round2((1 - 0.3) * meanOf(deputy) + 0.1 * 79 + 0.1 * 85 + 0.05 * round2(half) + 0.05 * 85));
    const staffAfter = await scoreOf(DEMO.staffZf1);
    expect(staffAfter.total).toBe(staffBefore.total);
    expect(staffAfter.extras).toEqual([]);
    // a chief without any review data: the components with weight are left out and flagged, total stays the mean
    const zhdd = await scoreOf('p027');
    expect(zhdd.total).toBe(round2(meanOf(zhdd)));
    expect(zhdd.flags).toEqual(expect.arrayContaining(['extras:missing:leader_comments', 'extras:missing:innovation']));

    // back to 0: the chief's total is the mean again
    await as('office').put('/api/scores/extras-weights', { weights: Object.keys(w).map((component) => ({ component, weight: 0 })) }).expect(200);
    expect((await scoreOf(DEMO.chiefZf1)).total).toBe(before.total);
  });
});

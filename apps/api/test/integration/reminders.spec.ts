/**
 * Reminders (issue 10 part 6): what is due → an in-app notice and, where consented, a WeChat subscription message
 * sent through the real client to a local fake WeChat server. Once per (person, kind, subject, day).
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { In } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { isDuplicateKey } from '../../src/common/errors/db-errors.js';
import { Notice } from '../../src/notices/notice.entity.js';
import { Person } from '../../src/org/person.entity.js';
import { Reminder } from '../../src/reminders/reminder.entities.js';
import { RemindersService } from '../../src/reminders/reminders.service.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { DEMO, FixedClock, startTestApp, tableCounts, TEST_DB, type TestApp } from '../support/test-app.js';

/** Monday 2025-09-15, 17:30 in Asia/Shanghai: a working day, after the diary time, inside the window. */
const DAY1 = new Date('2025-09-15T09:30:00Z');
const DAY2 = new Date('2025-09-16T09:30:00Z');
const DAY3 = new Date('2025-09-17T09:30:00Z');
const DIARY = '上午在城东夜市巡查占道经营，劝导商户12户规范摆放；下午整理案卷3份并录入系统。';

const wechatEnv = (baseUrl: string): Record<string, string> => ({
  WECHAT_BASE_URL: baseUrl,
  WECHAT_APPID: 'wx-test-appid',
  WECHAT_SECRET: 'test-secret',
  WECHAT_TIMEOUT_MS: '300',
  WECHAT_SEND_RETRIES: '1',
  WECHAT_RETRY_BASE_MS: '0',
  WECHAT_TEMPLATE_DIARY: 'tmpl-diary',
  WECHAT_TEMPLATE_LEAVE: 'tmpl-todo',
  WECHAT_TEMPLATE_REPORT: 'tmpl-todo',
  WECHAT_TEMPLATE_INCIDENT: 'tmpl-incident',
  APPEAL_DAYS: '2',
});

describe('reminders', () => {
  let fake: FakeWechat;
  let t: TestApp;
  const clock = new FixedClock(DAY1);
  const tok: Record<string, string> = {};
  const as = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tok[who]}`);
    const http = () => request(t.app.getHttpServer());
    return {
      get: (url: string) => auth(http().get(url)),
      post: (url: string, body: object = {}) => auth(http().post(url)).send(body),
    };
  };
  const reminder = (personId: string, kind: string, dueDate?: string) =>
    t.ds.getRepository(Reminder).find({ where: { personId, kind: kind as Reminder['kind'], ...(dueDate ? { dueDate } : {}) } });
  const sendsTo = (openid: string) => fake.sends.filter((s) => s.body.touser === openid);
  let campaignId = '';
  let surveyId = '';
  let appealIncident = '';

  beforeAll(async () => {
    fake = await startFakeWechat();
    t = await startTestApp(wechatEnv(fake.baseUrl), clock);
    for (const id of [DEMO.staffZf1, DEMO.chiefZf1, 'p017', 'p018', 'p019', 'p020', DEMO.office, DEMO.leader]) tok[id] = await t.login(id);
    const people = t.ds.getRepository(Person);
    await people.update({ id: DEMO.staffZf1 }, { openid: 'o-yang' });
    await people.update({ id: DEMO.chiefZf1 }, { openid: 'refuse-xiang' });
    await people.update({ id: 'p019' }, { openid: 'slow-p019' });
    await people.update({ id: 'p020' }, { openid: 'o-p020' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('successful-consent: the settings list the kinds that apply; accepted templates are recorded per person', async () => {
    const staff = await as(DEMO.staffZf1).get('/api/reminders/settings').expect(200);
    expect(staff.body.bound).toBe(true);
    expect(staff.body.longTerm).toBe(false);
    // p016 is a branch secretary: 会议进度 applies; approvals and the monthly report do not
    expect(staff.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(['diary', 'incident', 'survey', 'meeting_pace']);
    expect(staff.body.kinds[0]).toMatchObject({ kind: 'diary', label: '工作日记', enabled: true, templateId: 'tmpl-diary', wechat: 'not_subscribed', remaining: 0 });
    expect(staff.body.kinds.find((k: { kind: string }) => k.kind === 'survey')).toMatchObject({ templateId: null, wechat: 'no_template' });

    const after = await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['tmpl-diary'], rejected: ['tmpl-incident'] }).expect(200);
    expect(after.body.kinds[0]).toMatchObject({ kind: 'diary', wechat: 'subscribed', remaining: 1 });
    expect(after.body.kinds[1]).toMatchObject({ kind: 'incident', wechat: 'not_subscribed', remaining: 0 });

    const chief = await as(DEMO.chiefZf1).post('/api/reminders/consent', { accepted: ['tmpl-todo'], rejected: [] }).expect(200);
    expect(chief.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(['diary', 'leave_approval', 'incident', 'survey', 'monthly_report', 'meeting_pace']);
    // one template serves both kinds: one accepted request, one message
    expect(chief.body.kinds.filter((k: { wechat: string }) => k.wechat === 'subscribed').map((k: { kind: string }) => k.kind)).toEqual(['leave_approval', 'monthly_report']);
    await as('p019').post('/api/reminders/consent', { accepted: ['tmpl-diary'], rejected: [] }).expect(200);

    const leader = await as(DEMO.leader).get('/api/reminders/settings').expect(200);
    expect(leader.body).toMatchObject({ bound: false });
    expect(leader.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(['incident', 'survey']);
    expect(leader.body.kinds[0].wechat).toBe('not_bound');
  });

  it('failing-consent: a template the bureau did not configure, or accepted and refused at once — 400, nothing written', async () => {
    const before = await tableCounts(t.ds);
    const unknown = await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['someone-elses-template'], rejected: [] }).expect(400);
    expect(unknown.body.field).toBe('accepted');
    const both = await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['tmpl-diary'], rejected: ['tmpl-diary'] }).expect(400);
    expect(both.body.field).toBe('rejected');
    const bad = await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['bad id with spaces'], rejected: [] }).expect(400);
    expect(bad.body.field).toMatch(/^accepted/);
    const kind = await as(DEMO.staffZf1).post('/api/reminders/settings', { kind: 'lunch', enabled: false }).expect(400);
    expect(kind.body.field).toBe('kind');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('sets up what is due on day 1', async () => {
    await as('p017').post('/api/diary/entries', { content: DIARY }).expect(200);
    const sick = await as('p018').post('/api/attendance/leaves', { type: 'sick', startAt: '2025-09-15T08:30:00+08:00', endAt: '2025-09-15T17:30:00+08:00', reason: '发烧就医' }).expect(201);
    await as(DEMO.chiefZf1).post(`/api/attendance/leaves/${sick.body.id}/decision`, { approve: true }).expect(200);
    await as('p019').post('/api/attendance/leaves', { type: 'personal', startAt: '2025-09-17T08:30:00+08:00', endAt: '2025-09-17T17:30:00+08:00', reason: '办理户籍事务' }).expect(201);
    const inc = await as(DEMO.office).post('/api/incidents', { rule: 'NB-5', personId: 'p020', date: '2025-09-10', description: '交办的整改任务推诿拖延' }).expect(201);
    await as(DEMO.office).post(`/api/incidents/${inc.body.id}/verify`, { note: '经查属实' }).expect(200);
    appealIncident = inc.body.id;
    await as(DEMO.office).post('/api/incidents', { rule: 'QIN-4', personId: 'p017', date: '2025-09-12', description: '上班时间玩游戏被群众拍到' }).expect(201);
    const campaign = await as(DEMO.office).post('/api/democratic/campaigns', { year: 2025, title: '2025年度机关干部民主测评', closesOn: '2025-09-16' }).expect(201);
    campaignId = campaign.body.id;
    const survey = await as(DEMO.office)
      .post('/api/surveys', { title: '两代表一委员评价', group: 'representative', year: 2025, periodStart: '2025-09-01', periodEnd: '2025-09-16', questions: [{ id: 'q1', type: 'stars', text: '总体评价' }], sectionIds: ['jdk'] })
      .expect(201);
    surveyId = survey.body.id;
    await as(DEMO.office).post(`/api/surveys/${surveyId}/invitations`, { invitees: [{ name: '刘代表', kind: 'npc', phone: '13800000009' }] }).expect(201);
  });

  it('successful-sweep: the office runs it; each due kind becomes a notice, WeChat where subscribed', async () => {
    const sendsBefore = fake.sends.length;
    const res = await as(DEMO.office).post('/api/reminders/sweep').expect(200);
    expect(res.body).toMatchObject({ at: DAY1.toISOString(), date: '2025-09-15', duplicates: 0, turnedOff: 0, errors: 0 });
    expect(res.body.created).toBe(res.body.due);
    expect(res.body.wechat).toMatchObject({ sent: 1, refused: 1, failed: 1 });
    expect(res.body.wechat.disabled).toBe(res.body.created - 3);

    // 工作日记: p016 (subscribed) gets notice + WeChat; p017 wrote hers; p018 is on sick leave
    const [diary] = await reminder(DEMO.staffZf1, 'diary');
    expect(diary).toMatchObject({ subject: '2025-09-15', dueDate: '2025-09-15', title: '今日工作日记未填写', wechatOutcome: 'sent', templateId: 'tmpl-diary', attempts: 1 });
    const notice = await t.ds.getRepository(Notice).findOneByOrFail({ id: diary!.noticeId! });
    expect(notice).toMatchObject({ personId: DEMO.staffZf1, kind: 'reminder', title: '今日工作日记未填写', link: '/subpackages/officer/pages/diary/index' });
    const sent = sendsTo('o-yang');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      touser: 'o-yang',
      template_id: 'tmpl-diary',
      page: 'subpackages/officer/pages/diary/index',
      data: { thing1: { value: '今日工作日记未填写' }, time2: { value: '2025年9月15日 17:30' }, thing3: { value: '请在下班前填写' } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    expect(await reminder('p017', 'diary')).toEqual([]);
    expect(await reminder('p018', 'diary')).toEqual([]);
    // the one-time subscription is used up
    const staff = await as(DEMO.staffZf1).get('/api/reminders/settings').expect(200);
    expect(staff.body.kinds[0]).toMatchObject({ wechat: 'not_subscribed', remaining: 0 });

    // p019: subscribed, but WeChat times out → failed after the retry, the subscription given back
    const [slow] = await reminder('p019', 'diary');
    expect(slow).toMatchObject({ wechatOutcome: 'failed', attempts: 2 });
    expect(slow!.wechatDetail).toContain('超时');
    expect(sendsTo('slow-p019')).toHaveLength(2);
    expect((await as('p019').get('/api/reminders/settings').expect(200)).body.kinds[0]).toMatchObject({ wechat: 'subscribed', remaining: 1 });

    // 请假审批: the chief; his shared template is refused (43101) once, not retried, and his consent withdrawn
    const [approval] = await reminder(DEMO.chiefZf1, 'leave_approval');
    expect(approval).toMatchObject({ subject: 'pending', title: '有 1 条申请待审批', wechatOutcome: 'refused', attempts: 1 });
    expect(approval!.wechatDetail).toContain('43101');
    expect(sendsTo('refuse-xiang')).toHaveLength(1);
    const [report] = await reminder(DEMO.chiefZf1, 'monthly_report');
    expect(report).toMatchObject({ subject: 'zf1:2025-08', title: '2025-08 考勤月报待签字', wechatOutcome: 'disabled', wechatDetail: '未订阅微信提醒' });
    const chiefSettings = await as(DEMO.chiefZf1).get('/api/reminders/settings').expect(200);
    expect(chiefSettings.body.kinds.find((k: { kind: string }) => k.kind === 'leave_approval')).toMatchObject({ wechat: 'not_subscribed', remaining: 0 });

    // 考评事件: the appeal window (APPEAL_DAYS=2) closes on 09-17 → once, keyed by the deadline; the office's queue
    const [appeal] = await reminder('p020', 'incident');
    expect(appeal).toMatchObject({ subject: appealIncident, dueDate: '2025-09-17', title: '考评事件申诉期即将结束', wechatOutcome: 'disabled', wechatDetail: '未订阅微信提醒' });
    expect(appeal!.body).toContain('2025-09-17（后天）');
    const [queue] = await reminder(DEMO.office, 'incident');
    expect(queue).toMatchObject({ subject: 'office-queue', dueDate: '2025-09-15' });
    expect(queue!.body).toContain('1 件考评事件待核实');

    // 测评邀请: a rater of the closing 民主测评 (no template: in-app only); the office for the representatives
    const [rater] = await reminder(DEMO.staffZf1, 'survey');
    expect(rater).toMatchObject({ subject: campaignId, dueDate: '2025-09-16', title: '民主测评即将截止', wechatOutcome: 'disabled', wechatDetail: '未配置该类提醒的订阅消息模板' });
    const reps = (await reminder(DEMO.office, 'survey')).find((r) => r.subject !== campaignId);
    expect(reps).toMatchObject({ subject: `invitations:${surveyId}`, dueDate: '2025-09-16' });
    expect(reps!.body).toContain('1 位受邀代表委员未完成评价');

    // 会议进度: no 处务会 in 2025 → behind in September; once a month (keyed by the month's first day)
    const [pace] = await reminder(DEMO.chiefZf1, 'meeting_pace');
    expect(pace).toMatchObject({ subject: 'section:zf1', dueDate: '2025-09-01', title: '处务会次数落后于进度' });
    const [branch] = await reminder(DEMO.staffZf1, 'meeting_pace');
    expect(branch).toMatchObject({ subject: 'branch', title: '支部活动次数落后于进度' });

    // every reminder has its notice; no WeChat call beyond the ones above
    const rows = await t.ds.getRepository(Reminder).find();
    expect(rows).toHaveLength(res.body.created);
    expect(await t.ds.getRepository(Notice).count({ where: { id: In(rows.map((r) => r.noticeId!)) } })).toBe(rows.length);
    expect(fake.sends.length - sendsBefore).toBe(1 + 2 + 1);
  });

  it('is idempotent: a second sweep sends nothing and writes nothing', async () => {
    const before = await tableCounts(t.ds);
    const sends = fake.sends.length;
    const res = await as(DEMO.office).post('/api/reminders/sweep').expect(200);
    expect(res.body.created).toBe(0);
    expect(res.body.duplicates).toBe(res.body.due);
    expect(res.body.due).toBeGreaterThan(0);
    expect(fake.sends.length).toBe(sends);
    const after = await tableCounts(t.ds);
    expect(after.reminders).toBe(before.reminders);
    expect(after.notices).toBe(before.notices);
  });

  it('the unique key refuses a second row for the same person, kind, subject and day', async () => {
    const [row] = await reminder(DEMO.staffZf1, 'diary');
    const repo = t.ds.getRepository(Reminder);
    const err = await repo.insert(repo.create({ ...row!, id: randomUUID() })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDuplicateKey(err)).toBe(true);
  });

  it('the office sees the deliveries with their outcomes', async () => {
    const all = await as(DEMO.office).get('/api/reminders?limit=500').expect(200);
    expect(all.body.counts).toMatchObject({ sent: 1, refused: 1, failed: 1, pending: 0 });
    expect(all.body.items.length).toBe(Object.values(all.body.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    const refused = await as(DEMO.office).get('/api/reminders?outcome=refused').expect(200);
    expect(refused.body.items).toEqual([expect.objectContaining({ personId: DEMO.chiefZf1, personName: '向宏伟', kind: 'leave_approval', wechatOutcome: 'refused' })]);
    const diaries = await as(DEMO.office).get('/api/reminders?kind=diary&dueDate=2025-09-15&limit=2').expect(200);
    expect(diaries.body.items).toHaveLength(2);
    expect(diaries.body.items.every((i: { kind: string }) => i.kind === 'diary')).toBe(true);
    const bad = await as(DEMO.office).get('/api/reminders?outcome=lost').expect(400);
    expect(bad.body.field).toBe('outcome');
  });

  it('day 2 on two API instances at once: every reminder once; settings and signed reports respected', async () => {
    clock.current = DAY2;
    // the chief generates and signs August; p017 turns the diary reminder off; p016 subscribes again
    const gen = await as(DEMO.chiefZf1).post('/api/attendance/reports', { sectionId: 'zf1', month: '2025-08' }).expect(201);
    await as(DEMO.chiefZf1).post(`/api/attendance/reports/${gen.body.id}/sign`).expect(200);
    const off = await as('p017').post('/api/reminders/settings', { kind: 'diary', enabled: false }).expect(200);
    expect(off.body.kinds[0]).toMatchObject({ kind: 'diary', enabled: false });
    await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['tmpl-diary'], rejected: [] }).expect(200);

    const reminders = t.ds.getRepository(Reminder);
    const notices = t.ds.getRepository(Notice);
    const [rowsBefore, noticesBefore] = [await reminders.count(), await notices.count({ where: { kind: 'reminder' } })];
    // MariaDB: a second API instance on the same database, sweeping at the same moment. SQLite is one instance (the
    // embedded default): two sweeps at once in it.
    const other = TEST_DB === 'mysql' ? await createApp({ env: t.env, clock }) : null;
    try {
      const [a, b] = await Promise.all([t.app.get(RemindersService).sweep(DAY2), (other ?? t.app).get(RemindersService).sweep(DAY2)]);
      expect(a.due).toBe(b.due);
      expect(a.errors + b.errors).toBe(0);
      expect(a.created + a.duplicates).toBe(a.due);
      expect(b.created + b.duplicates).toBe(b.due);
      expect(a.created + b.created).toBeGreaterThan(0);
      // between them, each due reminder once: one row and one notice each
      expect((await reminders.count()) - rowsBefore).toBe(a.created + b.created);
      expect((await notices.count({ where: { kind: 'reminder' } })) - noticesBefore).toBe(a.created + b.created);
      expect(a.turnedOff).toBeGreaterThanOrEqual(1);
      expect(a.wechat.sent + b.wechat.sent).toBe(1);
    } finally {
      await other?.close();
    }
    expect(await reminder(DEMO.staffZf1, 'diary', '2025-09-16')).toEqual([expect.objectContaining({ wechatOutcome: 'sent' })]);
    expect(sendsTo('o-yang')).toHaveLength(2);
    expect(await reminder('p017', 'diary', '2025-09-16')).toEqual([]);
    expect(await reminder(DEMO.chiefZf1, 'monthly_report', '2025-09-16')).toEqual([]);
    // once-only reminders stay once
    expect(await reminder(DEMO.staffZf1, 'survey')).toHaveLength(1);
    expect(await reminder('p020', 'incident')).toHaveLength(1);
    expect(await reminder(DEMO.chiefZf1, 'meeting_pace')).toHaveLength(1);
  });

  it('day 3 with an expired access token: refreshed once, the message retried and sent', async () => {
    clock.current = DAY3;
    await as(DEMO.staffZf1).post('/api/reminders/consent', { accepted: ['tmpl-diary'], rejected: [] }).expect(200);
    fake.expireTokens();
    const tokenCalls = fake.tokenCalls.length;
    await as(DEMO.office).post('/api/reminders/sweep').expect(200);
    const [row] = await reminder(DEMO.staffZf1, 'diary', '2025-09-17');
    expect(row).toMatchObject({ wechatOutcome: 'sent', attempts: 2 });
    const mine = sendsTo('o-yang').slice(-2);
    expect(mine[0]!.token).not.toBe(mine[1]!.token);
    expect(fake.tokenCalls.length).toBe(tokenCalls + 1);
  });
});

describe('reminders with WeChat unreachable', () => {
  let t: TestApp;
  const clock = new FixedClock(DAY1);

  beforeAll(async () => {
    t = await startTestApp({ ...wechatEnv('http://127.0.0.1:9'), WECHAT_SEND_RETRIES: '2' }, clock);
    await t.ds.getRepository(Person).update({ id: DEMO.staffZf1 }, { openid: 'o-yang' });
  });
  afterAll(() => t.close());

  it('outside the delivery window nothing is due; before the diary time the diary is not', async () => {
    const svc = t.app.get(RemindersService);
    const late = await svc.sweep(new Date('2025-09-15T13:30:00Z')); // 21:30 in the bureau
    expect(late).toMatchObject({ date: '2025-09-15', due: 0, created: 0 });
    expect(await t.ds.getRepository(Reminder).count()).toBe(0);
    const afternoon = await svc.sweep(new Date('2025-09-15T07:00:00Z')); // 15:00
    expect(afternoon.created).toBeGreaterThan(0);
    expect(await t.ds.getRepository(Reminder).count({ where: { kind: 'diary' } })).toBe(0);
  });

  it('records the failures, keeps the in-app notices, gives the subscriptions back, and stops calling after three in a row', async () => {
    const people = [DEMO.staffZf1, 'p017', 'p018', 'p019'];
    const tokens: Record<string, string> = {};
    for (const id of people) {
      await t.ds.getRepository(Person).update({ id }, { openid: `o-${id}` });
      tokens[id] = await t.login(id);
      await request(t.app.getHttpServer()).post('/api/reminders/consent').set('Authorization', `Bearer ${tokens[id]}`).send({ accepted: ['tmpl-diary'], rejected: [] }).expect(200);
    }
    const res = await t.app.get(RemindersService).sweep(DAY1);
    expect(res.wechat.failed).toBe(4);
    const rows = await t.ds.getRepository(Reminder).find({ where: { personId: In(people), kind: 'diary' } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.wechatOutcome === 'failed' && r.attempts === 0)).toBe(true);
    // three tried (each with its retries), the fourth not tried: WeChat was down for the whole run
    expect(rows.filter((r) => r.wechatDetail!.includes('无法连接微信服务'))).toHaveLength(3);
    expect(rows.filter((r) => r.wechatDetail === '微信服务连续不可用，本轮未发送')).toHaveLength(1);
    expect(await t.ds.getRepository(Notice).countBy({ id: In(rows.map((r) => r.noticeId!)) })).toBe(4);
    for (const id of people) {
      const settings = await request(t.app.getHttpServer()).get('/api/reminders/settings').set('Authorization', `Bearer ${tokens[id]}`).expect(200);
      expect(settings.body.kinds[0]).toMatchObject({ kind: 'diary', wechat: 'subscribed', remaining: 1 });
    }
  });
});

import request from 'supertest';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/**
 * Duty and system ledgers (seed 000 五.(二), 五.(六), 五.(八)): 三定 versions, 效能制度 review and publication,
 * approval and merging of meetings / inspections / appraisals, and coordination records whose confirmed breaks
 * become JI-2 incidents. Mid-June 2024 in the bureau's zone (Asia/Shanghai).
 */
const START = new Date('2024-06-14T02:00:00Z');
const clock = new FixedClock(START);

const CHIEF_ZF2 = 'p021';
const DEPUTY_ZF2 = 'p022';
const CHIEF_ZHDD = 'p027';
const CHIEF_FGC = 'p014';
const DEPUTY_ZF1 = 'p068';

describe('duty and system ledgers', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const id of [DEMO.office, DEMO.chiefZf1, DEMO.staffZf1, DEMO.leader, CHIEF_ZF2, CHIEF_ZHDD, CHIEF_FGC, 'p017']) tokens[id] = await t.login(id);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    clock.current = new Date(START);
  });
  const http = () => request(t.app.getHttpServer());
  const as = (personId: string) => ({
    get: (url: string) => http().get(url).set('Authorization', `Bearer ${tokens[personId]}`),
    post: (url: string, body: object = {}) => http().post(url).set('Authorization', `Bearer ${tokens[personId]}`).send(body),
  });
  const office = () => as(DEMO.office);
  const unchanged = async (run: () => Promise<unknown>) => {
    const before = await tableCounts(t.ds);
    await run();
    expect(await tableCounts(t.ds)).toEqual(before);
  };
  const notices = async (personId: string) => (await as(personId).get('/api/notices').expect(200)).body.items as { title: string; body: string; link: string | null }[];
  const jiItems = async (personId: string) => {
    const res = await office().get(`/api/scores/people/${personId}?scheme=jiguan&year=2024`).expect(200);
    return (res.body.dimensions as { items: { rule: string; points: number; source: string; evidence: { kind: string; id: string | null } }[] }[])
      .flatMap((d) => d.items)
      .filter((i) => i.rule === 'JI-2');
  };

  describe('三定 duties', () => {
    const duties = ['负责全市市容秩序的执法巡查', '负责夜市、早市的秩序维护', '负责重大活动期间的市容保障', '承办局领导交办的其他事项'];

    it('successful-duties: a chief submits a version, the office approves it, history keeps every version by effective date', async () => {
      const before = await as(DEMO.chiefZf1).get('/api/governance/duties').expect(200);
      expect(before.body).toMatchObject({ sectionId: 'zf1', canEdit: true, current: { seq: 2, effectiveFrom: '2024-03-01', inForce: true } });
      expect(before.body.headcount).toEqual({ chief: 1, deputy: 1, staff: 5 });

      const submitted = await as(DEMO.chiefZf1)
        .post('/api/governance/duties', { sectionId: 'zf1', effectiveFrom: '2024-07-01', duties: [...duties, duties[0]], structure: '综合组、巡查组', staffing: { chief: 1, deputy: 2, staff: 6 }, note: '按新职责梳理' })
        .expect(201);
      expect(submitted.body.pending).toMatchObject({ seq: 3, status: 'pending', duties, staffing: { chief: 1, deputy: 2, staff: 6 } });
      expect(submitted.body.current.seq).toBe(2);
      expect((await notices(DEMO.office)).some((n) => n.title === '三定职责待审核')).toBe(true);

      // one version under review at a time; nothing written
      await unchanged(() => as(DEMO.chiefZf1).post('/api/governance/duties', { sectionId: 'zf1', effectiveFrom: '2024-08-01', duties, staffing: { chief: 1, deputy: 1, staff: 6 } }).expect(409));
      // scope: another section's duties, a chief approving
      await unchanged(() => as(DEMO.chiefZf1).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-08-01', duties, staffing: { chief: 1, deputy: 1, staff: 6 } }).expect(403));
      const pendingId = submitted.body.pending.id as string;
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/duties/${pendingId}/decision`, { decision: 'approved' }).expect(403));
      // staff read the approved versions only
      const staffView = await as(DEMO.staffZf1).get('/api/governance/duties').expect(200);
      expect(staffView.body).toMatchObject({ pending: null, canEdit: false });
      expect(staffView.body.history.map((v: { seq: number }) => v.seq)).toEqual([2, 1]);
      // returning needs a reason
      const refused = await office().post(`/api/governance/duties/${pendingId}/decision`, { decision: 'rejected' }).expect(400);
      expect(refused.body.field).toBe('note');

      const approved = await office().post(`/api/governance/duties/${pendingId}/decision`, { decision: 'approved', note: '同意' }).expect(200);
      expect(approved.body.history.find((v: { seq: number }) => v.seq === 3)).toMatchObject({ status: 'approved', inForce: false, decidedByName: '方学军' });
      expect(approved.body.current.seq).toBe(2);
      expect((await notices(DEMO.chiefZf1)).some((n) => n.title === '三定职责已批准')).toBe(true);
      await office().post(`/api/governance/duties/${pendingId}/decision`, { decision: 'approved' }).expect(409);

      // in force from its effective date (bureau calendar), the older versions stay in the history
      clock.current = new Date('2024-06-30T16:30:00Z'); // 2024-07-01 00:30 in Shanghai
      const july = await as(DEMO.staffZf1).get('/api/governance/duties').expect(200);
      expect(july.body.current).toMatchObject({ seq: 3, effectiveFrom: '2024-07-01' });
      expect(july.body.history.map((v: { seq: number; inForce: boolean }) => [v.seq, v.inForce])).toEqual([
        [3, true],
        [2, false],
        [1, false],
      ]);

      // the office's own version takes effect without review
      const direct = await office().post('/api/governance/duties', { sectionId: 'zhdd', effectiveFrom: '2024-06-01', duties, staffing: { chief: 1, deputy: 1, staff: 3 } }).expect(201);
      expect(direct.body.current).toMatchObject({ seq: 1, status: 'approved', inForce: true });
      expect((await notices(CHIEF_ZHDD)).some((n) => n.title === '三定职责已更新')).toBe(true);
    });

    it('failing-duties: bad input names the field and writes nothing; a withdrawn version frees the slot', async () => {
      await unchanged(async () => {
        const empty = await as(CHIEF_FGC).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-07-01', duties: [], staffing: { chief: 1, deputy: 1, staff: 4 } }).expect(400);
        expect(empty.body.field).toBe('duties');
        const staffing = await as(CHIEF_FGC).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-07-01', duties: ['负责法制审核工作'], staffing: { chief: -1, deputy: 1, staff: 4 } }).expect(400);
        expect(staffing.body.field).toBe('staffing.chief');
        const date = await as(CHIEF_FGC).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-02-30', duties: ['负责法制审核工作'], staffing: { chief: 1, deputy: 1, staff: 4 } }).expect(400);
        expect(date.body.field).toBe('effectiveFrom');
        const section = await office().post('/api/governance/duties', { sectionId: 'nope', effectiveFrom: '2024-07-01', duties: ['负责法制审核工作'], staffing: { chief: 1, deputy: 1, staff: 4 } }).expect(400);
        expect(section.body.field).toBe('sectionId');
      });
      const v = await as(CHIEF_FGC).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-07-01', duties: ['负责法制审核工作'], staffing: { chief: 1, deputy: 1, staff: 4 } }).expect(201);
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/duties/${v.body.pending.id}/withdraw`).expect(403));
      const withdrawn = await as(CHIEF_FGC).post(`/api/governance/duties/${v.body.pending.id}/withdraw`).expect(200);
      expect(withdrawn.body.pending).toBeNull();
      await as(CHIEF_FGC).post('/api/governance/duties', { sectionId: 'fgc', effectiveFrom: '2024-07-01', duties: ['负责法制审核工作'], staffing: { chief: 1, deputy: 1, staff: 4 } }).expect(201);
    });
  });

  describe('效能制度 efficiency systems', () => {
    const content = '本处承办事项按下列时限办结，不能按期办结的须提前报处长批准并告知当事人。';

    it('successful-systems: the chief submits 限时办结制 with its time limits, the office returns it, then approves and it is published', async () => {
      const first = await as(CHIEF_ZF2)
        .post('/api/governance/systems', { kind: 'time_limit', content, items: [{ matter: '违法建设举报的现场核查', limitDays: 3 }], effectiveFrom: '2024-06-01', publish: true })
        .expect(201);
      expect(first.body).toMatchObject({ sectionId: 'zf2', name: '限时办结制', state: 'pending', current: null, pending: { seq: 1, status: 'pending' }, canEdit: true });
      const systemId = first.body.id as string;
      await unchanged(() => as(CHIEF_ZF2).post('/api/governance/systems', { kind: 'time_limit', content, items: [{ matter: '违法建设举报的现场核查', limitDays: 2 }], effectiveFrom: '2024-06-01', publish: true }).expect(409));

      // other sections don't see it while under review; nobody but the office decides; only zf2 withdraws
      const seenByZf1 = await as(DEMO.chiefZf1).get('/api/governance/systems?sectionId=zf2').expect(200);
      expect(seenByZf1.body.systems).toEqual([]);
      expect(seenByZf1.body.canEdit).toBe(false);
      await as(DEMO.chiefZf1).get(`/api/governance/systems/${systemId}`).expect(404);
      await unchanged(() => as(CHIEF_ZF2).post(`/api/governance/system-versions/${first.body.pending.id}/decision`, { decision: 'approved' }).expect(403));
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/system-versions/${first.body.pending.id}/withdraw`).expect(403));

      const returned = await office().post(`/api/governance/system-versions/${first.body.pending.id}/decision`, { decision: 'rejected', note: '请补充一般程序案件的办结时限' }).expect(200);
      expect(returned.body).toMatchObject({ state: 'missing', pending: null });
      expect(returned.body.versions[0]).toMatchObject({ status: 'rejected', decisionNote: '请补充一般程序案件的办结时限' });
      expect((await notices(CHIEF_ZF2)).some((n) => n.title === '效能制度被退回' && n.body.includes('请补充'))).toBe(true);

      const second = await as(CHIEF_ZF2)
        .post('/api/governance/systems', {
          kind: 'time_limit',
          content,
          items: [
            { matter: '违法建设举报的现场核查', limitDays: 3 },
            { matter: '一般程序案件调查终结', limitDays: 30, detail: '复杂案件经批准可延长' },
          ],
          effectiveFrom: '2024-06-01',
          publish: true,
        })
        .expect(201);
      expect(second.body.pending.seq).toBe(2);
      const approved = await office().post(`/api/governance/system-versions/${second.body.pending.id}/decision`, { decision: 'approved' }).expect(200);
      expect(approved.body).toMatchObject({ state: 'in_force', current: { seq: 2, inForce: true, publish: true, items: [{ limitDays: 3 }, { limitDays: 30, detail: '复杂案件经批准可延长' }] } });
      expect(approved.body.current.publishedAt).toBe(START.toISOString());

      // visible bureau-wide now, and published to the public
      const list = await as(DEMO.staffZf1).get('/api/governance/systems?sectionId=zf2').expect(200);
      expect(list.body.systems.map((s: { kind: string; state: string }) => [s.kind, s.state])).toEqual([['time_limit', 'in_force']]);
      expect(list.body.missing).not.toContain('time_limit');
      expect(list.body.missing).toContain('first_inquiry');
      const published = await http().get('/api/governance/public/systems?sectionId=zf2').expect(200);
      expect(published.body).toEqual([expect.objectContaining({ sectionName: '执法二处', name: '限时办结制', items: [expect.objectContaining({ matter: '违法建设举报的现场核查', limitDays: 3 }), expect.anything()] })]);
      // the office's overview counts it
      const overview = await office().get('/api/governance/overview').expect(200);
      expect(overview.body.rows.find((r: { sectionId: string }) => r.sectionId === 'zf2')).toMatchObject({ systemsInForce: 1, systemsRequired: 7, systemsPending: 0 });
      await as(DEMO.chiefZf1).get('/api/governance/overview').expect(403);
    });

    it('failing-systems: 限时办结 without limits, 服务承诺 without commitments, 其他 without a name, a staff member — refused, nothing written', async () => {
      await unchanged(async () => {
        const limits = await as(CHIEF_ZHDD).post('/api/governance/systems', { kind: 'time_limit', content, items: [{ matter: '数字城管案件派遣' }], effectiveFrom: '2024-06-01', publish: false }).expect(400);
        expect(limits.body.field).toBe('items');
        const pledge = await as(CHIEF_ZHDD).post('/api/governance/systems', { kind: 'service_pledge', content, items: [], effectiveFrom: '2024-06-01', publish: true }).expect(400);
        expect(pledge.body.field).toBe('items');
        const other = await as(CHIEF_ZHDD).post('/api/governance/systems', { kind: 'other', content, items: [], effectiveFrom: '2024-06-01', publish: false }).expect(400);
        expect(other.body.field).toBe('name');
        const kind = await as(CHIEF_ZHDD).post('/api/governance/systems', { kind: 'nonsense', content, items: [], effectiveFrom: '2024-06-01', publish: false }).expect(400);
        expect(kind.body.field).toBe('kind');
        const nested = await as(CHIEF_ZHDD).post('/api/governance/systems', { kind: 'time_limit', content, items: [{ matter: '派遣', limitDays: 0 }], effectiveFrom: '2024-06-01', publish: false }).expect(400);
        expect(nested.body.field).toMatch(/^items/);
        await as(DEMO.staffZf1).post('/api/governance/systems', { kind: 'first_inquiry', content, items: [], effectiveFrom: '2024-06-01', publish: false }).expect(403);
      });
    });
  });

  describe('会议、检查、评比报批', () => {
    const apply = (personId: string, body: object) =>
      as(personId).post('/api/governance/applications', { reason: '落实年度计划，检查基层执行情况', expectedAttendees: 10, ...body });

    it('successful-merge: overlapping applications are suggested, the office merges them, every applicant sees the outcome', async () => {
      const a = (await apply(DEMO.chiefZf1, { kind: 'inspection', title: '夏季市容专项检查', targetUnits: ['市环境卫生管理处'], plannedDate: '2024-06-20', endDate: '2024-06-21' }).expect(201)).body;
      const b = (await apply(CHIEF_ZF2, { kind: 'appraisal', title: '门前三包评比', targetUnits: ['市环境卫生管理处', '市园林绿化管理处'], plannedDate: '2024-06-26' }).expect(201)).body;
      const c = (await apply(CHIEF_ZHDD, { kind: 'meeting', title: '数字城管工作会', targetUnits: ['市环境卫生管理处'], plannedDate: '2024-06-21' }).expect(201)).body;
      const d = (await apply(CHIEF_FGC, { kind: 'inspection', title: '执法案卷检查', targetUnits: ['市公用事业和市政管理处'], plannedDate: '2024-06-22' }).expect(201)).body;
      const e = (await apply(CHIEF_FGC, { kind: 'inspection', title: '年中执法检查', targetUnits: ['市环境卫生管理处'], plannedDate: '2024-07-10' }).expect(201)).body;
      expect(a).toMatchObject({ status: 'pending', sectionName: '执法一处', kindLabel: '检查', endDate: '2024-06-21' });
      expect((await notices(DEMO.office)).some((n) => n.title === '检查报批待审批')).toBe(true);

      // suggestions: same family (检查/评比), within 7 days, a shared unit — not the meeting, not another unit, not a month later
      const overlaps = await office().get('/api/governance/applications/overlaps').expect(200);
      expect(overlaps.body.windowDays).toBe(7);
      const group = overlaps.body.groups.find((g: { ids: string[] }) => g.ids.includes(a.id));
      expect(group.ids).toEqual([a.id, b.id]);
      expect(group.sharedUnits).toEqual(['市环境卫生管理处']);
      expect(group.reason).toContain('市环境卫生管理处');
      for (const x of [c, d, e]) expect(overlaps.body.groups.some((g: { ids: string[] }) => g.ids.includes(x.id))).toBe(false);
      await as(DEMO.chiefZf1).get('/api/governance/applications/overlaps').expect(403);

      // scope: a chief sees only their section's applications and decides nothing
      await as(DEMO.chiefZf1).get(`/api/governance/applications/${b.id}`).expect(403);
      await as(DEMO.chiefZf1).get('/api/governance/applications?sectionId=zf2').expect(403);
      const mine = await as(DEMO.chiefZf1).get('/api/governance/applications').expect(200);
      expect(mine.body.every((x: { sectionId: string }) => x.sectionId === 'zf1')).toBe(true);
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/applications/${a.id}/decision`, { decision: 'approved' }).expect(403));
      await unchanged(() => as(DEMO.chiefZf1).post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: [b.id], note: '合并' }).expect(403));
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/applications/${b.id}/withdraw`).expect(403));

      // bad merges write nothing
      await unchanged(async () => {
        expect((await office().post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: [a.id], note: '合并' }).expect(400)).body.field).toBe('mergedIds');
        expect((await office().post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: ['nope'], note: '合并' }).expect(400)).body.field).toBe('mergedIds');
        expect((await office().post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: [b.id], note: '合并', plannedDate: '2024-06-14' }).expect(400)).body.field).toBe('plannedDate');
        expect((await office().post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: [], note: '合并' }).expect(400)).body.field).toBe('mergedIds');
      });

      const merged = await office().post('/api/governance/applications/merge', { primaryId: a.id, mergedIds: [b.id], note: '同一时期检查同一单位，合并为一次，评比内容一并检查' }).expect(200);
      expect(merged.body).toMatchObject({
        id: a.id,
        status: 'approved',
        targetUnits: ['市环境卫生管理处', '市园林绿化管理处'],
        plannedDate: '2024-06-20',
        mergedFrom: [{ id: b.id, title: '门前三包评比', sectionName: '执法二处' }],
      });
      const bAfter = await as(CHIEF_ZF2).get(`/api/governance/applications/${b.id}`).expect(200);
      expect(bAfter.body).toMatchObject({ status: 'merged', mergedIntoId: a.id, mergedIntoTitle: '夏季市容专项检查', decidedByName: '方学军' });
      expect((await notices(CHIEF_ZF2)).some((n) => n.title === '报批已合并' && n.body.includes('执法一处“夏季市容专项检查”'))).toBe(true);
      expect((await notices(DEMO.chiefZf1)).some((n) => n.title === '报批已批准（合并）')).toBe(true);
      // merged ones leave the suggestions and cannot be decided again
      const after = await office().get('/api/governance/applications/overlaps').expect(200);
      expect(after.body.groups.some((g: { ids: string[] }) => g.ids.includes(a.id) || g.ids.includes(b.id))).toBe(false);
      await unchanged(() => office().post(`/api/governance/applications/${b.id}/decision`, { decision: 'approved' }).expect(409));
      await unchanged(() => office().post('/api/governance/applications/merge', { primaryId: d.id, mergedIds: [b.id], note: '再合并' }).expect(409));

      // refusal needs a reason; the applicant is told
      await unchanged(() => office().post(`/api/governance/applications/${c.id}/decision`, { decision: 'rejected' }).expect(400));
      const rejected = await office().post(`/api/governance/applications/${c.id}/decision`, { decision: 'rejected', note: '请改为书面调度，不召集基层开会' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '请改为书面调度，不召集基层开会' });
      expect((await notices(CHIEF_ZHDD)).some((n) => n.title === '报批未获批准' && n.body.includes('书面调度'))).toBe(true);
      const approvedD = await office().post(`/api/governance/applications/${d.id}/decision`, { decision: 'approved' }).expect(200);
      expect(approvedD.body.status).toBe('approved');
      const withdrawn = await as(CHIEF_FGC).post(`/api/governance/applications/${e.id}/withdraw`).expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
    });

    it('failing-apply: not in advance, end before start, bad kind, no units — refused naming the field, nothing written', async () => {
      await unchanged(async () => {
        const base = { kind: 'meeting', title: '工作会', targetUnits: ['市环境卫生管理处'], plannedDate: '2024-06-20' };
        expect((await apply(DEMO.chiefZf1, { ...base, plannedDate: '2024-06-14' }).expect(400)).body.field).toBe('plannedDate');
        expect((await apply(DEMO.chiefZf1, { ...base, endDate: '2024-06-19' }).expect(400)).body.field).toBe('endDate');
        expect((await apply(DEMO.chiefZf1, { ...base, kind: 'party' }).expect(400)).body.field).toBe('kind');
        expect((await apply(DEMO.chiefZf1, { ...base, targetUnits: [] }).expect(400)).body.field).toBe('targetUnits');
        expect((await apply(DEMO.chiefZf1, { ...base, expectedAttendees: 0 }).expect(400)).body.field).toBe('expectedAttendees');
        await apply(DEMO.staffZf1, base).expect(403);
        await apply(DEMO.leader, base).expect(403);
      });
    });
  });

  describe('处室衔接 coordination and JI-2', () => {
    const handOver = (personId: string, body: object) =>
      as(personId).post('/api/governance/coordination', { detail: '请核查处置并回复联系人', contactName: '余子豪', contactPhone: '13900001111', ...body });

    it('successful-break: overdue (bureau zone) is flagged, not deducted; the office confirms → a JI-2 incident on the 经办人 with the record as evidence', async () => {
      const rec = (await handOver(CHIEF_ZF2, { toSectionId: 'zf1', matter: '东门夜市占道投诉转办', deadline: '2024-06-18' }).expect(201)).body;
      expect(rec).toMatchObject({ status: 'sent', fromSectionName: '执法二处', toSectionName: '执法一处', overdue: false, breakStatus: null, canAcknowledge: false });
      expect((await notices(DEMO.chiefZf1)).some((n) => n.title === '收到处室衔接事项' && n.link?.includes(rec.id))).toBe(true);

      // only the receiving section's chief signs for it; the handler must be one of theirs
      await unchanged(() => as(CHIEF_ZF2).post(`/api/governance/coordination/${rec.id}/acknowledge`, {}).expect(403));
      await unchanged(() => as(DEMO.staffZf1).post(`/api/governance/coordination/${rec.id}/acknowledge`, {}).expect(403));
      await unchanged(async () => expect((await as(DEMO.chiefZf1).post(`/api/governance/coordination/${rec.id}/acknowledge`, { handlerId: DEPUTY_ZF2 }).expect(400)).body.field).toBe('handlerId'));
      const inbox = await as(DEMO.chiefZf1).get('/api/governance/coordination?box=inbox').expect(200);
      expect(inbox.body.find((r: { id: string }) => r.id === rec.id)).toMatchObject({ canAcknowledge: true, canComplete: true });
      const acked = await as(DEMO.chiefZf1).post(`/api/governance/coordination/${rec.id}/acknowledge`, { handlerId: DEMO.staffZf1 }).expect(200);
      expect(acked.body).toMatchObject({ status: 'acknowledged', handlerId: DEMO.staffZf1, handlerName: '杨玉兰' });
      expect((await notices(DEMO.staffZf1)).some((n) => n.title === '请办理处室衔接事项')).toBe(true);
      await as(DEMO.chiefZf1).post(`/api/governance/coordination/${rec.id}/acknowledge`, {}).expect(409);
      // the handler sees it; a colleague does not
      const handlerBox = await as(DEMO.staffZf1).get('/api/governance/coordination?box=inbox').expect(200);
      expect(handlerBox.body.map((r: { id: string }) => r.id)).toContain(rec.id);
      await as('p017').get(`/api/governance/coordination/${rec.id}`).expect(403);
      expect((await as('p017').get('/api/governance/coordination').expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(rec.id);

      // the deadline's last minute in Shanghai: not overdue yet
      clock.current = new Date('2024-06-18T15:59:00Z');
      expect((await as(DEMO.chiefZf1).get(`/api/governance/coordination/${rec.id}`).expect(200)).body).toMatchObject({ overdue: false, breakStatus: null });
      // 00:30 on the 19th in Shanghai (still the 18th in UTC): overdue, flagged for the office — and nothing deducted
      clock.current = new Date('2024-06-18T16:30:00Z');
      const flagged = await as(DEMO.chiefZf1).get(`/api/governance/coordination/${rec.id}`).expect(200);
      expect(flagged.body).toMatchObject({ overdue: true, breakStatus: 'awaiting', incidentId: null, canReview: false });
      const queue = await office().get('/api/governance/coordination?review=awaiting').expect(200);
      expect(queue.body.find((r: { id: string }) => r.id === rec.id)).toMatchObject({ breakStatus: 'awaiting', canReview: true });
      expect((await office().get(`/api/incidents?personId=${DEMO.staffZf1}`).expect(200)).body.filter((i: { rule: string }) => i.rule === 'JI-2')).toEqual([]);
      expect(await jiItems(DEMO.staffZf1)).toEqual([]);

      // scope: only the office confirms
      await unchanged(() => as(DEMO.chiefZf1).post(`/api/governance/coordination/${rec.id}/break`, { note: '逾期未办结，造成群众重复投诉' }).expect(403));
      await unchanged(() => as(DEMO.leader).post(`/api/governance/coordination/${rec.id}/break`, { note: '逾期未办结，造成群众重复投诉' }).expect(403));
      // a responsible person outside both sections is refused
      await unchanged(async () => expect((await office().post(`/api/governance/coordination/${rec.id}/break`, { personId: 'p030', note: '逾期未办结，造成群众重复投诉' }).expect(400)).body.field).toBe('personId'));

      const confirmed = await office().post(`/api/governance/coordination/${rec.id}/break`, { note: '逾期未办结，造成群众重复投诉' }).expect(200);
      expect(confirmed.body).toMatchObject({ breakStatus: 'confirmed', responsiblePersonId: DEMO.staffZf1, responsiblePersonName: '杨玉兰', canReview: false });
      const incidentId = confirmed.body.incidentId as string;
      const incident = await as(DEMO.staffZf1).get(`/api/incidents/${incidentId}`).expect(200);
      expect(incident.body).toMatchObject({ rule: 'JI-2', personId: DEMO.staffZf1, sectionId: 'zf1', date: '2024-06-18', status: 'pending', cost: '本人 −5，处长 −2，每位副处长 −2' });
      expect(incident.body.description).toContain('处室衔接脱节断档');
      expect(incident.body.description).toContain(rec.id);
      expect((await notices(DEMO.staffZf1)).some((n) => n.title === '新的考评事件待核实')).toBe(true);
      expect((await notices(CHIEF_ZF2)).some((n) => n.title === '处室衔接脱节断档已认定')).toBe(true);
      await unchanged(() => office().post(`/api/governance/coordination/${rec.id}/break`, { note: '再次认定一遍看看' }).expect(409));
      await unchanged(() => office().post(`/api/governance/coordination/${rec.id}/clear`, { note: '撤回认定' }).expect(409));

      // pending verification: still nothing on the score; verified: −5 on the 经办人, −2 on the chief and the deputy
      expect(await jiItems(DEMO.staffZf1)).toEqual([]);
      await office().post(`/api/incidents/${incidentId}/verify`, { note: '经查属实' }).expect(200);
      expect(await jiItems(DEMO.staffZf1)).toEqual([expect.objectContaining({ points: -5, source: incidentId, evidence: expect.objectContaining({ kind: 'incident', id: incidentId }) })]);
      expect(await jiItems(DEMO.chiefZf1)).toEqual([expect.objectContaining({ points: -2, source: incidentId })]);
      expect(await jiItems(DEPUTY_ZF1)).toEqual([expect.objectContaining({ points: -2, source: incidentId })]);
      // the evidence traces back: the record names the incident
      const traced = await office().get(`/api/governance/coordination?review=confirmed`).expect(200);
      expect(traced.body.find((r: { incidentId: string | null }) => r.incidentId === incidentId)?.id).toBe(rec.id);

      // completing late still works and is kept as late
      const done = await as(DEMO.staffZf1).post(`/api/governance/coordination/${rec.id}/complete`, { result: '已到场处置，劝离摊贩 4 处' }).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', completedOn: '2024-06-19', late: true, breakStatus: 'confirmed' });
    });

    it('successful-break without a handler: the receiving chief on the deadline answers for it; a cleared flag deducts nothing', async () => {
      const unanswered = (await handOver(DEMO.chiefZf1, { toSectionId: 'fgc', matter: '夜市案件法制审核', deadline: '2024-06-17', contactName: '向宏伟' }).expect(201)).body;
      const lateDone = (await handOver(DEMO.chiefZf1, { toSectionId: 'zf2', matter: '联合整治方案会签', deadline: '2024-06-17', contactName: '向宏伟' }).expect(201)).body;
      clock.current = new Date('2024-06-20T02:00:00Z');
      const done = await as(CHIEF_ZF2).post(`/api/governance/coordination/${lateDone.id}/complete`, { result: '已会签' }).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', handlerId: CHIEF_ZF2, late: true, overdue: false, breakStatus: 'awaiting' });
      const queue = (await office().get('/api/governance/coordination?review=awaiting').expect(200)).body.map((r: { id: string }) => r.id);
      expect(queue).toEqual(expect.arrayContaining([unanswered.id, lateDone.id]));

      const cleared = await office().post(`/api/governance/coordination/${lateDone.id}/clear`, { note: '双方协商延期至 6 月 20 日，有记录' }).expect(200);
      expect(cleared.body).toMatchObject({ breakStatus: 'cleared', incidentId: null });
      expect((await office().get('/api/governance/coordination?review=awaiting').expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(lateDone.id);
      expect(await jiItems(CHIEF_ZF2)).toEqual([]);

      const confirmed = await office().post(`/api/governance/coordination/${unanswered.id}/break`, { note: '逾期未签收，案件审核断档' }).expect(200);
      expect(confirmed.body.responsiblePersonId).toBe(CHIEF_FGC);
      const incident = await office().get(`/api/incidents/${confirmed.body.incidentId}`).expect(200);
      expect(incident.body).toMatchObject({ rule: 'JI-2', personId: CHIEF_FGC, sectionId: 'fgc', date: '2024-06-17' });
      // a record still in time cannot be "cleared"
      const fresh = (await handOver(DEMO.chiefZf1, { toSectionId: 'zf2', matter: '城管进社区宣传材料', deadline: '2024-06-30', contactName: '向宏伟' }).expect(201)).body;
      await unchanged(() => office().post(`/api/governance/coordination/${fresh.id}/clear`, { note: '没有问题' }).expect(409));
    });

    it('failing-hand-over: to oneself, to a non-机关 section, a past deadline, a bad phone, a staff member — refused, nothing written', async () => {
      await unchanged(async () => {
        const base = { toSectionId: 'zf1', matter: '交办事项', deadline: '2024-06-20' };
        expect((await handOver(CHIEF_ZF2, { ...base, toSectionId: 'zf2' }).expect(400)).body.field).toBe('toSectionId');
        expect((await handOver(CHIEF_ZF2, { ...base, toSectionId: 'jdk' }).expect(400)).body.field).toBe('toSectionId');
        expect((await handOver(CHIEF_ZF2, { ...base, toSectionId: 'nope' }).expect(400)).body.field).toBe('toSectionId');
        expect((await handOver(CHIEF_ZF2, { ...base, deadline: '2024-06-13' }).expect(400)).body.field).toBe('deadline');
        expect((await handOver(CHIEF_ZF2, { ...base, contactPhone: 'call me' }).expect(400)).body.field).toBe('contactPhone');
        expect((await handOver(CHIEF_ZF2, { ...base, matter: '' }).expect(400)).body.field).toBe('matter');
        await handOver(DEMO.staffZf1, base).expect(403);
      });
    });
  });
});

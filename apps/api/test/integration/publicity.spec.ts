/**
 * 进度公示 and 公众开放日 (seed 002 五.(二), 五.(七), 六.3): the section edits, the office approves, the public sees only
 * approved content; open-day registration (idempotent per phone, capacity under concurrency, deadline), the
 * registrant's own look-up, check-in codes, phone masking and scope.
 */
import request from 'supertest';
import { localDate } from '../../src/common/time.js';
import { OpenDay, OpenDayRegistration, PublicityBoard } from '../../src/publicity/publicity.entities.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;
const CHIEF_JDK = DEMO.chiefJdk; // 城管监督科 科长: a 五比五评 section
const BOARD = '/api/publicity/boards/jdk/2026';

describe('进度公示 and 公众开放日', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let chief: string;
  let otherChief: string;
  let staff: string;
  // 2026-06-10 10:00 in the bureau's zone
  const clock = new FixedClock(new Date('2026-06-10T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ PUBLICITY_RATE_LIMIT: '100000' }, clock);
    office = await t.login(DEMO.office);
    leader = await t.login(DEMO.leader);
    chief = await t.login(CHIEF_JDK);
    otherChief = await t.login(DEMO.chiefZf1);
    staff = await t.login(DEMO.staffZf1);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const as = (token: string) => ({
    get: (url: string) => http().get(url).set('Authorization', `Bearer ${token}`),
    put: (url: string, body: object) => http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    post: (url: string, body: object = {}) => http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) => http().patch(url).set('Authorization', `Bearer ${token}`).send(body),
  });

  interface Content {
    tasks: { id: string; title: string; description: string | null; updates: { id: string; date: string; percent: number; text: string }[] }[];
    problems: { id: string; title: string; solution: string; solvedOn: string; problemId?: string | null }[];
  }
  /** A board's content as the editor sends it back. */
  const toInput = (c: Content) => ({
    tasks: c.tasks.map((tk) => ({ id: tk.id, title: tk.title, ...(tk.description ? { description: tk.description } : {}), updates: tk.updates.map((u) => ({ id: u.id, date: u.date, percent: u.percent, text: u.text })) })),
    problems: c.problems.map((p) => ({ id: p.id, title: p.title, solution: p.solution, solvedOn: p.solvedOn, ...(p.problemId ? { problemId: p.problemId } : {}) })),
  });

  const firstDraft = {
    tasks: [
      {
        title: '城市管理领域突出问题专项整治',
        description: '聚焦占道经营、违规广告，以月保季、以季保年',
        updates: [
          { date: '2026-03-15', percent: 20, text: '完成全市占道经营摸底，建立问题台账' },
          { date: '2026-05-20', percent: 45, text: '集中整治人民路、解放路夜市' },
        ],
      },
      { title: '12319 热线办结提速', updates: [{ date: '2026-04-01', percent: 30, text: '建立限时办结台账' }] },
    ],
    problems: [{ title: '新华小区门口夜市噪音扰民', solution: '夜市调整收市时间至 22:00，增设隔音围挡', solvedOn: '2026-05-08' }],
  };

  it('demo data: approved boards of three sections, one awaiting review, an upcoming open day with registrations', async () => {
    const list = (await http().get('/api/publicity/sections').expect(200)).body as { sectionId: string; published: boolean; taskCount: number; upcomingOpenDays: number }[];
    expect(list.filter((s) => s.published).map((s) => s.sectionId)).toEqual(['jdk', 'zfzd', 'hwc']);
    expect(list.find((s) => s.sectionId === 'jdk')).toMatchObject({ taskCount: 3, upcomingOpenDays: 1 });
    const jdk = (await http().get('/api/publicity/sections/jdk').expect(200)).body;
    expect(jdk.board.tasks[0].updates.length).toBeGreaterThan(1);
    expect(jdk.openDays).toHaveLength(1);
    expect(jdk.openDays[0]).toMatchObject({ registered: 5, capacity: 30, status: 'open' });
    // (the demo is seeded for the real year, whatever the test clock says)
    const demoYear = localDate(new Date(), 'Asia/Shanghai').slice(0, 4);
    const boards = (await as(office).get(`/api/publicity/boards?year=${demoYear}`).expect(200)).body as { sectionId: string; status: string }[];
    expect(boards.find((b) => b.sectionId === 'csglk')?.status).toBe('submitted');
    // the rest of this file starts from no boards and no open days
    for (const table of ['open_day_registrations', 'open_days', 'publicity_problems', 'publicity_tasks', 'publicity_boards']) await t.ds.query(`DELETE FROM ${table}`);
  });

  describe('progress board: edit → submit → approve / return', () => {
    let revision = 0;

    it('successful-read: an empty board before the section writes one; nothing public yet', async () => {
      const res = await as(chief).get(BOARD).expect(200);
      expect(res.body).toMatchObject({ sectionId: 'jdk', sectionName: '城管监督科', year: 2026, status: 'none', revision: 0, canEdit: true, canReview: false, published: null });
      const pub = await http().get('/api/publicity/sections/jdk').expect(200);
      expect(pub.body).toMatchObject({ sectionId: 'jdk', year: 2026, years: [], board: null, openDays: [] });
    });

    it('failing-save: wrong dates, duplicate ids, bad problem links → 400 naming the field, nothing written', async () => {
      const before = await tableCounts(t.ds);
      const cases: [object, string][] = [
        [{ revision: 0, tasks: [{ title: '任务', updates: [{ date: '2025-12-31', percent: 10, text: '去年的进展' }] }], problems: [] }, 'tasks.0.updates.0.date'],
        [{ revision: 0, tasks: [{ title: '任务', updates: [{ date: '2026-06-11', percent: 10, text: '明天的进展' }] }], problems: [] }, 'tasks.0.updates.0.date'],
        [{ revision: 0, tasks: [{ title: '任务', updates: [{ date: '2026-06-01', percent: 101, text: '超过百分百' }] }], problems: [] }, 'tasks.0.updates.0.percent'],
        [{ revision: 0, tasks: [{ id: 'a', title: '任务一', updates: [] }, { id: 'a', title: '任务二', updates: [] }], problems: [] }, 'tasks.1.id'],
        [{ revision: 0, tasks: [], problems: [{ title: '问题', solution: '已解决', solvedOn: '2026-07-01' }] }, 'problems.0.solvedOn'],
        [{ revision: 0, tasks: [], problems: [{ title: '问题', solution: '已解决', solvedOn: '2026-05-01', problemId: 'nope' }] }, 'problems.0.problemId'],
        [{ revision: 0, tasks: 'x', problems: [] }, 'tasks'],
      ];
      for (const [body, field] of cases) {
        const res = await as(chief).put(BOARD, body).expect(400);
        expect(res.body.field).toBe(field);
      }
      expect(await tableCounts(t.ds)).toEqual(before);
    });

    it('failing-save: only the chief or deputy of the section, only open years, only participating sections', async () => {
      const before = await tableCounts(t.ds);
      expect((await as(otherChief).put(BOARD, { revision: 0, ...firstDraft }).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      expect((await as(office).put(BOARD, { revision: 0, ...firstDraft }).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      await as(leader).put(BOARD, { revision: 0, ...firstDraft }).expect(403);
      await as(staff).put(BOARD, { revision: 0, ...firstDraft }).expect(403);
      await http().put(BOARD).send({ revision: 0, ...firstDraft }).expect(401);
      expect((await as(chief).put('/api/publicity/boards/jdk/2024', { revision: 0, tasks: [], problems: [] }).expect(409)).body.code).toBe('BOARD_STATE');
      await as(chief).put('/api/publicity/boards/jdk/20x6', { revision: 0, tasks: [], problems: [] }).expect(400);
      expect((await as(otherChief).get('/api/publicity/boards/zf1/2026').expect(404)).body.message).toContain('未参加');
      await as(otherChief).get(BOARD).expect(403);
      await http().get('/api/publicity/sections/zf1').expect(404);
      expect(await tableCounts(t.ds)).toEqual(before);
    });

    it('successful-save: the chief saves a draft; the public still sees nothing', async () => {
      const res = await as(chief).put(BOARD, { revision: 0, ...firstDraft }).expect(200);
      expect(res.body).toMatchObject({ status: 'draft', revision: 1, unpublishedChanges: true, published: null });
      const [task1, task2] = res.body.draft.tasks;
      expect(task1).toMatchObject({ title: '城市管理领域突出问题专项整治', percent: 45 });
      expect(task1.updates.map((u: { date: string }) => u.date)).toEqual(['2026-05-20', '2026-03-15']);
      expect(task2.percent).toBe(30);
      expect(res.body.draft.problems).toHaveLength(1);
      revision = res.body.revision;
      // an unchanged save changes nothing
      expect((await as(chief).put(BOARD, { revision, ...toInput(res.body.draft) }).expect(200)).body.revision).toBe(revision);
      expect((await http().get('/api/publicity/sections/jdk').expect(200)).body.board).toBeNull();
      const list = (await http().get('/api/publicity/sections').expect(200)).body as { sectionId: string; published: boolean }[];
      expect(list.map((s) => s.sectionId)).toEqual(['jdk', 'csglk', 'zfzd', 'zhzx', 'ylc', 'hwc', 'gyc']);
      expect(list.every((s) => !s.published)).toBe(true);
    });

    it('failing-save: a stale revision is refused (someone else saved meanwhile)', async () => {
      const res = await as(chief).put(BOARD, { revision: 0, ...firstDraft }).expect(409);
      expect(res.body.field).toBe('revision');
    });

    it('successful-return: the office returns it with a reason; still nothing public', async () => {
      await as(chief).post(`${BOARD}/approve`, { revision }).expect(403);
      await as(office).post(`${BOARD}/approve`, { revision }).expect(409); // not submitted yet
      const sub = await as(chief).post(`${BOARD}/submit`, { revision }).expect(200);
      expect(sub.body.status).toBe('submitted');
      expect((await as(chief).post(`${BOARD}/submit`, { revision }).expect(409)).body.code).toBe('BOARD_STATE');
      expect((await as(office).post(`${BOARD}/submit`, { revision }).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      const list = await as(office).get('/api/publicity/boards?year=2026').expect(200);
      expect(list.body.find((b: { sectionId: string }) => b.sectionId === 'jdk')).toMatchObject({ status: 'submitted', taskCount: 2, averagePercent: 38 });
      expect((await as(office).get(BOARD).expect(200)).body.canReview).toBe(true);
      await as(office).post(`${BOARD}/return`, { revision, reason: '' }).expect(400);
      const ret = await as(office).post(`${BOARD}/return`, { revision, reason: '请补充第二项工作的目标与措施' }).expect(200);
      expect(ret.body).toMatchObject({ status: 'returned', returnReason: '请补充第二项工作的目标与措施' });
      expect((await http().get('/api/publicity/sections/jdk').expect(200)).body.board).toBeNull();
    });

    it('successful-approve: edited, resubmitted, approved → the public sees exactly the approved content, no staff data', async () => {
      const current = (await as(chief).get(BOARD).expect(200)).body;
      const input = toInput(current.draft);
      input.tasks[1] = { ...input.tasks[1]!, description: '承诺工作日 5 日内办结' };
      const saved = await as(chief).put(BOARD, { revision: current.revision, ...input }).expect(200);
      expect(saved.body.status).toBe('draft');
      expect(saved.body.returnReason).toBe('请补充第二项工作的目标与措施');
      revision = saved.body.revision;
      await as(chief).post(`${BOARD}/submit`, { revision }).expect(200);
      expect((await as(office).post(`${BOARD}/approve`, { revision: revision - 1 }).expect(409)).body.field).toBe('revision');
      const ok = await as(office).post(`${BOARD}/approve`, { revision }).expect(200);
      expect(ok.body).toMatchObject({ status: 'approved', unpublishedChanges: false, publishedAt: '2026-06-10T02:00:00.000Z' });

      const pub = await http().get('/api/publicity/sections/jdk').expect(200);
      expect(pub.body.years).toEqual([2026]);
      expect(pub.body.board.averagePercent).toBe(38);
      expect(pub.body.board.tasks.map((x: { title: string; percent: number }) => [x.title, x.percent])).toEqual([
        ['城市管理领域突出问题专项整治', 45],
        ['12319 热线办结提速', 30],
      ]);
      expect(pub.body.board.tasks[1].description).toBe('承诺工作日 5 日内办结');
      expect(pub.body.board.problems[0]).toEqual({ id: expect.any(String), title: '新华小区门口夜市噪音扰民', solution: '夜市调整收市时间至 22:00，增设隔音围挡', solvedOn: '2026-05-08' });
      const text = JSON.stringify(pub.body);
      for (const secret of [CHIEF_JDK, DEMO.office, '13900340517', '武家乐', '方学军', 'problemId', 'reviewedBy', 'submittedBy', 'revision', 'returnReason']) expect(text).not.toContain(secret);
      const list = (await http().get('/api/publicity/sections').expect(200)).body;
      expect(list[0]).toMatchObject({ sectionId: 'jdk', published: true, taskCount: 2, problemCount: 1, averagePercent: 38, year: 2026 });
    });

    it('successful-republish: a new edit waits for approval while the approved version stays public', async () => {
      const current = (await as(chief).get(BOARD).expect(200)).body;
      const input = toInput(current.draft);
      const first = { ...input.tasks[0]!, updates: [{ date: '2026-06-09', percent: 70, text: '夜市整治转入长效管理' }, ...input.tasks[0]!.updates] };
      // the second task and the problem are dropped from the draft
      const saved = await as(chief).put(BOARD, { revision: current.revision, tasks: [first], problems: [] }).expect(200);
      expect(saved.body).toMatchObject({ status: 'draft', unpublishedChanges: true });
      const still = (await http().get('/api/publicity/sections/jdk').expect(200)).body.board;
      expect(still.tasks).toHaveLength(2);
      expect(still.tasks[0].percent).toBe(45);
      expect(still.problems).toHaveLength(1);

      await as(chief).post(`${BOARD}/submit`, { revision: saved.body.revision }).expect(200);
      await as(office).post(`${BOARD}/approve`, { revision: saved.body.revision }).expect(200);
      const after = (await http().get('/api/publicity/sections/jdk').expect(200)).body.board;
      expect(after.tasks.map((x: { percent: number }) => x.percent)).toEqual([70]);
      expect(after.tasks[0].updates[0]).toMatchObject({ date: '2026-06-09', percent: 70, text: '夜市整治转入长效管理' });
      expect(after.problems).toEqual([]);
      expect((await as(chief).post(`${BOARD}/submit`, { revision: saved.body.revision }).expect(409)).body.message).toContain('没有需要审核');
    });

    it('successful-link: a problem solved from the 问题清单 of the own section may be linked; another section’s may not', async () => {
      const own = await as(office).post('/api/problems', { title: '广告牌遮挡路灯', task: '拆除违规广告牌', sectionId: 'jdk', deadline: '2026-06-30' }).expect(201);
      const other = await as(office).post('/api/problems', { title: '执法一处的问题', task: '处理', sectionId: 'zf1', deadline: '2026-06-30' }).expect(201);
      const current = (await as(chief).get(BOARD).expect(200)).body;
      const body = (problemId: string) => ({ revision: current.revision, tasks: [], problems: [{ title: '广告牌遮挡路灯', solution: '已拆除', solvedOn: '2026-06-09', problemId }] });
      await as(chief).put(BOARD, body(own.body.id)).expect(400); // not solved yet
      await as(chief).post(`/api/problems/${own.body.id}/solve`, { solution: '已拆除' }).expect(200);
      await as(office).post(`/api/problems/${other.body.id}/solve`, { solution: '已处理' }).expect(200);
      expect((await as(chief).put(BOARD, body(other.body.id)).expect(400)).body.field).toBe('problems.0.problemId');
      const ok = await as(chief).put(BOARD, body(own.body.id)).expect(200);
      expect(ok.body.draft.problems[0].problemId).toBe(own.body.id);
      // an empty task list cannot be submitted
      expect((await as(chief).post(`${BOARD}/submit`, { revision: ok.body.revision }).expect(409)).body.field).toBe('tasks');
    });

    it('scope: leaders read every board, a chief only the own section, staff none', async () => {
      expect((await as(leader).get('/api/publicity/boards').expect(200)).body).toHaveLength(7);
      expect((await as(leader).get(BOARD).expect(200)).body.canEdit).toBe(false);
      expect((await as(chief).get('/api/publicity/boards').expect(200)).body.map((b: { sectionId: string }) => b.sectionId)).toEqual(['jdk']);
      expect((await as(otherChief).get('/api/publicity/boards').expect(200)).body).toEqual([]);
      await as(chief).get('/api/publicity/boards/csglk/2026').expect(403);
      await as(staff).get('/api/publicity/boards').expect(403);
      expect(await t.ds.getRepository(PublicityBoard).count()).toBe(1);
    });
  });

  describe('open days', () => {
    let eventId: string;
    let code: string;
    const person = { name: '李明', phone: '13812341234', audience: 'citizen' };

    it('failing-create: bad times, a non-participating section, unknown audiences → 400 naming the field, nothing written', async () => {
      const good = { sectionId: 'jdk', title: '城市管理公众开放日', startsAt: '2026-06-20 09:30', place: '城管监督科三楼会议室', description: '参观指挥中心，座谈交流', capacity: 3, registrationDeadline: '2026-06-18 17:00', audiences: ['citizen', 'merchant'] };
      const before = await tableCounts(t.ds);
      const cases: [object, string][] = [
        [{ ...good, registrationDeadline: '2026-06-21 09:00' }, 'registrationDeadline'],
        [{ ...good, startsAt: '2026-06-01 09:00', registrationDeadline: '2026-05-30 09:00' }, 'startsAt'],
        [{ ...good, startsAt: '2026-02-30 09:00' }, 'startsAt'],
        [{ ...good, startsAt: '2026-06-20 9:30' }, 'startsAt'],
        [{ ...good, sectionId: 'zf1' }, 'sectionId'],
        [{ ...good, audiences: ['media'] }, 'audiences'],
        [{ ...good, audiences: [] }, 'audiences'],
        [{ ...good, capacity: 0 }, 'capacity'],
      ];
      for (const [body, field] of cases) expect((await as(office).post('/api/publicity/admin/open-days', body).expect(400)).body.field).toBe(field);
      await as(chief).post('/api/publicity/admin/open-days', good).expect(403);
      expect(await tableCounts(t.ds)).toEqual(before);
      const res = await as(office).post('/api/publicity/admin/open-days', good).expect(201);
      expect(res.body).toMatchObject({
        sectionName: '城管监督科',
        startsAt: '2026-06-20T01:30:00.000Z',
        startsLocal: '2026-06-20 09:30',
        registrationDeadline: '2026-06-18T09:00:00.000Z',
        deadlineLocal: '2026-06-18 17:00',
        status: 'open',
        statusLabel: '报名中',
        remaining: 3,
        counts: { capacity: 3, registered: 0, checkedIn: 0 },
      });
      eventId = res.body.id;
      const page = await http().get('/api/publicity/sections/jdk').expect(200);
      expect(page.body.openDays.map((o: { id: string }) => o.id)).toEqual([eventId]);
      expect((await http().get('/api/publicity/sections').expect(200)).body[0].upcomingOpenDays).toBe(1);
    });

    it('failing-register: bad phone, an audience not invited → 400 naming the field, nothing written', async () => {
      const before = await tableCounts(t.ds);
      const url = `/api/publicity/open-days/${eventId}/registrations`;
      for (const phone of ['12345678901', '1381234123', '138-1234-1234', '+8613812341234']) {
        expect((await http().post(url).send({ ...person, phone }).expect(400)).body.field).toBe('phone');
      }
      expect((await http().post(url).send({ ...person, audience: 'representative' }).expect(400)).body.message).toContain('市民、商户');
      expect((await http().post(url).send({ ...person, name: '李' }).expect(400)).body.field).toBe('name');
      await http().post('/api/publicity/open-days/00000000-0000-4000-8000-000000000000/registrations').send(person).expect(404);
      expect(await tableCounts(t.ds)).toEqual(before);
    });

    it('successful-register: a code and its QR; the same person again gets the same registration', async () => {
      const url = `/api/publicity/open-days/${eventId}/registrations`;
      const res = await http().post(url).send({ ...person, organisation: '新华社区' }).expect(201);
      expect(res.body).toMatchObject({ name: '李明', phoneMasked: '138****1234', audience: 'citizen', audienceLabel: '市民', organisation: '新华社区', created: true, checkedInAt: null });
      expect(res.body.code).toMatch(CODE);
      expect(res.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(res.body.qrDataUrl.split(',')[1], 'base64').toString()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(res.body.openDay).toMatchObject({ id: eventId, registered: 1, remaining: 2 });
      expect(JSON.stringify(res.body)).not.toContain('13812341234');
      code = res.body.code;
      const again = await http().post(url).send({ ...person, name: ' 李明 ' }).expect(200);
      expect(again.body).toMatchObject({ code, created: false });
      expect((await t.ds.getRepository(OpenDay).findOneByOrFail({ id: eventId })).registeredCount).toBe(1);
      // someone else with that phone number learns nothing
      const other = await http().post(url).send({ ...person, name: '王芳' }).expect(409);
      expect(other.body.field).toBe('phone');
      expect(JSON.stringify(other.body)).not.toContain(code);
    });

    it('successful-lookup: phone and code together, nothing else', async () => {
      const res = await http().post('/api/publicity/registrations/lookup').send({ phone: person.phone, code: code.toLowerCase() }).expect(200);
      expect(res.body).toMatchObject({ code, name: '李明', phoneMasked: '138****1234', created: false, openDay: { id: eventId } });
      await http().post('/api/publicity/registrations/lookup').send({ phone: '13900000000', code }).expect(404);
      await http().post('/api/publicity/registrations/lookup').send({ phone: person.phone, code: 'ABCDEFGH' }).expect(404);
      expect((await http().post('/api/publicity/registrations/lookup').send({ phone: person.phone, code: 'abc' }).expect(400)).body.field).toBe('code');
    });

    it('failing-register: full, then past the deadline → 409 in Chinese', async () => {
      const url = `/api/publicity/open-days/${eventId}/registrations`;
      await http().post(url).send({ name: '张商户', phone: '13900001111', audience: 'merchant', organisation: '老街小吃店' }).expect(201);
      await http().post(url).send({ name: '赵市民', phone: '13900002222', audience: 'citizen' }).expect(201);
      const full = await http().post(url).send({ name: '钱市民', phone: '13900003333', audience: 'citizen' }).expect(409);
      expect(full.body).toMatchObject({ code: 'OPEN_DAY_FULL' });
      expect(full.body.message).toContain('名额已满');
      expect((await http().get(`/api/publicity/open-days/${eventId}`).expect(200)).body).toMatchObject({ status: 'full', statusLabel: '名额已满', remaining: 0 });
      // one more seat; then the deadline passes
      await as(office).patch(`/api/publicity/admin/open-days/${eventId}`, { capacity: 4 }).expect(200);
      const saved = clock.current;
      clock.current = new Date('2026-06-18T09:00:01Z');
      try {
        const late = await http().post(url).send({ name: '钱市民', phone: '13900003333', audience: 'citizen' }).expect(409);
        expect(late.body).toMatchObject({ code: 'OPEN_DAY_CLOSED' });
        expect(late.body.message).toBe('报名已于 2026-06-18 17:00 截止');
        // the same person asking again still gets their registration
        expect((await http().post(url).send(person).expect(200)).body.code).toBe(code);
      } finally {
        clock.current = saved;
      }
      expect((await t.ds.getRepository(OpenDay).findOneByOrFail({ id: eventId })).registeredCount).toBe(3);
    });

    it('failing-update: capacity below the registrations, dropping an audience in use', async () => {
      expect((await as(office).patch(`/api/publicity/admin/open-days/${eventId}`, { capacity: 2 }).expect(400)).body.field).toBe('capacity');
      expect((await as(office).patch(`/api/publicity/admin/open-days/${eventId}`, { audiences: ['citizen'] }).expect(400)).body.message).toContain('商户');
      await as(chief).patch(`/api/publicity/admin/open-days/${eventId}`, { capacity: 10 }).expect(403);
    });

    it('phone masking: full numbers for the office only', async () => {
      const url = `/api/publicity/admin/open-days/${eventId}/registrations`;
      const byOffice = (await as(office).get(url).expect(200)).body as { phone: string }[];
      expect(byOffice.map((r) => r.phone).sort()).toEqual(['13812341234', '13900001111', '13900002222']);
      for (const token of [leader, chief]) {
        const rows = (await as(token).get(url).expect(200)).body as { phone: string }[];
        expect(rows.map((r) => r.phone).sort()).toEqual(['138****1234', '139****1111', '139****2222']);
      }
      await as(otherChief).get(url).expect(403);
      await as(otherChief).get(`/api/publicity/admin/open-days/${eventId}`).expect(403);
      expect((await as(otherChief).get('/api/publicity/admin/open-days').expect(200)).body).toEqual([]);
      expect((await as(chief).get('/api/publicity/admin/open-days').expect(200)).body.map((o: { id: string }) => o.id)).toEqual([eventId]);
    });

    it('successful-check-in: preview (masked), check in, a second time is reported and not counted', async () => {
      const base = `/api/publicity/admin/open-days/${eventId}`;
      const preview = await as(office).get(`${base}/codes/${code.toLowerCase()}`).expect(200);
      expect(preview.body).toMatchObject({ alreadyCheckedIn: false, registration: { name: '李明', phone: '138****1234', audienceLabel: '市民', checkedInAt: null } });
      const first = await as(office).post(`${base}/check-ins`, { code }).expect(200);
      expect(first.body).toMatchObject({ alreadyCheckedIn: false, registration: { checkedInAt: '2026-06-10T02:00:00.000Z' } });
      expect(first.body.counts).toEqual({
        capacity: 4,
        registered: 3,
        checkedIn: 1,
        byAudience: [
          { audience: 'citizen', label: '市民', registered: 2, checkedIn: 1 },
          { audience: 'merchant', label: '商户', registered: 1, checkedIn: 0 },
        ],
      });
      const second = await as(office).post(`${base}/check-ins`, { code: ` ${code.slice(0, 4)}-${code.slice(4)} ` }).expect(200);
      expect(second.body).toMatchObject({ alreadyCheckedIn: true, counts: { checkedIn: 1 } });
      expect((await as(office).get(base).expect(200)).body.counts.checkedIn).toBe(1);
      await as(office).post(`${base}/check-ins`, { code: 'ABCDEFGH' }).expect(404);
      expect((await as(office).post(`${base}/check-ins`, { code: '12' }).expect(400)).body.field).toBe('code');
      await as(leader).post(`${base}/check-ins`, { code }).expect(403);
      await as(chief).post(`${base}/check-ins`, { code }).expect(403);
      // a code of another event is not valid here
      const other = await as(office).post('/api/publicity/admin/open-days', { sectionId: 'hwc', title: '环卫开放日', startsAt: '2026-07-01 09:00', place: '环卫处', capacity: 5, registrationDeadline: '2026-06-30 12:00', audiences: ['citizen'] }).expect(201);
      expect((await as(office).post(`/api/publicity/admin/open-days/${other.body.id}/check-ins`, { code }).expect(404)).body.message).toContain('不是本次活动');
      // the registrant sees the check-in
      expect((await http().post('/api/publicity/registrations/lookup').send({ phone: person.phone, code }).expect(200)).body.checkedInAt).toBe('2026-06-10T02:00:00.000Z');
    });

    it('successful-cancel: a cancelled open day takes no registrations and leaves the public list', async () => {
      const created = await as(office).post('/api/publicity/admin/open-days', { sectionId: 'ylc', title: '园林开放日', startsAt: '2026-07-05 09:00', place: '园林处', capacity: 5, registrationDeadline: '2026-07-04 12:00', audiences: ['citizen'] }).expect(201);
      await as(office).patch(`/api/publicity/admin/open-days/${created.body.id}`, { cancelled: true }).expect(200);
      const res = await http().post(`/api/publicity/open-days/${created.body.id}/registrations`).send(person).expect(409);
      expect(res.body.message).toContain('取消');
      expect((await http().get('/api/publicity/sections/ylc').expect(200)).body.openDays).toEqual([]);
    });

    it('capacity under concurrency: 40 people at once for 10 seats → exactly 10 registrations, never more', async () => {
      const created = await as(office).post('/api/publicity/admin/open-days', { sectionId: 'zhzx', title: '指挥中心开放日', startsAt: '2026-07-10 09:00', place: '指挥中心', capacity: 10, registrationDeadline: '2026-07-09 12:00', audiences: ['citizen', 'merchant', 'representative'] }).expect(201);
      const url = `/api/publicity/open-days/${created.body.id}/registrations`;
      const people = Array.from({ length: 40 }, (_, i) => ({ name: `市民${i}`, phone: `137${String(i).padStart(8, '0')}`, audience: (['citizen', 'merchant', 'representative'] as const)[i % 3] }));
      // and the first person five times more at once
      const calls = [...people, ...Array.from({ length: 5 }, () => people[0]!)];
      const results = await Promise.all(calls.map((p) => http().post(url).send(p)));
      expect(results.filter((r) => ![200, 201, 409].includes(r.status)).map((r) => [r.status, r.body])).toEqual([]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'OPEN_DAY_FULL')).toBe(true);
      const rows = await t.ds.getRepository(OpenDayRegistration).findBy({ openDayId: created.body.id });
      expect(rows).toHaveLength(10);
      expect(new Set(rows.map((r) => r.phone)).size).toBe(10);
      expect((await t.ds.getRepository(OpenDay).findOneByOrFail({ id: created.body.id })).registeredCount).toBe(10);
      const codes = new Set(results.filter((r) => r.status < 300).map((r) => r.body.code));
      expect(codes).toEqual(new Set(rows.map((r) => r.code)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    });

    it('idempotent under concurrency: one person submitting ten times at once → one registration, one seat', async () => {
      const created = await as(office).post('/api/publicity/admin/open-days', { sectionId: 'gyc', title: '市政开放日', startsAt: '2026-07-12 09:00', place: '市政处', capacity: 50, registrationDeadline: '2026-07-11 12:00', audiences: ['representative'] }).expect(201);
      const url = `/api/publicity/open-days/${created.body.id}/registrations`;
      const me = { name: '周代表', phone: '13655556666', audience: 'representative', organisation: '市人大代表' };
      const results = await Promise.all(Array.from({ length: 10 }, () => http().post(url).send(me)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
      expect(await t.ds.getRepository(OpenDayRegistration).countBy({ openDayId: created.body.id })).toBe(1);
      expect((await t.ds.getRepository(OpenDay).findOneByOrFail({ id: created.body.id })).registeredCount).toBe(1);
    });
  });

  describe('rate limits on the public registration and look-up', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ PUBLICITY_RATE_LIMIT: '3' });
    });
    afterAll(() => limited.close());

    it('the fourth look-up in a minute from one address is refused with 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await request(limited.app.getHttpServer()).post('/api/publicity/registrations/lookup').send({ phone: '13812341234', code: 'ABCDEFGH' })).status);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
      const reg = await request(limited.app.getHttpServer()).post('/api/publicity/open-days/00000000-0000-4000-8000-000000000000/registrations').send({ name: '李明', phone: '13812341234', audience: 'citizen' });
      expect(reg.status).toBe(429);
      expect(reg.body.message).toContain('频繁');
    });
  });
});

/**
 * Attendance end to end on a real database: geofence, field clock-in with a photo, idempotency, offline late
 * sync, anti-fraud flags, leave covering a late arrival, data scope, monthly report and the scoring facts.
 */
import request from 'supertest';
import { AttendanceEvaluationService } from '../../src/attendance/attendance-evaluation.service.js';
import { Punch } from '../../src/attendance/punch.entity.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';
import { PNG_1X1 } from '../support/images.js';

const JIGUAN = { latitude: 30.9405, longitude: 118.758 };
const FAR = { latitude: 30.98, longitude: 118.758 }; // ~4.4 km north of the bureau
const at = (local: string) => new Date(`${local}+08:00`);


let seq = 0;
const key = (tag = 'k') => `${tag}-${Date.now().toString(36)}-${(seq++).toString(36)}-abcdef`;

describe('attendance', () => {
  let t: TestApp;
  const clock = new FixedClock(at('2024-03-05T08:25:00'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const id of [DEMO.staffZf1, 'p017', 'p018', 'p019', 'p020', DEMO.chiefZf1, 'p021', DEMO.office, 'p023']) tokens[id] = await t.login(id);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const punch = (who: string, body: Record<string, unknown>) =>
    http()
      .post('/api/attendance/punches')
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({ type: 'in', ...JIGUAN, accuracy: 20, clientTime: clock.now().toISOString(), idempotencyKey: key(), deviceId: `device-${who}`, ...body });
  const get = (who: string, url: string) => http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
  const post = (who: string, url: string, body: unknown = {}) => http().post(url).set('Authorization', `Bearer ${tokens[who]}`).send(body as object);

  it('successful-clock-in inside the fence records server time and the site', async () => {
    clock.current = at('2024-03-05T08:25:00');
    const res = await punch(DEMO.staffZf1, { clientTime: at('2024-03-05T08:24:50').toISOString() }).expect(201);
    expect(res.body).toMatchObject({ type: 'in', siteId: 'site-jiguan', siteName: '局机关办公楼', field: false, localDate: '2024-03-05', localTime: '08:25' });
    expect(res.body.at).toBe(at('2024-03-05T08:25:00').toISOString());
    expect(res.body.flags).toEqual([]);
    const today = await get(DEMO.staffZf1, '/api/attendance/today').expect(200);
    expect(today.body.punches).toHaveLength(1);
    expect(today.body.workday).toBe(true);
    expect(today.body.record.clockIn).toBe('08:25');
  });

  it('failing-clock-in outside every fence is refused with a clear message, nothing written', async () => {
    const before = await tableCounts(t.ds);
    const res = await punch('p017', FAR).expect(422);
    expect(res.body.code).toBe('ATTENDANCE_OUTSIDE_FENCE');
    expect(res.body.message).toMatch(/局机关办公楼.*米.*外勤打卡/);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('failing-clock-in with poor accuracy is refused with advice', async () => {
    const res = await punch('p017', { accuracy: 800 }).expect(422);
    expect(res.body).toMatchObject({ code: 'ATTENDANCE_INACCURATE', field: 'accuracy' });
    expect(res.body.message).toContain('GPS');
  });

  it('a field clock-in (外勤) needs a photo and a note, then is accepted and flagged', async () => {
    const noPhoto = await punch('p018', { ...FAR, field: true, note: '城北夜市巡查' }).expect(400);
    expect(noPhoto.body.field).toBe('photoFileId');
    const upload = await http().post('/api/files').set('Authorization', `Bearer ${tokens.p018}`).attach('file', PNG_1X1, 'photo.png').expect(201);
    const noNote = await punch('p018', { ...FAR, field: true, photoFileId: upload.body.id }).expect(400);
    expect(noNote.body.field).toBe('note');
    const res = await punch('p018', { ...FAR, field: true, photoFileId: upload.body.id, note: '城北夜市巡查' }).expect(201);
    expect(res.body).toMatchObject({ field: true, siteId: null, photoFileId: upload.body.id, note: '城北夜市巡查' });
    expect(res.body.flags).toContain('field');
    // someone else's photo is refused
    const other = await punch('p019', { ...FAR, field: true, photoFileId: upload.body.id, note: '借用照片' }).expect(400);
    expect(other.body.field).toBe('photoFileId');
  });

  it('the same idempotency key twice gives one record', async () => {
    const k = key('same');
    const a = await punch('p019', { idempotencyKey: k }).expect(201);
    const b = await punch('p019', { idempotencyKey: k }).expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.duplicate).toBe(true);
    expect(await t.ds.getRepository(Punch).countBy({ personId: 'p019', idempotencyKey: k })).toBe(1);
  });

  it('accepts a late offline sync within the window at the phone time, flagged; refuses one past the window', async () => {
    clock.current = at('2024-03-05T10:05:00');
    const res = await punch('p020', { offline: true, clientTime: at('2024-03-05T08:20:00').toISOString() }).expect(201);
    expect(res.body.localTime).toBe('08:20');
    expect(res.body.receivedAt).toBe(at('2024-03-05T10:05:00').toISOString());
    expect(res.body.skewSeconds).toBe(105 * 60);
    expect(res.body.flags).toContain('late_sync');
    const stale = await punch('p020', { offline: true, type: 'out', clientTime: at('2024-03-01T17:40:00').toISOString() }).expect(422);
    expect(stale.body.code).toBe('ATTENDANCE_SYNC_EXPIRED');
  });

  it('flags impossible speed, a shared device, an unknown Wi-Fi and coordinates repeated across days', async () => {
    clock.current = at('2024-03-05T12:00:00');
    const first = await punch('p023', { type: 'out', latitude: 30.93801, longitude: 118.73051 }).expect(201);
    expect(first.body.flags).toEqual([]);
    clock.current = at('2024-03-05T12:01:00');
    const jump = await punch('p023', { type: 'out', ...JIGUAN, bssid: '00:11:22:33:44:55', deviceId: `device-${DEMO.staffZf1}` }).expect(201);
    expect(jump.body.flags).toEqual(expect.arrayContaining(['impossible_speed', 'shared_device', 'unknown_bssid']));
    clock.current = at('2024-03-06T08:20:00');
    const again = await punch('p023', { latitude: 30.93801, longitude: 118.73051 }).expect(201);
    expect(again.body.flags).toContain('same_coordinates');
  });

  it('an approved leave covers a late arrival; without it the same arrival is late', async () => {
    clock.current = at('2024-03-07T08:00:00');
    const leave = await post('p017', '/api/attendance/leaves', {
      type: 'personal',
      startAt: '2024-03-07T08:30:00+08:00',
      endAt: '2024-03-07T10:30:00+08:00',
      reason: '孩子学校开家长会',
    }).expect(201);
    expect(leave.body).toMatchObject({ status: 'pending', approver: 'chief', fromDate: '2024-03-07', toDate: '2024-03-07' });
    const pending = await get(DEMO.chiefZf1, '/api/attendance/leaves?view=approvals&status=pending').expect(200);
    expect(pending.body.map((l: { id: string }) => l.id)).toContain(leave.body.id);
    await post(DEMO.chiefZf1, `/api/attendance/leaves/${leave.body.id}/decision`, { approve: true }).expect(200);

    clock.current = at('2024-03-07T10:35:00');
    await punch('p017', {}).expect(201);
    await punch('p018', {}).expect(201);
    clock.current = at('2024-03-07T17:35:00');
    await punch('p017', { type: 'out' }).expect(201);
    await punch('p018', { type: 'out' }).expect(201);

    clock.current = at('2024-03-08T09:00:00');
    const day = await get(DEMO.chiefZf1, '/api/attendance/sections/zf1/day?date=2024-03-07').expect(200);
    const rec = (id: string) => day.body.records.find((r: { personId: string }) => r.personId === id);
    expect(rec('p017')).toMatchObject({ status: 'normal', late: false, scheduledIn: '10:30', clockIn: '10:35', leaveTypes: ['personal'] });
    expect(rec('p018')).toMatchObject({ status: 'late', late: true, scheduledIn: '08:30', clockIn: '10:35' });
    expect(rec(DEMO.staffZf1)).toMatchObject({ status: 'absent' });

    const facts = await t.app.get(AttendanceEvaluationService).facts(2024, ['zf1']);
    expect(facts.attendance).toEqual(
      expect.arrayContaining([
        { personId: 'p017', date: '2024-03-07', scheduledIn: '10:30', scheduledOut: '17:30', clockIn: '10:35', clockOut: '17:35' },
        { personId: 'p018', date: '2024-03-07', scheduledIn: '08:30', scheduledOut: '17:30', clockIn: '10:35', clockOut: '17:35' },
        { personId: DEMO.staffZf1, date: '2024-03-07', scheduledIn: '08:30', scheduledOut: '17:30', clockIn: null, clockOut: null },
      ]),
    );
    expect(facts.holidays).toEqual(expect.arrayContaining(['2024-02-10', '2024-02-17', '2024-10-07']));
    expect(facts.workdays).toEqual(expect.arrayContaining(['2024-02-04', '2024-02-18']));
    // the 调休 Sunday 2024-02-18 is a working day; the Spring Festival weekday 2024-02-13 is not
    expect(facts.attendance.some((r) => r.date === '2024-02-18')).toBe(true);
    expect(facts.attendance.some((r) => r.date === '2024-02-13')).toBe(false);
    expect(facts.leaves).toEqual([]); // a part-day leave moves the start instead
  });

  it('whole-day approved leave goes into the scoring leaves; pending leave does not', async () => {
    clock.current = at('2024-03-08T09:00:00');
    const mk = (who: string, startAt: string, endAt: string, type = 'sick') =>
      post(who, '/api/attendance/leaves', { type, startAt, endAt, reason: '身体不适就医' }).expect(201);
    const sick = await mk('p019', '2024-03-11T00:00:00+08:00', '2024-03-13T00:00:00+08:00');
    await mk('p020', '2024-03-11T00:00:00+08:00', '2024-03-12T00:00:00+08:00', 'personal'); // stays pending
    await post(DEMO.chiefZf1, `/api/attendance/leaves/${sick.body.id}/decision`, { approve: true }).expect(200);
    clock.current = at('2024-03-20T09:00:00');
    const facts = await t.app.get(AttendanceEvaluationService).facts(2024, ['zf1']);
    expect(facts.leaves).toEqual([{ personId: 'p019', type: 'sick', from: '2024-03-11', to: '2024-03-12' }]);
    const month = await get('p019', '/api/attendance/people/p019/month?month=2024-03').expect(200);
    expect(month.body.days.find((d: { date: string }) => d.date === '2024-03-11').status).toBe('leave');
    expect(month.body.counts.leave).toBe(2);
  });

  it('scope: a chief cannot decide another section’s leave, nobody decides their own, a chief’s own goes to the office', async () => {
    clock.current = at('2024-03-20T09:00:00');
    const staffLeave = await post(DEMO.staffZf1, '/api/attendance/leaves', { type: 'annual', startAt: '2024-03-25T08:30:00+08:00', endAt: '2024-03-25T17:30:00+08:00', reason: '公休假' }).expect(201);
    const before = await tableCounts(t.ds);
    await post('p021', `/api/attendance/leaves/${staffLeave.body.id}/decision`, { approve: true }).expect(403);
    await post(DEMO.office, `/api/attendance/leaves/${staffLeave.body.id}/decision`, { approve: true }).expect(403);
    expect(await tableCounts(t.ds)).toEqual(before);

    const own = await post(DEMO.chiefZf1, '/api/attendance/leaves', { type: 'trip', startAt: '2024-03-26T08:30:00+08:00', endAt: '2024-03-27T17:30:00+08:00', reason: '赴省厅参加培训' }).expect(201);
    expect(own.body.approver).toBe('office');
    await post(DEMO.chiefZf1, `/api/attendance/leaves/${own.body.id}/decision`, { approve: true }).expect(403);
    const officeList = await get(DEMO.office, '/api/attendance/leaves?view=approvals').expect(200);
    expect(officeList.body.map((l: { id: string }) => l.id)).toContain(own.body.id);
    await post(DEMO.office, `/api/attendance/leaves/${own.body.id}/decision`, { approve: false, note: '请改派副处长参加' }).expect(200);
    await post(DEMO.office, `/api/attendance/leaves/${own.body.id}/decision`, { approve: true }).expect(409);
  });

  it('scope: staff read only their own attendance; chiefs their section', async () => {
    await get(DEMO.staffZf1, '/api/attendance/people/p017/month?month=2024-03').expect(403);
    await get(DEMO.staffZf1, `/api/attendance/people/${DEMO.staffZf1}/month?month=2024-03`).expect(200);
    await get(DEMO.staffZf1, '/api/attendance/sections/zf1/day').expect(403);
    await get(DEMO.chiefZf1, '/api/attendance/sections/zf2/day').expect(403);
    await get(DEMO.chiefZf1, '/api/attendance/people/p023/month').expect(403);
    await get(DEMO.office, '/api/attendance/sections/zf2/month?month=2024-03').expect(200);
  });

  it('monthly report: the chief generates and signs; the office sees it submitted and exports Excel', async () => {
    clock.current = at('2024-04-01T09:00:00');
    const gen = await post(DEMO.chiefZf1, '/api/attendance/reports', { sectionId: 'zf1', month: '2024-03' }).expect(201);
    expect(gen.body).toMatchObject({ sectionId: 'zf1', month: '2024-03', status: 'generated' });
    expect(gen.body.rows.find((r: { personId: string }) => r.personId === 'p018').counts.late).toBe(1);
    await post('p021', '/api/attendance/reports', { sectionId: 'zf1', month: '2024-03' }).expect(403);
    await post('p021', `/api/attendance/reports/${gen.body.id}/sign`).expect(403);
    const signed = await post(DEMO.chiefZf1, `/api/attendance/reports/${gen.body.id}/sign`).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedBy: DEMO.chiefZf1, signedByName: '向宏伟' });
    await post(DEMO.chiefZf1, '/api/attendance/reports', { sectionId: 'zf1', month: '2024-03' }).expect(409);
    const status = await get(DEMO.office, '/api/attendance/reports/status?month=2024-03').expect(200);
    expect(status.body.sections.find((s: { sectionId: string }) => s.sectionId === 'zf1')).toMatchObject({ status: 'signed', signedByName: '向宏伟' });
    expect(status.body.sections.find((s: { sectionId: string }) => s.sectionId === 'zf2').status).toBe('missing');
    const xlsx = await get(DEMO.office, '/api/attendance/reports/export?month=2024-03&sectionId=zf1')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((xlsx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('the office edits the calendar: a holiday and a 调休 working day', async () => {
    await http().put('/api/attendance/calendar').set('Authorization', `Bearer ${tokens[DEMO.office]}`).send({ date: '2024-03-29', kind: 'holiday', name: '演示调休' }).expect(200);
    const cal = await get(DEMO.staffZf1, '/api/attendance/calendar?year=2024').expect(200);
    expect(cal.body).toEqual(expect.arrayContaining([{ date: '2024-03-29', kind: 'holiday', name: '演示调休' }, { date: '2024-02-04', kind: 'workday', name: '春节调休上班' }]));
    await http().delete('/api/attendance/calendar/2024-03-29').set('Authorization', `Bearer ${tokens[DEMO.office]}`).expect(204);
    await http().delete('/api/attendance/calendar/2024-13-29').set('Authorization', `Bearer ${tokens[DEMO.office]}`).expect(400);
    await http().put('/api/attendance/calendar').set('Authorization', `Bearer ${tokens[DEMO.staffZf1]}`).send({ date: '2024-03-29', kind: 'holiday', name: 'x' }).expect(403);
  });
});

import request from 'supertest';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, FixedClock, startTestApp, type TestApp } from '../support/test-app.js';

/** 述廉 (seed 000 五.七) and the 廉政档案: only the person and the office. */
describe('integrity reports and file', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2025-12-20T02:00:00Z'));
  const tokens: Record<string, string> = {};
  const call = (who: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens[who]}`);
    const http = () => request(t.app.getHttpServer());
    return { get: (url: string) => auth(http().get(url)), post: (url: string, body: object) => auth(http().post(url)).send(body) };
  };
  const BODY = '本年度严格遵守廉洁自律各项规定，未收受礼品礼金，未接受基层吃请，下基层调研自行解决食宿。';

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    for (const [k, id] of Object.entries({ staff: DEMO.staffZf1, colleague: 'p017', chief: DEMO.chiefZf1, office: DEMO.office, leader: DEMO.leader })) tokens[k] = await t.login(id);
  });
  afterAll(() => t.close());

  it('a cadre drafts, submits; the office approves it into the integrity file', async () => {
    const draft = await call('staff').post('/api/integrity/reports', { year: 2025, body: BODY }).expect(200);
    expect(draft.body).toMatchObject({ status: 'draft', reviewBody: 'political_office' });
    const sent = await call('staff').post('/api/integrity/reports', { year: 2025, body: BODY, submit: true }).expect(200);
    expect(sent.body.status).toBe('submitted');
    const locked = await call('staff').post('/api/integrity/reports', { year: 2025, body: BODY + '补充' }).expect(409);
    expect(locked.body.field).toBe('year');

    const queue = await call('office').get('/api/integrity/reports?year=2025&status=submitted').expect(200);
    expect(queue.body.map((r: { personId: string }) => r.personId)).toEqual([DEMO.staffZf1]);
    const noComment = await call('office').post(`/api/integrity/reports/${sent.body.id}/review`, { decision: 'returned' }).expect(400);
    expect(noComment.body.field).toBe('comment');
    await call('office').post(`/api/integrity/reports/${sent.body.id}/review`, { decision: 'approved', comment: '同意归档' }).expect(200);

    const file = await call('staff').get('/api/integrity/files/me').expect(200);
    expect(file.body.reports).toHaveLength(1);
    expect(file.body.reports[0]).toMatchObject({ year: 2025, status: 'approved', reviewComment: '同意归档' });
    expect((await call('office').get(`/api/integrity/files/${DEMO.staffZf1}`).expect(200)).body.reports).toHaveLength(1);
  });

  it('the integrity file is invisible to other staff, the person’s chief and the leaders', async () => {
    await call('colleague').get(`/api/integrity/files/${DEMO.staffZf1}`).expect(403);
    await call('chief').get(`/api/integrity/files/${DEMO.staffZf1}`).expect(403);
    await call('leader').get(`/api/integrity/files/${DEMO.staffZf1}`).expect(403);
    await call('chief').get('/api/integrity/reports').expect(403);
    await call('leader').get('/api/integrity/reports').expect(403);
    expect((await call('colleague').get('/api/integrity/mine?year=2025').expect(200)).body.report).toBeNull();
  });

  it('a chief’s report goes to the party committee; a returned report can be rewritten', async () => {
    const sent = await call('chief').post('/api/integrity/reports', { year: 2025, body: BODY, submit: true }).expect(200);
    expect(sent.body.reviewBody).toBe('party_committee');
    const back = await call('office').post(`/api/integrity/reports/${sent.body.id}/review`, { decision: 'returned', comment: '请补充分管领域廉政风险点' }).expect(200);
    expect(back.body.status).toBe('returned');
    await call('office').post(`/api/integrity/reports/${sent.body.id}/review`, { decision: 'approved' }).expect(409);
    const again = await call('chief').post('/api/integrity/reports', { year: 2025, body: BODY + '分管领域廉政风险点：行政处罚自由裁量。', submit: true }).expect(200);
    expect(again.body.status).toBe('submitted');
    expect((await call('chief').get('/api/integrity/files/me').expect(200)).body.reports).toHaveLength(0);
    await call('office').post(`/api/integrity/reports/${sent.body.id}/review`, { decision: 'approved' }).expect(200);
    const future = await call('staff').post('/api/integrity/reports', { year: 2026, body: BODY }).expect(400);
    expect(future.body.field).toBe('year');
  });

  it('attachments come with signed preview links for the person and the office; others still cannot read them', async () => {
    const up = await request(t.app.getHttpServer()).post('/api/files').set('Authorization', `Bearer ${tokens.colleague}`).attach('file', PNG_1X1, 'photo.png').expect(201);
    const sent = await call('colleague').post('/api/integrity/reports', { year: 2025, body: BODY, fileIds: [up.body.id], submit: true }).expect(200);
    expect(sent.body.attachments).toEqual([{ id: up.body.id, mime: 'image/png', previewUrl: expect.stringMatching(new RegExp(`^/api/files/${up.body.id}/content\\?exp=\\d+&sig=`)) }]);
    const queue = await call('office').get('/api/integrity/reports?year=2025&status=submitted').expect(200);
    const mine = queue.body.find((r: { personId: string }) => r.personId === 'p017');
    expect(mine.attachments).toHaveLength(1);
    const shown = await request(t.app.getHttpServer()).get(mine.attachments[0].previewUrl).expect(200);
    expect(shown.headers['content-type']).toBe('image/png');
    await call('chief').get(`/api/files/${up.body.id}`).expect(403);
    await call('leader').get(`/api/files/${up.body.id}`).expect(403);
  });
});

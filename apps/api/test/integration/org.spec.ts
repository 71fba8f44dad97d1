import request from 'supertest';
import { OrgService } from '../../src/org/org.service.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

describe('organisation: effective-dated memberships and data scope', () => {
  let t: TestApp;
  let office: string;
  const clock = new FixedClock(new Date('2026-06-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    office = await t.login(DEMO.office);
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());
  const as = (token: string) => ({ get: (url: string) => http().get(url).set('Authorization', `Bearer ${token}`) });

  it('answers "who was chief of 执法一处 on 2024-03-05" with one query', async () => {
    const org = t.app.get(OrgService);
    expect((await org.holderOn('zf1', 'chief', '2024-03-05')).map((p) => p.name)).toEqual(['向宏伟']);
    expect((await org.holderOn('zf1', 'chief', '2024-02-29')).map((p) => p.id)).toEqual([DEMO.previousChiefZf1]);
    expect((await org.holderOn('zf1', 'deputy', '2024-02-29')).map((p) => p.id)).toEqual([DEMO.chiefZf1]);
    expect((await org.holderOn('fgc', 'chief', '2024-03-01')).map((p) => p.id)).toEqual([DEMO.previousChiefZf1]);
  });

  it('serves the same through GET /api/sections/:id/members?date=', async () => {
    const res = await as(office).get('/api/sections/zf1/members?date=2024-03-05').expect(200);
    expect(res.body.chief).toMatchObject({ id: DEMO.chiefZf1, name: '向宏伟' });
    const before = await as(office).get('/api/sections/zf1/members?date=2024-02-20').expect(200);
    expect(before.body.chief.id).toBe(DEMO.previousChiefZf1);
    expect(before.body.deputies.map((d: { id: string }) => d.id)).toEqual([DEMO.chiefZf1]);
    const bad = await as(office).get('/api/sections/zf1/members?date=2024-02-30').expect(400);
    expect(bad.body.field).toBe('date');
  });

  it('moving a person closes the old membership the day before', async () => {
    const res = await http()
      .post('/api/people/p017/memberships')
      .set('Authorization', `Bearer ${office}`)
      .send({ sectionId: 'zf2', position: 'staff', from: '2026-05-01' })
      .expect(201);
    expect(res.body).toEqual([
      expect.objectContaining({ sectionId: 'zf1', from: '2021-07-01', to: '2026-04-30' }),
      expect.objectContaining({ sectionId: 'zf2', from: '2026-05-01', to: null }),
    ]);
    const person = await as(office).get('/api/people/p017').expect(200);
    expect(person.body).toMatchObject({ sectionId: 'zf2', sectionName: '执法二处', position: 'staff' });
  });

  it('refuses a second chief on the same day, naming the one in office, and writes nothing', async () => {
    const before = await tableCounts(t.ds);
    const res = await http()
      .post('/api/people/p018/memberships')
      .set('Authorization', `Bearer ${office}`)
      .send({ sectionId: 'zf1', position: 'chief', from: '2026-05-02' })
      .expect(409);
    expect(res.body.message).toContain('向宏伟');
    expect(res.body.field).toBe('position');
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('refuses a membership that starts before an existing one', async () => {
    const res = await http()
      .post('/api/people/p019/memberships')
      .set('Authorization', `Bearer ${office}`)
      .send({ sectionId: 'zf2', position: 'staff', from: '2020-01-01' })
      .expect(400);
    expect(res.body.field).toBe('from');
  });

  it('staff see themselves only; chiefs their section; office the bureau', async () => {
    const staff = await t.login(DEMO.staffZf1);
    const chief = await t.login(DEMO.chiefZf1);
    const own = await as(staff).get('/api/people').expect(200);
    expect(own.body.map((p: { id: string }) => p.id)).toEqual([DEMO.staffZf1]);
    await as(staff).get('/api/people/p018').expect(403);
    await as(staff).get(`/api/people/${DEMO.staffZf1}`).expect(200);

    const section = await as(chief).get('/api/people').expect(200);
    expect(section.body.length).toBeGreaterThan(3);
    expect(section.body.every((p: { sectionId: string }) => p.sectionId === 'zf1')).toBe(true);
    await as(chief).get('/api/people?sectionId=zf2').expect(403);
    await as(chief).get('/api/people/p021').expect(403);
    await as(chief).get('/api/people/p021/memberships').expect(403);
    await as(chief).get('/api/sections/zf2/members').expect(403);
    await as(staff).get('/api/sections/zf1/members').expect(200);

    const all = await as(office).get('/api/people').expect(200);
    expect(all.body.length).toBeGreaterThanOrEqual(60);
    const zf2 = await as(office).get('/api/people?sectionId=zf2').expect(200);
    expect(zf2.body.every((p: { sectionId: string }) => p.sectionId === 'zf2')).toBe(true);
  });

  it('creates sections and people (office), refusing duplicates with 409', async () => {
    const created = await http().post('/api/sections').set('Authorization', `Bearer ${office}`).send({ name: '执法三处', category: 'business', researchRequired: true }).expect(201);
    expect(created.body).toMatchObject({ name: '执法三处', category: 'business', wubiType: null, researchRequired: true });
    const dup = await http().post('/api/sections').set('Authorization', `Bearer ${office}`).send({ name: '执法三处' }).expect(409);
    expect(dup.body.field).toBe('name');
    const person = await http()
      .post('/api/people')
      .set('Authorization', `Bearer ${office}`)
      .send({ name: '新同志', phone: '13800001111', sectionId: created.body.id, position: 'chief', from: '2026-05-01' })
      .expect(201);
    expect(person.body).toMatchObject({ name: '新同志', sectionName: '执法三处', position: 'chief', role: 'chief' });
  });

  it('a chief who is moved loses chief scope the next day (role follows the membership)', async () => {
    const chief = await t.login(DEMO.chiefJdk);
    await as(chief).get('/api/sections/jdk/members').expect(200);
    await http().post(`/api/people/${DEMO.chiefJdk}/memberships`).set('Authorization', `Bearer ${office}`).send({ sectionId: 'jdk', position: 'staff', from: '2026-06-02' }).expect(201);
    clock.current = new Date('2026-06-02T01:00:00Z');
    const me = await as(chief).get('/api/me').expect(200);
    expect(me.body).toMatchObject({ role: 'staff', position: 'staff' });
    await as(chief).get('/api/people/p044').expect(403);
  });
});

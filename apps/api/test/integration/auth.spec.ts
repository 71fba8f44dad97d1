import request from 'supertest';
import { InviteCode } from '../../src/auth/invite-code.entity.js';
import { Person } from '../../src/org/person.entity.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

describe('WeChat login, invitation binding and demo login', () => {
  let fake: FakeWechat;
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    fake = await startFakeWechat();
    t = await startTestApp({ WECHAT_BASE_URL: fake.baseUrl, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', WECHAT_TIMEOUT_MS: '300', INVITE_TTL_HOURS: '24' }, clock);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const http = () => request(t.app.getHttpServer());

  async function issueInvite(personId: string): Promise<string> {
    const office = await t.login(DEMO.office);
    const res = await http().post(`/api/people/${personId}/invite-codes`).set('Authorization', `Bearer ${office}`).expect(201);
    expect(res.body.code).toMatch(/^[A-Z0-9]{8}$/);
    return res.body.code;
  }

  it('successful-bind: an unbound openid gets a bind-only token, binds with an invitation and then logs straight in', async () => {
    const first = await http().post('/api/auth/wechat').send({ code: 'ok:openid-yang' }).expect(200);
    expect(first.body.kind).toBe('bind');
    expect(first.body.me).toBeUndefined();

    // the bind token opens nothing else
    await http().get('/api/me').set('Authorization', `Bearer ${first.body.token}`).expect(403);

    const code = await issueInvite(DEMO.staffZf1);
    const bound = await http().post('/api/auth/bind').set('Authorization', `Bearer ${first.body.token}`).send({ inviteCode: code.toLowerCase() }).expect(200);
    expect(bound.body.kind).toBe('access');
    expect(bound.body.me).toMatchObject({ id: DEMO.staffZf1, sectionName: '执法一处', role: 'staff' });
    expect((await t.ds.getRepository(Person).findOneByOrFail({ id: DEMO.staffZf1 })).openid).toBe('openid-yang');

    const again = await http().post('/api/auth/wechat').send({ code: 'ok:openid-yang' }).expect(200);
    expect(again.body.kind).toBe('access');
    const me = await http().get('/api/me').set('Authorization', `Bearer ${again.body.token}`).expect(200);
    expect(me.body).toMatchObject({ id: DEMO.staffZf1, name: '杨玉兰', sectionName: '执法一处' });
  });

  it('failing-bind: an invitation code works once only', async () => {
    const code = await issueInvite(DEMO.chiefJdk);
    const a = (await http().post('/api/auth/wechat').send({ code: 'ok:openid-a' })).body.token;
    const b = (await http().post('/api/auth/wechat').send({ code: 'ok:openid-b' })).body.token;
    await http().post('/api/auth/bind').set('Authorization', `Bearer ${a}`).send({ inviteCode: code }).expect(200);
    const res = await http().post('/api/auth/bind').set('Authorization', `Bearer ${b}`).send({ inviteCode: code }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVITE_INVALID', field: 'inviteCode' });
    expect((await t.ds.getRepository(Person).findOneByOrFail({ id: DEMO.chiefJdk })).openid).toBe('openid-a');
  });

  it('failing-bind: an expired invitation code is refused and nothing changes', async () => {
    const code = await issueInvite(DEMO.leader);
    clock.current = new Date(clock.current.getTime() + 25 * 3600_000);
    const token = (await http().post('/api/auth/wechat').send({ code: 'ok:openid-late' })).body.token;
    const before = await tableCounts(t.ds);
    const res = await http().post('/api/auth/bind').set('Authorization', `Bearer ${token}`).send({ inviteCode: code }).expect(400);
    expect(res.body.code).toBe('INVITE_INVALID');
    expect(await tableCounts(t.ds)).toEqual(before);
    expect((await t.ds.getRepository(InviteCode).findOneByOrFail({ personId: DEMO.leader })).usedAt).toBeNull();
  });

  it('failing-bind: a malformed invitation code is a 400 naming inviteCode', async () => {
    const token = (await http().post('/api/auth/wechat').send({ code: 'ok:openid-x' })).body.token;
    const res = await http().post('/api/auth/bind').set('Authorization', `Bearer ${token}`).send({ inviteCode: '短' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'inviteCode' });
  });

  it('failing-login: WeChat errors come back as clear 4xx/503 answers', async () => {
    expect((await http().post('/api/auth/wechat').send({ code: 'invalid' }).expect(400)).body).toMatchObject({ code: 'WECHAT_INVALID_CODE', field: 'code' });
    expect((await http().post('/api/auth/wechat').send({ code: 'risky' }).expect(403)).body.code).toBe('WECHAT_HIGH_RISK');
    const slow = await http().post('/api/auth/wechat').send({ code: 'slow' }).expect(503);
    expect(slow.body.code).toBe('WECHAT_UNAVAILABLE');
    expect(slow.headers['retry-after']).toBeDefined();
    expect((await http().post('/api/auth/wechat').send({}).expect(400)).body.field).toBe('code');
  });

  it('successful-login: citizens get an anonymous identity tied to their device', async () => {
    const a = await http().post('/api/auth/citizen').send({ deviceId: 'device-abcdef-123456' }).expect(200);
    const b = await http().post('/api/auth/citizen').send({ deviceId: 'device-abcdef-123456' }).expect(200);
    const meA = await http().get('/api/me').set('Authorization', `Bearer ${a.body.token}`).expect(200);
    const meB = await http().get('/api/me').set('Authorization', `Bearer ${b.body.token}`).expect(200);
    expect(meA.body).toMatchObject({ kind: 'citizen', role: 'citizen', name: '市民' });
    expect(meA.body.id).toBe(meB.body.id);
    await http().get('/api/people').set('Authorization', `Bearer ${a.body.token}`).expect(403);
  });

  it('successful-login: in the mini-program a citizen is known by a hash of their openid, never the openid', async () => {
    const a = await http().post('/api/auth/citizen/wechat').send({ code: 'ok:openid-citizen-1' }).expect(200);
    const b = await http().post('/api/auth/citizen/wechat').send({ code: 'ok:openid-citizen-1' }).expect(200);
    const meA = await http().get('/api/me').set('Authorization', `Bearer ${a.body.token}`).expect(200);
    const meB = await http().get('/api/me').set('Authorization', `Bearer ${b.body.token}`).expect(200);
    expect(meA.body).toMatchObject({ kind: 'citizen', role: 'citizen' });
    expect(meA.body.id).toBe(meB.body.id);
    const rows = await t.ds.query('SELECT * FROM citizens');
    expect(JSON.stringify(rows)).not.toContain('openid-citizen-1');
    expect((await http().post('/api/auth/citizen/wechat').send({ code: 'invalid' }).expect(400)).body.code).toBe('WECHAT_INVALID_CODE');
  });

  it('failing-login: a forged or expired token is refused with 401', async () => {
    await http().get('/api/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const res = await http().get('/api/me').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('demo login switch', () => {
  it('is a 404 when KAOPING_DEV_LOGIN is not true', async () => {
    const t = await startTestApp({ KAOPING_DEV_LOGIN: 'false' });
    try {
      const res = await request(t.app.getHttpServer()).post('/api/auth/dev').send({ personId: DEMO.chiefZf1 }).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await request(t.app.getHttpServer()).get('/api/auth/dev/personas').expect(404);
    } finally {
      await t.close();
    }
  });

  it('lists featured personas first when on', async () => {
    const t = await startTestApp();
    try {
      const res = await request(t.app.getHttpServer()).get('/api/auth/dev/personas').expect(200);
      expect(res.body.length).toBeGreaterThanOrEqual(40);
      const featured = res.body.filter((p: { featured: boolean }) => p.featured);
      expect(featured.map((p: { personId: string }) => p.personId)).toEqual(expect.arrayContaining([DEMO.chiefZf1, DEMO.staffZf1, DEMO.office, DEMO.leader]));
      expect(res.body[0].featured).toBe(true);
      expect(res.body.find((p: { personId: string }) => p.personId === DEMO.chiefZf1)).toMatchObject({ title: '执法一处 处长', role: 'chief' });
    } finally {
      await t.close();
    }
  });
});

describe('rate limit on /api/auth', () => {
  it('answers 429 with Retry-After past the per-minute limit', async () => {
    const t = await startTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      for (let i = 0; i < 3; i++) await request(t.app.getHttpServer()).post('/api/auth/dev').send({ personId: DEMO.staffZf1 }).expect(200);
      const res = await request(t.app.getHttpServer()).post('/api/auth/dev').send({ personId: DEMO.staffZf1 }).expect(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // other routes are not limited by the auth bucket
      await request(t.app.getHttpServer()).get('/api/health').expect(200);
    } finally {
      await t.close();
    }
  });
});

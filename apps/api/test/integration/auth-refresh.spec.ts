/**
 * Short-lived access tokens and rotating refresh tokens: refresh, rotation, reuse detection (the whole session is
 * revoked), logout, deactivated accounts, expiry, and only hashes in the database.
 */
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { RefreshToken } from '../../src/auth/refresh-token.entity.js';
import { Person } from '../../src/org/person.entity.js';
import { DEMO, FixedClock, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

describe('sessions: access tokens and refresh tokens', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    t = await startTestApp({}, clock);
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());
  const login = async (personId: string) => (await http().post('/api/auth/dev').send({ personId }).expect(200)).body as { token: string; expiresIn: number; refreshToken: string; refreshExpiresIn: number };
  const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });

  it('successful-login: a 2-hour access token and a 30-day refresh token, of which only a hash is stored', async () => {
    const s = await login(DEMO.staffZf1);
    expect(s.expiresIn).toBe(7200);
    expect(s.refreshExpiresIn).toBe(30 * 24 * 3600);
    expect(s.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    const rows = await t.ds.getRepository(RefreshToken).find();
    expect(rows.some((r) => r.subject === DEMO.staffZf1)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(s.refreshToken.slice(3));
  });

  it('an expired access token is refused with 401; the refresh token gives a new pair that works', async () => {
    const s = await login(DEMO.staffZf1);
    const expired = new JwtService({ secret: t.env.JWT_SECRET }).sign({ typ: 'access', sub: DEMO.staffZf1, kind: 'person', exp: Math.floor(Date.now() / 1000) - 5 });
    expect((await http().get('/api/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    const next = (await refresh(s.refreshToken).expect(200)).body;
    expect(next).toMatchObject({ kind: 'access', expiresIn: 7200, me: { id: DEMO.staffZf1, name: '杨玉兰' } });
    expect(next.refreshToken).not.toBe(s.refreshToken);
    await http().get('/api/me').set('Authorization', `Bearer ${next.token}`).expect(200);
    // and the new refresh token rotates again
    await refresh(next.refreshToken).expect(200);
  });

  it('failing-refresh: a rotated refresh token presented again revokes the whole session', async () => {
    const s = await login(DEMO.chiefZf1);
    const second = (await refresh(s.refreshToken).expect(200)).body;
    // someone replays the first token (a copy): refused, and the session it belongs to ends
    expect((await refresh(s.refreshToken).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await refresh(second.refreshToken).expect(401)).body.code).toBe('TOKEN_INVALID');
    // other sessions of the same person are untouched
    const other = await login(DEMO.chiefZf1);
    await refresh(other.refreshToken).expect(200);
  });

  it('failing-refresh: logout ends the session; unknown tokens are refused; a malformed one is a 400 naming the field', async () => {
    const s = await login(DEMO.office);
    await http().post('/api/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
    await refresh(s.refreshToken).expect(401);
    const before = await tableCounts(t.ds);
    await refresh(`rt_${'x'.repeat(43)}`).expect(401);
    const bad = await refresh("' OR 1=1 --").expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'refreshToken' });
    await http().post('/api/auth/logout').send({ refreshToken: `rt_${'y'.repeat(43)}` }).expect(204);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('failing-refresh: a deactivated account cannot refresh', async () => {
    const s = await login('p018');
    await t.ds.getRepository(Person).update({ id: 'p018' }, { active: false });
    try {
      await refresh(s.refreshToken).expect(401);
    } finally {
      await t.ds.getRepository(Person).update({ id: 'p018' }, { active: true });
    }
    // and the session stays ended after reactivation
    await refresh(s.refreshToken).expect(401);
  });

  it('failing-refresh: a refresh token unused for 30 days has expired', async () => {
    const s = await login(DEMO.leader);
    const now = clock.current;
    clock.current = new Date(now.getTime() + 30 * 24 * 3600_000 + 1000);
    try {
      await refresh(s.refreshToken).expect(401);
    } finally {
      clock.current = now;
    }
  });

  it('citizens get a refreshable session too', async () => {
    const c = (await http().post('/api/auth/citizen').send({ deviceId: 'refresh-citizen-device-1' }).expect(200)).body;
    expect(c.refreshToken).toMatch(/^rt_/);
    const next = (await refresh(c.refreshToken).expect(200)).body;
    expect(next.me).toMatchObject({ kind: 'citizen', role: 'citizen' });
  });
});

/** 200 parallel clock-ins carrying 20 repeated idempotency keys → exactly 180 rows, every answer 201. */
import request from 'supertest';
import { Like } from 'typeorm';
import { Punch } from '../../src/attendance/punch.entity.js';
import { DEMO, FixedClock, startTestApp, type TestApp } from '../support/test-app.js';

describe('attendance under concurrency', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2024-03-05T08:25:00+08:00'));

  beforeAll(async () => {
    t = await startTestApp({}, clock);
  });
  afterAll(() => t.close());

  it('keeps exactly one row per idempotency key', async () => {
    const people = [DEMO.staffZf1, 'p017', 'p018', 'p019', 'p020'];
    const tokens = Object.fromEntries(await Promise.all(people.map(async (p) => [p, await t.login(p)] as const)));
    const unique = Array.from({ length: 180 }, (_, i) => ({ person: people[i % people.length]!, key: `conc-${i.toString().padStart(4, '0')}-key` }));
    const repeats = unique.filter((_, i) => i % 9 === 0).slice(0, 20);
    expect(repeats).toHaveLength(20);
    const calls = [...unique, ...repeats];
    const server = t.app.getHttpServer();
    const results = await Promise.all(
      calls.map((c) =>
        request(server)
          .post('/api/attendance/punches')
          .set('Authorization', `Bearer ${tokens[c.person]}`)
          .send({ type: 'in', latitude: 30.9405, longitude: 118.758, accuracy: 15, clientTime: clock.now().toISOString(), idempotencyKey: c.key, deviceId: `dev-${c.person}` }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    // (the demo bureau has its own clock-in history; count this test's keys)
    expect(await t.ds.getRepository(Punch).count({ where: { idempotencyKey: Like('conc-%') } })).toBe(180);
    // every answer for a key names the same record
    const idsByKey = new Map<string, Set<string>>();
    for (const [i, r] of results.entries()) {
      const k = `${calls[i]!.person}|${calls[i]!.key}`;
      (idsByKey.get(k) ?? idsByKey.set(k, new Set()).get(k)!).add(r.body.id);
    }
    expect(idsByKey.size).toBe(180);
    expect([...idsByKey.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  });
});

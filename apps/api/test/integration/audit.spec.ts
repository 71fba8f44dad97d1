import request from 'supertest';
import { verifyAuditLog } from '../../src/audit/audit.service.js';
import { DEMO, startTestApp, type TestApp } from '../support/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login(DEMO.office);
  });
  afterAll(() => t.close());
  const q = (sql: string) => t.ds.query(t.env.databaseKind === 'mysql' ? sql.replace(/"/g, '`') : sql);

  it('records every write with actor, before/after (secrets masked), and the office can browse it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inc = await request(t.app.getHttpServer())
      .post('/api/incidents')
      .set('Authorization', `Bearer ${office}`)
      .send({ rule: 'QIN-2', personId: DEMO.staffZf1, date: today, description: '半天未到岗未报告' })
      .expect(201);
    await request(t.app.getHttpServer()).post(`/api/incidents/${inc.body.id}/verify`).set('Authorization', `Bearer ${office}`).send({}).expect(200);
    const page = await request(t.app.getHttpServer()).get('/api/audit?entity=incidents').set('Authorization', `Bearer ${office}`).expect(200);
    const [update, insert] = page.body.items;
    expect(insert).toMatchObject({ action: 'insert', actor: DEMO.office, actorRole: 'office', entityId: inc.body.id, before: null });
    expect(update).toMatchObject({ action: 'update', before: expect.objectContaining({ status: 'pending' }), after: expect.objectContaining({ status: 'verified' }) });
    const people = await request(t.app.getHttpServer()).get('/api/audit?entity=people&actor=system&pageSize=1').set('Authorization', `Bearer ${office}`).expect(200);
    expect(people.body.items[0].after.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await verifyAuditLog(t.ds.manager)).problem).toBeNull();
  });

  it('failing-verify: a changed past row, and a deleted one, are named', async () => {
    const [{ n }] = await q('SELECT MAX(seq) AS n FROM "audit_log"');
    const target = Math.max(2, Math.floor(Number(n) / 2));
    await q(`UPDATE "audit_log" SET "after" = '{"tampered":true}' WHERE seq = ${target}`);
    const changed = await verifyAuditLog(t.ds.manager);
    expect(changed.problem).toMatchObject({ seq: target });
    expect(changed.problem!.reason).toMatch(/修改/);
    await q(`DELETE FROM "audit_log" WHERE seq = ${target}`);
    const deleted = await verifyAuditLog(t.ds.manager);
    expect(deleted.problem).toMatchObject({ seq: target });
    expect(deleted.problem!.reason).toMatch(/缺失/);
  });
});

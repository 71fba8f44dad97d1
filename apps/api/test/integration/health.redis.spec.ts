import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Liveness vs readiness. Readiness (`/api/health`) reports the database and, when configured, Redis, and answers
 * 503 with Retry-After when either is down; liveness (`/api/health/live`) only says the process is up.
 * (The database stopping under load is covered by the system tests: tests/system/faults.test.mjs.)
 */
describe('health: liveness and readiness', () => {
  const redisUrl = process.env.KAOPING_TEST_REDIS ?? 'redis://127.0.0.1:6379';

  describe('without Redis configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('successful-readiness: database up, no redis field', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
      expect(res.body).not.toHaveProperty('redis');
    });

    it('successful-liveness: the process is up', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/health/live').expect(200);
      expect(res.body).toMatchObject({ status: 'ok' });
      expect(typeof res.body.uptimeSeconds).toBe('number');
    });

    it('documents both probes in OpenAPI', async () => {
      const doc = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
      expect(Object.keys(doc.paths['/api/health']!.get!.responses)).toEqual(expect.arrayContaining(['200', '503']));
      expect(doc.paths['/api/health/live']!.get!.responses).toHaveProperty('200');
    });
  });

  describe('with Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ REDIS_URL: redisUrl, REDIS_PREFIX: `kt${Date.now().toString(36)}`, JOB_WORKER: 'false' });
    });
    afterAll(() => t.close());

    it('successful-readiness: database and Redis up', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // a port nothing listens on
      t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:9', REDIS_PREFIX: 'kt-down', JOB_WORKER: 'false', RETRY_AFTER_SECONDS: '11' });
    });
    afterAll(() => t.close());

    it('failing-readiness: 503 with Retry-After, redis down, database up', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
      expect(res.headers['retry-after']).toBe('11');
    });

    it('successful-liveness: still up (restarting the API would not bring Redis back)', async () => {
      await request(t.app.getHttpServer()).get('/api/health/live').expect(200);
    });
  });
});

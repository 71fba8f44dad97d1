import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('platform: health, docs, errors, headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());

  it('GET /api/health pings the database', async () => {
    const res = await http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', databaseKind: process.env.KAOPING_TEST_DB === 'mysql' ? 'mysql' : 'sqlite' });
  });

  it('serves the OpenAPI UI and JSON', async () => {
    const ui = await http().get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    const json = await http().get('/api/docs-json').expect(200);
    expect(json.body.info.title).toContain('Kaoping');
    expect(Object.keys(json.body.paths).length).toBeGreaterThan(10);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await http().get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON with 400 INVALID_JSON, never 500', async () => {
    const res = await http().post('/api/auth/dev').set('Content-Type', 'application/json').send('{"personId":').expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
  });

  it('answers an oversized body with 413', async () => {
    const res = await http().post('/api/auth/dev').send({ personId: 'x'.repeat(2 * 1024 * 1024) }).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers and a request id (echoing a sane incoming one)', async () => {
    const res = await http().get('/api/health').set('x-request-id', 'abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('abc-123');
    const other = await http().get('/api/health').set('x-request-id', '<script>');
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request id in error bodies', async () => {
    const res = await http().get('/api/me').set('x-request-id', 'req-42').expect(401);
    expect(res.body.requestId).toBe('req-42');
  });
});

import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { requestTimeout } from './request-timeout.js';

/** A tiny server with the middleware and a handler that answers when the test says so. */
async function serve(ms: number) {
  const app = express();
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  const late: unknown[] = [];
  app.use(requestTimeout(ms, 9));
  app.get('/slow', async (_req, res) => {
    await released;
    try {
      res.status(201).setHeader('X-Late', '1');
      res.json({ late: true });
      late.push('answered');
    } catch (err) {
      late.push(err);
    }
  });
  app.get('/fast', (_req, res) => void res.json({ ok: true }));
  const server = app.listen(0);
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, release, late, close: () => new Promise((r) => server.close(r)) };
}

describe('requestTimeout', () => {
  it('answers a request still unanswered after the limit with 503 SERVICE_TIMEOUT and Retry-After; a late answer is dropped', async () => {
    const s = await serve(100);
    try {
      const res = await fetch(`${s.base}/slow`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('9');
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('SERVICE_TIMEOUT');
      expect(body.message).toMatch(/稍后重试/);
      s.release();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 20));
      // the handler's late writes neither throw nor reach the client
      expect(s.late).toEqual(['answered']);
    } finally {
      await s.close();
    }
  });

  it('leaves a request answered in time alone', async () => {
    const s = await serve(5000);
    try {
      const res = await fetch(`${s.base}/fast`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      s.release();
      await s.close();
    }
  });

  it('is off with 0', async () => {
    const s = await serve(0);
    try {
      const pending = fetch(`${s.base}/slow`);
      setTimeout(() => s.release(), 150);
      const res = await pending;
      expect(res.status).toBe(201);
    } finally {
      await s.close();
    }
  });
});

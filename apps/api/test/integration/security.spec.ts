/**
 * The security pass: headers (CSP and friends) on the H5 app and the API, phone numbers and openids masked in the
 * logs, uploads judged by their bytes whatever their names say.
 */
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** Like the script Taro puts inline into the H5 page. */
const ROOT_FONT_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';

/** Collects every log line the app writes. */
class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString());
    done();
  }
  get text(): string {
    return this.lines.join('');
  }
}

describe('security', () => {
  let t: TestApp;
  let h5: string;
  const log = new LogCapture();

  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'kaoping-h5-'));
    writeFileSync(join(h5, 'index.html'), `<!doctype html><html><head><script>${ROOT_FONT_SCRIPT}</script><script src="/js/app.js"></script></head><body><div id="app"></div></body></html>`);
    t = await startTestApp({ H5_DIR: h5, LOG_LEVEL: 'info' }, undefined, { logStream: log });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5, { recursive: true, force: true });
  });
  const http = () => request(t.app.getHttpServer());

  describe('headers', () => {
    it('the H5 app is served with a Content-Security-Policy that allows only its own scripts and origin', async () => {
      const res = await http().get('/').expect(200);
      expect(res.text).toContain('<div id="app">');
      const csp = String(res.headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      // the page's own inline script (Taro's root font size) by its hash, nothing else inline
      expect(directives.get('script-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(ROOT_FONT_SCRIPT).digest('base64')}'`]);
      expect(directives.get('script-src-attr')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      // plain-HTTP demo: no upgrade of sub-resources to HTTPS
      expect(directives.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('API answers carry the same headers', async () => {
      const res = await http().get('/api/me').expect(401);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('published over HTTPS, sub-resources are upgraded and HSTS is sent', async () => {
      const https = await startTestApp({ PUBLIC_BASE_URL: 'https://kaoping.example.gov.cn' });
      try {
        const res = await request(https.app.getHttpServer()).get('/api/me').expect(401);
        expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await https.close();
      }
    });
  });

  describe('hostile requests', () => {
    it('a token signed with our key but with claims of the wrong shape is a 401, not a query', async () => {
      const signer = new JwtService({ secret: t.env.JWT_SECRET });
      for (const claims of [{ typ: 'access', sub: { $ne: null }, kind: 'person' }, { typ: 'access', sub: DEMO.office, kind: 'admin' }, { typ: 'access', sub: '', kind: 'person' }, { typ: 'refresh', sub: DEMO.office }]) {
        const res = await http().get('/api/sections').set('Authorization', `Bearer ${signer.sign(claims)}`);
        expect({ claims, status: res.status, code: res.body.code }).toEqual({ claims, status: 401, code: 'TOKEN_INVALID' });
      }
    });

    it('a body nested beyond 32 levels is a 400 naming the body, before validation', async () => {
      for (const body of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`]) {
        const res = await http().post('/api/auth/dev').set('Content-Type', 'application/json').send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
      }
    });
  });

  describe('logs', () => {
    it('a phone number in the query or body, and an openid in a logged error, never reach the log in clear', async () => {
      const citizen = (await http().post('/api/auth/citizen').send({ deviceId: 'security-log-device-01' }).expect(200)).body.token as string;
      // the request line is logged with its query string
      expect((await http().get('/api/complaints/track/ABCDEFGH2345?phone=13800138000')).status).toBeLessThan(500);
      await http()
        .post('/api/complaints')
        .set('Authorization', `Bearer ${citizen}`)
        .send({ category: 'attitude', content: '窗口人员态度生硬，电话 13912345678 可联系', contactName: '李先生', contactPhone: '13700001111' })
        .expect(201);
      // and whatever a service might log by mistake
      new Logger('SecurityTest').error({ openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', phone: '13655556666' }, 'bind failed for oUpF8uMuAJO_M2pxb1Q9zNjWeS6o, 13655556666');
      await new Promise((r) => setImmediate(r));
      const text = log.text;
      expect(text).toContain('/api/complaints/track/ABCDEFGH2345?phone=138****8000');
      expect(text).toContain('SecurityTest');
      for (const clear of ['13800138000', '13912345678', '13700001111', '13655556666', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', citizen]) expect(text).not.toContain(clear);
    });
  });

  describe('uploads are judged by content, not by name or declared type', () => {
    let staff: string;
    beforeAll(async () => {
      staff = await t.login(DEMO.staffZf1);
    });
    const upload = (bytes: Buffer, filename: string, contentType: string) =>
      http().post('/api/files').set('Authorization', `Bearer ${staff}`).attach('file', bytes, { filename, contentType });

    it('a PNG named .pdf (declared application/pdf) is stored and served as the PNG it is', async () => {
      const res = await upload(PNG_1X1, 'report.pdf', 'application/pdf').expect(201);
      expect(res.body.mime).toBe('image/png');
      const got = await http().get(res.body.url).set('Authorization', `Bearer ${staff}`).expect(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(String(got.headers['content-disposition'])).not.toContain('.pdf');
    });

    it('an HTML page named .jpg (declared image/jpeg) is refused and nothing is stored', async () => {
      const before = await tableCounts(t.ds);
      const res = await upload(Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>'), 'photo.jpg', 'image/jpeg').expect(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
      expect(await tableCounts(t.ds)).toEqual(before);
    });

    it('an SVG with a script named .png is refused; a PDF named .jpg is kept as a PDF', async () => {
      await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'x.png', 'image/png').expect(415);
      const pdf = await upload(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'scan.jpg', 'image/jpeg').expect(201);
      expect(pdf.body.mime).toBe('application/pdf');
    });
  });
});

/**
 * Property-based fuzzing of every documented endpoint (routes are read from the OpenAPI document, so new endpoints
 * are covered without touching this file), for every caller: anonymous, a bind-only token, citizen, representative,
 * staff, chief, office and leader. Each request carries hostile input in its body (JSON built on the endpoint's own
 * field names, malformed or oversized JSON, prototype-pollution keys, wrong encodings), its content type, its query
 * string, its path parameters and its headers (forged, expired and malformed tokens among them); the corpus is in
 * `test/support/fuzz-corpus.ts` (SQL injection, markup, formulas, Unicode, huge and deeply nested values).
 *
 * Invariants: no 5xx; every 4xx is the JSON error body `{statusCode, code, message}` without driver text or a stack;
 * a rejected request writes nothing (row counts of every table before and after); nothing pollutes
 * `Object.prototype`. The run prints its counts.
 *
 * FUZZ_TARGET: requests in all (default 10,000 on MariaDB/MySQL, 3,000 on SQLite); FUZZ_SEED: the fast-check seed.
 */
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { buildOpenApi } from '../../src/app.factory.js';
import { TokenService } from '../../src/auth/token.service.js';
import { CONTENT_TYPES, enc, headerSet, jsonValue, nastyString, pathValue, queryString, rawBody, schemaBody } from '../support/fuzz-corpus.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, representativeToken, startTestApp, tableCounts, TEST_DB, type TestApp } from '../support/test-app.js';
import type { MatrixEntries } from './matrix/types.js';

const TARGET = Number(process.env.FUZZ_TARGET ?? (TEST_DB === 'mysql' ? 10_000 : 3_000));
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const CALLERS = ['anonymous', 'bind', 'citizen', 'representative', 'staff', 'chief', 'office', 'leader'] as const;
type Caller = (typeof CALLERS)[number];
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: Record<string, unknown> } }> };
}

/** Concrete in-scope paths of the authorisation matrix (`GET /api/people/:id` → `/api/people/p016`). */
async function matrixPaths(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'matrix');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.matrix.ts'))) {
    const mod = (await import(`./matrix/${file.replace(/\.ts$/, '.js')}`)) as { default: MatrixEntries };
    for (const [route, entry] of Object.entries(mod.default)) if (entry.path) out.set(route.replace(/:(\w+)/g, '{$1}'), entry.path);
  }
  return out;
}

/** Every string `id` in a response body (a few levels deep). */
function idsIn(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 4 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 20)) idsIn(v, out, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'id' || k.endsWith('Id')) && typeof v === 'string' && v.length <= 64) out.add(v);
    else idsIn(v, out, depth + 1);
  }
}

const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
const FAKE_PDF_EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(64)]);

interface Case {
  kinds: string[];
  url: string;
  rawUrl: boolean;
  body?: string | Buffer;
  contentType?: string;
  multipart?: { field: string; bytes: Buffer; filename: string; mime: string; fields: Record<string, string> };
  headers: Record<string, string>;
  auth: string | null | 'caller';
}

describe('fuzzing every endpoint', () => {
  let t: TestApp;
  const tokens: Record<Caller, string | null> = { anonymous: null, bind: null, citizen: null, representative: null, staff: null, chief: null, office: null, leader: null };
  const badAuth: string[] = [];
  let wechat: FakeWechat;

  beforeAll(async () => {
    // rate limits high enough that the validation behind them is what gets exercised; WeChat login configured
    // (against a local stand-in) so that codes are judged, not refused as "not configured"
    wechat = await startFakeWechat();
    t = await startTestApp({
      SURVEY_RATE_LIMIT: '1000000',
      UPLOAD_RATE_LIMIT: '1000000',
      SURVEY_DEVICE_HOURLY_LIMIT: '1000000',
      COMPLAINT_DAILY_LIMIT: '1000000',
      WECHAT_BASE_URL: wechat.baseUrl,
      WECHAT_APPID: 'wx-fuzz',
      WECHAT_SECRET: 'fuzz-secret',
    });
    const signer = t.app.get(TokenService);
    tokens.bind = signer.signBind('openid-fuzz-unbound');
    tokens.citizen = (await request(t.app.getHttpServer()).post('/api/auth/citizen').send({ deviceId: 'fuzz-device-00000001' })).body.token as string;
    tokens.representative = await representativeToken(t);
    tokens.staff = await t.login(DEMO.staffZf1);
    tokens.chief = await t.login(DEMO.chiefZf1);
    tokens.office = await t.login(DEMO.office);
    tokens.leader = await t.login(DEMO.leader);
    const right = new JwtService({ secret: t.env.JWT_SECRET });
    const wrong = new JwtService({ secret: 'not-the-secret-of-this-server' });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    badAuth.push(
      'Bearer garbage.token.here',
      `Bearer ${'a'.repeat(6000)}`,
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer  ',
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ typ: 'access', sub: DEMO.office, kind: 'person' })}.`,
      `Bearer ${wrong.sign({ typ: 'access', sub: DEMO.office, kind: 'person' })}`,
      `Bearer ${right.sign({ typ: 'access', sub: DEMO.office, kind: 'person', exp: now - 60, iat: now - 7200 })}`,
      `Bearer ${right.sign({ typ: 'access', sub: 'p999', kind: 'person' })}`,
      `Bearer ${right.sign({ typ: 'access', sub: DEMO.office, kind: 'admin' })}`,
      `Bearer ${right.sign({ typ: 'access', sub: "' OR 1=1 --", kind: 'person' })}`,
      `Bearer ${right.sign({ typ: 'refresh', sub: DEMO.office, kind: 'person' })}`,
      `Bearer ${right.sign({ typ: 'access', sub: { $ne: null }, kind: 'person' })}`,
      `Bearer ${right.sign({ typ: 'access', sub: DEMO.office, kind: 'person', nbf: now + 3600 })}`,
    );
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('never answers 5xx, answers 4xx in the error shape, and rejected requests write nothing', async () => {
    const doc = buildOpenApi(t.app);
    const server = t.app.getHttpServer();
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
    const matrix = await matrixPaths();
    const routes: { method: string; path: string; op: Operation }[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) if (METHODS.includes(method)) routes.push({ method, path, op });
    }

    // ids that exist, collected from every list the office and the leader can read: path parameters drawn from
    // these get past the handler's lookup and into its validation and scope checks
    const known = new Map<string, Set<string>>();
    const everyId = new Set<string>([DEMO.staffZf1, DEMO.chiefZf1, DEMO.office, 'zf1']);
    for (const { method, path } of routes) {
      if (method !== 'get' || path.includes('{')) continue;
      const ids = new Set<string>();
      for (const caller of ['office', 'leader'] as const) {
        const res = await request(server).get(path).set('Authorization', `Bearer ${tokens[caller]}`);
        if (res.status === 200 && res.type === 'application/json') idsIn(res.body, ids);
      }
      known.set(path, ids);
      for (const id of ids) if (everyId.size < 400) everyId.add(id);
    }
    const idsFor = (path: string, index: number): string[] => {
      if (index === 0) {
        const list = known.get(path.slice(0, path.indexOf('/{')));
        if (list?.size) return [...list].slice(0, 30);
      }
      return [...everyId].slice(0, 60);
    };

    const perPair = Math.max(2, Math.ceil(TARGET / (routes.length * CALLERS.length)));
    const counts = { requests: 0, byClass: {} as Record<string, number>, byStatus: {} as Record<string, number>, byCaller: {} as Record<string, number>, byKind: {} as Record<string, number> };
    const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
    const problems: unknown[] = [];
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
    let last = await tableCounts(t.ds);

    /** Row counts once background work started by an accepted request has settled (three equal reads in a row). */
    const settled = async () => {
      let prev = await tableCounts(t.ds);
      let same = 0;
      for (let i = 0; i < 200 && same < 2; i++) {
        await new Promise((r) => setTimeout(r, 5));
        const next = await tableCounts(t.ds);
        same = JSON.stringify(next) === JSON.stringify(prev) ? same + 1 : 0;
        prev = next;
      }
      return prev;
    };

    let routeIndex = 0;
    for (const { method, path, op } of routes) {
      routeIndex++;
      const jsonSchema = op.requestBody?.content['application/json']?.schema;
      const ref = jsonSchema?.$ref;
      const keys = Object.keys((ref ? schemas[ref.split('/').pop()!]?.properties : jsonSchema?.properties) ?? {});
      const multipart = !!op.requestBody?.content['multipart/form-data'];
      const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const pathNames = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const concrete = matrix.get(`${method.toUpperCase()} ${path}`);

      const pathArb = pathNames.length === 0
        ? fc.constant({ url: path, raw: false, hostile: false })
        : fc.oneof(
            ...(concrete ? [{ weight: 1, arbitrary: fc.constant({ url: concrete, raw: false, hostile: false }) }] : []),
            {
              weight: 4,
              arbitrary: fc.tuple(...pathNames.map((_, i) => pathValue(idsFor(path, i)))).map((values) => {
                let url = path;
                pathNames.forEach((name, i) => (url = url.replace(`{${name}}`, values[i]!.raw ? values[i]!.value : enc(values[i]!.value))));
                const ids = pathNames.map((_, i) => idsFor(path, i));
                return { url, raw: values.some((v) => v.raw), hostile: values.some((v, i) => v.raw || !ids[i]!.includes(v.value)) };
              }),
            },
          );
      const bodyArb = fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 6, arbitrary: schemaBody(keys).map((b): { kind: string; body: string } => ({ kind: 'body', body: JSON.stringify(b) })) },
        { weight: 2, arbitrary: jsonValue.map((v) => ({ kind: 'body', body: JSON.stringify(v) ?? 'null' })) },
        { weight: 3, arbitrary: rawBody(keys).map((body) => ({ kind: 'raw-body', body })) },
      );
      const multipartArb = fc.record({
        field: fc.constantFrom('file', 'file', 'files', '__proto__', "file' OR 1=1"),
        bytes: fc.constantFrom(PNG_1X1, HTML, FAKE_PDF_EXE, Buffer.alloc(0), Buffer.from('%PDF-1.7\n%%EOF'), Buffer.from('<svg onload="alert(1)"/>'), Buffer.from('a,b\n=cmd|x,1\n')),
        filename: fc.constantFrom('a.pdf', 'x.jpg', '../../etc/passwd', '中文.png', '<script>.png', 'a.png\u0000.exe', `${'x'.repeat(300)}.png`, 'data.xlsx', 'import.csv'),
        mime: fc.constantFrom('image/png', 'application/pdf', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'text/csv'),
        fields: fc.dictionary(fc.constantFrom('note', 'purpose', '__proto__', 'x'), nastyString.map((s) => s.replace(/[\r\n"]/g, ' ')), { maxKeys: 2 }),
      });
      const caseArb = fc
        .record({
          path: pathArb,
          query: fc.option(queryString(queryNames), { freq: 2 }),
          body: bodyArb,
          multipart: multipart ? fc.option(multipartArb, { freq: 1 }) : fc.constant(null),
          contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
          headers: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headerSet }),
          auth: fc.oneof({ weight: 6, arbitrary: fc.constant<'caller'>('caller') }, { weight: 1, arbitrary: fc.constantFrom(...badAuth) }),
        })
        .map((c): Case => {
          const kinds: string[] = [];
          if (c.path.hostile) kinds.push('path');
          if (c.query !== null) kinds.push('query');
          if (c.multipart) kinds.push('multipart');
          else if (c.body) kinds.push(c.body.kind);
          if (c.contentType !== 'application/json' && (c.body || c.multipart)) kinds.push('content-type');
          if (Object.keys(c.headers).length) kinds.push('header');
          if (c.auth !== 'caller') kinds.push('auth');
          const url = c.query !== null ? `${c.path.url}?${c.query}` : c.path.url;
          return { kinds, url, rawUrl: c.path.raw, body: c.body?.body, contentType: c.contentType, multipart: c.multipart ?? undefined, headers: c.headers, auth: c.auth };
        })
        .filter((c) => c.kinds.length > 0);

      for (const [callerIndex, caller] of CALLERS.entries()) {
        const cases = fc.sample(caseArb, { numRuns: perPair, seed: SEED + routeIndex * 31 + callerIndex });
        for (const c of cases) {
          let req = (request(server) as unknown as Record<string, (u: string) => request.Test>)[method]!(c.url);
          const auth = c.auth === 'caller' ? (tokens[caller] ? `Bearer ${tokens[caller]}` : null) : c.auth;
          if (auth) req = req.set('Authorization', auth);
          for (const [h, v] of Object.entries(c.headers)) req = req.set(h, v);
          if (c.multipart) {
            for (const [k, v] of Object.entries(c.multipart.fields)) req = req.field(k, v);
            req = req.attach(c.multipart.field, c.multipart.bytes, { filename: c.multipart.filename, contentType: c.multipart.mime });
          } else if (c.body !== undefined) {
            if (c.contentType) req = req.set('Content-Type', c.contentType);
            req = req.send(c.body);
          }
          let res: request.Response;
          try {
            res = await req;
          } catch (err) {
            problems.push({ method, url: c.url.slice(0, 300), caller, kinds: c.kinds, transportError: String(err) });
            continue;
          }
          counts.requests++;
          bump(counts.byClass, `${Math.floor(res.status / 100)}xx`);
          bump(counts.byStatus, String(res.status));
          bump(counts.byCaller, caller);
          for (const k of c.kinds) bump(counts.byKind, k);
          const where = { method, route: path, url: c.url.slice(0, 300), caller, kinds: c.kinds, body: typeof c.body === 'string' ? c.body.slice(0, 300) : c.body, status: res.status };
          if (res.status >= 500) problems.push({ ...where, response: res.body });
          if (res.status >= 400) {
            const b = res.body as { statusCode?: unknown; code?: unknown; message?: unknown };
            // (431: Node's HTTP parser refused oversized headers before the app saw the request)
            if (res.status !== 431 && (typeof b?.code !== 'string' || typeof b?.message !== 'string' || b.statusCode !== res.status)) problems.push({ ...where, notErrorShape: res.text?.slice(0, 300) });
            if (/QueryFailedError|ER_[A-Z_]{3,}|SQLITE_|\n\s+at |sqlMessage/.test(res.text ?? '')) problems.push({ ...where, leaks: res.text?.slice(0, 300) });
            const after = await tableCounts(t.ds);
            const changed = Object.keys(after).filter((k) => after[k] !== last[k]);
            if (changed.length) problems.push({ ...where, wrote: Object.fromEntries(changed.map((k) => [k, [last[k], after[k]]])) });
            last = after;
          } else {
            last = await settled();
          }
        }
      }
    }

    const polluted = ({} as Record<string, unknown>).polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeBefore;
    const fmt = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      [
        `fuzz (${TEST_DB}, seed ${SEED}): ${counts.requests} requests over ${routes.length} endpoints × ${CALLERS.length} callers (${perPair} each), ${problems.length} problems`,
        `  by status class: ${fmt(counts.byClass)}`,
        `  by status:       ${fmt(counts.byStatus)}`,
        `  by caller:       ${fmt(counts.byCaller)}`,
        `  hostile parts:   ${fmt(counts.byKind)}`,
      ].join('\n'),
    );
    // the worst first: server errors, then writes by rejected requests, then the rest
    const rank = (p: unknown) => {
      const q = p as { status?: number; wrote?: unknown };
      return (q.status ?? 0) >= 500 ? 0 : q.wrote ? 1 : 2;
    };
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(problems, null, 2));
    expect([...problems].sort((a, b) => rank(a) - rank(b)).slice(0, 30)).toEqual([]);
    expect(polluted).toBe(false);
    expect(counts.byClass['5xx'] ?? 0).toBe(0);
    expect(counts.requests).toBeGreaterThanOrEqual(TARGET);
  }, 1_800_000);
});

/**
 * Property-based fuzzing of every documented endpoint: random bodies, queries and headers (SQL injection and markup
 * strings among them) for each role. No request may get a 5xx, and a rejected request (4xx) writes nothing.
 * FUZZ_RUNS sets the number of cases per endpoint and caller (default 12).
 */
import fc from 'fast-check';
import request from 'supertest';
import { buildOpenApi } from '../../src/app.factory.js';
import { DEMO, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const NASTY = [
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '1 UNION SELECT password FROM users',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '𠜎𠜱𠝹',
  '处理公务',
  '=HYPERLINK("http://x")',
  '9'.repeat(400),
  '2024-02-30',
  '-1',
  'NaN',
  '1e309',
  '{}',
  '[]',
  'null',
  '',
];

const scalar = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 3 })),
})).node;

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}

describe('fuzzing every endpoint', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    tokens.staff = await t.login(DEMO.staffZf1);
    tokens.chief = await t.login(DEMO.chiefZf1);
    tokens.office = await t.login(DEMO.office);
  });
  afterAll(() => t.close());

  it('never answers 5xx, and rejected requests write nothing', async () => {
    const doc = buildOpenApi(t.app);
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
    const problems: unknown[] = [];
    let total = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
        const ref = op.requestBody?.content['application/json']?.schema?.$ref;
        const keys = Object.keys((ref && schemas[ref.split('/').pop()!]?.properties) ?? {});
        const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const pathNames = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const caseArb = fc.record({
          caller: fc.constantFrom('staff', 'chief', 'office', 'anonymous'),
          pathValues: fc.array(fc.oneof(fc.constantFrom(DEMO.staffZf1, 'zf1', "1' OR '1'='1", '..%2F..'), fc.string({ minLength: 1, maxLength: 12 })), { minLength: pathNames.length, maxLength: pathNames.length }),
          body: fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }), value),
          query: fc.dictionary(fc.constantFrom(...queryNames, 'x', "id' OR 1=1 --"), fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 })), { maxKeys: 3 }),
          header: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=gbk'),
        });
        await fc.assert(
          fc.asyncProperty(caseArb, async (c) => {
            let url = path;
            pathNames.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(String(c.pathValues[i] ?? 'x')))));
            const qs = new URLSearchParams(Object.entries(c.query).map(([k, v]): [string, string] => [k, String(v)])).toString();
            const before = await tableCounts(t.ds);
            let req = (request(t.app.getHttpServer()) as unknown as Record<string, (u: string) => request.Test>)[method]!(qs ? `${url}?${qs}` : url);
            if (c.caller !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[c.caller]}`);
            if (method !== 'get') req = req.set('Content-Type', c.header).send(JSON.stringify(c.body) ?? '');
            const res = await req;
            total++;
            if (res.status >= 500) problems.push({ method, path: url, qs, body: c.body, status: res.status, response: res.body });
            if (res.status >= 400) {
              const after = await tableCounts(t.ds);
              if (JSON.stringify(after) !== JSON.stringify(before)) problems.push({ method, path: url, body: c.body, status: res.status, wrote: { before, after } });
            }
          }),
          { numRuns: RUNS, seed: 20261124 },
        );
      }
    }
    console.log(`fuzz: ${total} requests, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(total).toBeGreaterThan(100);
  }, 900_000);
});

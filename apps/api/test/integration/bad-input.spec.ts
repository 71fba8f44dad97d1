/**
 * Bad input on every endpoint, driven by the OpenAPI document: each body property and query parameter gets a
 * wrong value, bodies get an unknown field or the wrong shape. Every answer is a 400 naming the field, and
 * nothing is written.
 */
import request from 'supertest';
import { buildOpenApi } from '../../src/app.factory.js';
import { TokenService } from '../../src/auth/token.service.js';
import { DEMO, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  pattern?: string;
  maxLength?: number;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

const PATH_VALUES: Record<string, string> = { id: DEMO.staffZf1 };
const SECTION_PATHS = new Set(['/api/sections/{id}', '/api/sections/{id}/members']);

/** A value of the wrong kind for a property. */
function badValue(s: Schema): unknown {
  if (s.enum) return '不在枚举中的值';
  if (s.format === 'date') return '2024-13-45';
  switch (s.type) {
    case 'boolean':
      return 'yes';
    case 'number':
    case 'integer':
      return 'abc';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 42;
    default:
      return 12345;
  }
}

function badQueryValue(s: Schema): string {
  if (s.format === 'date') return '2024-02-30';
  if (s.enum) return '不在枚举中的值';
  if (s.type === 'number' || s.type === 'integer') return 'abc';
  return 'x'.repeat((s.maxLength ?? 200) + 1);
}

describe('bad input on every endpoint', () => {
  let t: TestApp;
  let office: string;
  let bind: string;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login(DEMO.office);
    bind = t.app.get(TokenService).signBind('openid-bad-input');
  });
  afterAll(() => t.close());

  function resolve(doc: ReturnType<typeof buildOpenApi>, s: Schema): Schema {
    if (s.$ref) return resolve(doc, (doc.components?.schemas as Record<string, Schema>)[s.$ref.split('/').pop()!]!);
    return s;
  }

  it('answers 400 naming the field, and writes nothing', async () => {
    const doc = buildOpenApi(t.app);
    const before = await tableCounts(t.ds);
    let probes = 0;
    const problems: unknown[] = [];
    const check = (probe: Record<string, unknown>, ok: boolean) => {
      probes++;
      if (!ok) problems.push(probe);
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (SECTION_PATHS.has(path) && name === 'id' ? 'zf1' : PATH_VALUES[name]!));
        const token = path === '/api/auth/bind' ? bind : office;
        const call = (m: string, u: string) => (request(t.app.getHttpServer()) as unknown as Record<string, (u: string) => request.Test>)[m]!(u).set('Authorization', `Bearer ${token}`);
        const label = `${method.toUpperCase()} ${path}`;

        const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query' || !p.schema) continue;
          const res = await call(method, `${url}?${p.name}=${encodeURIComponent(badQueryValue(p.schema))}`);
          const fields = (res.body.details ?? []).map((d: { field: string }) => d.field);
          check({ label, param: p.name, status: res.status, body: res.body }, res.status === 400 && queryNames.includes(res.body.field) && fields.includes(p.name));
        }
        if ((op.parameters ?? []).some((p) => p.in === 'query')) {
          // where a route takes query parameters, an unknown one is refused like an unknown body field
          const res = await call(method, `${url}?unknownParam=1`);
          check({ label, param: 'unknownParam', status: res.status, body: res.body }, res.status === 400 && res.body.field === 'unknownParam');
        }

        const bodySchema = op.requestBody?.content['application/json']?.schema;
        if (!bodySchema) continue;
        const schema = resolve(doc, bodySchema);
        const props = Object.keys(schema.properties ?? {});
        for (const prop of props) {
          const res = await call(method, url).send({ [prop]: badValue(schema.properties![prop]!) });
          const fields = (res.body.details ?? []).map((d: { field: string }) => d.field);
          check({ label, prop, status: res.status, body: res.body }, res.status === 400 && res.body.code === 'VALIDATION_FAILED' && props.includes(res.body.field) && fields.includes(prop));
        }
        const unknown = await call(method, url).send({ notAField: 1 });
        check({ label, prop: 'notAField', status: unknown.status, body: unknown.body }, unknown.status === 400 && [...props, 'notAField'].includes(unknown.body.field));

        for (const wrongShape of ['[1,2]', '"text"', '{"a":']) {
          const res = await call(method, url).set('Content-Type', 'application/json').send(wrongShape);
          check({ label, wrongShape, status: res.status, body: res.body }, res.status === 400 && typeof res.body.field === 'string');
        }
      }
    }
    expect(problems).toEqual([]);
    expect(probes).toBeGreaterThan(40);
    expect(await tableCounts(t.ds)).toEqual(before);
  });
});

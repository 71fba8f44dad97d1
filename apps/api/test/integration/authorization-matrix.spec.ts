/**
 * The authorisation matrix: every route the app serves × every role, allow or deny.
 * A new endpoint must be added to a `matrix/<module>.matrix.ts` file, or this test fails.
 */
import type { Role } from '@kaoping/contracts';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { buildOpenApi } from '../../src/app.factory.js';
import { TokenService } from '../../src/auth/token.service.js';
import { DEMO, representativeToken, startTestApp, type TestApp } from '../support/test-app.js';
import type { MatrixEntries } from './matrix/types.js';

type Caller = Role | 'anonymous' | 'bind';

/** route → who may call it, and a concrete path to call (inside every allowed caller's scope). One file per module. */
const MATRIX: MatrixEntries = {};
const dir = join(dirname(fileURLToPath(import.meta.url)), 'matrix');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.matrix.ts')).sort()) {
  const mod = (await import(`./matrix/${file.replace(/\.ts$/, '.js')}`)) as { default: MatrixEntries };
  for (const [route, entry] of Object.entries(mod.default)) {
    if (MATRIX[route]) throw new Error(`${route} appears twice in the matrix (${file})`);
    MATRIX[route] = entry;
  }
}

const CALLERS: Caller[] = ['anonymous', 'bind', 'staff', 'chief', 'office', 'leader', 'citizen', 'representative'];

/** Routes as Express serves them, e.g. `GET /api/people/:id`. */
function servedRoutes(t: TestApp): string[] {
  const instance = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const out: string[] = [];
  for (const layer of instance.router.stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') out.push(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return out.filter((r) => r.includes(' /api/') && !r.includes('/api/docs'));
}

describe('authorisation matrix', () => {
  let t: TestApp;
  const tokens = new Map<Caller, string | null>();

  beforeAll(async () => {
    t = await startTestApp();
    const signer = t.app.get(TokenService);
    tokens.set('anonymous', null);
    tokens.set('bind', signer.signBind('openid-matrix'));
    tokens.set('staff', await t.login(DEMO.staffZf1));
    tokens.set('chief', await t.login(DEMO.chiefZf1));
    tokens.set('office', await t.login(DEMO.office));
    tokens.set('leader', await t.login(DEMO.leader));
    tokens.set('citizen', (await request(t.app.getHttpServer()).post('/api/auth/citizen').send({ deviceId: 'matrix-device-0001' })).body.token);
    tokens.set('representative', await representativeToken(t));
  });
  afterAll(() => t.close());

  it('lists every served route, and the OpenAPI document documents every one', () => {
    const served = servedRoutes(t).sort();
    expect(served).toEqual(Object.keys(MATRIX).sort());
    const doc = buildOpenApi(t.app);
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      const oaPath = path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[oaPath]?.[method.toLowerCase() as 'get']).toBeDefined();
    }
  });

  const cases: [string, Caller][] = [];
  for (const route of Object.keys(MATRIX)) for (const caller of CALLERS) cases.push([route, caller]);

  it.each(cases)('%s as %s', async (route, caller) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const { allow, path = pattern } = MATRIX[route]!;
    let req = request(t.app.getHttpServer())[method.toLowerCase() as 'get'](path);
    const token = tokens.get(caller);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (method !== 'GET') req = req.send({});
    const res = await req;
    const allowed = allow === 'public' || (allow === 'bind' ? caller === 'bind' : caller !== 'anonymous' && caller !== 'bind' && allow.includes(caller));
    const expectedRefusal = allowed ? null : caller === 'anonymous' ? 401 : 403;
    const refusal = res.status === 401 || res.status === 403 ? res.status : null;
    expect({ refusal, serverError: res.status >= 500 }).toEqual({ refusal: expectedRefusal, serverError: false });
    expect(refusal === null || /UNAUTHENTICATED|TOKEN_INVALID|FORBIDDEN|OUT_OF_SCOPE/.test(res.body.code)).toBe(true);
  });
});

/** Scheme validation: both built-in schemes load; a bad field is rejected with its JSON path. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SchemeError } from '../src/errors';
import { loadScheme } from '../src/scheme/load-scheme';

const raw = (id: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../../seeds/schemes/${id}.json`), 'utf8'));

describe('loadScheme', () => {
  it('loads jiguan and wubi with their versions and every rule id of scoring-rules.md', () => {
    const j = loadScheme(raw('jiguan'));
    expect(j.version).toBe('jiguan-2022.1');
    expect(j.rules.map((r) => r.id)).toEqual([
      'DE-1', 'DE-2', 'DE-3', 'DE-4', 'DE-5',
      'NB-1', 'NB-2', 'NB-3', 'NB-4', 'NB-5', 'NB-6', 'NB-7', 'NB-8', 'NB-9', 'NB-10', 'NB-11', 'NB-12',
      'NP-1', 'NP-2', 'NP-3', 'NP-4', 'NP-5', 'NP-6',
      'QIN-1', 'QIN-2', 'QIN-3', 'QIN-4', 'JI-1', 'JI-2', 'JI-3', 'JI-4', 'LIAN-1', 'MZ-1', 'MZ-2',
    ]);
    const w = loadScheme(raw('wubi'));
    expect(w.version).toBe('wubi-2022.1');
    expect(w.rules.map((r) => r.id)).toEqual([
      'WB-D1', 'WB-D2', 'WB-D3', 'WB-D4', 'WB-C1', 'WB-C2', 'WB-C3', 'WB-C4', 'WB-B1', 'WB-B2',
      'WB-V1', 'WB-V2', 'WB-V3', 'WB-V4', 'WB-V5',
    ]);
  });

  it.each([
    ['$.version', (s: { [k: string]: unknown }) => delete s.version],
    ['$.rules[5].points.chief', (s: { rules: { points: { [k: string]: unknown } }[] }) => (s.rules[5].points.chief = '2')],
    ['$.rules[5].points.boss', (s: { rules: { points: { [k: string]: unknown } }[] }) => (s.rules[5].points.boss = -1)],
    ['$.rules[23].params.lateMinutes', (s: { rules: { params: { [k: string]: unknown } }[] }) => (s.rules[23].params.lateMinutes = -5)],
    ['$.rules[25].params.countedTypes[0]', (s: { rules: { params: { [k: string]: unknown } }[] }) => (s.rules[25].params.countedTypes = ['holiday'])],
    ['$.rules[1].id', (s: { rules: { id: string }[] }) => (s.rules[1].id = 'DE-1')],
    ['$.rules[0].dimension', (s: { rules: { dimension: string }[] }) => (s.rules[0].dimension = 'xx')],
    ['$.grades[1].min', (s: { grades: { min: number }[] }) => (s.grades[1].min = 95)],
    ['$.dimensions[0].base', (s: { dimensions: { base: unknown }[] }) => (s.dimensions[0].base = null)],
  ])('rejects a bad field at %s', (p, mutate) => {
    const s = raw('jiguan');
    (mutate as (x: unknown) => void)(s);
    expect(() => loadScheme(s)).toThrow(SchemeError);
    expect(() => loadScheme(s)).toThrow(expect.objectContaining({ path: p }));
    expect(() => loadScheme(s)).toThrow(`invalid scheme at ${p}:`);
  });

  it('rejects a non-object', () => {
    expect(() => loadScheme(42)).toThrow('invalid scheme at $: expected an object');
  });
});

/** Test helpers: the built-in schemes and small builders for hand-worked cases. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadScheme, score, type PersonResult, type Scheme, type ScoringInput, type ScoringResult } from '../src';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function schemeJson(id: 'jiguan' | 'wubi'): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'seeds', 'schemes', `${id}.json`), 'utf8'));
}

export const JIGUAN: Scheme = loadScheme(schemeJson('jiguan'));
export const WUBI: Scheme = loadScheme(schemeJson('wubi'));

/** A business section zf1 (执法一处): chief c1, deputies d1 d2, staff s1 s2; a party section zz (政治处): chief c2, staff s3. */
export function bureau(extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    year: 2024,
    sections: [
      { id: 'zf1', name: '执法一处', category: 'business', researchRequired: false },
      { id: 'zz', name: '政治处', category: 'party' },
    ],
    people: [
      { id: 'c1', sectionId: 'zf1', position: 'chief' },
      { id: 'd1', sectionId: 'zf1', position: 'deputy' },
      { id: 'd2', sectionId: 'zf1', position: 'deputy' },
      { id: 's1', sectionId: 'zf1', position: 'staff' },
      { id: 's2', sectionId: 'zf1', position: 'staff', branchSecretary: true },
      { id: 'c2', sectionId: 'zz', position: 'chief' },
      { id: 's3', sectionId: 'zz', position: 'staff', branchSecretary: true },
    ],
    // Annual checks satisfied unless a test says otherwise: 24 meetings each, 12 recorded activities per secretary.
    meetings: ['zf1', 'zz'].flatMap((sectionId) =>
      Array.from({ length: 24 }, (_, i) => ({ sectionId, date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${i < 12 ? '08' : '22'}` })),
    ),
    branchActivities: ['s2', 's3'].flatMap((secretaryId) =>
      Array.from({ length: 12 }, (_, i) => ({ secretaryId, date: `2024-${String(i + 1).padStart(2, '0')}-15`, recorded: true })),
    ),
    ...extra,
  };
}

export function person(r: ScoringResult, id: string): PersonResult {
  const p = r.people.find((x) => x.personId === id);
  if (!p) throw new Error(`no result for ${id}`);
  return p;
}

/** Score of a dimension (undefined when left out). */
export function dim(r: ScoringResult, id: string, d: string): number | undefined {
  return person(r, id).dimensions[d]?.score;
}

/** Points per person for one dimension, e.g. { c1: -2, d1: -2 } (persons with no item omitted). */
export function pointsBy(r: ScoringResult, d: string, rule?: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of r.people) {
    const items = p.dimensions[d]?.items.filter((it) => rule === undefined || it.rule === rule) ?? [];
    if (items.length > 0) out[p.personId] = items.reduce((s, it) => s + it.points, 0);
  }
  return out;
}

export function run(input: ScoringInput, scheme: Scheme = JIGUAN): ScoringResult {
  return score(input, scheme);
}

/**
 * fast-check properties: one more verified deduction never raises any score; fact order never changes a result;
 * base + Σ items = score per dimension; totals within bounds.
 */
import fc from 'fast-check';
import type { EventInput, ScoringInput, ScoringResult } from '../src';
import { JIGUAN, WUBI, bureau, run } from './helpers';

const PEOPLE = ['c1', 'd1', 'd2', 's1', 's2', 'c2', 's3'];
const EVENT_RULES = JIGUAN.rules.filter((r) => r.recordable).map((r) => r.id);
const day = fc.integer({ min: 1, max: 28 }).chain((d) => fc.integer({ min: 1, max: 12 }).map((m) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
const time = fc.tuple(fc.integer({ min: 7, max: 19 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const eventArb = fc.record({ rule: fc.constantFrom(...EVENT_RULES), personId: fc.constantFrom(...PEOPLE), date: day });
const caseArb = fc.record({
  events: fc.array(eventArb, { maxLength: 25 }),
  attendance: fc.uniqueArray(
    fc.record({ personId: fc.constantFrom(...PEOPLE), date: day, clockIn: time, clockOut: time }),
    { maxLength: 25, selector: (a) => `${a.personId}|${a.date}` },
  ),
  leaves: fc.array(
    fc.record({
      personId: fc.constantFrom(...PEOPLE),
      type: fc.constantFrom('personal', 'sick', 'trip', 'annual'),
      from: day,
      len: fc.integer({ min: 0, max: 12 }),
    }),
    { maxLength: 6 },
  ),
  democratic: fc.array(
    fc.oneof(
      fc.record({ personId: fc.constantFrom('s1', 's2', 's3'), aspects: fc.record({ de: fc.integer({ min: 0, max: 100 }), neng: fc.integer({ min: 0, max: 100 }), qin: fc.integer({ min: 0, max: 100 }), ji: fc.integer({ min: 0, max: 100 }), lian: fc.integer({ min: 0, max: 100 }) }) }),
      fc.record({ personId: fc.constantFrom('c1', 'd1', 'd2', 'c2'), group: fc.constantFrom('bureau_leader' as const, 'cadre_peer' as const, 'unit' as const, 'staff' as const), score: fc.double({ min: 0, max: 100, noNaN: true }) }),
    ),
    { maxLength: 12 },
  ),
});

function addDays(iso: string, n: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(c: Case): ScoringInput {
  return bureau({
    events: c.events.map((e, i): EventInput => ({ id: `e${i}`, ...e })),
    attendance: c.attendance.map((a) => ({ ...a, scheduledIn: '08:30', scheduledOut: '17:30' })),
    leaves: c.leaves.map((l) => ({ personId: l.personId, type: l.type, from: l.from, to: addDays(l.from, l.len) })),
    democratic: c.democratic,
  });
}

function shuffle<T>(xs: T[] | undefined, seed: number): T[] {
  const a = (xs ?? []).slice();
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function checkInvariants(r: ScoringResult, maxTotal: number): void {
  for (const p of r.people) {
    for (const d of Object.values(p.dimensions)) {
      const sum = d.items.reduce((s, it) => s + it.points, d.base);
      expect(Math.abs(sum - d.score)).toBeLessThan(1e-6);
    }
    expect(p.total).toBeGreaterThanOrEqual(0);
    expect(p.total).toBeLessThanOrEqual(maxTotal);
    expect(Math.round(p.total * 100) / 100).toBe(p.total);
  }
}

describe('properties (jiguan)', () => {
  it('base + Σ items = score for every dimension; totals within 0–100 and rounded to 2 decimals', () => {
    fc.assert(fc.property(caseArb, (c) => checkInvariants(run(toInput(c)), 100)), { numRuns: 150 });
  });

  it('fact order never changes a result', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        const input = toInput(c);
        const shuffled: ScoringInput = {
          ...input,
          events: shuffle(input.events, seed),
          attendance: shuffle(input.attendance, seed + 1),
          leaves: shuffle(input.leaves, seed + 2),
          democratic: shuffle(input.democratic, seed + 3),
          meetings: shuffle(input.meetings, seed + 4),
          branchActivities: shuffle(input.branchActivities, seed + 5),
        };
        expect(run(shuffled)).toEqual(run(input));
      }),
      { numRuns: 100 },
    );
  });

  it('one more verified deduction never raises any score', () => {
    fc.assert(
      fc.property(caseArb, eventArb, (c, extra) => {
        const input = toInput(c);
        const before = run(input);
        const after = run({ ...input, events: [...(input.events ?? []), { id: 'extra', ...extra }] });
        before.people.forEach((p, i) => {
          const q = after.people[i];
          expect(q.total).toBeLessThanOrEqual(p.total);
          for (const [k, d] of Object.entries(p.dimensions)) expect(q.dimensions[k].score).toBeLessThanOrEqual(d.score);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties (wubi)', () => {
  const wubiCase = fc.record({
    inspections: fc.uniqueArray(
      fc.record({ personId: fc.constant('h1'), kind: fc.constantFrom('daily' as const, 'special' as const, 'unannounced' as const), round: fc.integer({ min: 1, max: 4 }), score: fc.integer({ min: 0, max: 100 }) }),
      { selector: (x) => `${x.kind}${x.round}`, maxLength: 12 },
    ),
    evaluations: fc.array(fc.record({ personId: fc.constant('h1'), group: fc.constantFrom('service_recipient' as const, 'representative' as const, 'counterpart' as const, 'city_leader' as const), score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 10 }),
    complaints: fc.array(fc.record({ personId: fc.constantFrom('h1', 'w1'), date: day, verified: fc.boolean() }), { maxLength: 8 }),
  });
  type WubiCase = typeof wubiCase extends fc.Arbitrary<infer T> ? T : never;
  const toWubi = (c: WubiCase): ScoringInput => ({
    year: 2024,
    sections: [{ id: 'jd', name: '城管监督科' }],
    people: [{ id: 'h1', sectionId: 'jd', position: 'chief' }, { id: 'w1', sectionId: 'jd', position: 'staff' }],
    inspections: c.inspections,
    evaluations: c.evaluations,
    complaints: c.complaints.map((x, i) => ({ id: `c${i}`, ...x })),
  });

  it('invariants hold, total within 0–100 without bonus, a verified complaint never raises the total, order is irrelevant', () => {
    fc.assert(
      fc.property(wubiCase, day, fc.integer(), (c, date, seed) => {
        const input = toWubi(c);
        const r = run(input, WUBI);
        checkInvariants(r, 100);
        const more = run({ ...input, complaints: [...(input.complaints ?? []), { id: 'x', personId: 'w1', date, verified: true }] }, WUBI);
        expect(more.people[0].total).toBeLessThanOrEqual(r.people[0].total);
        const shuffled = { ...input, inspections: shuffle(input.inspections, seed), evaluations: shuffle(input.evaluations, seed + 1), complaints: shuffle(input.complaints, seed + 2) };
        expect(run(shuffled, WUBI)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });
});

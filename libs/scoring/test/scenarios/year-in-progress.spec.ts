/**
 * Scenario: scores read during the year. The year-end checks — 处务会全年少于24次 (NB-7), 调研全年少于30天 (NB-10),
 * no 调研报告 (NB-11), 支部活动全年少于12次 (NP-4) — speak of the whole year (六.(二).1.(7)(10), 2.(4)); judged on
 * 2024-09-30 they would deduct from every chief for meetings that are still to come. With `asOf` before 12-31 they
 * are flagged `annual-pending:<rule>` instead; on 12-31 (or without `asOf`) they deduct.
 */
import { person, pointsBy, run } from '../helpers';
import { bureau } from '../helpers';

const halfYear = () => {
  const b = bureau({ meetings: [{ sectionId: 'zf1', date: '2024-03-04' }], branchActivities: [] });
  b.sections = [{ id: 'zf1', name: '执法一处', category: 'business', researchRequired: true }, { id: 'zz', name: '政治处', category: 'party' }];
  return b;
};

describe('year-end checks while the year runs (asOf)', () => {
  it('on 2024-09-30 nothing is deducted for NB-7/NB-10/NB-11/NP-4; the shortfalls are flagged', () => {
    const r = run({ ...halfYear(), asOf: '2024-09-30' });
    for (const rule of ['NB-7', 'NB-10', 'NB-11']) expect(pointsBy(r, 'neng', rule)).toEqual({});
    expect(pointsBy(r, 'neng', 'NP-4')).toEqual({});
    expect(person(r, 'c1').flags).toEqual(expect.arrayContaining(['annual-pending:NB-7', 'annual-pending:NB-10', 'annual-pending:NB-11']));
    expect(person(r, 'd1').flags).toContain('annual-pending:NB-11');
    expect(person(r, 's2').flags).toContain('annual-pending:NP-4');
    expect(person(r, 'c1').dimensions.neng.score).toBe(100);
  });

  it('on 2024-12-31, as without asOf, the same facts deduct: c1 −5 (NB-7) −2 (NB-10) −2 (NB-11); s2 −5 (NP-4)', () => {
    for (const input of [{ ...halfYear(), asOf: '2024-12-31' }, halfYear()]) {
      const r = run(input);
      expect(pointsBy(r, 'neng', 'NB-7')).toEqual({ c1: -5 });
      expect(pointsBy(r, 'neng', 'NB-10')).toEqual({ c1: -2 });
      expect(pointsBy(r, 'neng', 'NB-11')).toEqual({ c1: -2, d1: -2, d2: -2 });
      expect(pointsBy(r, 'neng', 'NP-4')).toEqual({ s2: -5, s3: -5 });
      expect(person(r, 'c1').flags.filter((f) => f.startsWith('annual-pending'))).toEqual([]);
    }
  });

  it('a bad asOf is an input error naming the field', () => {
    expect(() => run({ ...halfYear(), asOf: '2024-02-30' })).toThrow(/asOf/);
  });
});

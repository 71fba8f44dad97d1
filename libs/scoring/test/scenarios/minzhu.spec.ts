/**
 * Named scenarios for 民主测评 (六.(六)). Staff (MZ-1): each rater scores 德能勤绩廉; the rater's mean, then the mean of
 * raters. Chiefs/deputies (MZ-2): 局领导 20、副科以上干部互评 10、局属各单位 35、机关科员 35; a missing group is re-weighted
 * away proportionally and flagged; nobody rated → the dimension is left out and the total is the mean of five.
 */
import { bureau, person, run } from '../helpers';

describe('民主测评', () => {
  it('staff: raters (90,80,70,100,60)=80 and (100,100,90,90,95)=95 → 87.5', () => {
    const r = run(
      bureau({
        democratic: [
          { personId: 's1', aspects: { de: 90, neng: 80, qin: 70, ji: 100, lian: 60 } },
          { personId: 's1', aspects: { de: 100, neng: 100, qin: 90, ji: 90, lian: 95 } },
        ],
      }),
    );
    const mz = person(r, 's1').dimensions.minzhu;
    expect(mz).toEqual({ base: 100, score: 87.5, items: [{ rule: 'MZ-1', points: -12.5, source: 'democratic:s1:aspects' }] });
    // total = (100 × 5 + 87.5) / 6 = 97.916… → 97.92
    expect(person(r, 's1').total).toBe(97.92);
  });

  it('chief, all four groups: 90×0.2 + 80×0.1 + 70×0.35 + 60×0.35 = 18 + 8 + 24.5 + 21 = 71.5', () => {
    const r = run(
      bureau({
        democratic: [
          { personId: 'c1', group: 'bureau_leader', score: 95 },
          { personId: 'c1', group: 'bureau_leader', score: 85 },
          { personId: 'c1', group: 'cadre_peer', score: 80 },
          { personId: 'c1', group: 'unit', score: 70 },
          { personId: 'c1', group: 'staff', score: 60 },
        ],
      }),
    );
    const mz = person(r, 'c1').dimensions.minzhu;
    expect(mz.score).toBe(71.5);
    expect(mz.items).toEqual([
      { rule: 'MZ-2', points: -2, source: 'democratic:c1:bureau_leader' },
      { rule: 'MZ-2', points: -2, source: 'democratic:c1:cadre_peer' },
      { rule: 'MZ-2', points: -14, source: 'democratic:c1:staff' },
      { rule: 'MZ-2', points: -10.5, source: 'democratic:c1:unit' },
    ]);
    expect(person(r, 'c1').flags).toEqual([]);
  });

  it('deputy, unit group missing: (90×20 + 80×10 + 60×35) / 65 = 4700 / 65 = 72.307…, flagged', () => {
    const r = run(
      bureau({
        democratic: [
          { personId: 'd1', group: 'bureau_leader', score: 90 },
          { personId: 'd1', group: 'cadre_peer', score: 80 },
          { personId: 'd1', group: 'staff', score: 60 },
        ],
      }),
    );
    const p = person(r, 'd1');
    expect(p.dimensions.minzhu.score).toBeCloseTo(4700 / 65, 8);
    expect(p.flags).toEqual(['minzhu:missing-group:unit']);
    // total = (500 + 72.3077) / 6 = 95.3846 → 95.38
    expect(p.total).toBe(95.38);
  });

  it('nobody rated: the dimension is left out, total = mean of the other five, flagged', () => {
    const r = run(bureau({ events: [{ id: 'e1', rule: 'LIAN-1', personId: 's1', date: '2024-06-01' }] }));
    const p = person(r, 's1');
    expect(Object.keys(p.dimensions)).toEqual(['de', 'neng', 'qin', 'ji', 'lian']);
    expect(p.total).toBe(98); // (100 × 4 + 90) / 5
    expect(p.flags).toContain('minzhu:not-rated');
  });
});

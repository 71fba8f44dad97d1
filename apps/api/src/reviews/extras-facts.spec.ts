import { EXTRA_COMPONENTS } from '@kaoping/contracts';
import { aggregate, extrasFacts, halfRange, monthEnd, quarterRange, type Holding, type PeriodValue } from './extras-facts.js';

const v = (component: PeriodValue['component'], sectionId: string, from: string, to: string, score: number): PeriodValue => ({ component, sectionId, from, to, score, period: from, label: from });

describe('extras facts (seed 000 七.(一))', () => {
  it('period ranges', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(quarterRange(2025, 2)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(halfRange(2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });

  it('aggregates: mean for the periodic components, the best entry for innovation', () => {
    expect(aggregate('leader_comments', [95, 85, 70])).toBe(83.33);
    expect(aggregate('innovation', [70, 95, 50])).toBe(95);
    expect(aggregate('quarterly_review', [])).toBeNull();
  });

  it('a chief change: each holder gets the periods of their own tenure', () => {
    const holdings: Holding[] = [
      { personId: 'old', sectionId: 'zf1', position: 'chief', from: '2024-01-01', to: '2024-02-29' },
      { personId: 'new', sectionId: 'zf1', position: 'deputy', from: '2024-01-01', to: '2024-02-29' },
      { personId: 'new', sectionId: 'zf1', position: 'chief', from: '2024-03-01', to: '2024-12-31' },
    ];
    const values = [
      v('leader_comments', 'zf1', '2024-01-01', '2024-01-31', 60),
      v('leader_comments', 'zf1', '2024-03-01', '2024-03-31', 90),
      v('leader_comments', 'zf1', '2024-04-01', '2024-04-30', 100),
      v('leader_comments', 'zf2', '2024-03-01', '2024-03-31', 10),
      v('quarterly_review', 'zf1', '2024-01-01', '2024-03-31', 80),
    ];
    const facts = extrasFacts(holdings, values, EXTRA_COMPONENTS, false);
    expect(facts).toEqual([
      { personId: 'old', component: 'leader_comments', score: 60 },
      { personId: 'old', component: 'quarterly_review', score: 80 },
      // two tenures in the same section: one fact over all their months, not a mean of means
      { personId: 'new', component: 'leader_comments', score: 83.33 },
      { personId: 'new', component: 'quarterly_review', score: 80 },
    ]);
  });

  it('innovation: none assessed counts 0 only once the year is over', () => {
    const holdings: Holding[] = [{ personId: 'c', sectionId: 's', position: 'chief', from: '2024-01-01', to: '2024-12-31' }];
    expect(extrasFacts(holdings, [], EXTRA_COMPONENTS, false)).toEqual([]);
    expect(extrasFacts(holdings, [], EXTRA_COMPONENTS, true)).toEqual([{ personId: 'c', component: 'innovation', score: 0 }]);
    const entries = [v('innovation', 's', '2024-05-01', '2024-05-01', 85), v('innovation', 's', '2024-09-01', '2024-09-01', 70)];
    expect(extrasFacts(holdings, entries, EXTRA_COMPONENTS, true)).toEqual([{ personId: 'c', component: 'innovation', score: 85 }]);
  });
});

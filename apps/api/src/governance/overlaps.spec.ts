import { ALL_UNITS } from '@kaoping/contracts';
import { gapDays, overlapGroups, overlaps, sharedUnits, type OverlapCandidate } from './overlaps.js';

const app = (id: string, kind: OverlapCandidate['kind'], plannedDate: string, targetUnits: string[], endDate = plannedDate): OverlapCandidate => ({ id, kind, plannedDate, endDate, targetUnits });

describe('overlapping applications (五.(八) 合并)', () => {
  it('gap between periods: 0 when they overlap, days between otherwise, across months', () => {
    expect(gapDays(app('a', 'meeting', '2024-06-20', [], '2024-06-22'), app('b', 'meeting', '2024-06-21', []))).toBe(0);
    expect(gapDays(app('a', 'meeting', '2024-06-28', []), app('b', 'meeting', '2024-07-03', []))).toBe(5);
    expect(gapDays(app('a', 'meeting', '2024-07-03', []), app('b', 'meeting', '2024-06-28', []))).toBe(5);
  });

  it('shared units: exact names, and 全部局属单位 meets every unit', () => {
    expect(sharedUnits(['甲', '乙'], ['乙', '丙'])).toEqual(['乙']);
    expect(sharedUnits(['甲'], ['丙'])).toEqual([]);
    expect(sharedUnits([ALL_UNITS], ['丙'])).toEqual(['丙']);
  });

  it('same family only: meetings with meetings, inspections with appraisals; within the window; a shared unit', () => {
    expect(overlaps(app('a', 'inspection', '2024-06-20', ['甲']), app('b', 'appraisal', '2024-06-27', ['甲']))).toBe(true);
    expect(overlaps(app('a', 'inspection', '2024-06-20', ['甲']), app('b', 'appraisal', '2024-06-28', ['甲']))).toBe(false);
    expect(overlaps(app('a', 'inspection', '2024-06-20', ['甲']), app('b', 'meeting', '2024-06-20', ['甲']))).toBe(false);
    expect(overlaps(app('a', 'meeting', '2024-06-20', ['甲']), app('b', 'meeting', '2024-06-20', ['乙']))).toBe(false);
  });

  it('groups are connected components in date order, with the units they share; singles are left out', () => {
    const groups = overlapGroups([
      app('c', 'inspection', '2024-06-30', ['乙']),
      app('a', 'inspection', '2024-06-20', ['甲']),
      app('b', 'appraisal', '2024-06-25', ['甲', '乙']),
      app('d', 'meeting', '2024-06-25', ['甲']),
      app('e', 'meeting', '2024-09-01', ['甲']),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ ids: ['a', 'b', 'c'], sharedUnits: ['甲', '乙'], from: '2024-06-20', to: '2024-06-30' });
    expect(groups[0]!.reason).toContain('3 项检查、评比考核');
    expect(overlapGroups([])).toEqual([]);
  });
});

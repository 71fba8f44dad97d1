/**
 * Named scenario: 处长、副处长 are whoever held the post on the event's date (effective-dated memberships, inclusive).
 * zf1: c1 chief until 2024-06-30, then c9 chief from 2024-07-01; d1 staff until 2024-06-30, deputy from 2024-07-01.
 */
import { ScoringInputError } from '../../src';
import { bureau, pointsBy, run } from '../helpers';

function changing() {
  const b = bureau({ branchActivities: [] });
  b.people = [
    { id: 'c1', sectionId: 'zz', position: 'staff', memberships: [
      { sectionId: 'zf1', position: 'chief', from: '2020-01-01', to: '2024-06-30' },
      { sectionId: 'zz', position: 'staff', from: '2024-07-01' },
    ] },
    { id: 'c9', sectionId: 'zf1', position: 'chief', memberships: [{ sectionId: 'zf1', position: 'chief', from: '2024-07-01' }] },
    { id: 'd1', sectionId: 'zf1', position: 'deputy', memberships: [
      { sectionId: 'zf1', position: 'staff', from: '2019-03-01', to: '2024-06-30' },
      { sectionId: 'zf1', position: 'deputy', from: '2024-07-01' },
    ] },
    { id: 's1', sectionId: 'zf1', position: 'staff' },
    { id: 'c2', sectionId: 'zz', position: 'chief' },
  ];
  return b;
}

describe('cascade by date', () => {
  it('NB-1 on 2024-06-30 → old chief c1 −2 (d1 still staff); on 2024-07-01 → new chief c9 −2 and deputy d1 −2', () => {
    const b = changing();
    b.events = [
      { id: 'e1', rule: 'NB-1', personId: 's1', date: '2024-06-30' },
      { id: 'e2', rule: 'NB-1', personId: 's1', date: '2024-07-01' },
    ];
    const r = run(b);
    expect(pointsBy(r, 'neng', 'NB-1')).toEqual({ s1: -6, c1: -2, c9: -2, d1: -2 });
  });

  it('an event for a person on a date no membership covers is an input error', () => {
    const b = changing();
    b.events = [{ id: 'e1', rule: 'NB-1', personId: 'c9', date: '2024-03-01' }];
    expect(() => run(b)).toThrow(ScoringInputError);
    expect(() => run(b)).toThrow(/no section on 2024-03-01/);
  });
});

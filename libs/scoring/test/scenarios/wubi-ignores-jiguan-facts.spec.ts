/**
 * Scenario: one set of facts scored under wubi. Incidents, attendance and leaves belong to the jiguan scheme;
 * wubi (seed 002 附件2) scores the head from inspections, complaints, evaluations, commendations and vetoes only,
 * so the jiguan facts change nothing.
 */
import { loadScheme, score, type ScoringInput } from '../../src';
import wubiJson from '../../../../seeds/schemes/wubi.json';

const scheme = loadScheme(wubiJson);

const base: ScoringInput = {
  scheme: 'wubi',
  year: 2024,
  sections: [{ id: 'jdk', name: '城管监督科', category: 'business' }],
  people: [
    { id: 'h', name: '科长', sectionId: 'jdk', position: 'chief' },
    { id: 's', name: '科员', sectionId: 'jdk', position: 'staff' },
  ],
  inspections: [
    { personId: 'h', kind: 'daily', round: 1, score: 90 },
    { personId: 'h', kind: 'daily', round: 2, score: 80 },
  ],
};

describe('wubi ignores the jiguan facts', () => {
  it('gives the same result with or without events, attendance and leaves', () => {
    const plain = score(base, scheme);
    const withJiguanFacts = score(
      {
        ...base,
        events: [{ id: 'e1', rule: 'DE-5', personId: 's', date: '2024-03-05' }],
        attendance: [{ personId: 's', date: '2024-03-06', scheduledIn: '08:30', scheduledOut: '17:30', clockIn: '09:30', clockOut: '17:30' }],
        leaves: [{ personId: 's', type: 'personal', from: '2024-05-06', to: '2024-05-10' }],
      },
      scheme,
    );
    expect(withJiguanFacts).toEqual(plain);
    // WB-D1: mean(90, 80) × 0.25 = 21.25
    expect(plain.people[0]!.dimensions['WB-D1']!.score).toBe(21.25);
  });
});

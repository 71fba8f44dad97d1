/**
 * Named scenario: a hand-worked multi-rule `jiguan` case, full output checked.
 * 执法一处 zf1 (business, research required): chief c1, staff s1.
 *
 * s1 —
 *   DE-2 late (六.(一).2 每迟到一次扣1分) −1                                   → de 99
 *   NB-1 (六.(二).1.(1) 扣经办人3分，扣处长2分) −3                             → neng 97
 *   QIN-1 2024-03-04 in 08:50 (20 min late) −1; 03-05 08:49 (19) 0; 03-06 out 17:15 (15 min early) −1;
 *         03-07 in 09:30 but on a trip → covered
 *   QIN-3 May: personal 05-06…05-08 (3) + 05-13…05-14 (2) = 5 working days → −2 (sick 05-20…24 excluded)
 *                                                                            → qin 96
 *   minzhu: raters 80 and 95 → 87.5
 *   total = (99 + 97 + 96 + 100 + 100 + 87.5) / 6 = 579.5 / 6 = 96.583… → 96.58 优秀
 * c1 —
 *   NB-1 cascade −2; NB-7 20 meetings < 24 → −5; NB-10 25 days < 30 → −2; report written → no NB-11 → neng 91
 *   minzhu: bureau_leader (90, 80) → 85, cadre_peer 70, unit 90, staff missing →
 *           (85×20 + 70×10 + 90×35) / 65 = 5550 / 65 = 85.3846…, flag minzhu:missing-group:staff
 *   total = (100 + 91 + 100 + 100 + 100 + 85.3846…) / 6 = 96.0641… → 96.06 优秀
 */
import { run } from '../helpers';
import type { ScoringInput } from '../../src';

const att = (date: string, clockIn: string, clockOut: string) => ({
  personId: 's1', date, scheduledIn: '08:30', scheduledOut: '17:30', clockIn, clockOut,
});

const INPUT: ScoringInput = {
  year: 2024,
  sections: [{ id: 'zf1', name: '执法一处', category: 'business', researchRequired: true }],
  people: [
    { id: 'c1', name: '张三', sectionId: 'zf1', position: 'chief' },
    { id: 's1', name: '李四', sectionId: 'zf1', position: 'staff' },
  ],
  events: [
    { id: 'e1', rule: 'DE-2', personId: 's1', date: '2024-02-05', variant: 'late' },
    { id: 'e2', rule: 'NB-1', personId: 's1', date: '2024-04-02' },
  ],
  attendance: [att('2024-03-04', '08:50', '17:30'), att('2024-03-05', '08:49', '17:30'), att('2024-03-06', '08:30', '17:15'), att('2024-03-07', '09:30', '17:30')],
  holidays: ['2024-05-01', '2024-05-02', '2024-05-03'],
  workdays: ['2024-05-11'],
  leaves: [
    { personId: 's1', type: 'trip', from: '2024-03-07', to: '2024-03-07' },
    { personId: 's1', type: 'personal', from: '2024-05-06', to: '2024-05-08' },
    { personId: 's1', type: 'personal', from: '2024-05-13', to: '2024-05-14' },
    { personId: 's1', type: 'sick', from: '2024-05-20', to: '2024-05-24' },
  ],
  meetings: Array.from({ length: 20 }, (_, i) => ({ sectionId: 'zf1', date: `2024-${String((i % 10) + 1).padStart(2, '0')}-${i < 10 ? '07' : '21'}` })),
  research: [{ personId: 'c1', sectionId: 'zf1', date: '2024-06-01', days: 15 }, { personId: 's1', sectionId: 'zf1', date: '2024-09-01', days: 10 }],
  researchReports: [{ personId: 'c1', date: '2024-11-01' }],
  democratic: [
    { personId: 's1', aspects: { de: 90, neng: 80, qin: 70, ji: 100, lian: 60 } },
    { personId: 's1', aspects: { de: 100, neng: 100, qin: 90, ji: 90, lian: 95 } },
    { personId: 'c1', group: 'bureau_leader', score: 90 },
    { personId: 'c1', group: 'bureau_leader', score: 80 },
    { personId: 'c1', group: 'cadre_peer', score: 70 },
    { personId: 'c1', group: 'unit', score: 90 },
  ],
};

const unchanged = { base: 100, score: 100, items: [] };

describe('jiguan: hand-worked multi-rule case', () => {
  it('produces the full expected output', () => {
    const r = run(INPUT);
    expect(r.scheme).toBe('jiguan');
    expect(r.schemeVersion).toBe('jiguan-2022.1');
    expect(r.year).toBe(2024);
    const [c1, s1] = r.people;
    expect(s1).toEqual({
      personId: 's1',
      dimensions: {
        de: { base: 100, score: 99, items: [{ rule: 'DE-2', points: -1, source: 'e1' }] },
        neng: { base: 100, score: 97, items: [{ rule: 'NB-1', points: -3, source: 'e2' }] },
        qin: {
          base: 100,
          score: 96,
          items: [
            { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-04' },
            { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-06' },
            { rule: 'QIN-3', points: -2, source: 'leaves:s1:2024-05' },
          ],
        },
        ji: unchanged,
        lian: unchanged,
        minzhu: { base: 100, score: 87.5, items: [{ rule: 'MZ-1', points: -12.5, source: 'democratic:s1:aspects' }] },
      },
      bonus: 0,
      bonusItems: [],
      total: 96.58,
      grade: '优秀',
      flags: [],
    });
    expect(c1.personId).toBe('c1');
    expect(c1.dimensions.neng).toEqual({
      base: 100,
      score: 91,
      items: [
        { rule: 'NB-1', points: -2, source: 'e2', cascadeFrom: 's1' },
        { rule: 'NB-7', points: -5, source: 'meetings:zf1:2024' },
        { rule: 'NB-10', points: -2, source: 'research:zf1:2024' },
      ],
    });
    expect(c1.dimensions.minzhu.score).toBeCloseTo(5550 / 65, 8);
    expect(c1.total).toBe(96.06);
    expect(c1.grade).toBe('优秀');
    expect(c1.flags).toEqual(['minzhu:missing-group:staff']);
  });

  it('不称职 carries the consequences of 七.(一): 扣发第十三个月工资，进行组织调整，并予以全局通报; a dimension floors at 0 with a FLOOR item', () => {
    // s1: 11 × LIAN-1 (−110 → floor +10 → 0), 20 × JI-4 (−100 → 0), 34 × NB-1 (−102 → floor +2 → 0); not rated.
    // total = (100 + 0 + 100 + 0 + 0) / 5 = 40 → 不称职.
    const events = [
      ...Array.from({ length: 11 }, (_, i) => ({ id: `l${i}`, rule: 'LIAN-1', personId: 's1', date: '2024-03-01' })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `j${i}`, rule: 'JI-4', personId: 's1', date: '2024-03-01' })),
      ...Array.from({ length: 34 }, (_, i) => ({ id: `n${i}`, rule: 'NB-1', personId: 's1', date: '2024-03-01' })),
    ];
    const r = run({ ...INPUT, events, attendance: [], leaves: [], democratic: [] });
    const s1 = r.people[1];
    expect(s1.dimensions.lian.score).toBe(0);
    expect(s1.dimensions.lian.items.at(-1)).toEqual({ rule: 'FLOOR', points: 10, source: 'floor:s1:lian' });
    expect(s1.dimensions.neng.items.at(-1)).toEqual({ rule: 'FLOOR', points: 2, source: 'floor:s1:neng' });
    expect(s1.total).toBe(40);
    expect(s1.grade).toBe('不称职');
    expect(s1.flags).toEqual(
      expect.arrayContaining(['consequence:withhold-13th-salary', 'consequence:organisational-adjustment', 'consequence:bureau-notice']),
    );
  });
});

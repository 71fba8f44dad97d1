/**
 * Named scenarios for `wubi` (seed 002, 附件2 考评与计分方法). Subjects: section heads (position chief).
 * 城管监督科 jd: head h1, staff w1. 综合执法支队 zd: head h2, staff w2.
 * Components: base 0 and one positive item = mean × weight (WB-D1…D3, WB-C1…C4); WB-D4 base 10, −2 per verified
 * complaint, floor 0. Bonus on top of the 100. A veto forces 不称职.
 */
import { ScoringInputError, type ScoringInput } from '../../src';
import { WUBI, person, run } from '../helpers';

const base = (extra: Partial<ScoringInput> = {}): ScoringInput => ({
  year: 2024,
  sections: [{ id: 'jd', name: '城管监督科' }, { id: 'zd', name: '市城市管理综合执法支队' }],
  people: [
    { id: 'h1', sectionId: 'jd', position: 'chief' },
    { id: 'w1', sectionId: 'jd', position: 'staff' },
    { id: 'h2', sectionId: 'zd', position: 'chief' },
    { id: 'w2', sectionId: 'zd', position: 'staff' },
  ],
  ...extra,
});

const full = (personId: string, s: number) => [
  ...(['daily', 'special', 'unannounced'] as const).flatMap((kind) => [1, 2].map((round) => ({ personId, kind, round, score: s }))),
];
const allGroups = (personId: string, score: number) =>
  (['service_recipient', 'representative', 'counterpart', 'city_leader'] as const).map((group) => ({ personId, group, score }));

describe('wubi: hand-worked multi-rule case (h1), veto (h2)', () => {
  /*
   * h1: 日常督查 (90, 80) → 85 × 0.25 = 21.25; 专项督查 (100, 90) → 95 × 0.05 = 4.75;
   *     随机暗访 one round 70 → 70 × 0.10 = 7, flag too-few-rounds:WB-D3 (不少于2次);
   *     投诉: c1 against staff w1 (verified) −2, c2 against h1 (verified) −2, c3 unverified → flag, c4 in 2023 → ignored → 6;
   *     服务对象 90 and 基本满意 (60) → 75 × 0.15 = 11.25; 两代表一委员 100 → 15; 对口部门 80 → 8; 市领导 missing → 0 + flag;
   *     bonus: m1 at city (0.5) and provincial (3) → 3 (同一事项就高); m2 city for staff w1 → 0.5; m3 central but 〔2023〕 → not
   *     this year; m4 unit (WB-B2) 1 → 1; bonus = 4.5.
   *     total = 21.25 + 4.75 + 7 + 6 + 11.25 + 15 + 8 + 0 + 4.5 = 77.75 → 称职.
   * h2: every round 100 and every group 100 → 40 + 10 + 50 = 100, but a veto (V4) on staff w2 → 不称职.
   */
  const input = base({
    inspections: [
      { personId: 'h1', kind: 'daily', round: 1, score: 90 },
      { personId: 'h1', kind: 'daily', round: 2, score: 80 },
      { personId: 'h1', kind: 'special', round: 1, score: 100 },
      { personId: 'h1', kind: 'special', round: 2, score: 90 },
      { personId: 'h1', kind: 'unannounced', round: 1, score: 70 },
      ...full('h2', 100),
    ],
    complaints: [
      { id: 'c1', personId: 'w1', date: '2024-05-01', verified: true },
      { id: 'c2', personId: 'h1', date: '2024-06-01', verified: true },
      { id: 'c3', personId: 'w1', date: '2024-07-01', verified: false },
      { id: 'c4', personId: 'w1', date: '2023-12-01', verified: true },
    ],
    evaluations: [
      { personId: 'h1', group: 'service_recipient', score: 90 },
      { personId: 'h1', group: 'service_recipient', answer: '基本满意' },
      { personId: 'h1', group: 'representative', score: 100 },
      { personId: 'h1', group: 'counterpart', score: 80 },
      ...allGroups('h2', 100),
    ],
    commendations: [
      { personId: 'h1', matter: 'm1', level: 'city', docNo: '宣政〔2024〕1号' },
      { personId: 'h1', matter: 'm1', level: 'provincial', docNo: '皖政〔2024〕2号' },
      { personId: 'w1', matter: 'm2', level: 'city', docNo: '宣政〔2024〕5号' },
      { personId: 'h1', matter: 'm3', level: 'central', docNo: '国发〔2023〕9号' },
      { personId: 'h1', matter: 'm4', level: 'unit', points: 1, reason: '局获评省文明单位，科室承担主要工作' },
    ],
    vetoes: [{ personId: 'w2', reason: 'V4' }],
  });

  it('h1: components, bonus, total and grade', () => {
    const r = run(input, WUBI);
    expect(r.scheme).toBe('wubi');
    expect(r.schemeVersion).toBe('wubi-2022.1');
    expect(r.people.map((p) => p.personId)).toEqual(['h1', 'h2']);
    const h1 = person(r, 'h1');
    const scores = Object.fromEntries(Object.entries(h1.dimensions).map(([k, v]) => [k, v.score]));
    expect(scores).toEqual({
      'WB-D1': 21.25, 'WB-D2': 4.75, 'WB-D3': 7, 'WB-D4': 6, 'WB-C1': 11.25, 'WB-C2': 15, 'WB-C3': 8, 'WB-C4': 0,
    });
    expect(h1.dimensions['WB-D1']).toEqual({ base: 0, score: 21.25, items: [{ rule: 'WB-D1', points: 21.25, source: 'inspections:h1:daily' }] });
    expect(h1.dimensions['WB-D4']).toEqual({
      base: 10,
      score: 6,
      items: [
        { rule: 'WB-D4', points: -2, source: 'c1', cascadeFrom: 'w1' },
        { rule: 'WB-D4', points: -2, source: 'c2' },
      ],
    });
    expect(h1.bonus).toBe(4.5);
    expect(h1.bonusItems).toEqual([
      { rule: 'WB-B1', points: 3, source: 'commendations:m1:provincial' },
      { rule: 'WB-B1', points: 0.5, source: 'commendations:m2:city', cascadeFrom: 'w1' },
      { rule: 'WB-B2', points: 1, source: 'commendations:m4:unit' },
    ]);
    expect(h1.total).toBe(77.75);
    expect(h1.grade).toBe('称职');
    expect(h1.flags).toEqual([
      'bonus:deduplicated:m1',
      'bonus:out-of-year:m3',
      'missing-group:WB-C4',
      'pending:c3',
      'too-few-rounds:WB-D3',
    ]);
  });

  it('h2: 100 points but a veto on a staff member of the section → 不称职 (附件2 四: 参评对象或所属科室工作人员…直接评定“不称职”)', () => {
    const h2 = person(run(input, WUBI), 'h2');
    expect(h2.total).toBe(100);
    expect(h2.grade).toBe('不称职');
    expect(h2.flags).toEqual(['veto:V4']);
  });
});

describe('wubi components', () => {
  it('WB-D4 floors at 0: six verified complaints → 10 − 12 → FLOOR +2 → 0', () => {
    const complaints = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, personId: 'w1', date: '2024-03-01', verified: true }));
    const d4 = person(run(base({ complaints }), WUBI), 'h1').dimensions['WB-D4'];
    expect(d4.score).toBe(0);
    expect(d4.items.at(-1)).toEqual({ rule: 'FLOOR', points: 2, source: 'floor:h1:WB-D4' });
  });

  it('no rounds at all: the component is 0 (not scaled) and flagged', () => {
    const p = person(run(base(), WUBI), 'h1');
    expect(p.dimensions['WB-D1']).toEqual({ base: 0, score: 0, items: [] });
    expect(p.flags).toContain('too-few-rounds:WB-D1');
    expect(p.total).toBe(10); // only WB-D4's 10 remains
  });

  it('WB-B1 levels: city 0.5, provincial 3, central 5, each matter once at the highest', () => {
    const commendations = [
      { personId: 'h1', matter: 'a', level: 'city', docNo: '〔2024〕1号' },
      { personId: 'h1', matter: 'b', level: 'provincial', docNo: '〔2024〕2号' },
      { personId: 'h1', matter: 'c', level: 'central', docNo: '〔2024〕3号' },
      { personId: 'h1', matter: 'c', level: 'provincial', docNo: '〔2024〕4号' },
      { personId: 'h1', matter: 'c', level: 'city', docNo: '〔2024〕5号' },
    ];
    expect(person(run(base({ commendations }), WUBI), 'h1').bonus).toBe(8.5);
  });

  it('a commendation without a year in its 文号 is not counted and flagged (附件2 三.4 以年度文号确定)', () => {
    const p = person(run(base({ commendations: [{ personId: 'h1', matter: 'x', level: 'central' }] }), WUBI), 'h1');
    expect(p.bonus).toBe(0);
    expect(p.flags).toContain('bonus:no-evidence:x');
  });

  it('inspections or evaluations for someone who is not a head are input errors', () => {
    expect(() => run(base({ inspections: [{ personId: 'w1', kind: 'daily', round: 1, score: 80 }] }), WUBI)).toThrow(ScoringInputError);
  });

  it('stars map through the scheme scale (1–5 → 0, 25, 50, 75, 100)', () => {
    const evaluations = [
      { personId: 'h1', group: 'city_leader' as const, answer: 5, scale: 'stars' },
      { personId: 'h1', group: 'city_leader' as const, answer: '4', scale: 'stars' },
    ];
    expect(person(run(base({ evaluations }), WUBI), 'h1').dimensions['WB-C4'].score).toBe(8.75);
  });
});

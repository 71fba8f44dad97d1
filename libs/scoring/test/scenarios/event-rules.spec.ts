/**
 * Named scenarios: one per recorded-event rule of `jiguan`, each worked by hand from the document text
 * (seed 000, 六、内容及标准). Bureau (helpers.bureau): 执法一处 zf1 (business) = chief c1, deputies d1 d2,
 * staff s1, staff + branch secretary s2; 政治处 zz (party) = chief c2, staff + branch secretary s3.
 * Every case: one event on 2024-03-05, then the points each person lost in the rule's dimension.
 */
import { bureau, person, pointsBy, run } from '../helpers';

interface Case {
  name: string;
  /** The clause, quoted. */
  quote: string;
  rule: string;
  actor: string;
  variant?: string;
  dimension: string;
  expected: Record<string, number>;
}

const CASES: Case[] = [
  // 德
  { name: 'DE-1 absent from branch life', quote: '六.(一).1 每缺席一次扣2分', rule: 'DE-1', actor: 's1', variant: 'absent', dimension: 'de', expected: { s1: -2 } },
  { name: 'DE-1 late to branch life', quote: '六.(一).1 每迟到一次扣1分', rule: 'DE-1', actor: 's1', variant: 'late', dimension: 'de', expected: { s1: -1 } },
  { name: 'DE-1 without variant = absent', quote: '六.(一).1 default variant absent', rule: 'DE-1', actor: 's1', dimension: 'de', expected: { s1: -2 } },
  { name: 'DE-2 absent from 处务会', quote: '六.(一).2 每缺席一次扣2分', rule: 'DE-2', actor: 'd1', variant: 'absent', dimension: 'de', expected: { d1: -2 } },
  { name: 'DE-2 late to 处务会', quote: '六.(一).2 每迟到一次扣1分', rule: 'DE-2', actor: 'd1', variant: 'late', dimension: 'de', expected: { d1: -1 } },
  { name: 'DE-3 absent from the bureau assembly', quote: '六.(一).3 每缺席一次扣2分', rule: 'DE-3', actor: 'c1', variant: 'absent', dimension: 'de', expected: { c1: -2 } },
  { name: 'DE-3 late to the bureau assembly', quote: '六.(一).3 每迟到一次扣1分', rule: 'DE-3', actor: 'c1', variant: 'late', dimension: 'de', expected: { c1: -1 } },
  { name: 'DE-4 refuses a temporary task', quote: '六.(一).4 不服从安排或…擅自不参加的，每缺席一次扣2分', rule: 'DE-4', actor: 's1', variant: 'refused', dimension: 'de', expected: { s1: -2 } },
  { name: 'DE-4 absent from political study', quote: '六.(一).4 每缺席一次扣2分', rule: 'DE-4', actor: 's1', variant: 'absent', dimension: 'de', expected: { s1: -2 } },
  // DE-5: 经查实每例扣当事人3分，扣处长（主任）、副处长（副主任）各1分 → s1 −3, c1 −1, d1 −1, d2 −1
  { name: 'DE-5 rude to the public, cascade', quote: '六.(一).5 扣当事人3分，扣处长、副处长各1分', rule: 'DE-5', actor: 's1', dimension: 'de', expected: { s1: -3, c1: -1, d1: -1, d2: -1 } },
  // The chief as the actor: deducted once, as the person (−3), deputies −1 each.
  { name: 'DE-5 by the chief himself', quote: '六.(一).5 (chief = 当事人: once, as the person)', rule: 'DE-5', actor: 'c1', dimension: 'de', expected: { c1: -3, d1: -1, d2: -1 } },
  // A deputy as the actor: −3 as the person, not also −1 as deputy; the other deputy −1.
  { name: 'DE-5 by a deputy', quote: '六.(一).5 (deputy = 当事人: once, as the person)', rule: 'DE-5', actor: 'd1', dimension: 'de', expected: { d1: -3, c1: -1, d2: -1 } },
  // 能 — business
  { name: 'NB-1 not reported', quote: '六.(二).1.(1) 每件扣经办人3分，扣处长、副处长各2分', rule: 'NB-1', actor: 's1', dimension: 'neng', expected: { s1: -3, c1: -2, d1: -2, d2: -2 } },
  { name: 'NB-2 first-question duty', quote: '六.(二).1.(2) 每件扣当事人3分，扣处长、副处长各2分', rule: 'NB-2', actor: 's1', dimension: 'neng', expected: { s1: -3, c1: -2, d1: -2, d2: -2 } },
  { name: 'NB-3 document against the law', quote: '六.(二).1.(3) 每件扣公务拟办人3分，扣处长、副处长各2分', rule: 'NB-3', actor: 's2', dimension: 'neng', expected: { s2: -3, c1: -2, d1: -2, d2: -2 } },
  { name: 'NB-4 meeting badly notified', quote: '六.(二).1.(4) 每发生一例，扣经办人2分，扣处长、副处长各1分', rule: 'NB-4', actor: 's1', dimension: 'neng', expected: { s1: -2, c1: -1, d1: -1, d2: -1 } },
  { name: 'NB-5 shirking', quote: '六.(二).1.(5) 每一件扣经办人2分，扣处长、副处长各1分', rule: 'NB-5', actor: 's1', dimension: 'neng', expected: { s1: -2, c1: -1, d1: -1, d2: -1 } },
  { name: 'NB-6 leak', quote: '六.(二).1.(6) 每件扣当事人3分，扣处长、副处长各1分', rule: 'NB-6', actor: 's1', dimension: 'neng', expected: { s1: -3, c1: -1, d1: -1, d2: -1 } },
  // NB-8 has no person points: the staff member's case costs the chief 3 and each deputy 2.
  { name: 'NB-8 appraisal differs from spot check', quote: '六.(二).1.(8) 每一例扣处长3分，扣副处长2分', rule: 'NB-8', actor: 's1', dimension: 'neng', expected: { c1: -3, d1: -2, d2: -2 } },
  { name: 'NB-9 complaint about coordination', quote: '六.(二).1.(9) 每例扣经办人3分，扣处长、副处长各2分', rule: 'NB-9', actor: 's1', dimension: 'neng', expected: { s1: -3, c1: -2, d1: -2, d2: -2 } },
  { name: 'NB-12 major error', quote: '六.(二).1.(11) 每例扣当事人3分，扣处长、副处长各2分', rule: 'NB-12', actor: 'd2', dimension: 'neng', expected: { d2: -3, c1: -2, d1: -2 } },
  // 能 — party (政治处 zz: chief c2, staff/secretary s3)
  { name: 'NP-1 party task not done', quote: '六.(二).2.(1) 每次扣经办人2分，扣处长（副书记、主任）1分', rule: 'NP-1', actor: 's3', dimension: 'neng', expected: { s3: -2, c2: -1 } },
  { name: 'NP-2 shirking (party)', quote: '六.(二).2.(2) 每一件扣经办人2分，扣处长1分', rule: 'NP-2', actor: 's3', dimension: 'neng', expected: { s3: -2, c2: -1 } },
  { name: 'NP-3 city task not carried out', quote: '六.(二).2.(3) 扣处长（副书记、主任）5分', rule: 'NP-3', actor: 's3', dimension: 'neng', expected: { c2: -5 } },
  // NP-6: handler −2, branch secretary −1; s1's branch secretary is s2 (zf1).
  { name: 'NP-6 party dues not chased', quote: '六.(二).2.(5) 每次扣承办人2分，扣支部书记1分', rule: 'NP-6', actor: 's1', dimension: 'neng', expected: { s1: -2, s2: -1 } },
  { name: 'NP-6 by the branch secretary himself', quote: '六.(二).2.(5) (secretary = 承办人: once, as the person)', rule: 'NP-6', actor: 's3', dimension: 'neng', expected: { s3: -2 } },
  // NP-5 may also be recorded case by case: the branch secretary −1.
  { name: 'NP-5 activity without record (recorded case)', quote: '六.(二).2.(4) 每少一次扣支部书记1分', rule: 'NP-5', actor: 's3', dimension: 'neng', expected: { s3: -1 } },
  // 勤
  { name: 'QIN-1 early leave recorded by inspection', quote: '六.(三).1 每次扣当事人1分', rule: 'QIN-1', actor: 's1', variant: 'early', dimension: 'qin', expected: { s1: -1 } },
  { name: 'QIN-2 away half a day', quote: '六.(三).2 每次扣当事人2分', rule: 'QIN-2', actor: 's1', dimension: 'qin', expected: { s1: -2 } },
  { name: 'QIN-4 games during hours', quote: '六.(三).4 每次扣当事人3分', rule: 'QIN-4', actor: 'd1', dimension: 'qin', expected: { d1: -3 } },
  // 绩
  { name: 'JI-2 task forgotten', quote: '六.(四).2 每件扣经办人5分，扣处长、副处长各2分', rule: 'JI-2', actor: 's1', dimension: 'ji', expected: { s1: -5, c1: -2, d1: -2, d2: -2 } },
  { name: 'JI-3 party work error', quote: '六.(四).2 每件扣处长（副书记）、支部书记5分', rule: 'JI-3', actor: 's1', dimension: 'ji', expected: { c1: -5, s2: -5 } },
  { name: 'JI-4 lost document', quote: '六.(四).2 每件扣当事人5分，扣处长、副处长各2分', rule: 'JI-4', actor: 's2', dimension: 'ji', expected: { s2: -5, c1: -2, d1: -2, d2: -2 } },
  // 廉
  { name: 'LIAN-1 索拿卡要', quote: '六.(五) 每例扣10分', rule: 'LIAN-1', actor: 's1', dimension: 'lian', expected: { s1: -10 } },
];

describe('jiguan event rules: points and cascade, one scenario per case', () => {
  it.each(CASES)('$name ($quote)', ({ rule, actor, variant, dimension, expected }) => {
    const r = run(bureau({ events: [{ id: 'e1', rule, personId: actor, date: '2024-03-05', variant }] }));
    expect(pointsBy(r, dimension, rule)).toEqual(expected);
    for (const [pid, pts] of Object.entries(expected)) {
      const items = person(r, pid).dimensions[dimension].items.filter((it) => it.rule === rule);
      expect(items).toHaveLength(1);
      expect(items[0].source).toBe('e1');
      expect(items[0].cascadeFrom).toBe(pid === actor ? undefined : actor);
      expect(person(r, pid).dimensions[dimension].score).toBe(100 + pts);
    }
  });

  it('LIAN-1 flags the discipline follow-up (六.(五) 并按规定进行相应的组织纪律处理)', () => {
    const r = run(bureau({ events: [{ id: 'e9', rule: 'LIAN-1', personId: 's1', date: '2024-03-05' }] }));
    expect(person(r, 's1').flags).toContain('discipline:LIAN-1:e9');
  });

  it('an NB rule in a party section is scored and flagged as a category mismatch', () => {
    const r = run(bureau({ events: [{ id: 'e1', rule: 'NB-1', personId: 's3', date: '2024-03-05' }] }));
    expect(pointsBy(r, 'neng', 'NB-1')).toEqual({ s3: -3, c2: -2 });
    expect(person(r, 's3').flags).toContain('category-mismatch:NB-1:e1');
  });

  it('an unverified event shows as a flag and does not count (只有经查实的才扣分)', () => {
    const r = run(bureau({ events: [{ id: 'e1', rule: 'NB-1', personId: 's1', date: '2024-03-05', verified: false }] }));
    expect(pointsBy(r, 'neng')).toEqual({});
    expect(person(r, 's1').flags).toContain('pending:e1');
  });

  it('events outside the year do not count', () => {
    const r = run(bureau({ events: [{ id: 'e1', rule: 'NB-1', personId: 's1', date: '2023-12-31' }] }));
    expect(pointsBy(r, 'neng')).toEqual({});
  });
});

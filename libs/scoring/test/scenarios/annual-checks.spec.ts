/**
 * Named scenarios for the annual checks of `jiguan`: NB-7 (处务会 < 24), NB-10 (调研 < 30 days), NB-11 (no 调研报告),
 * NP-4 (支部活动 < 12), NP-5 (activity without a record). Bureau: see helpers.bureau.
 */
import { bureau, person, pointsBy, run } from '../helpers';

describe('NB-7: 对召开处务会全年少于24次的，扣处长（主任）5分 (六.(二).1.(7))', () => {
  it('23 meetings in zf1 → chief c1 −5, no cascade to deputies; 政治处 (party) is not checked', () => {
    const b = bureau();
    b.meetings = [
      ...Array.from({ length: 23 }, (_, i) => ({ sectionId: 'zf1', date: `2024-${String((i % 12) + 1).padStart(2, '0')}-0${1 + Math.floor(i / 12)}` })),
      { sectionId: 'zf1', date: '2023-12-28' }, // previous year: does not count
    ];
    const r = run(b);
    expect(pointsBy(r, 'neng', 'NB-7')).toEqual({ c1: -5 });
    expect(person(r, 'c1').dimensions.neng.items).toEqual([{ rule: 'NB-7', points: -5, source: 'meetings:zf1:2024' }]);
  });

  it('24 meetings → nothing', () => {
    expect(pointsBy(run(bureau()), 'neng', 'NB-7')).toEqual({});
  });
});

describe('NB-10 / NB-11: 每年累计调研时间不得少于30天，正副处长每年至少写一篇调研报告 (五.(十一), 六.(二).1.(10))', () => {
  const research = (days: number[]) => days.map((d, i) => ({ personId: 'd1', sectionId: 'zf1', date: `2024-0${i + 1}-10`, days: d }));

  it('29 days summed over the section → the responsible person (chief c1) −2; no report → chief and each deputy −2', () => {
    const b = bureau({ research: research([10, 10, 9]), researchReports: [{ personId: 'd1', date: '2024-11-01' }] });
    b.sections![0].researchRequired = true;
    const r = run(b);
    // c1: NB-10 −2 and NB-11 −2 (no report); d1 wrote one; d2 none → −2.
    expect(pointsBy(r, 'neng', 'NB-10')).toEqual({ c1: -2 });
    expect(pointsBy(r, 'neng', 'NB-11')).toEqual({ c1: -2, d2: -2 });
    expect(person(r, 'c1').dimensions.neng.score).toBe(96);
  });

  it('30 days and a report each → nothing; a section not required to do research is never checked', () => {
    const b = bureau({
      research: research([10, 10, 10]),
      researchReports: ['c1', 'd1', 'd2'].map((personId) => ({ personId, date: '2024-06-01' })),
    });
    b.sections![0].researchRequired = true;
    expect(pointsBy(run(b), 'neng')).toEqual({});
    expect(pointsBy(run(bureau()), 'neng')).toEqual({});
  });
});

describe('NP-4 / NP-5: 组织支部活动全年少于12次的，扣支部书记5分；未做好记录的，每少一次扣支部书记1分 (六.(二).2.(4))', () => {
  it('s2 held 11 activities, 2 without a record → s2 −5 (NP-4) and −2 (NP-5)', () => {
    const b = bureau();
    b.branchActivities = [
      ...Array.from({ length: 11 }, (_, i) => ({ secretaryId: 's2', date: `2024-${String(i + 1).padStart(2, '0')}-15`, recorded: i >= 2 })),
      ...Array.from({ length: 12 }, (_, i) => ({ secretaryId: 's3', date: `2024-${String(i + 1).padStart(2, '0')}-15`, recorded: true })),
    ];
    const r = run(b);
    expect(pointsBy(r, 'neng', 'NP-4')).toEqual({ s2: -5 });
    expect(pointsBy(r, 'neng', 'NP-5')).toEqual({ s2: -2 });
    expect(person(r, 's2').dimensions.neng.items.map((i) => i.source)).toEqual([
      'branchActivities:s2:2024',
      'branchActivities:s2:2024-01-15',
      'branchActivities:s2:2024-02-15',
    ]);
  });
});

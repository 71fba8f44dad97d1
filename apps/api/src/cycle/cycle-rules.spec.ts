import { checkPlan, type PlanCheckInput } from './cycle-rules.js';

const SECTIONS = [
  { id: 'jdk', name: '城管监督科', listed: true },
  { id: 'csglk', name: '城市管理科（行政审批科）', listed: true },
  { id: 'ylc', name: '市园林绿化管理处', listed: true },
  { id: 'zf1', name: '执法一处', listed: false },
];

function input(years: PlanCheckInput['years'], over: Partial<PlanCheckInput> = {}): PlanCheckInput {
  return { startYear: 2024, years, sections: SECTIONS, saved: new Map(), currentYear: 2024, keep: new Map(), ...over };
}

const full = [
  { year: 2024, sectionIds: ['jdk'] },
  { year: 2025, sectionIds: ['csglk'] },
  { year: 2026, sectionIds: ['ylc', 'jdk'] },
];

describe('three-year cycle plan rules', () => {
  it('accepts a plan covering every listed section', () => {
    const { problem, plan } = checkPlan(input(full));
    expect(problem).toBeNull();
    expect(plan.get(2026)).toEqual(['ylc', 'jdk']);
  });

  it('refuses a plan that leaves a listed section out of all three years, naming it', () => {
    const { problem } = checkPlan(input([full[0]!, full[1]!, { year: 2026, sectionIds: ['jdk'] }]));
    expect(problem).toMatchObject({ code: 'WUBI_CYCLE_UNCOVERED', field: 'years' });
    expect(problem!.message).toContain('市园林绿化管理处');
    expect(problem!.message).not.toContain('城管监督科');
  });

  it('refuses years outside the cycle, duplicate years, missing and empty years', () => {
    expect(checkPlan(input([...full, { year: 2027, sectionIds: ['jdk'] }])).problem).toMatchObject({ field: 'years.3.year', code: 'VALIDATION_FAILED' });
    expect(checkPlan(input([full[0]!, { year: 2024, sectionIds: ['ylc'] }])).problem).toMatchObject({ field: 'years.1.year' });
    expect(checkPlan(input([full[0]!, full[1]!])).problem).toMatchObject({ field: 'years', message: expect.stringContaining('2026') });
    expect(checkPlan(input([full[0]!, { year: 2025, sectionIds: [] }, full[2]!])).problem).toMatchObject({ field: 'years.1.sectionIds' });
  });

  it('refuses unknown, unlisted and repeated sections', () => {
    expect(checkPlan(input([full[0]!, { year: 2025, sectionIds: ['nope'] }, full[2]!])).problem!.message).toContain('nope');
    expect(checkPlan(input([full[0]!, { year: 2025, sectionIds: ['zf1'] }, full[2]!])).problem!.message).toContain('执法一处');
    expect(checkPlan(input([full[0]!, { year: 2025, sectionIds: ['csglk', 'csglk'] }, full[2]!])).problem).toMatchObject({ field: 'years.1.sectionIds' });
  });

  it('an ended year on file keeps its list; one never saved may be recorded once', () => {
    const saved = new Map([[2024, ['jdk']]]);
    const changed = checkPlan(input([{ year: 2024, sectionIds: ['jdk', 'csglk'] }, full[1]!, full[2]!], { saved, currentYear: 2025 }));
    expect(changed.problem).toMatchObject({ code: 'WUBI_CYCLE_LOCKED', field: 'years.0.sectionIds' });
    expect(checkPlan(input(full, { saved, currentYear: 2025 })).problem).toBeNull();
    expect(checkPlan(input(full, { currentYear: 2025 })).problem).toBeNull();
    // the current year on file may still change
    expect(checkPlan(input([{ year: 2024, sectionIds: ['jdk', 'csglk'] }, full[1]!, full[2]!], { saved, currentYear: 2024 })).problem).toBeNull();
  });

  it('a section with records in a year cannot leave that year', () => {
    const keep = new Map([[2024, new Set(['csglk'])]]);
    const res = checkPlan(input(full, { keep }));
    expect(res.problem).toMatchObject({ code: 'WUBI_CYCLE_LOCKED', field: 'years.0.sectionIds' });
    expect(res.problem!.message).toContain('城市管理科（行政审批科）');
    expect(checkPlan(input([{ year: 2024, sectionIds: ['jdk', 'csglk'] }, full[1]!, full[2]!], { keep })).problem).toBeNull();
  });
});

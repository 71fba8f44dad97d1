/**
 * The rules a three-year 五比五评 cycle plan must meet before it is saved (pure: no database, no clock).
 *
 * - the three years are `startYear` … `startYear + 2`, each listed once, each with at least one section;
 * - every section named exists and is listed (has a 五比五评 type, 附件1), at most once per year;
 * - a year that has ended and is on file keeps its list (it was the basis of that year's scores);
 * - a section whose people already have 五比五评 records (督查评分、表彰、否决) in a year stays in that year's list
 *   (the year under way, or an ended year recorded for the first time);
 * - every listed section takes part in at least one of the three years (全覆盖).
 */

export const CYCLE_LENGTH = 3;

export interface PlanSection {
  id: string;
  name: string;
  /** Has a 五比五评 type (附件1). */
  listed: boolean;
}

export interface PlanCheckInput {
  startYear: number;
  years: { year: number; sectionIds: string[] }[];
  /** Every section of the bureau (listed or not). */
  sections: PlanSection[];
  /** The lists on file for the cycle's years (absent: never saved). */
  saved: Map<number, string[]>;
  /** This year in the bureau's zone. */
  currentYear: number;
  /** Per year: sections with 五比五评 records that year (they must stay in it). */
  keep: Map<number, Set<string>>;
}

export interface PlanProblem {
  code: 'VALIDATION_FAILED' | 'WUBI_CYCLE_LOCKED' | 'WUBI_CYCLE_UNCOVERED';
  field: string;
  message: string;
}

export function cycleYears(startYear: number): number[] {
  return Array.from({ length: CYCLE_LENGTH }, (_v, i) => startYear + i);
}

export function cycleLabel(startYear: number): string {
  return `${startYear}–${startYear + CYCLE_LENGTH - 1}`;
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** The first problem of a plan, or null with the plan by year (ids in the order given). */
export function checkPlan(input: PlanCheckInput): { problem: PlanProblem | null; plan: Map<number, string[]> } {
  const { startYear, years, sections, saved, currentYear, keep } = input;
  const range = cycleYears(startYear);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const plan = new Map<number, string[]>();
  const fail = (code: PlanProblem['code'], field: string, message: string) => ({ problem: { code, field, message }, plan });
  const label = cycleLabel(startYear);

  for (const [i, y] of years.entries()) {
    const field = `years.${i}`;
    if (!range.includes(y.year)) return fail('VALIDATION_FAILED', `${field}.year`, `${y.year} 年不在 ${label} 周期内，只能安排 ${range.join('、')} 年`);
    if (plan.has(y.year)) return fail('VALIDATION_FAILED', `${field}.year`, `${y.year} 年重复出现，每年只能有一份名单`);
    if (y.sectionIds.length === 0) return fail('VALIDATION_FAILED', `${field}.sectionIds`, `${y.year} 年未安排任何参评科室，每年至少安排一个`);
    const seen = new Set<string>();
    for (const id of y.sectionIds) {
      if (seen.has(id)) return fail('VALIDATION_FAILED', `${field}.sectionIds`, `${name(id)}在 ${y.year} 年的名单中重复出现`);
      seen.add(id);
    }
    const onFile = saved.get(y.year);
    if (onFile && y.year < currentYear) {
      if (!sameSet(onFile, y.sectionIds)) {
        return fail(
          'WUBI_CYCLE_LOCKED',
          `${field}.sectionIds`,
          `${y.year} 年已结束，当年参评名单已归档（${onFile.map(name).join('、')}），不能再修改`,
        );
      }
      plan.set(y.year, y.sectionIds);
      continue;
    }
    for (const id of y.sectionIds) {
      const s = byId.get(id);
      if (!s) return fail('VALIDATION_FAILED', `${field}.sectionIds`, `没有编号为“${id}”的科室`);
      if (!s.listed) return fail('VALIDATION_FAILED', `${field}.sectionIds`, `${s.name}不是“五比五评”参评科室（二级机构），不在附件1 名单中`);
    }
    const dropped = [...(keep.get(y.year) ?? [])].filter((id) => !seen.has(id));
    if (dropped.length > 0) {
      return fail(
        'WUBI_CYCLE_LOCKED',
        `${field}.sectionIds`,
        `${dropped.map(name).join('、')}在 ${y.year} 年已有“五比五评”记录（督查评分、表彰或一票否决），不能从 ${y.year} 年名单中移除`,
      );
    }
    plan.set(y.year, y.sectionIds);
  }
  const missing = range.filter((y) => !plan.has(y));
  if (missing.length > 0) return fail('VALIDATION_FAILED', 'years', `缺少 ${missing.join('、')} 年的安排：三年周期每年都要有参评名单`);

  const covered = new Set([...plan.values()].flat());
  const uncovered = sections.filter((s) => s.listed && !covered.has(s.id));
  if (uncovered.length > 0) {
    return fail(
      'WUBI_CYCLE_UNCOVERED',
      'years',
      `以下参评科室（二级机构）在 ${label} 三年中均未安排：${uncovered.map((s) => s.name).join('、')}。按“三年一个周期、全覆盖考评”，请把它们安排到其中一年`,
    );
  }
  return { problem: null, plan };
}

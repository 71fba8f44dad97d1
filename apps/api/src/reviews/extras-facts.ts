import type { ExtraComponentId } from '@kaoping/contracts';

/**
 * Pure rules that turn review records into the jiguan `extras` facts (seed 000 七.(一)). No I/O: values passed in.
 *
 * - A period value per section: a month's 局领导点评 = mean of that month's comments; a quarter's 季度监察考评会 score;
 *   a half-year's 半年考评打分 = mean of the counted unit answers; 工作创新 = each assessed entry's score (dated).
 * - A holder (chief or deputy of a 机关 section in the year) gets, per component, the values of the periods that overlap
 *   their tenure in that section: the mean for the periodic components, the best entry for 工作创新 (filing another,
 *   weaker entry never lowers it). No value → no fact (the library then leaves that weight out and flags it), except
 *   工作创新 once the year is over: no assessed entry then counts 0.
 * - Someone who held the position in two sections gets one fact per section; the library takes their mean.
 */

export interface Holding {
  personId: string;
  sectionId: string;
  position: 'chief' | 'deputy';
  /** Inclusive, clamped to the year. */
  from: string;
  to: string;
}

export interface PeriodValue {
  component: ExtraComponentId;
  sectionId: string;
  /** Inclusive date range of the period (a month, a quarter, a half-year, or one day for an innovation entry). */
  from: string;
  to: string;
  score: number;
  period: string;
  label: string;
}

export interface ExtraFact {
  personId: string;
  component: ExtraComponentId;
  score: number;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The yearly value of one component from its period values: mean, or the best entry for 工作创新; null when none. */
export function aggregate(component: ExtraComponentId, scores: number[]): number | null {
  if (scores.length === 0) return null;
  if (component === 'innovation') return Math.max(...scores);
  return round2(scores.reduce((s, v) => s + v, 0) / scores.length);
}

/** Last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
  const last = `${year}-${String(quarter * 3).padStart(2, '0')}`;
  return { from: `${first}-01`, to: monthEnd(last) };
}

export function halfRange(year: number, half: number): { from: string; to: string } {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The values of `sectionId` for `component` that overlap any of the ranges. */
export function valuesIn(values: PeriodValue[], component: ExtraComponentId, sectionId: string, ranges: { from: string; to: string }[]): PeriodValue[] {
  return values.filter((v) => v.component === component && v.sectionId === sectionId && ranges.some((r) => v.from <= r.to && v.to >= r.from));
}

/** One `extras` fact per holder × section × component with a value (see the module comment). */
export function extrasFacts(holdings: Holding[], values: PeriodValue[], components: readonly ExtraComponentId[], yearClosed: boolean): ExtraFact[] {
  const groups = new Map<string, { personId: string; sectionId: string; ranges: { from: string; to: string }[] }>();
  for (const h of holdings) {
    const key = `${h.personId}\u0000${h.sectionId}`;
    const g = groups.get(key) ?? groups.set(key, { personId: h.personId, sectionId: h.sectionId, ranges: [] }).get(key)!;
    g.ranges.push({ from: h.from, to: h.to });
  }
  const out: ExtraFact[] = [];
  for (const g of groups.values()) {
    for (const component of components) {
      const score = aggregate(
        component,
        valuesIn(values, component, g.sectionId, g.ranges).map((v) => v.score),
      );
      if (score !== null) out.push({ personId: g.personId, component, score });
      else if (component === 'innovation' && yearClosed) out.push({ personId: g.personId, component, score: 0 });
    }
  }
  return out;
}

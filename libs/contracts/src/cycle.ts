import type { WubiType } from './org';

/**
 * The three-year 五比五评 cycle (seed 002 二、参评对象: “按照三年一个周期，进行全覆盖考评”; 附件1 lists the sections):
 * which listed sections take part in which year, so that every listed section is covered within the cycle.
 */
export const WUBI_CYCLE_YEARS = 3;

/** One year of a cycle plan. */
export interface WubiCycleYearDto {
  year: number;
  /** Sections taking part that year (ids of listed sections). */
  sectionIds: string[];
  /** The year has ended and its list was saved: it is on file and cannot change. */
  locked: boolean;
  /** Why the year (or some of its sections) cannot change, in words; null when it is free. */
  lockReason: string | null;
  /** Sections that cannot be taken out of this year: the year is under way and they already have 五比五评 records. */
  keepSectionIds: string[];
}

/** A listed section (附件1) and the years of the cycle it takes part in. */
export interface WubiCycleSectionDto {
  id: string;
  name: string;
  wubiType: WubiType | null;
  years: number[];
  covered: boolean;
}

/** A cycle's plan with its coverage: the year-by-section grid the office edits. */
export interface WubiCyclePlanDto {
  startYear: number;
  endYear: number;
  /** The three years, in order. */
  years: number[];
  /** This year in the bureau's zone (years before it have ended). */
  currentYear: number;
  /** A plan for this cycle is on file. */
  saved: boolean;
  plan: WubiCycleYearDto[];
  /** Every listed section with the years it takes part in. */
  sections: WubiCycleSectionDto[];
  /** Listed sections in none of the three years. */
  uncovered: { id: string; name: string }[];
  /** Saved and every listed section covered. */
  complete: boolean;
  /** Another saved cycle overlapping these years (this one cannot be saved), e.g. “2023–2025”. */
  overlaps: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface WubiCycleSummaryDto {
  startYear: number;
  endYear: number;
  complete: boolean;
  years: { year: number; sectionCount: number }[];
  uncovered: { id: string; name: string }[];
  updatedAt: string;
}

/** Who takes part in 五比五评 in a year: from the saved cycle plan, or every listed section when no plan covers it. */
export interface WubiParticipantsDto {
  year: number;
  source: 'plan' | 'default';
  startYear: number | null;
  sections: { id: string; name: string }[];
}

export interface SaveWubiCycleBody {
  startYear: number;
  years: { year: number; sectionIds: string[] }[];
}

/**
 * A scheme (方案) is data: every rule, threshold, weight, grade boundary and scale lives here, validated on load by
 * `loadScheme`. The engine holds no rule constant; it only knows rule *kinds*.
 */
import type { Position, SectionCategory } from '../types';

/** A raw, not yet validated scheme object (as parsed from JSON). */
export interface SchemeInput {
  [key: string]: unknown;
}

export type Role = 'person' | 'chief' | 'deputy' | 'branchSecretary';
export const ROLES: readonly Role[] = ['person', 'chief', 'deputy', 'branchSecretary'];

/** Signed points per role: `person` = the one who did it (当事人/经办人), the others are cascades. */
export type RolePoints = Partial<Record<Role, number>>;

export type SchemeModel = 'jiguan' | 'wubi';

export interface DimensionDef {
  id: string;
  label: string;
  base: number;
  /** Lowest score; clamping shows as a `FLOOR` item. `null`: no floor. */
  floor: number | null;
  /** May be left out of the total when there is nothing to score it from (民主测评 with no rater). */
  optional: boolean;
}

interface RuleCommon {
  id: string;
  /** Dimension id (jiguan), or the component id (wubi), or `bonus` / `veto`. */
  dimension: string;
  /** The document's wording (Chinese), shown in the mini-program. */
  text: string;
  /** Clause of the source document, e.g. `六.(二).1.(1)`. */
  clause?: string;
  /** Section categories the rule is written for; a mismatch is scored and flagged. Empty: all. */
  categories: SectionCategory[];
  /** May be recorded as an `events[]` row. */
  recordable: boolean;
  points: RolePoints;
  variants: Record<string, RolePoints>;
  defaultVariant?: string;
  /** Flags put on the person for each scored case, e.g. `discipline` → `discipline:LIAN-1:e9`. */
  flags: string[];
}

export interface EventRule extends RuleCommon {
  kind: 'event';
}

export interface AttendanceRule extends RuleCommon {
  kind: 'attendance';
  params: { lateMinutes: number; earlyMinutes: number; coveringLeaveTypes: string[] };
}

export interface LeaveRule extends RuleCommon {
  kind: 'leave';
  params: { allowanceDays: number; countedTypes: string[]; excludedTypes: string[] };
}

export interface MeetingsRule extends RuleCommon {
  kind: 'annual-meetings';
  params: { minimum: number };
}

export interface ResearchDaysRule extends RuleCommon {
  kind: 'annual-research-days';
  params: { minimumDays: number };
}

export interface ResearchReportRule extends RuleCommon {
  kind: 'annual-research-report';
  params: { minimumReports: number; positions: Position[] };
}

export interface BranchActivitiesRule extends RuleCommon {
  kind: 'annual-branch-activities';
  params: { minimum: number };
}

export interface BranchRecordRule extends RuleCommon {
  kind: 'branch-activity-record';
}

export interface RatingQuota {
  minSectionSize: number;
  level: string;
  max: number;
  /** Year-end positions whose ratings count against the section's quota (rated by the chief). */
  positions: Position[];
}

export interface RatingRule extends RuleCommon {
  kind: 'rating';
  params: { levels: string[]; levelPoints: Record<string, number>; quota: RatingQuota | null };
}

export interface DemocraticStaffRule extends RuleCommon {
  kind: 'democratic-staff';
  params: { positions: Position[]; aspects: string[] };
}

export interface DemocraticGroupsRule extends RuleCommon {
  kind: 'democratic-groups';
  params: { positions: Position[]; weights: Record<string, number> };
}

export interface InspectionRule extends RuleCommon {
  kind: 'inspection';
  params: { inspectionKind: string; weight: number; minRounds: number };
}

/** `points.chief`: per verified complaint against the head or the section's staff. */
export interface ComplaintRule extends RuleCommon {
  kind: 'complaint';
}

export interface EvaluationRule extends RuleCommon {
  kind: 'evaluation';
  params: { group: string; weight: number };
}

/** One variant per level (`city`, `provincial`, `central`), `chief` = the head's bonus. */
export interface CommendationRule extends RuleCommon {
  kind: 'commendation';
}

export interface DiscretionaryBonusRule extends RuleCommon {
  kind: 'discretionary-bonus';
  params: { level: string; maxPoints: number | null };
}

export interface VetoRule extends RuleCommon {
  kind: 'veto';
  params: { code: string };
}

export type SchemeRule =
  | EventRule
  | AttendanceRule
  | LeaveRule
  | MeetingsRule
  | ResearchDaysRule
  | ResearchReportRule
  | BranchActivitiesRule
  | BranchRecordRule
  | RatingRule
  | DemocraticStaffRule
  | DemocraticGroupsRule
  | InspectionRule
  | ComplaintRule
  | EvaluationRule
  | CommendationRule
  | DiscretionaryBonusRule
  | VetoRule;

export type RuleKind = SchemeRule['kind'];

/** jiguan: extra components for chiefs/deputies (七.(一)); weight 0 leaves the total unchanged. */
export interface ExtraComponent {
  id: string;
  label: string;
  /** Share of the total, 0–1: total = (1 − Σw) × mean(dimensions) + Σ w × extra. */
  weight: number;
  positions: Position[];
}

export interface GradeDef {
  grade: string;
  min: number;
}

export interface Scheme {
  id: string;
  version: string;
  name: string;
  model: SchemeModel;
  /** Source document and notes; informative. */
  document?: string;
  dimensions: DimensionDef[];
  roleLabels: Record<Role, string>;
  rules: SchemeRule[];
  leaveTypes: string[];
  total: {
    /** jiguan: mean of the dimensions; wubi: sum of the components plus bonus. */
    method: 'mean' | 'sum';
    extras: ExtraComponent[];
    /** Upper bound of the total (bonus included); `null`: none. */
    cap: number | null;
  };
  /** Highest first; a score ≥ min gets the grade. */
  grades: GradeDef[];
  /** Below every threshold. */
  lowestGrade: string;
  /** Grade forced by a veto (wubi). */
  vetoGrade: string;
  /** Flags added to a person with that grade, e.g. 不称职 → `consequence:withhold-13th-salary`. */
  consequences: Record<string, string[]>;
  surveyScales: Record<string, Record<string, number>>;
  defaultSurveyScale: string;
  /** Commendation evidence: the year of the document number (文号) must be the scoring year. */
  commendationEvidence: 'doc-year' | 'none';
}

/**
 * The scoring contract (docs/scoring-contract.md): input facts and per-person results.
 * Dates are ISO `YYYY-MM-DD` strings, times local `HH:MM`.
 */
import type { SchemeInput } from './scheme/scheme-types';

export type Position = 'chief' | 'deputy' | 'staff';
export type SectionCategory = 'business' | 'party';

export interface SectionInput {
  id: string;
  name?: string;
  category?: SectionCategory;
  /** NB-10 / NB-11 apply (法规处、执法一处、执法二处、指挥调度室). */
  researchRequired?: boolean;
  /** wubi: 公共服务 / 行政执法 / 综合管理(审批) — informative only. */
  type?: string;
}

export interface MembershipInput {
  sectionId: string;
  position: Position;
  from: string;
  /** Inclusive; open-ended when absent. */
  to?: string;
}

export interface PersonInput {
  id: string;
  name?: string;
  /** As at year end. */
  sectionId: string;
  /** As at year end. */
  position: Position;
  branchSecretary?: boolean;
  memberships?: MembershipInput[];
}

export interface EventInput {
  id: string;
  rule: string;
  personId: string;
  date: string;
  variant?: string;
  /** Events are verified by default; `false` = recorded but pending (shown as a flag, not scored). */
  verified?: boolean;
}

export interface AttendanceInput {
  personId: string;
  date: string;
  scheduledIn: string;
  scheduledOut: string;
  clockIn?: string | null;
  clockOut?: string | null;
}

export type LeaveType =
  | 'personal'
  | 'sick'
  | 'marriage'
  | 'maternity'
  | 'family_visit'
  | 'annual'
  | 'funeral'
  | 'field'
  | 'trip';

export interface LeaveInput {
  personId: string;
  type: LeaveType;
  from: string;
  to: string;
}

export interface MeetingInput {
  sectionId: string;
  date: string;
}

export interface BranchActivityInput {
  secretaryId: string;
  date: string;
  recorded: boolean;
}

export interface ResearchInput {
  personId?: string;
  sectionId: string;
  date: string;
  days: number;
}

export interface ResearchReportInput {
  personId: string;
  date: string;
}

export interface RatingInput {
  personId: string;
  rating: string;
}

export type DemocraticGroup = 'bureau_leader' | 'cadre_peer' | 'unit' | 'staff';

/** Staff: one row per rater with the five aspects. Chiefs/deputies: one row per rater (or group) with a score. */
export interface DemocraticInput {
  personId: string;
  aspects?: Record<string, number>;
  group?: DemocraticGroup;
  score?: number;
}

/** jiguan extra components for chiefs/deputies (leader comments, quarterly review …), 0–100. */
export interface ExtraInput {
  personId: string;
  component: string;
  score: number;
}

export type InspectionKind = 'daily' | 'special' | 'unannounced';

export interface InspectionInput {
  personId: string;
  kind: InspectionKind;
  round: number;
  score: number;
}

export interface ComplaintInput {
  id: string;
  personId: string;
  date: string;
  /** Only `verified: true` complaints score. */
  verified?: boolean;
}

export type EvaluationGroup = 'service_recipient' | 'representative' | 'counterpart' | 'city_leader';

/** A survey answer: a 0–100 `score`, or an `answer` mapped through a scheme survey scale. */
export interface EvaluationInput {
  personId: string;
  group: EvaluationGroup;
  score?: number;
  answer?: string | number;
  /** Survey scale id in the scheme (default `satisfaction`). */
  scale?: string;
}

export interface CommendationInput {
  personId: string;
  matter: string;
  /** city | provincial | central (WB-B1), or the scheme's discretionary level `unit` (WB-B2, with `points`). */
  level: string;
  docNo?: string;
  /** Overrides the year read from the document number. */
  date?: string;
  /** WB-B2 only: discretionary points set by the office. */
  points?: number;
  reason?: string;
}

export interface VetoInput {
  personId: string;
  /** V1 … V5 (or the rule id WB-V1 … WB-V5). */
  reason: string;
  /** Optional; when given, only vetoes inside the year count. */
  date?: string;
}

export interface ScoringInput {
  /** Built-in id or a scheme object (the CLI resolves ids; `score()` receives the loaded scheme). */
  scheme?: string | SchemeInput;
  year: number;
  /**
   * Optional (an extension of the contract): the day the facts run to. Before the year's last day the year-end
   * checks (NB-7, NB-10, NB-11, NP-4) are not judged; a person who would fall short so far is flagged
   * `annual-pending:<rule>` instead. Absent: the year is complete.
   */
  asOf?: string;
  sections?: SectionInput[];
  people?: PersonInput[];
  events?: EventInput[];
  attendance?: AttendanceInput[];
  holidays?: string[];
  workdays?: string[];
  leaves?: LeaveInput[];
  meetings?: MeetingInput[];
  branchActivities?: BranchActivityInput[];
  research?: ResearchInput[];
  researchReports?: ResearchReportInput[];
  ratings?: RatingInput[];
  democratic?: DemocraticInput[];
  extras?: ExtraInput[];
  inspections?: InspectionInput[];
  complaints?: ComplaintInput[];
  evaluations?: EvaluationInput[];
  commendations?: CommendationInput[];
  vetoes?: VetoInput[];
}

/** One point movement. `source` is a fact id or a readable reference (`attendance:p2:2024-03-06`). */
export interface ScoreItem {
  rule: string;
  points: number;
  source: string;
  /** The person whose fact cascaded to this one. */
  cascadeFrom?: string;
}

/** `base + Σ items.points = score`, always (clamping at a floor is itself an item, rule `FLOOR`). */
export interface DimensionResult {
  base: number;
  score: number;
  items: ScoreItem[];
}

export interface PersonResult {
  personId: string;
  dimensions: Record<string, DimensionResult>;
  /** wubi: after same-matter de-duplication; jiguan: 0. */
  bonus: number;
  bonusItems: ScoreItem[];
  /** Rounded to 2 decimals. */
  total: number;
  grade: string;
  flags: string[];
}

export interface ScoringResult {
  scheme: string;
  schemeVersion: string;
  year: number;
  people: PersonResult[];
}

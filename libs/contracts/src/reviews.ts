/**
 * Review meetings (seed 000 五.(十), 七.(一)): 月度总结会与局领导点评, 季度监察考评会 (问题、整改任务), 半年考评打分 (局属各单位,
 * through the survey mechanism), 工作创新; and the extra components they give chiefs and deputies in the jiguan total.
 */
import type { EvidenceFileDto } from './records';
import type { InvitationIssuedDto } from './surveys';
import type { Position } from './org';

/** A leader's (or the office's) verdict on a section's work, as a level; stored with its score. */
export const REVIEW_LEVELS = ['good', 'fair', 'average', 'poor'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];
export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, string> = { good: '好', fair: '较好', average: '一般', poor: '差' };
/**
 * Level → score 0–100. Our reading (the document names no scale): in line with the grade lines of the scheme
 * (优秀 ≥ 90, 良好 ≥ 80, 称职 ≥ 60): 好 95, 较好 85, 一般 70, 差 50. A score 0–100 may be given instead of a level.
 */
export const REVIEW_LEVEL_SCORES: Record<ReviewLevel, number> = { good: 95, fair: 85, average: 70, poor: 50 };

/** The jiguan scheme's extra components for chiefs and deputies (seeds/schemes/jiguan.json total.extras). */
export const EXTRA_COMPONENTS = ['leader_comments', 'quarterly_review', 'half_year_unit_scoring', 'innovation'] as const;
export type ExtraComponentId = (typeof EXTRA_COMPONENTS)[number];
export const EXTRA_COMPONENT_LABELS: Record<ExtraComponentId, string> = {
  leader_comments: '局领导点评',
  quarterly_review: '季度监察考评会',
  half_year_unit_scoring: '半年考评打分',
  innovation: '工作创新',
};

// ── 月度总结会 and 局领导点评 ─────────────────────────────────────────────────────────────────────────────────

export interface MonthlyMeetingDto {
  id: string;
  /** `YYYY-MM`. */
  month: string;
  date: string;
  attendees: string;
  summary: string;
  recordedByName: string;
}

export interface LeaderCommentDto {
  id: string;
  month: string;
  sectionId: string;
  sectionName: string;
  leaderId: string;
  leaderName: string;
  level: ReviewLevel | null;
  score: number;
  comment: string;
  /** Who entered it: the leader, or the office on the leader's behalf. */
  recordedById: string;
  recordedByName: string;
  onBehalf: boolean;
  updatedAt: string;
}

export interface MonthlySectionMeanDto {
  sectionId: string;
  sectionName: string;
  /** Mean of the month's comments; null when none. */
  mean: number | null;
  comments: number;
}

export interface MonthlyReviewDto {
  month: string;
  meeting: MonthlyMeetingDto | null;
  comments: LeaderCommentDto[];
  sections: MonthlySectionMeanDto[];
}

// ── 季度监察考评会 and 整改任务 ────────────────────────────────────────────────────────────────────────────────

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: '整改中', done: '已完成' };

export interface RectificationTaskDto {
  id: string;
  reviewId: string;
  year: number;
  quarter: number;
  sectionId: string;
  sectionName: string;
  title: string;
  ownerId: string;
  ownerName: string;
  deadline: string;
  status: TaskStatus;
  /** Open past its deadline, or done after it (judged in the bureau's zone). */
  overdue: boolean;
  doneOn: string | null;
  followUp: string | null;
  doneByName: string | null;
  files: EvidenceFileDto[];
}

export interface QuarterlySectionDto {
  sectionId: string;
  sectionName: string;
  problems: string;
  /** The section's review score for the quarter, 0–100. */
  score: number;
}

export interface QuarterlyReviewDto {
  id: string;
  year: number;
  quarter: number;
  date: string;
  summary: string;
  recordedByName: string;
  /** Findings and scores (a chief sees only their section's; staff none). */
  sections: QuarterlySectionDto[];
  tasks: RectificationTaskDto[];
}

// ── 半年考评打分 (局属各单位 → 机关各处室) ──────────────────────────────────────────────────────────────────────

export interface HalfYearResultDto {
  sectionId: string;
  sectionName: string;
  counted: number;
  /** Mean 0–100; null below the minimum group size (anonymity; the score still uses the real mean). */
  mean: number | null;
}

export interface HalfYearRoundDto {
  id: string;
  year: number;
  half: 1 | 2;
  surveyId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  open: boolean;
  /** Invitations issued and completed (who, never what: the office sees names on the survey's invitation list). */
  invited: number;
  completed: number;
  minGroupSize: number;
  results: HalfYearResultDto[];
}

export interface HalfYearOpenedDto {
  round: HalfYearRoundDto;
  /** One link per unit head; the codes are shown only here. */
  invitations: InvitationIssuedDto[];
  /** Units without a head today (no invitation issued; add one on the survey page). */
  skipped: string[];
}

// ── 工作创新 ───────────────────────────────────────────────────────────────────────────────────────────────

export const INNOVATION_STATUSES = ['submitted', 'assessed'] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];
export const INNOVATION_STATUS_LABELS: Record<InnovationStatus, string> = { submitted: '待评定', assessed: '已评定' };

export interface InnovationDto {
  id: string;
  sectionId: string;
  sectionName: string;
  year: number;
  date: string;
  title: string;
  description: string;
  files: EvidenceFileDto[];
  filedByName: string;
  status: InnovationStatus;
  level: ReviewLevel | null;
  score: number | null;
  assessment: string | null;
  assessedByName: string | null;
  assessedOn: string | null;
}

// ── 附加项权重 and what feeds a chief's score ─────────────────────────────────────────────────────────────────

export interface ExtrasWeightDto {
  component: ExtraComponentId;
  label: string;
  /** Share of the total, 0–1: total = (1 − Σw) × mean of the six dimensions + Σ w × component score. */
  weight: number;
}

export interface ExtrasWeightsDto {
  scheme: 'jiguan';
  weights: ExtrasWeightDto[];
  sum: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface ExtraPeriodDto {
  /** `2025-03`, `2025-Q1`, `2025-H1`, or an innovation entry's date. */
  period: string;
  label: string;
  score: number;
}

export interface SectionExtraComponentDto {
  component: ExtraComponentId;
  label: string;
  weight: number;
  /** The section's yearly value (mean of the periods; innovation: the best assessed entry); null when none. */
  score: number | null;
  periods: ExtraPeriodDto[];
}

export interface ExtraHolderDto {
  personId: string;
  name: string;
  position: Position;
  /** When they held the position in the year (`from`–`to`, inclusive). */
  from: string;
  to: string;
  /** What goes into their score: the periods overlapping their tenure. */
  scores: { component: ExtraComponentId; score: number | null }[];
}

export interface SectionExtrasDto {
  sectionId: string;
  sectionName: string;
  components: SectionExtraComponentDto[];
  holders: ExtraHolderDto[];
}

export interface ExtrasSummaryDto {
  year: number;
  weights: ExtrasWeightDto[];
  sections: SectionExtrasDto[];
}

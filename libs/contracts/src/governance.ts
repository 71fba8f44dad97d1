/**
 * Duty and system ledgers (seed 000 五.(二), 五.(六), 五.(八)): each section's 三定 duties, its efficiency systems
 * (效能制度), the office's approval of meetings / inspections / appraisals aimed at subordinate units (with merging),
 * and inter-section coordination records whose confirmed breaks become JI-2 incidents.
 */

// ── 三定 duties ─────────────────────────────────────────────────────────────────────────────────────────────────

/** pending 待审核 | approved 已批准 | rejected 已退回 | withdrawn 已撤回. */
export const LEDGER_VERSION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type LedgerVersionStatus = (typeof LEDGER_VERSION_STATUSES)[number];
export const LEDGER_VERSION_STATUS_LABELS: Record<LedgerVersionStatus, string> = {
  pending: '待审核',
  approved: '已批准',
  rejected: '已退回',
  withdrawn: '已撤回',
};

export const REVIEW_DECISIONS = ['approved', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** 定编制: approved posts. */
export interface StaffingDto {
  chief: number;
  deputy: number;
  staff: number;
}

export interface DutyVersionDto {
  id: string;
  sectionId: string;
  sectionName: string;
  /** 1, 2, 3 … within the section. */
  seq: number;
  effectiveFrom: string;
  /** 定职能: the section's duties, one item each. */
  duties: string[];
  /** 定机构: internal structure / posts, free text. */
  structure: string | null;
  /** 定编制. */
  staffing: StaffingDto;
  note: string | null;
  status: LedgerVersionStatus;
  /** Approved and the latest one effective on or before today. */
  inForce: boolean;
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface SectionDutiesDto {
  sectionId: string;
  sectionName: string;
  today: string;
  current: DutyVersionDto | null;
  /** The version awaiting the office's review (shown to the section's chiefs and the office only). */
  pending: DutyVersionDto | null;
  /** Every version, newest first (pending/rejected ones only for the section's chiefs and the office). */
  history: DutyVersionDto[];
  /** People in post today, to compare with 定编制. */
  headcount: StaffingDto;
  /** May the caller submit a new version (a chief of this section, or the office)? */
  canEdit: boolean;
}

// ── 效能制度 efficiency systems ──────────────────────────────────────────────────────────────────────────────────

/** The seven systems 五.(二) names, and other systems a section adds. */
export const EFFICIENCY_SYSTEM_KINDS = [
  'post_responsibility',
  'first_inquiry',
  'time_limit',
  'service_pledge',
  'accountability',
  'substitute',
  'refusal_filing',
  'other',
] as const;
export type EfficiencySystemKind = (typeof EFFICIENCY_SYSTEM_KINDS)[number];
export const EFFICIENCY_SYSTEM_LABELS: Record<EfficiencySystemKind, string> = {
  post_responsibility: '岗位责任制',
  first_inquiry: '首问负责制',
  time_limit: '限时办结制',
  service_pledge: '服务承诺制',
  accountability: '失职追究制',
  substitute: '同岗替代制',
  refusal_filing: '否定报备制',
  other: '其他制度',
};
/** What 五.(二) requires every section to establish. */
export const REQUIRED_SYSTEM_KINDS: readonly EfficiencySystemKind[] = EFFICIENCY_SYSTEM_KINDS.filter((k) => k !== 'other');

/** One line of a system: a matter with its time limit (限时办结), a commitment (服务承诺), a post … */
export interface SystemItemDto {
  matter: string;
  /** 限时办结: working days allowed. */
  limitDays: number | null;
  detail: string | null;
}

export interface SystemVersionDto {
  id: string;
  systemId: string;
  seq: number;
  content: string;
  items: SystemItemDto[];
  effectiveFrom: string;
  /** 对外公示 once approved. */
  publish: boolean;
  publishedAt: string | null;
  status: LedgerVersionStatus;
  inForce: boolean;
  submittedByName: string;
  submittedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** 未建立 missing | 待审核 pending (nothing in force yet) | 已生效 in_force | 已批准待生效 scheduled. */
export type SystemState = 'missing' | 'pending' | 'in_force' | 'scheduled';
export const SYSTEM_STATE_LABELS: Record<SystemState, string> = { missing: '未建立', pending: '待审核', in_force: '已生效', scheduled: '待生效' };

export interface EfficiencySystemDto {
  id: string;
  sectionId: string;
  sectionName: string;
  kind: EfficiencySystemKind;
  kindLabel: string;
  name: string;
  state: SystemState;
  current: SystemVersionDto | null;
  /** A revision awaiting review (section chiefs and the office only). */
  pending: SystemVersionDto | null;
}

export interface SystemDetailDto extends EfficiencySystemDto {
  versions: SystemVersionDto[];
  canEdit: boolean;
}

export interface SectionSystemsDto {
  sectionId: string;
  sectionName: string;
  today: string;
  systems: EfficiencySystemDto[];
  /** Required kinds with nothing in force. */
  missing: EfficiencySystemKind[];
  canEdit: boolean;
}

/** The office's overview: per section, 三定 and systems at a glance, and what waits for review. */
export interface GovernanceOverviewRowDto {
  sectionId: string;
  sectionName: string;
  dutiesInForceFrom: string | null;
  dutiesPending: boolean;
  systemsInForce: number;
  systemsRequired: number;
  missing: EfficiencySystemKind[];
  systemsPending: number;
}

export interface GovernanceOverviewDto {
  today: string;
  rows: GovernanceOverviewRowDto[];
  pendingDuties: DutyVersionDto[];
  pendingSystems: EfficiencySystemDto[];
}

/** A published system as the public sees it. */
export interface PublicSystemDto {
  sectionName: string;
  name: string;
  kindLabel: string;
  content: string;
  items: SystemItemDto[];
  effectiveFrom: string;
  publishedAt: string | null;
}

// ── 会议、检查、评比报批 ─────────────────────────────────────────────────────────────────────────────────────────

export const ACTIVITY_KINDS = ['meeting', 'inspection', 'appraisal'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = { meeting: '会议', inspection: '检查', appraisal: '评比考核' };

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'merged', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  merged: '已合并',
  withdrawn: '已撤回',
};

/** A target meaning every subordinate unit: overlaps with any other target. */
export const ALL_UNITS = '全部局属单位';

export interface ActivityApplicationDto {
  id: string;
  sectionId: string;
  sectionName: string;
  kind: ActivityKind;
  kindLabel: string;
  title: string;
  targetUnits: string[];
  plannedDate: string;
  endDate: string;
  reason: string;
  expectedAttendees: number;
  status: ApplicationStatus;
  appliedByName: string;
  appliedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** On a merged application: the one it was merged into. */
  mergedIntoId: string | null;
  mergedIntoTitle: string | null;
  /** On the application the others were merged into. */
  mergedFrom: { id: string; title: string; sectionName: string }[];
}

export interface OverlapGroupDto {
  /** Pending applications that overlap (same period within the window, a shared target unit). */
  ids: string[];
  applications: ActivityApplicationDto[];
  sharedUnits: string[];
  from: string;
  to: string;
  reason: string;
}

export interface OverlapsDto {
  windowDays: number;
  groups: OverlapGroupDto[];
}

// ── 处室衔接 coordination ────────────────────────────────────────────────────────────────────────────────────────

export const COORDINATION_STATUSES = ['sent', 'acknowledged', 'completed'] as const;
export type CoordinationStatus = (typeof COORDINATION_STATUSES)[number];
export const COORDINATION_STATUS_LABELS: Record<CoordinationStatus, string> = { sent: '待接收', acknowledged: '办理中', completed: '已办结' };

/** null: nothing to review | awaiting 疑似脱节，待考评办确认 | confirmed 已认定脱节断档 | cleared 经核查不属脱节. */
export type BreakStatus = 'awaiting' | 'confirmed' | 'cleared';
export const BREAK_STATUS_LABELS: Record<BreakStatus, string> = { awaiting: '疑似脱节，待确认', confirmed: '已认定脱节断档', cleared: '经核查不属脱节' };

export const COORDINATION_BOXES = ['inbox', 'outbox', 'all'] as const;
export type CoordinationBox = (typeof COORDINATION_BOXES)[number];

export interface CoordinationDto {
  id: string;
  fromSectionId: string;
  fromSectionName: string;
  toSectionId: string;
  toSectionName: string;
  matter: string;
  detail: string;
  deadline: string;
  contactName: string;
  contactPhone: string;
  status: CoordinationStatus;
  createdByName: string;
  createdAt: string;
  handlerId: string | null;
  handlerName: string | null;
  acknowledgedAt: string | null;
  completedOn: string | null;
  result: string | null;
  /** Not completed and the deadline (bureau zone) has passed. */
  overdue: boolean;
  /** Completed after the deadline. */
  late: boolean;
  breakStatus: BreakStatus | null;
  breakNote: string | null;
  /** Who the JI-2 incident was recorded against, and the incident. */
  responsiblePersonId: string | null;
  responsiblePersonName: string | null;
  incidentId: string | null;
  /** What the caller may do now. */
  canAcknowledge: boolean;
  canComplete: boolean;
  canReview: boolean;
}

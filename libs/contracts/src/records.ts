/** Records that move scores: incidents (考评事件) with appeals, inspections, 绩 ratings, commendations, vetoes. */

export const INCIDENT_STATUSES = ['pending', 'verified', 'dismissed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = { pending: '待核实', verified: '已核实', dismissed: '已撤销' };

export const APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { open: '申诉中', upheld: '申诉成立', rejected: '申诉驳回' };

export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** Event rules an incident may be recorded under (jiguan). */
export const INCIDENT_RULES = [
  'DE-1', 'DE-2', 'DE-3', 'DE-4', 'DE-5',
  'NB-1', 'NB-2', 'NB-3', 'NB-4', 'NB-5', 'NB-6', 'NB-8', 'NB-9', 'NB-12',
  'NP-1', 'NP-2', 'NP-3', 'NP-5', 'NP-6',
  'QIN-2', 'QIN-4',
  'JI-2', 'JI-3', 'JI-4',
  'LIAN-1',
] as const;
export type IncidentRule = (typeof INCIDENT_RULES)[number];

export const INCIDENT_VARIANTS = ['absent', 'late', 'refused'] as const;
export type IncidentVariant = (typeof INCIDENT_VARIANTS)[number];
export const VARIANT_LABELS: Record<string, string> = { absent: '缺席', late: '迟到', early: '早退', refused: '不服从安排' };

export interface IncidentTransitionDto {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actorName: string;
  note: string | null;
  at: string;
}

/** An evidence file with a signed, expiring preview URL (works in `<Image src>` without a token). */
export interface EvidenceFileDto {
  id: string;
  mime: string;
  /** `/api/files/:id/content?exp&sig`, valid for an hour; handed only to readers of the record. */
  previewUrl: string;
}

export interface AppealDto {
  id: string;
  reason: string;
  fileIds: string[];
  files: EvidenceFileDto[];
  status: AppealStatus;
  submittedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface IncidentDto {
  id: string;
  scheme: string;
  rule: string;
  ruleText: string;
  variant: string | null;
  personId: string;
  personName: string;
  sectionId: string;
  sectionName: string;
  date: string;
  description: string;
  status: IncidentStatus;
  appealStatus: AppealStatus | null;
  appealDeadline: string | null;
  /** The person may appeal now (verified, window open, no appeal yet). */
  canAppeal: boolean;
  /** Counted in the score: verified and not frozen by an open appeal. */
  counted: boolean;
  /** "本人 −3，处长 −1，每位副处长 −1". */
  cost: string;
  fileIds: string[];
  recordedBy: string;
  recordedByName: string;
  createdAt: string;
  decisionNote: string | null;
}

export interface IncidentDetailDto extends IncidentDto {
  /** The incident's evidence files (same order as `fileIds`). */
  files: EvidenceFileDto[];
  transitions: IncidentTransitionDto[];
  appeals: AppealDto[];
}

export interface IncidentImportError {
  row: number;
  field: string;
  message: string;
}

export interface IncidentImportResult {
  imported: number;
  ids: string[];
}

export const INSPECTION_KINDS = ['daily', 'special', 'unannounced'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { daily: '日常督查', special: '专项督查', unannounced: '随机暗访' };

export interface InspectionRoundDto {
  id: string;
  year: number;
  kind: InspectionKind;
  round: number;
  date: string;
  inspector: string;
  notes: string | null;
  fileIds: string[];
  files: EvidenceFileDto[];
  scores: { personId: string; personName: string; sectionName: string; score: number }[];
}

export interface InspectionYearDto {
  year: number;
  rounds: InspectionRoundDto[];
  /** Kinds with fewer than the required rounds this year, e.g. "随机暗访 2024 年仅 1 轮（至少 2 轮）". */
  warnings: string[];
}

export const RATING_LEVELS = ['优秀', '良好', '一般', '差'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export interface RatingRowDto {
  personId: string;
  name: string;
  sectionId: string;
  sectionName: string;
  position: string;
  rating: RatingLevel | null;
}

export interface RatingSheetDto {
  year: number;
  /** Who the caller rates: a chief's own staff, or (office) the bureau's chiefs and deputies. */
  rows: RatingRowDto[];
  /** e.g. "执法一处共 7 人：优秀最多 1 名". */
  quotaHints: string[];
}

export const COMMENDATION_LEVELS = ['city', 'provincial', 'central', 'unit'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];
export const COMMENDATION_LEVEL_LABELS: Record<CommendationLevel, string> = {
  city: '市委市政府/省直单位',
  provincial: '省部级',
  central: '党中央、国务院',
  unit: '本单位表彰',
};

export interface CommendationDto {
  id: string;
  personId: string;
  personName: string;
  level: CommendationLevel;
  matter: string;
  docNo: string | null;
  date: string;
  points: number | null;
  reason: string | null;
  fileIds: string[];
  files: EvidenceFileDto[];
}

export const VETO_REASONS = ['V1', 'V2', 'V3', 'V4', 'V5'] as const;
export type VetoReason = (typeof VETO_REASONS)[number];
export const VETO_REASON_LABELS: Record<VetoReason, string> = {
  V1: '被立案查处',
  V2: '不作为、慢作为、乱作为受到处分',
  V3: '被省级以上媒体曝光或通报批评',
  V4: '以不正当手段拉票、干扰考评',
  V5: '其他一票否决情形',
};

export interface VetoDto {
  id: string;
  personId: string;
  personName: string;
  reason: VetoReason;
  date: string;
  description: string;
  fileIds: string[];
  files: EvidenceFileDto[];
}

export interface NoticeDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NoticeListDto {
  unread: number;
  items: NoticeDto[];
}

export interface AuditEntryDto {
  seq: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPageDto {
  total: number;
  page: number;
  pageSize: number;
  items: AuditEntryDto[];
}

/** Ledgers: 处务会, 支部活动, 全局大会, 集体活动 (DE-1..4, NB-7, NP-4/5/6), 调研 (NB-10/11), 述廉. */

export const GATHERING_KINDS = ['section', 'branch', 'bureau', 'collective'] as const;
/** section 处务会 | branch 支部活动 | bureau 全局干部职工大会 | collective 集体活动（政治学习、义务劳动、辅导讲座、临时性任务）. */
export type GatheringKind = (typeof GATHERING_KINDS)[number];

export const GATHERING_LABELS: Record<GatheringKind, string> = {
  section: '处务会',
  branch: '支部活动',
  bureau: '全局干部职工大会',
  collective: '集体活动',
};

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: '出席', late: '迟到', absent: '缺席' };

/** Yearly targets (NB-7, NP-4, NB-10). */
export const LEDGER_TARGETS = { section: 24, branch: 12, research: 30 } as const;

export interface PaceDto {
  year: number;
  count: number;
  target: number;
  /** What should be done by today at an even pace. */
  expected: number;
  behind: boolean;
  /** e.g. "14/24，进度落后". */
  message: string;
}

export interface AttendanceRowDto {
  personId: string;
  name: string;
  status: AttendanceStatus;
  leave: boolean;
  note: string | null;
}

export interface GatheringDto {
  id: string;
  kind: GatheringKind;
  sectionId: string | null;
  secretaryId: string | null;
  date: string;
  title: string;
  minutes: string | null;
  /** 支部活动: has a record-book entry (NP-5). */
  recorded: boolean;
  recordedById: string;
  attendance: AttendanceRowDto[];
}

export interface GatheringListDto {
  kind: GatheringKind;
  /** Count against the yearly target: 处务会 (per section) and 支部活动 (per secretary). */
  pace: PaceDto | null;
  items: GatheringDto[];
}

export interface LedgerSpotCheckDto {
  id: string;
  kind: 'section' | 'branch';
  targetId: string;
  targetName: string;
  year: number;
  quarter: number;
  recordsFound: number;
  findings: string;
  checkerId: string;
  createdAt: string;
}

export interface DuesFollowUpDto {
  id: string;
  secretaryId: string;
  memberId: string;
  memberName: string;
  monthsUnpaid: number;
  chasedOn: string;
  note: string;
  settled: boolean;
}

export interface ResearchLogDto {
  id: string;
  personId: string;
  personName: string;
  sectionId: string;
  date: string;
  days: number;
  place: string;
  purpose: string;
}

export interface ResearchReportDto {
  id: string;
  personId: string;
  personName: string;
  sectionId: string;
  date: string;
  title: string;
  body: string | null;
  fileIds: string[];
}

export interface ResearchOverviewDto {
  year: number;
  sectionId: string;
  /** Section days against 30 (NB-10). */
  pace: PaceDto;
  logs: ResearchLogDto[];
  reports: ResearchReportDto[];
}

export const INTEGRITY_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type IntegrityStatus = (typeof INTEGRITY_STATUSES)[number];
export const INTEGRITY_STATUS_LABELS: Record<IntegrityStatus, string> = { draft: '草稿', submitted: '待审核', approved: '已审核归档', returned: '已退回' };
/** Who approves a 述廉报告: 政治处、监察室 (general cadres) or 局党委会 (chiefs and deputies). */
export type IntegrityReviewBody = 'political_office' | 'party_committee';

/** An attachment of a 述廉报告 with a signed, expiring link (given only to the person and the office). */
export interface IntegrityAttachmentDto {
  id: string;
  mime: string;
  /** Signed URL usable in `<image src>` for an hour. */
  previewUrl: string;
}

export interface IntegrityReportDto {
  id: string;
  personId: string;
  personName: string;
  year: number;
  body: string;
  fileIds: string[];
  attachments: IntegrityAttachmentDto[];
  status: IntegrityStatus;
  reviewBody: IntegrityReviewBody;
  submittedAt: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
}

/** 廉政档案: the approved reports, newest first. */
export interface IntegrityFileDto {
  personId: string;
  personName: string;
  reports: IntegrityReportDto[];
}

/** Complaints (行政效能投诉), hotline work orders and the 问题清单: types shared by the API and the mini-program. */

export const COMPLAINT_CATEGORIES = ['attitude', 'efficiency', 'integrity', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  integrity: '廉洁问题',
  other: '其他',
};

/** Where an item came from: the public form, a hotline work order, or entered by the office (phone, letter, visit). */
export const COMPLAINT_SOURCES = ['online', '12319', '12345', 'phone', 'letter', 'visit', 'other'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
/** Sources the office may enter by hand (everything but the public form). */
export const MANUAL_SOURCES = ['12319', '12345', 'phone', 'letter', 'visit', 'other'] as const;
export type ManualSource = (typeof MANUAL_SOURCES)[number];

export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = {
  online: '网上投诉',
  '12319': '12319 城管热线',
  '12345': '12345 市长热线',
  phone: '投诉电话',
  letter: '来信',
  visit: '来访',
  other: '其他渠道',
};

export const COMPLAINT_STATUSES = ['received', 'assigned', 'investigated', 'verified', 'unfounded', 'replied', 'merged'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已受理',
  assigned: '已交办',
  investigated: '已调查',
  verified: '查实',
  unfounded: '不属实',
  replied: '已答复',
  merged: '已合并',
};

/** Workflow actions of the 监察室. */
export const COMPLAINT_ACTIONS = ['assign', 'investigate', 'verify', 'dismiss', 'reply', 'merge'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, string> = {
  assign: '交办',
  investigate: '提交调查结果',
  verify: '认定查实',
  dismiss: '认定不属实',
  reply: '答复投诉人',
  merge: '合并为重复件',
};

export type ComplaintOutcome = 'verified' | 'unfounded';

/** One line of a verified complaint's scoring consequence, e.g. DE-5 "本人 −3，处长 −1，每位副处长 −1". */
export interface ComplaintCost {
  scheme: 'jiguan' | 'wubi';
  rule: string;
  text: string;
  cost: string;
}

/** `GET /api/complaints/track/:code` — status and the final reply, nothing else. */
export interface ComplaintTrack {
  trackingCode: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  /** Public milestones only (status and time), never who or internal notes. */
  timeline: { status: ComplaintStatus; label: string; at: string }[];
  reply: string | null;
  repliedAt: string | null;
}

export interface ComplaintCreated {
  trackingCode: string;
  status: ComplaintStatus;
  submittedAt: string;
}

export interface ComplaintHistoryEntry {
  action: ComplaintAction | 'create' | 'import';
  from: ComplaintStatus | null;
  to: ComplaintStatus;
  actorName: string | null;
  note: string | null;
  at: string;
}

/** A complaint as staff see it. Complainant fields are null unless the caller is the office. */
export interface ComplaintDto {
  id: string;
  trackingCode: string;
  source: ComplaintSource;
  ticketNo: string | null;
  category: ComplaintCategory;
  status: ComplaintStatus;
  outcome: ComplaintOutcome | null;
  content: string;
  sectionId: string | null;
  sectionName: string | null;
  personId: string | null;
  personName: string | null;
  officerHint: string | null;
  assignedSectionId: string | null;
  assignedSectionName: string | null;
  deadline: string | null;
  overdue: boolean;
  receivedAt: string;
  closedAt: string | null;
  mergedIntoId: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  photoUrls: string[];
  findings: string | null;
  reply: string | null;
  /** Complainant: office only. */
  contactName: string | null;
  contactPhone: string | null;
  /** Scoring consequence if (or because) verified. */
  costs: ComplaintCost[];
  history?: ComplaintHistoryEntry[];
}

export interface ComplaintSummary {
  month: string;
  total: number;
  byCategory: { category: ComplaintCategory; label: string; count: number }[];
  bySection: { sectionId: string | null; sectionName: string; count: number }[];
  byStatus: { status: ComplaintStatus; label: string; count: number }[];
  overdue: number;
  concluded: number;
  verified: number;
  /** verified / concluded, 0–1; null when nothing is concluded yet. */
  verifiedRate: number | null;
}

export interface ImportResult {
  imported: number;
  ids: string[];
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export const PROBLEM_STATUSES = ['open', 'solved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** 问题清单 → 任务清单 → 责任清单 → 时限清单. */
export interface ProblemDto {
  id: string;
  title: string;
  task: string;
  sectionId: string;
  sectionName: string;
  deadline: string;
  status: ProblemStatus;
  overdue: boolean;
  solvedOn: string | null;
  solution: string | null;
  complaintIds: string[];
  createdAt: string;
}

export interface ProblemStats {
  month: string;
  /** Target per section per month (1–2). */
  target: { min: number; max: number };
  sections: { sectionId: string; sectionName: string; solved: number; open: number; met: boolean }[];
}

/**
 * 进度公示 and 公众开放日 (seed 002 五.(二), 五.(七), 六.3): a participating section's yearly key tasks, their progress
 * and the problems it solved for the public, published after the office approves; open days with registration and
 * check-in codes. Types shared by the API and the mini-program.
 */
import type { WubiType } from './org';

/** Where a section's board for a year stands: its draft's state (the approved version stays public meanwhile). */
export const BOARD_STATUSES = ['none', 'draft', 'submitted', 'returned', 'approved'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  none: '未填写',
  draft: '草稿（未提交）',
  submitted: '待审核',
  returned: '已退回',
  approved: '已公示',
};

/** Limits of a board, shared by the editor and the API's validation. */
export const BOARD_LIMITS = {
  tasks: 20,
  updatesPerTask: 40,
  problems: 60,
  taskTitle: 100,
  taskDescription: 500,
  updateText: 300,
  problemTitle: 200,
  problemSolution: 1000,
} as const;

/** One dated progress note of a task: what was done, and the task's percent complete after it. */
export interface BoardUpdate {
  id: string;
  date: string;
  percent: number;
  text: string;
}

/** A yearly key task (年度重点工作). `percent` is that of its latest update (0 without one). */
export interface BoardTask {
  id: string;
  title: string;
  description: string | null;
  percent: number;
  /** Newest first. */
  updates: BoardUpdate[];
}

/** A problem the section solved for the public (群众反映问题解决情况). */
export interface BoardProblem {
  id: string;
  title: string;
  solution: string;
  solvedOn: string;
  /** The 问题清单 entry it came from, if any (staff views only). */
  problemId?: string | null;
}

export interface BoardContent {
  tasks: BoardTask[];
  problems: BoardProblem[];
}

/** The section's own view (chief, office, leader): draft and published versions, and the workflow. */
export interface BoardDto {
  sectionId: string;
  sectionName: string;
  wubiType: WubiType | null;
  year: number;
  status: BoardStatus;
  statusLabel: string;
  /** Bumped on every saved edit; a save, submit, approve or return names the revision it saw. */
  revision: number;
  returnReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  /** The draft differs from what the public sees. */
  unpublishedChanges: boolean;
  /** May the caller edit (chief or deputy of the section, year open) / approve (office, submitted)? */
  canEdit: boolean;
  canReview: boolean;
  draft: BoardContent;
  published: BoardContent | null;
}

/** A row of the office's approval list. */
export interface BoardSummaryDto {
  sectionId: string;
  sectionName: string;
  wubiType: WubiType | null;
  year: number;
  status: BoardStatus;
  statusLabel: string;
  revision: number;
  submittedAt: string | null;
  publishedAt: string | null;
  taskCount: number;
  averagePercent: number;
}

export const OPEN_DAY_AUDIENCES = ['citizen', 'merchant', 'representative'] as const;
/** 市民 | 商户 | 人大代表·政协委员. */
export type OpenDayAudience = (typeof OPEN_DAY_AUDIENCES)[number];

export const OPEN_DAY_AUDIENCE_LABELS: Record<OpenDayAudience, string> = {
  citizen: '市民',
  merchant: '商户',
  representative: '人大代表·政协委员',
};

export const OPEN_DAY_STATUSES = ['open', 'full', 'closed', 'ended', 'cancelled'] as const;
export type OpenDayStatus = (typeof OPEN_DAY_STATUSES)[number];

export const OPEN_DAY_STATUS_LABELS: Record<OpenDayStatus, string> = {
  open: '报名中',
  full: '名额已满',
  closed: '报名已截止',
  ended: '已结束',
  cancelled: '已取消',
};

/** A Chinese mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Check-in codes: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const CHECKIN_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

/** An open day as anyone may see it. Times are given as instants and as wall-clock text in the bureau's zone. */
export interface OpenDayDto {
  id: string;
  sectionId: string;
  sectionName: string;
  title: string;
  startsAt: string;
  /** "2026-06-20 09:30" in the bureau's zone. */
  startsLocal: string;
  place: string;
  description: string;
  capacity: number;
  registered: number;
  remaining: number;
  registrationDeadline: string;
  deadlineLocal: string;
  audiences: OpenDayAudience[];
  status: OpenDayStatus;
  statusLabel: string;
}

/** A public progress page: the approved board only, no staff names, phones or ids. */
export interface PublicSectionProgressDto {
  sectionId: string;
  sectionName: string;
  wubiType: WubiType | null;
  year: number;
  /** Years with an approved board, newest first. */
  years: number[];
  board: (BoardContent & { publishedAt: string; averagePercent: number }) | null;
  openDays: OpenDayDto[];
}

/** A row of the public list of participating sections. */
export interface PublicSectionDto {
  sectionId: string;
  sectionName: string;
  wubiType: WubiType | null;
  year: number;
  published: boolean;
  taskCount: number;
  problemCount: number;
  averagePercent: number;
  publishedAt: string | null;
  upcomingOpenDays: number;
}

/** A registration as the registrant sees it (after registering, or by phone + code). */
export interface MyRegistrationDto {
  code: string;
  name: string;
  phoneMasked: string;
  audience: OpenDayAudience;
  audienceLabel: string;
  organisation: string | null;
  createdAt: string;
  checkedInAt: string | null;
  /** `data:image/svg+xml;base64,…`: a QR code of the check-in code (SVG: cheap to make, sharp at any size). */
  qrDataUrl: string;
  /** True when this request created it; false when the same person had already registered. */
  created: boolean;
  openDay: OpenDayDto;
}

/** A registration as the bureau sees it: the phone in full for the office only, masked for everyone else. */
export interface RegistrationDto {
  id: string;
  code: string;
  name: string;
  phone: string;
  audience: OpenDayAudience;
  audienceLabel: string;
  organisation: string | null;
  createdAt: string;
  checkedInAt: string | null;
}

export interface OpenDayCountsDto {
  capacity: number;
  registered: number;
  checkedIn: number;
  byAudience: { audience: OpenDayAudience; label: string; registered: number; checkedIn: number }[];
}

export interface OpenDayAdminDto extends OpenDayDto {
  cancelled: boolean;
  counts: OpenDayCountsDto;
}

export interface CheckInResultDto {
  registration: RegistrationDto;
  /** The code had already been checked in: nothing was counted again. */
  alreadyCheckedIn: boolean;
  counts: OpenDayCountsDto;
}

/** "138****1234". */
export function maskMobile(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

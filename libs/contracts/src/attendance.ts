/** Attendance (考勤): shared by the API and the mini-program (seed 000 五.(一), rules QIN-1..4). */

export const PUNCH_TYPES = ['in', 'out'] as const;
/** 上班打卡 | 下班打卡. */
export type PunchType = (typeof PUNCH_TYPES)[number];

export const PUNCH_TYPE_LABELS: Record<PunchType, string> = { in: '上班打卡', out: '下班打卡' };

export const LEAVE_TYPES = ['personal', 'sick', 'marriage', 'maternity', 'family_visit', 'annual', 'funeral', 'field', 'trip'] as const;
/** The scoring contract's leave types. */
export type LeaveType = (typeof LEAVE_TYPES)[number];

export const LEAVE_TYPE_LABELS: Record<LeaveType, string> = {
  personal: '事假',
  sick: '病假',
  marriage: '婚假',
  maternity: '产假',
  family_visit: '探亲假',
  annual: '公休假',
  funeral: '丧假',
  field: '外勤',
  trip: '出差',
};

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = { pending: '待审批', approved: '已批准', rejected: '未批准', cancelled: '已撤回' };

export const PUNCH_FLAGS = ['field', 'late_sync', 'clock_skew', 'impossible_speed', 'same_coordinates', 'shared_device', 'unknown_bssid'] as const;
/** Why a punch is shown to the chief and the office (never a silent rejection). */
export type PunchFlag = (typeof PUNCH_FLAGS)[number];
export const PUNCH_FLAG_LABELS: Record<PunchFlag, string> = {
  field: '外勤打卡',
  late_sync: '离线补传',
  clock_skew: '手机时间偏差',
  impossible_speed: '两次打卡间移动速度异常',
  same_coordinates: '与其他日期坐标完全相同',
  shared_device: '同一设备登录多个账号',
  unknown_bssid: 'Wi-Fi 不在考勤点登记列表',
};

export const DAY_STATUSES = ['normal', 'late', 'early', 'late_early', 'missing', 'absent', 'leave', 'field', 'rest', 'holiday', 'pending'] as const;
/** 正常 | 迟到 | 早退 | 迟到早退 | 缺卡 | 未打卡 | 请假 | 外勤 | 休息日 | 节假日 | 进行中(today, not over yet). */
export type DayStatus = (typeof DAY_STATUSES)[number];
export const DAY_STATUS_LABELS: Record<DayStatus, string> = {
  normal: '正常',
  late: '迟到',
  early: '早退',
  late_early: '迟到早退',
  missing: '缺卡',
  absent: '未打卡',
  leave: '请假',
  field: '外勤',
  rest: '休息日',
  holiday: '节假日',
  pending: '进行中',
};

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
/** 法定节假日 | 调休上班日. */
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface PunchDto {
  id: string;
  personId: string;
  personName?: string;
  type: PunchType;
  /** When it counts (server time, or the phone's time for an accepted offline sync), ISO UTC. */
  at: string;
  /** When the server received it, ISO UTC. */
  receivedAt: string;
  clientAt: string;
  localDate: string;
  /** HH:MM in the bureau's zone. */
  localTime: string;
  latitude: number;
  longitude: number;
  accuracy: number;
  siteId: string | null;
  siteName: string | null;
  distance: number | null;
  field: boolean;
  note: string | null;
  photoFileId: string | null;
  flags: PunchFlag[];
  skewSeconds: number;
  /** True when this answer repeats an earlier submission with the same idempotency key. */
  duplicate?: boolean;
}

export interface ClockInRequest {
  type: PunchType;
  latitude: number;
  longitude: number;
  accuracy: number;
  clientTime: string;
  idempotencyKey: string;
  deviceId: string;
  bssid?: string;
  field?: boolean;
  photoFileId?: string;
  note?: string;
  /** Kept on the phone while offline and sent later. */
  offline?: boolean;
}

export interface SiteDto {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  radius: number;
  sectionIds: string[];
  bssids: string[];
  active: boolean;
}

export interface ScheduleDto {
  sectionId: string;
  startTime: string;
  endTime: string;
  /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
}

export interface CalendarDayDto {
  date: string;
  kind: CalendarKind;
  name: string;
}

export interface LeaveDto {
  id: string;
  personId: string;
  personName: string;
  sectionId: string | null;
  type: LeaveType;
  startAt: string;
  endAt: string;
  fromDate: string;
  toDate: string;
  reason: string;
  status: LeaveStatus;
  /** Who decides: the section's chief, or the office for a chief's own request. */
  approver: 'chief' | 'office';
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface DayRecord {
  personId: string;
  personName: string;
  date: string;
  status: DayStatus;
  scheduledIn: string | null;
  scheduledOut: string | null;
  clockIn: string | null;
  clockOut: string | null;
  leaveTypes: LeaveType[];
  late: boolean;
  early: boolean;
  /** A clock-in or clock-out is missing on a day that is over. */
  missing: boolean;
  field: boolean;
  flags: PunchFlag[];
  holidayName: string | null;
}

export interface TodayDto {
  date: string;
  workday: boolean;
  schedule: ScheduleDto | null;
  record: DayRecord | null;
  punches: PunchDto[];
  sites: SiteDto[];
  maxAccuracy: number;
}

export interface MonthCounts {
  workdays: number;
  normal: number;
  late: number;
  early: number;
  missing: number;
  absent: number;
  leave: number;
  field: number;
  flagged: number;
}

export interface PersonMonthDto {
  personId: string;
  personName: string;
  month: string;
  days: DayRecord[];
  counts: MonthCounts;
}

export interface SectionDayDto {
  sectionId: string;
  date: string;
  records: DayRecord[];
  punches: PunchDto[];
}

export interface SectionMonthDto {
  sectionId: string;
  sectionName: string;
  month: string;
  people: { personId: string; personName: string; counts: MonthCounts }[];
}

export const REPORT_STATUSES = ['generated', 'signed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface MonthlyReportDto {
  id: string;
  sectionId: string;
  sectionName: string;
  month: string;
  status: ReportStatus;
  generatedAt: string;
  signedBy: string | null;
  signedByName: string | null;
  signedAt: string | null;
  rows: { personId: string; personName: string; counts: MonthCounts }[];
}

export interface ReportStatusDto {
  month: string;
  sections: { sectionId: string; sectionName: string; status: ReportStatus | 'missing'; signedAt: string | null; signedByName: string | null }[];
}

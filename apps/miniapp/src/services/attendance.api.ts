import type {
  CalendarDayDto,
  ClockInRequest,
  JobDto,
  LeaveDto,
  LeaveStatus,
  LeaveType,
  MonthlyReportDto,
  PersonMonthDto,
  PunchDto,
  ReportStatusDto,
  SectionDayDto,
  SectionMonthDto,
  SiteDto,
  TodayDto,
} from '@kaoping/contracts';
import { buildUrl, http, request } from './http';
import { OfflineQueue } from './offline-queue';

/** Attendance pages (subpackages). */
export const ATTENDANCE_ROUTES = {
  clock: '/subpackages/officer/pages/att-clock/index',
  month: '/subpackages/officer/pages/att-month/index',
  leave: '/subpackages/officer/pages/att-leave/index',
  approvals: '/subpackages/officer/pages/att-approvals/index',
  section: '/subpackages/officer/pages/att-section/index',
  admin: '/subpackages/admin/pages/att-admin/index',
} as const;

export const PUNCH_PATH = '/api/attendance/punches';

/** Clock-ins kept while offline (shared by the 打卡 page and the app-level retry). */
export const punchQueue = new OfflineQueue('attendance');

export const attendanceApi = {
  today: () => http.get<TodayDto>('/api/attendance/today', { toast: false }),
  /** Sends a clock-in, or keeps it (marked offline, with the tap's time) when the network fails. */
  clockIn: (req: ClockInRequest, label: string) =>
    punchQueue.submit<PunchDto>({ path: PUNCH_PATH, body: req, offlineBody: { ...req, offline: true }, idempotencyKey: req.idempotencyKey, label }),
  personMonth: (personId: string, month: string) => http.get<PersonMonthDto>(`/api/attendance/people/${personId}/month`, { query: { month }, toast: false }),
  sectionDay: (sectionId: string, date: string) => http.get<SectionDayDto>(`/api/attendance/sections/${sectionId}/day`, { query: { date }, toast: false }),
  sectionMonth: (sectionId: string, month: string) => http.get<SectionMonthDto>(`/api/attendance/sections/${sectionId}/month`, { query: { month }, toast: false }),
  leaves: (view: 'mine' | 'approvals', status?: LeaveStatus) => http.get<LeaveDto[]>('/api/attendance/leaves', { query: { view, status }, toast: false }),
  createLeave: (body: { type: LeaveType; startAt: string; endAt: string; reason: string }) => http.post<LeaveDto>('/api/attendance/leaves', body),
  decide: (id: string, approve: boolean, note?: string) => http.post<LeaveDto>(`/api/attendance/leaves/${id}/decision`, { approve, ...(note ? { note } : {}) }),
  cancelLeave: (id: string) => http.post<LeaveDto>(`/api/attendance/leaves/${id}/cancel`),
  sites: () => http.get<SiteDto[]>('/api/attendance/sites', { toast: false }),
  calendar: (year: number) => http.get<CalendarDayDto[]>('/api/attendance/calendar', { query: { year }, toast: false }),
  setCalendarDay: (day: CalendarDayDto) => request<CalendarDayDto>('/api/attendance/calendar', { method: 'PUT', data: day }),
  deleteCalendarDay: (date: string) => request<unknown>(`/api/attendance/calendar/${date}`, { method: 'DELETE' }),
  reportStatus: (month: string) => http.get<ReportStatusDto>('/api/attendance/reports/status', { query: { month }, toast: false }),
  currentReport: (sectionId: string, month: string) => http.get<MonthlyReportDto | null>('/api/attendance/reports/current', { query: { sectionId, month }, toast: false }),
  generateReport: (sectionId: string, month: string) => http.post<MonthlyReportDto>('/api/attendance/reports', { sectionId, month }),
  signReport: (id: string) => http.post<MonthlyReportDto>(`/api/attendance/reports/${id}/sign`),
  /** Starts the month's Excel export in the background (a job to follow with JobProgress). */
  startExport: (month: string, sectionId?: string) => http.post<JobDto>('/api/attendance/reports/export', { month, ...(sectionId ? { sectionId } : {}) }, { toast: false }),
  fileUrl: () => buildUrl('/api/files'),
};

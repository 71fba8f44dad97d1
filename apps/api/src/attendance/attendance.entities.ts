import { CalendarDay } from './calendar-day.entity.js';
import { LeaveRequest } from './leave-request.entity.js';
import { MonthlyReport } from './monthly-report.entity.js';
import { Punch } from './punch.entity.js';
import { WorkSchedule } from './schedule.entity.js';
import { AttendanceSite } from './site.entity.js';

export const ATTENDANCE_ENTITIES = [AttendanceSite, WorkSchedule, CalendarDay, Punch, LeaveRequest, MonthlyReport];

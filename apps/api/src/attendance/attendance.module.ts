import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FilesModule } from '../files/files.module.js';
import { AttendanceEvaluationService } from './attendance-evaluation.service.js';
import { AttendanceFactsProvider } from './attendance-facts.provider.js';
import { AttendanceSetupService } from './attendance-setup.service.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceJobs } from './attendance.jobs.js';
import { seedWorkCalendar } from './attendance.seed.js';
import { CalendarDay } from './calendar-day.entity.js';
import { ClockInService } from './clock-in.service.js';
import { LeaveService } from './leave.service.js';
import { MonthlyReportService } from './monthly-report.service.js';

/** Attendance (考勤): sites, schedules, calendar, clock-in, leave, daily evaluation, monthly report, scoring facts. */
@Module({
  imports: [FilesModule],
  controllers: [AttendanceController],
  providers: [AttendanceSetupService, ClockInService, LeaveService, AttendanceEvaluationService, AttendanceFactsProvider, MonthlyReportService, AttendanceJobs],
  exports: [AttendanceEvaluationService, AttendanceSetupService],
})
export class AttendanceModule implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The official work calendar is reference data: load it into an empty calendar on start (the office edits it later). */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.ds.getRepository(CalendarDay).count()) === 0) await seedWorkCalendar(this.ds);
  }
}

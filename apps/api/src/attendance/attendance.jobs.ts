import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PersonPrincipal } from '../access/principal.js';
import { assertCanReadSection } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MonthlyReportService } from './monthly-report.service.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AttendanceExportJob {
  month: string;
  /** null: every section. */
  sectionIds: string[] | null;
}

/**
 * Which sections `user` may export: the office and leaders all (or the one asked for); a chief only their own
 * (asking for another section is refused).
 */
export function exportSections(user: PersonPrincipal, sectionId: string | undefined): string[] | null {
  if (user.role === 'chief') {
    if (sectionId) assertCanReadSection(user, sectionId);
    if (!user.sectionId) throw DomainError.forbidden('无权导出');
    return [user.sectionId];
  }
  return sectionId ? [sectionId] : null;
}

/** The monthly attendance export as a background job (`attendance.export`). */
@Injectable()
export class AttendanceJobs implements OnModuleInit {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(MonthlyReportService) private readonly reports: MonthlyReportService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<AttendanceExportJob>('attendance.export', async ({ id, data, progress }) => {
      const bytes = await this.reports.exportXlsx(data.month, data.sectionIds ?? undefined, (done, total, name) =>
        progress((done / Math.max(total, 1)) * 90, name ? `正在汇总：${name}（${done}/${total}）` : undefined),
      );
      await progress(95, '正在保存文件…');
      return this.jobs.files.save(id, `考勤月报-${data.month}.xlsx`, XLSX, bytes);
    });
  }
}

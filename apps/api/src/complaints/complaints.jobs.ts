import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import { ComplaintImportService } from './complaint-import.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ComplaintsExportJob {
  month: string;
}

/** The monthly complaint summary export as a background job (`complaints.export`). */
@Injectable()
export class ComplaintsJobs implements OnModuleInit {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ComplaintImportService) private readonly importer: ComplaintImportService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<ComplaintsExportJob>('complaints.export', async ({ id, data, progress }) => {
      await progress(10, '正在汇总投诉…');
      const bytes = await this.importer.exportSummary(data.month);
      await progress(90, '正在保存文件…');
      return this.jobs.files.save(id, `效能投诉月度汇总-${data.month}.xlsx`, XLSX, bytes);
    });
  }
}

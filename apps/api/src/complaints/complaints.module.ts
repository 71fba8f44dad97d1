import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { ComplaintFactsService } from './complaint-facts.service.js';
import { ComplaintImportService } from './complaint-import.service.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';
import { ComplaintsJobs } from './complaints.jobs.js';

@Module({
  imports: [FilesModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintImportService, ComplaintFactsService, ComplaintsJobs],
  exports: [ComplaintsService, ComplaintFactsService],
})
export class ComplaintsModule {}

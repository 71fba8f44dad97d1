import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { ApplicationsService } from './applications.service.js';
import { CoordinationService } from './coordination.service.js';
import { ApplicationsController, CoordinationController, SectionLedgersController } from './governance.controller.js';
import { SectionLedgersService } from './section-ledgers.service.js';

/**
 * Duty and system ledgers (seed 000 五.(二), 五.(六), 五.(八)): 三定 duties and 效能制度 per section, the office's
 * approval (and merging) of meetings, inspections and appraisals aimed at subordinate units, and inter-section
 * coordination records whose confirmed breaks become JI-2 incidents (through `IncidentsService`).
 */
@Module({
  imports: [RecordsModule],
  controllers: [SectionLedgersController, ApplicationsController, CoordinationController],
  providers: [SectionLedgersService, ApplicationsService, CoordinationService],
})
export class GovernanceModule {}

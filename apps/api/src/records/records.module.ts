import { Module } from '@nestjs/common';
import { IncidentsController, WubiRecordsController } from './records.controller.js';
import { IncidentsService } from './incidents.service.js';
import { RecordsFactsProvider } from './records-facts.provider.js';
import { WubiRecordsService } from './wubi-records.service.js';

/** Incidents with appeals, inspections, 绩 ratings, commendations and vetoes; registers the `records` facts provider. */
@Module({
  controllers: [IncidentsController, WubiRecordsController],
  providers: [IncidentsService, WubiRecordsService, RecordsFactsProvider],
  exports: [IncidentsService],
})
export class RecordsModule {}

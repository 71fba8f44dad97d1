import { Module } from '@nestjs/common';
import { GatheringsService } from './gatherings.service.js';
import { LedgerFactsProvider } from './ledger-facts.provider.js';
import { LedgerFactsService } from './ledger-facts.service.js';
import { BranchController, LedgerFactsController, MeetingsController, ResearchController } from './ledgers.controller.js';
import { ResearchService } from './research.service.js';

/** 处务会, 支部活动 (with dues follow-up), 全局大会 and 集体活动 attendance, 调研; their scoring facts. */
@Module({
  controllers: [MeetingsController, BranchController, ResearchController, LedgerFactsController],
  providers: [GatheringsService, ResearchService, LedgerFactsService, LedgerFactsProvider],
  exports: [LedgerFactsService],
})
export class LedgersModule {}

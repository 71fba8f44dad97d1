import { Module } from '@nestjs/common';
import { ExtrasWeightsController } from './extras-weights.controller.js';
import { ExtrasWeightsService } from './extras-weights.service.js';
import { ScoresController } from './scores.controller.js';
import { ScoringService } from './scoring.service.js';
import { ScoringJobs } from './scoring.jobs.js';

/** The scoring service (input from the database → @kaoping/scoring → stored results), score pages, runs, report; 附加项权重. */
@Module({ controllers: [ScoresController, ExtrasWeightsController], providers: [ScoringService, ExtrasWeightsService, ScoringJobs], exports: [ScoringService, ExtrasWeightsService] })
export class ScoringModule {}

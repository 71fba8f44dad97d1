import { Module } from '@nestjs/common';
import { ScoresController } from './scores.controller.js';
import { ScoringService } from './scoring.service.js';

/** The scoring service (input from the database → @kaoping/scoring → stored results), score pages, runs, report. */
@Module({ controllers: [ScoresController], providers: [ScoringService], exports: [ScoringService] })
export class ScoringModule {}

import { Module } from '@nestjs/common';
import { CycleController } from './cycle.controller.js';
import { CycleService } from './cycle.service.js';

/**
 * The three-year 五比五评 cycle plan (seed 002 二). Who is a 五比五评 subject in a year is read through
 * `wubiParticipation` (scoring, records), which falls back to every listed section when no plan covers the year.
 */
@Module({ controllers: [CycleController], providers: [CycleService], exports: [CycleService] })
export class CycleModule {}

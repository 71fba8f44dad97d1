import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { AttendanceEvaluationService } from './attendance-evaluation.service.js';

/** Attendance as scoring facts (jiguan 勤): `attendance`, approved `leaves`, the work calendar. */
@Injectable()
export class AttendanceFactsProvider implements FactsProvider, OnModuleInit {
  readonly name = 'attendance';

  constructor(
    private readonly evaluation: AttendanceEvaluationService,
    private readonly registry: FactsRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async facts(year: number, scheme: SchemeId): Promise<FactLists> {
    return scheme === 'jiguan' ? this.evaluation.facts(year) : {};
  }
}

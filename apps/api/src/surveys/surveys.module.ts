import { Module, type OnModuleInit } from '@nestjs/common';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { DemocraticService } from './democratic.service.js';
import { DemocraticController, SurveyAnswerController, SurveyReviewController, SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

/**
 * Surveys: citizens' 满意度 by QR code, invitations (两代表一委员, counterparts, city leader), 民主测评.
 * Facts: `evaluations` (wubi WB-C1…C4) and `democratic` (jiguan 民主测评); flagged responses are left out.
 */
@Module({
  controllers: [SurveysController, SurveyReviewController, SurveyAnswerController, DemocraticController],
  providers: [SurveysService, DemocraticService],
  exports: [SurveysService, DemocraticService],
})
export class SurveysModule implements OnModuleInit, FactsProvider {
  readonly name = 'surveys';

  constructor(
    private readonly registry: FactsRegistry,
    private readonly surveys: SurveysService,
    private readonly democratic: DemocraticService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async facts(year: number, scheme: SchemeId): Promise<FactLists> {
    if (scheme === 'wubi') return { evaluations: await this.surveys.evaluationFacts(year) };
    return { democratic: await this.democratic.facts(year) };
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { ScoringModule } from '../scoring/scoring.module.js';
import { SurveysModule } from '../surveys/surveys.module.js';
import { HalfYearService } from './half-year.service.js';
import { InnovationService } from './innovation.service.js';
import { MonthlyReviewService } from './monthly-review.service.js';
import { QuarterlyReviewService } from './quarterly-review.service.js';
import { ReviewExtrasService } from './review-extras.service.js';
import {
  HalfYearController,
  InnovationsController,
  MonthlyReviewController,
  QuarterlyReviewController,
  RectificationTasksController,
  ReviewExtrasController,
} from './reviews.controller.js';

/**
 * Review meetings (seed 000 五.(十)): 月度总结会与局领导点评, 季度监察考评会与整改任务, 半年考评打分 (on the survey mechanism),
 * 工作创新. Facts: the jiguan `extras` of chiefs and deputies (七.(一)), weighted by the office's 附加项权重.
 */
@Module({
  imports: [SurveysModule, ScoringModule],
  controllers: [MonthlyReviewController, QuarterlyReviewController, RectificationTasksController, HalfYearController, InnovationsController, ReviewExtrasController],
  providers: [MonthlyReviewService, QuarterlyReviewService, HalfYearService, InnovationService, ReviewExtrasService],
})
export class ReviewsModule implements OnModuleInit, FactsProvider {
  readonly name = 'reviews';

  constructor(
    private readonly registry: FactsRegistry,
    private readonly extras: ReviewExtrasService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async facts(year: number, scheme: SchemeId): Promise<FactLists> {
    return scheme === 'jiguan' ? { extras: await this.extras.facts(year) } : {};
  }
}

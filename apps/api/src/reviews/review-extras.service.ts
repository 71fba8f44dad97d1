import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXTRA_COMPONENT_LABELS, EXTRA_COMPONENTS, type ExtrasSummaryDto, type ExtraComponentId } from '@kaoping/contracts';
import { DataSource, In, Like } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Membership } from '../org/membership.entity.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { ExtrasWeightsService } from '../scoring/extras-weights.service.js';
import { SurveyResponse } from '../surveys/survey.entities.js';
import { aggregate, extrasFacts, halfRange, monthEnd, quarterRange, round2, valuesIn, type ExtraFact, type Holding, type PeriodValue } from './extras-facts.js';
import { HalfYearRound, InnovationEntry, LeaderComment, QuarterlyReview, QuarterlySection } from './review.entities.js';
import { jiguanSections } from './review-helpers.js';
import { halfLabel } from './half-year.service.js';

/**
 * The review records as the jiguan `extras` facts of chiefs and deputies (seed 000 七.(一)), and the page that shows a
 * chief what feeds those components. Rules in extras-facts.ts.
 */
@Injectable()
export class ReviewExtrasService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly weights: ExtrasWeightsService,
  ) {}

  /** Every period value of the year, per 机关 section and component. */
  async periodValues(year: number): Promise<PeriodValue[]> {
    const sections = new Set((await jiguanSections(this.ds.manager)).map((s) => s.id));
    const out: PeriodValue[] = [];

    const comments = await this.ds.getRepository(LeaderComment).find({ where: { month: Like(`${year}-%`) }, order: { month: 'ASC' } });
    const byMonth = new Map<string, number[]>();
    for (const c of comments) {
      if (!sections.has(c.sectionId)) continue;
      const key = `${c.sectionId}|${c.month}`;
      (byMonth.get(key) ?? byMonth.set(key, []).get(key)!).push(c.score);
    }
    for (const [key, scores] of byMonth) {
      const [sectionId, month] = key.split('|') as [string, string];
      out.push({ component: 'leader_comments', sectionId, from: `${month}-01`, to: monthEnd(month), score: aggregate('leader_comments', scores)!, period: month, label: `${Number(month.slice(5))}月局领导点评（${scores.length} 位）` });
    }

    const reviews = await this.ds.getRepository(QuarterlyReview).find({ where: { year }, order: { quarter: 'ASC' } });
    if (reviews.length) {
      const findings = await this.ds.getRepository(QuarterlySection).find({ where: { reviewId: In(reviews.map((r) => r.id)) } });
      for (const r of reviews) {
        const range = quarterRange(r.year, r.quarter);
        for (const f of findings.filter((x) => x.reviewId === r.id && sections.has(x.sectionId))) {
          out.push({ component: 'quarterly_review', sectionId: f.sectionId, ...range, score: f.score, period: `${r.year}-Q${r.quarter}`, label: `第${r.quarter}季度监察考评会` });
        }
      }
    }

    const rounds = await this.ds.getRepository(HalfYearRound).find({ where: { year }, order: { half: 'ASC' } });
    for (const r of rounds) {
      // the real mean of the counted answers (the survey page hides a mean below the minimum group size; scoring does not)
      const rows = await this.ds.getRepository(SurveyResponse).find({ where: { surveyId: r.surveyId, status: 'counted' }, select: { sectionId: true, score: true } });
      const bySection = new Map<string, number[]>();
      for (const x of rows) if (x.score !== null && sections.has(x.sectionId)) (bySection.get(x.sectionId) ?? bySection.set(x.sectionId, []).get(x.sectionId)!).push(x.score);
      for (const [sectionId, scores] of bySection) {
        out.push({ component: 'half_year_unit_scoring', sectionId, ...halfRange(r.year, r.half), score: aggregate('half_year_unit_scoring', scores)!, period: `${r.year}-H${r.half}`, label: `${halfLabel(r.year, r.half)}局属各单位打分（${scores.length} 份）` });
      }
    }

    const entries = await this.ds.getRepository(InnovationEntry).find({ where: { year, status: 'assessed' }, order: { date: 'ASC' } });
    for (const e of entries) {
      if (!sections.has(e.sectionId) || e.score === null) continue;
      out.push({ component: 'innovation', sectionId: e.sectionId, from: e.date, to: e.date, score: e.score, period: e.date, label: `工作创新：${e.title}` });
    }
    return out;
  }

  /** Who held chief or deputy of a 机关 section during the year (active people), tenures clamped to the year. */
  async holdings(year: number): Promise<Holding[]> {
    const sections = new Set((await jiguanSections(this.ds.manager)).map((s) => s.id));
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const ms = await this.ds.getRepository(Membership).find({ where: { position: In(['chief', 'deputy']) }, order: { from: 'ASC' } });
    const active = new Set((await this.ds.getRepository(Person).find({ where: { active: true }, select: { id: true } })).map((p) => p.id));
    return ms
      .filter((m) => sections.has(m.sectionId) && active.has(m.personId) && m.from <= to && (m.to === null || m.to >= from))
      .map((m) => ({
        personId: m.personId,
        sectionId: m.sectionId,
        position: m.position as 'chief' | 'deputy',
        from: m.from > from ? m.from : from,
        to: m.to !== null && m.to < to ? m.to : to,
      }));
  }

  yearClosed(year: number): boolean {
    return this.org.today() > `${year}-12-31`;
  }

  /** The `extras` facts of the year (jiguan). */
  async facts(year: number): Promise<ExtraFact[]> {
    const [holdings, values] = await Promise.all([this.holdings(year), this.periodValues(year)]);
    return extrasFacts(holdings, values, EXTRA_COMPONENTS, this.yearClosed(year));
  }

  /** What feeds the extras of each section's chief and deputies. Chiefs: their own section only. */
  async summary(user: PersonPrincipal, q: { year: number; sectionId?: string }): Promise<ExtrasSummaryDto> {
    let sectionId = q.sectionId;
    if (user.role === 'chief') {
      if (sectionId && sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的附加项');
      sectionId = user.sectionId ?? '__none__';
    }
    const weights = await this.weights.weights();
    const weightOf = new Map(weights.map((w) => [w.component, w.weight]));
    const sections = (await jiguanSections(this.ds.manager)).filter((s) => !sectionId || s.id === sectionId);
    const [holdings, values] = await Promise.all([this.holdings(q.year), this.periodValues(q.year)]);
    const closed = this.yearClosed(q.year);
    const names = new Map((await this.org.peopleByIds([...new Set(holdings.map((h) => h.personId))])).map((p) => [p.id, p.name]));
    return {
      year: q.year,
      weights,
      sections: sections.map((s) => {
        const mine = values.filter((v) => v.sectionId === s.id);
        const wholeYear = [{ from: `${q.year}-01-01`, to: `${q.year}-12-31` }];
        return {
          sectionId: s.id,
          sectionName: s.name,
          components: EXTRA_COMPONENTS.map((c: ExtraComponentId) => {
            const periods = valuesIn(mine, c, s.id, wholeYear);
            return {
              component: c,
              label: EXTRA_COMPONENT_LABELS[c],
              weight: weightOf.get(c) ?? 0,
              score: aggregate(c, periods.map((p) => p.score)),
              periods: periods.map((p) => ({ period: p.period, label: p.label, score: round2(p.score) })),
            };
          }),
          holders: holdings
            .filter((h) => h.sectionId === s.id)
            .map((h) => {
              const facts = extrasFacts([h, ...holdings.filter((x) => x !== h && x.personId === h.personId && x.sectionId === h.sectionId)], values, EXTRA_COMPONENTS, closed);
              return {
                personId: h.personId,
                name: names.get(h.personId) ?? h.personId,
                position: h.position,
                from: h.from,
                to: h.to,
                scores: EXTRA_COMPONENTS.map((c) => ({ component: c, score: facts.find((f) => f.component === c)?.score ?? null })),
              };
            }),
        };
      }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HalfYearOpenedDto, HalfYearRoundDto, SurveyQuestion } from '@kaoping/contracts';
import { DataSource, In } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { Survey, SurveyInvitation } from '../surveys/survey.entities.js';
import { SurveysService } from '../surveys/surveys.service.js';
import { halfRange } from './extras-facts.js';
import { HalfYearRound } from './review.entities.js';
import { jiguanSections } from './review-helpers.js';

/**
 * The questions of a 半年考评打分 sheet (seed 000 五.(十): “对机关各处室的工作作风、效能等情况进行打分”). Stars 1–5 map to
 * 0–100 by the scheme's star scale; the sheet's score is the mean of the two.
 */
export const HALF_YEAR_QUESTIONS: SurveyQuestion[] = [
  { id: 'style', type: 'stars', text: '工作作风（服务态度、纪律作风、廉洁自律）', required: true },
  { id: 'efficiency', type: 'stars', text: '工作效能（办事效率、协调服务、落实情况）', required: true },
  { id: 'advice', type: 'text', text: '意见和建议', required: false },
];

export const halfLabel = (year: number, half: number) => `${year}年${half === 1 ? '上' : '下'}半年`;

/**
 * 半年考评打分: the office opens a round per half-year; it is a survey of group `unit` (the survey mechanism: single-use
 * invitation links, anonymous answers under a keyed hash, anti-stuffing flags, minimum group size) rating every 机关
 * section, with one invitation per unit head (the chief of each section outside the 机关 today).
 */
@Injectable()
export class HalfYearService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly surveys: SurveysService,
  ) {}

  private async toDto(user: PersonPrincipal, r: HalfYearRound, survey: Survey): Promise<HalfYearRoundDto> {
    const results = await this.surveys.results(survey.id);
    const invitations = await this.ds.getRepository(SurveyInvitation).find({ where: { surveyId: survey.id }, select: { id: true, completedOn: true } });
    const today = this.org.today();
    const own = user.role === 'chief' ? user.sectionId : undefined;
    return {
      id: r.id,
      year: r.year,
      half: r.half as 1 | 2,
      surveyId: survey.id,
      title: survey.title,
      periodStart: survey.periodStart,
      periodEnd: survey.periodEnd,
      open: today >= survey.periodStart && today <= survey.periodEnd,
      invited: invitations.length,
      completed: invitations.filter((i) => i.completedOn).length,
      minGroupSize: results.minGroupSize,
      results: results.targets
        .filter((t) => own === undefined || t.sectionId === own)
        .map((t) => ({ sectionId: t.sectionId, sectionName: t.sectionName, counted: t.counted, mean: t.mean })),
    };
  }

  async list(user: PersonPrincipal, year: number): Promise<HalfYearRoundDto[]> {
    const rounds = await this.ds.getRepository(HalfYearRound).find({ where: { year }, order: { half: 'DESC' } });
    if (rounds.length === 0) return [];
    const surveys = new Map((await this.ds.getRepository(Survey).findBy({ id: In(rounds.map((r) => r.surveyId)) })).map((s) => [s.id, s]));
    const out: HalfYearRoundDto[] = [];
    for (const r of rounds) {
      const s = surveys.get(r.surveyId);
      if (s) out.push(await this.toDto(user, r, s));
    }
    return out;
  }

  async open(user: PersonPrincipal, dto: { year: number; half: 1 | 2; closesOn: string }): Promise<HalfYearOpenedDto> {
    const today = this.org.today();
    const range = halfRange(dto.year, dto.half);
    if (range.from > today) throw DomainError.invalid('half', `half ${halfLabel(dto.year, dto.half)}尚未开始`);
    if (dto.closesOn < today) throw DomainError.invalid('closesOn', 'closesOn 截止日期不能早于今天');
    const targets = await jiguanSections(this.ds.manager);
    if (targets.length === 0) throw DomainError.invalid('year', 'year 没有机关处室可供打分');
    const units = (await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } })).filter((s) => s.category === null);
    const heads: { name: string; phone: string | null }[] = [];
    const skipped: string[] = [];
    for (const u of units) {
      const head = (await this.org.holderOn(u.id, 'chief', today))[0];
      if (head) heads.push({ name: `${head.name}（${u.name}）`.slice(0, 40), phone: head.phone && /^[0-9+-]{5,20}$/.test(head.phone) ? head.phone : null });
      else skipped.push(u.name);
    }
    const conflict = () => new DomainError('CONFLICT', `${halfLabel(dto.year, dto.half)}考评打分已发起，请在原打分中补发邀请`, 'half');
    try {
      const { round, survey, invitations } = await this.ds.transaction(async (em) => {
        if (await em.getRepository(HalfYearRound).existsBy({ year: dto.year, half: dto.half })) throw conflict();
        const survey = await this.surveys.insertSurvey(
          em,
          {
            title: `${halfLabel(dto.year, dto.half)}局属各单位考评打分`,
            group: 'unit',
            year: dto.year,
            periodStart: today,
            periodEnd: dto.closesOn,
            questions: HALF_YEAR_QUESTIONS,
            sectionIds: targets.map((s) => s.id),
          },
          user,
        );
        const round = em.getRepository(HalfYearRound).create({ year: dto.year, half: dto.half, surveyId: survey.id, openedById: user.id });
        await em.getRepository(HalfYearRound).insert(round);
        const invitations = await this.surveys.issueInvitations(em, survey.id, heads.map((h) => ({ ...h, kind: 'unit' as const })));
        return { round, survey, invitations };
      });
      return { round: await this.toDto(user, round, survey), invitations, skipped };
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict();
      throw err;
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WubiCyclePlanDto, WubiCycleSummaryDto, WubiCycleYearDto, WubiParticipantsDto } from '@kaoping/contracts';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Membership } from '../org/membership.entity.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { Commendation, InspectionRound, InspectionScore, Veto } from '../records/wubi-records.entity.js';
import { checkPlan, CYCLE_LENGTH, cycleLabel, cycleYears, type PlanSection } from './cycle-rules.js';
import { WubiCycle, WubiCycleEntry } from './cycle.entities.js';
import { wubiParticipation } from './wubi-participation.js';

/**
 * The three-year 五比五评 cycle (seed 002 二): the office plans which listed sections take part in which year so that
 * every one is covered within three years; the plan then decides who is a 五比五评 subject in its years
 * (`wubiParticipation`). Ended years on file cannot change; neither can a section with records leave its year.
 */
@Injectable()
export class CycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
  ) {}

  private currentYear(): number {
    return Number(this.org.today().slice(0, 4));
  }

  private async sections(em: EntityManager): Promise<Section[]> {
    return em.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  /** Saved cycles whose years overlap `startYear`'s, other than the one starting there. */
  private async overlapping(em: EntityManager, startYear: number): Promise<WubiCycle[]> {
    const near = await em.getRepository(WubiCycle).findBy({ startYear: Between(startYear - CYCLE_LENGTH + 1, startYear + CYCLE_LENGTH - 1) });
    return near.filter((c) => c.startYear !== startYear);
  }

  /**
   * Per year up to this one: the sections whose people have 五比五评 records (督查评分、表彰、一票否决) that year, by their
   * membership on the record's date. Such a section cannot be taken out of that year.
   */
  private async sectionsWithRecords(em: EntityManager, years: number[]): Promise<Map<number, Set<string>>> {
    const out = new Map<number, Set<string>>();
    const past = years.filter((y) => y <= this.currentYear());
    if (past.length === 0) return out;
    const from = `${Math.min(...past)}-01-01`;
    const to = `${Math.max(...past)}-12-31`;
    const rounds = await em.getRepository(InspectionRound).findBy({ year: In(past) });
    const scores = rounds.length ? await em.getRepository(InspectionScore).findBy({ roundId: In(rounds.map((r) => r.id)) }) : [];
    const roundDate = new Map(rounds.map((r) => [r.id, r.date]));
    const facts: { personId: string; date: string }[] = [
      ...scores.map((s) => ({ personId: s.personId, date: roundDate.get(s.roundId)! })),
      ...(await em.getRepository(Commendation).findBy({ date: Between(from, to) })).map((c) => ({ personId: c.personId, date: c.date })),
      ...(await em.getRepository(Veto).findBy({ date: Between(from, to) })).map((v) => ({ personId: v.personId, date: v.date })),
    ];
    if (facts.length === 0) return out;
    const memberships = await em.getRepository(Membership).findBy({ personId: In([...new Set(facts.map((f) => f.personId))]) });
    for (const f of facts) {
      const m = memberships.filter((x) => x.personId === f.personId && x.from <= f.date && (x.to === null || x.to >= f.date)).sort((a, b) => a.from.localeCompare(b.from)).at(-1);
      if (!m) continue;
      const year = Number(f.date.slice(0, 4));
      (out.get(year) ?? out.set(year, new Set()).get(year)!).add(m.sectionId);
    }
    return out;
  }

  async list(): Promise<WubiCycleSummaryDto[]> {
    const cycles = await this.ds.getRepository(WubiCycle).find({ order: { startYear: 'DESC' } });
    if (cycles.length === 0) return [];
    const entries = await this.ds.getRepository(WubiCycleEntry).findBy({ startYear: In(cycles.map((c) => c.startYear)) });
    const listed = (await this.sections(this.ds.manager)).filter((s) => s.wubiType !== null);
    return cycles.map((c) => {
      const mine = entries.filter((e) => e.startYear === c.startYear);
      const covered = new Set(mine.map((e) => e.sectionId));
      const uncovered = listed.filter((s) => !covered.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
      return {
        startYear: c.startYear,
        endYear: c.startYear + CYCLE_LENGTH - 1,
        complete: uncovered.length === 0,
        years: cycleYears(c.startYear).map((year) => ({ year, sectionCount: mine.filter((e) => e.year === year).length })),
        uncovered,
        updatedAt: new Date(c.updatedAt).toISOString(),
      };
    });
  }

  /** The cycle to show when none is asked for: the saved one covering this year, else one starting this year. */
  async defaultStartYear(): Promise<number> {
    const year = this.currentYear();
    const covering = (await this.ds.getRepository(WubiCycle).findBy({ startYear: Between(year - CYCLE_LENGTH + 1, year) })).at(0);
    return covering?.startYear ?? year;
  }

  async plan(startYear: number, em: EntityManager = this.ds.manager): Promise<WubiCyclePlanDto> {
    const years = cycleYears(startYear);
    const currentYear = this.currentYear();
    const cycle = await em.getRepository(WubiCycle).findOneBy({ startYear });
    const entries = cycle ? await em.getRepository(WubiCycleEntry).find({ where: { startYear } }) : [];
    const sections = await this.sections(em);
    const order = new Map(sections.map((s, i) => [s.id, i]));
    const listed = sections.filter((s) => s.wubiType !== null);
    const keep = await this.sectionsWithRecords(em, years);
    const overlaps = (await this.overlapping(em, startYear)).map((c) => cycleLabel(c.startYear));
    const byYear = (year: number) =>
      entries
        .filter((e) => e.year === year)
        .map((e) => e.sectionId)
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const plan: WubiCycleYearDto[] = years.map((year) => {
      const ids = byYear(year);
      const locked = !!cycle && ids.length > 0 && year < currentYear;
      const keepIds = locked ? [] : [...(keep.get(year) ?? [])].filter((id) => listed.some((s) => s.id === id));
      return {
        year,
        sectionIds: ids,
        locked,
        lockReason: locked
          ? `${year} 年已结束，参评名单已归档，不能修改`
          : keepIds.length > 0
            ? `已有“五比五评”记录的科室不能移出 ${year} 年：${keepIds.map((id) => sections.find((s) => s.id === id)?.name ?? id).join('、')}`
            : null,
        keepSectionIds: keepIds,
      };
    });
    const covered = new Set(entries.map((e) => e.sectionId));
    const uncovered = listed.filter((s) => !covered.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
    const updater = cycle ? (await this.org.peopleByIds([cycle.updatedBy]))[0] : undefined;
    return {
      startYear,
      endYear: startYear + CYCLE_LENGTH - 1,
      years,
      currentYear,
      saved: !!cycle,
      plan,
      sections: listed.map((s) => {
        const inYears = years.filter((y) => entries.some((e) => e.year === y && e.sectionId === s.id));
        return { id: s.id, name: s.name, wubiType: s.wubiType, years: inYears, covered: inYears.length > 0 };
      }),
      uncovered,
      complete: !!cycle && uncovered.length === 0,
      overlaps: overlaps.length ? overlaps.join('、') : null,
      updatedAt: cycle ? new Date(cycle.updatedAt).toISOString() : null,
      updatedByName: cycle ? (updater?.name ?? cycle.updatedBy) : null,
    };
  }

  /** Saves a whole cycle plan (all three years) in one transaction, or refuses it with the reason and writes nothing. */
  async save(user: PersonPrincipal, dto: { startYear: number; years: { year: number; sectionIds: string[] }[] }): Promise<WubiCyclePlanDto> {
    const { startYear } = dto;
    const years = cycleYears(startYear);
    await this.ds.transaction(async (em) => {
      const overlaps = await this.overlapping(em, startYear);
      if (overlaps.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `${cycleLabel(startYear)} 与已保存的 ${overlaps.map((c) => cycleLabel(c.startYear)).join('、')} 周期年份重叠，每年只能属于一个周期`,
          'startYear',
        );
      }
      const existing = await em.getRepository(WubiCycleEntry).findBy({ year: In(years) });
      const saved = new Map<number, string[]>();
      for (const e of existing) (saved.get(e.year) ?? saved.set(e.year, []).get(e.year)!).push(e.sectionId);
      const sections: PlanSection[] = (await this.sections(em)).map((s) => ({ id: s.id, name: s.name, listed: s.wubiType !== null }));
      const { problem, plan } = checkPlan({
        startYear,
        years: dto.years,
        sections,
        saved,
        currentYear: this.currentYear(),
        keep: await this.sectionsWithRecords(em, years),
      });
      if (problem) {
        throw problem.code === 'VALIDATION_FAILED' ? DomainError.invalid(problem.field, problem.message) : new DomainError(problem.code, problem.message, problem.field);
      }
      const repo = em.getRepository(WubiCycleEntry);
      const stale = existing.filter((e) => !(plan.get(e.year) ?? []).includes(e.sectionId));
      if (stale.length > 0) await repo.remove(stale);
      for (const [year, ids] of plan) {
        for (const sectionId of ids) {
          if (existing.some((e) => e.year === year && e.sectionId === sectionId)) continue;
          await repo.insert(repo.create({ startYear, year, sectionId }));
        }
      }
      const cycles = em.getRepository(WubiCycle);
      const cycle = await cycles.findOneBy({ startYear });
      if (cycle) {
        cycle.updatedBy = user.id;
        cycle.updatedAt = this.clock.now();
        await cycles.save(cycle);
      } else {
        await cycles.insert(cycles.create({ startYear, updatedBy: user.id, updatedAt: this.clock.now() }));
      }
    });
    return this.plan(startYear);
  }

  async participants(year: number): Promise<WubiParticipantsDto> {
    const p = await wubiParticipation(this.ds.manager, year);
    const sections = await this.sections(this.ds.manager);
    return {
      year,
      source: p.source,
      startYear: p.startYear,
      sections: sections.filter((s) => p.sectionIds.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    };
  }
}

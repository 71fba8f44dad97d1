import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { listRules, SchemeError, score, ScoringInputError, type PersonInput, type PersonResult, type ScoringInput, type ScoringResult } from '@kaoping/scoring';
import type {
  GradeListDto,
  LeaderboardDto,
  LeaderboardRowDto,
  PersonScoreDto,
  SchemeId,
  ScoreDimensionDto,
  ScoreItemDto,
} from '@kaoping/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { canReadPerson } from '../access/scope.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { runAs } from '../audit/audit-context.js';
import { isBusyError } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Membership } from '../org/membership.entity.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { wubiSectionIds } from '../cycle/wubi-participation.js';
import { Incident } from '../records/incident.entity.js';
import { evidenceOf } from './evidence.js';
import { effectiveScheme, explainExtras, type ExtraItem } from './extras-weights.js';
import { computedKey, factsGeneration } from './facts-generation.js';
import { FactsRegistry, type FactLists } from './facts-registry.js';
import { schemeById } from './scheme-files.js';
import { ScoreResult, ScoreState } from './score.entities.js';

interface Built {
  input: ScoringInput;
  names: Map<string, string>;
}

/** Message of an input error, for the office: the library's text (Chinese first where it has one). */
function messageOf(err: unknown): string | null {
  if (err instanceof ScoringInputError || err instanceof SchemeError) return `成绩计算失败：${err.message}`;
  return null;
}

/**
 * Builds the scoring input from the database (org at year end + every registered provider's facts), runs
 * `@kaoping/scoring`, and stores one result per person with the scheme version and the input hash. Stored results are
 * recomputed on read when any fact changed since (the facts generation, bumped by the audit subscriber on every write).
 */
@Injectable()
export class ScoringService {
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly registry: FactsRegistry,
  ) {}

  /** Dec 31 of the year, or today when that is earlier. */
  yearEnd(year: number): string {
    const end = `${year}-12-31`;
    const today = this.org.today();
    return today < end ? today : end;
  }

  async buildInput(schemeId: SchemeId, year: number, em: EntityManager = this.ds.manager): Promise<Built> {
    const sections = await em.getRepository(Section).find({ order: { sortOrder: 'ASC' } });
    // wubi: the sections the three-year cycle plans for the year (every listed section when no plan covers it)
    const inScheme = schemeId === 'wubi' ? await wubiSectionIds(em, year) : new Set(sections.filter((s) => s.category !== null).map((s) => s.id));
    const end = this.yearEnd(year);
    const memberships = await em.getRepository(Membership).find({ order: { from: 'ASC' } });
    const people = await em.getRepository(Person).find({ where: { active: true }, order: { id: 'ASC' } });
    const names = new Map(people.map((p) => [p.id, p.name]));
    const byPerson = new Map<string, Membership[]>();
    for (const m of memberships) (byPerson.get(m.personId) ?? byPerson.set(m.personId, []).get(m.personId)!).push(m);
    const personInputs: PersonInput[] = [];
    for (const p of people) {
      const ms = byPerson.get(p.id) ?? [];
      const atEnd = ms.filter((m) => m.from <= end && (m.to === null || m.to >= end)).at(-1);
      if (!atEnd || !inScheme.has(atEnd.sectionId)) continue;
      personInputs.push({
        id: p.id,
        name: p.name,
        sectionId: atEnd.sectionId,
        position: atEnd.position,
        branchSecretary: !!p.branchSecretary,
        memberships: ms.map((m) => ({ sectionId: m.sectionId, position: m.position, from: m.from, ...(m.to ? { to: m.to } : {}) })),
      });
    }
    const facts = this.onlyKnown(await this.registry.collect(year, schemeId), new Set(personInputs.map((p) => p.id)), new Set(sections.map((s) => s.id)));
    const input: ScoringInput = {
      year,
      // a year still running: the year-end checks (处务会/支部活动/调研 counts) are flagged, not yet deducted
      ...(end < `${year}-12-31` ? { asOf: end } : {}),
      sections: sections.map((s) => ({
        id: s.id,
        name: s.name,
        ...(s.category ? { category: s.category } : {}),
        researchRequired: !!s.researchRequired,
        ...(s.wubiType ? { type: s.wubiType } : {}),
      })),
      people: personInputs,
      ...facts,
    };
    return { input, names };
  }

  /** Facts about people outside the scheme's population (or unknown sections) are left out, not errors. */
  private onlyKnown(facts: FactLists, people: Set<string>, sections: Set<string>): FactLists {
    const out: Record<string, unknown[]> = {};
    for (const [key, rows] of Object.entries(facts as Record<string, unknown[]>)) {
      if (key === 'holidays' || key === 'workdays') {
        out[key] = rows;
        continue;
      }
      out[key] = rows.filter((r) => {
        const row = r as { personId?: string; secretaryId?: string; sectionId?: string };
        if (row.personId !== undefined && !people.has(row.personId)) return false;
        if (row.secretaryId !== undefined && !people.has(row.secretaryId)) return false;
        if (row.personId === undefined && row.sectionId !== undefined && !sections.has(row.sectionId)) return false;
        return true;
      });
    }
    return out as FactLists;
  }

  /** Computes and stores the results (one transaction). An input error is stored as the year's error, not thrown. */
  async compute(schemeId: SchemeId, year: number, progress?: (done: number, total: number) => Promise<void>): Promise<{ error: string | null; people: number }> {
    const generation = await factsGeneration(this.ds.manager);
    const { input } = await this.buildInput(schemeId, year);
    const total = (input.people?.length ?? 0) + 2;
    await progress?.(1, total);
    let result: ScoringResult;
    // the scheme file with the office's 附加项权重 applied
    const scheme = await effectiveScheme(this.ds.manager, schemeId);
    try {
      result = score(input, scheme);
    } catch (err) {
      const msg = messageOf(err);
      if (!msg) throw err;
      await this.setState(this.ds.manager, schemeId, year, generation, msg);
      return { error: msg, people: 0 };
    }
    await progress?.(2, total);
    const inputHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      await em.createQueryBuilder().delete().from(ScoreResult).where('scheme = :s AND year = :y', { s: schemeId, y: year }).callListeners(false).execute();
      const rows = result.people.map((p) => this.toRow(schemeId, year, result.schemeVersion, p, now, inputHash, explainExtras(scheme, input, p)));
      for (let i = 0; i < rows.length; i += 20) {
        await em.createQueryBuilder().insert().into(ScoreResult).values(rows.slice(i, i + 20) as never).callListeners(false).execute();
      }
      await this.setState(em, schemeId, year, generation, null);
    });
    await progress?.(total, total);
    return { error: null, people: result.people.length };
  }

  private toRow(scheme: string, year: number, version: string, p: PersonResult, now: Date, inputHash: string, extras: ExtraItem[] = []): Partial<ScoreResult> {
    return {
      id: createHash('sha1').update(`${scheme}:${year}:${p.personId}:${now.getTime()}`).digest('hex').slice(0, 32),
      scheme,
      year,
      schemeVersion: version,
      personId: p.personId,
      total: p.total,
      grade: p.grade,
      bonus: p.bonus,
      flags: p.flags,
      dimensions: {
        ...p.dimensions,
        _bonus: { base: 0, score: p.bonus, items: p.bonusItems },
        ...(extras.length ? { _extras: { base: 0, score: Math.round(extras.reduce((sum, e) => sum + e.points, 0) * 100) / 100, items: extras } } : {}),
      },
      computedAt: now,
      inputHash,
    };
  }

  private async setState(em: EntityManager, scheme: string, year: number, generation: number, error: string | null): Promise<void> {
    const name = computedKey(scheme, year);
    const repo = em.getRepository(ScoreState);
    const values = { generation, error, computedAt: this.clock.now() };
    const res = await em.createQueryBuilder().update(ScoreState).set(values).where('name = :name', { name }).callListeners(false).execute();
    if (!res.affected) {
      try {
        await em.createQueryBuilder().insert().into(ScoreState).values({ name, ...values }).callListeners(false).execute();
      } catch {
        await repo.createQueryBuilder().update().set(values).where('name = :name', { name }).callListeners(false).execute();
      }
    }
  }

  /** Recomputes when a fact changed since the stored results (one computation at a time per scheme and year). */
  async ensureFresh(schemeId: SchemeId, year: number): Promise<ScoreState | null> {
    const key = computedKey(schemeId, year);
    const state = await this.ds.getRepository(ScoreState).findOneBy({ name: key });
    const facts = await factsGeneration(this.ds.manager);
    if (state && state.generation >= facts) return state;
    let running = this.inflight.get(key);
    if (!running) {
      running = runAs({ actor: 'system', role: null }, () => this.computeShared(schemeId, year))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    await running;
    return this.ds.getRepository(ScoreState).findOneBy({ name: key });
  }

  /**
   * `inflight` keeps it to one computation per scheme and year in this process; another API instance may be computing
   * the same year at the same moment. Its transaction wins or ours does — a deadlock or lock timeout on our side means
   * "look again": fresh now, done; else compute once more.
   */
  private async computeShared(schemeId: SchemeId, year: number): Promise<void> {
    try {
      await this.compute(schemeId, year);
    } catch (err) {
      if (!isBusyError(err)) throw err;
      const state = await this.ds.getRepository(ScoreState).findOneBy({ name: computedKey(schemeId, year) });
      if (state && state.generation >= (await factsGeneration(this.ds.manager))) return;
      await this.compute(schemeId, year);
    }
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────────────────────

  /** The scheme a person is scored under: wubi for people of a 五比五评 section, else jiguan. */
  async defaultScheme(personId: string): Promise<SchemeId> {
    const m = await this.org.membershipOn(personId, this.org.today());
    if (!m) return 'jiguan';
    const s = await this.ds.getRepository(Section).findOneBy({ id: m.sectionId });
    return s?.wubiType ? 'wubi' : 'jiguan';
  }

  async personScore(user: PersonPrincipal, personId: string, schemeId: SchemeId | undefined, year: number): Promise<PersonScoreDto> {
    const { person, dto } = await this.org.getPerson(personId);
    if (!canReadPerson(user, dto)) throw DomainError.forbidden('只能查看本人（或本处室）的成绩');
    const scheme = schemeId ?? (await this.defaultScheme(personId));
    const state = await this.ensureFresh(scheme, year);
    const row = await this.ds.getRepository(ScoreResult).findOneBy({ scheme, year, personId });
    const s = schemeById(scheme);
    const empty: PersonScoreDto = {
      personId,
      name: person.name,
      sectionName: dto.sectionName,
      scheme,
      year,
      schemeVersion: row?.schemeVersion ?? s.version,
      total: null,
      grade: null,
      bonus: 0,
      flags: [],
      dimensions: [],
      bonusItems: [],
      extras: [],
      computedAt: state?.computedAt ? new Date(state.computedAt).toISOString() : null,
      error: state?.error ?? null,
    };
    if (!row) return empty;
    const rules = new Map(listRules(s).map((r) => [r.id, r.text]));
    const dims = row.dimensions as Record<string, { base: number; score: number; items: { rule: string; points: number; source: string; cascadeFrom?: string }[] }>;
    const allItems = Object.values(dims).flatMap((d) => d.items);
    const incidentIds = allItems.map((i) => i.source).filter((x) => /^[0-9a-f-]{36}$/i.test(x));
    const incidents = new Map(
      (incidentIds.length ? await this.ds.getRepository(Incident).findBy({ id: In([...new Set(incidentIds)]) }) : []).map((i) => [i.id, { date: i.date, rule: i.rule }]),
    );
    const cascadeIds = [...new Set(allItems.map((i) => i.cascadeFrom).filter((x): x is string => !!x))];
    const cascadeNames = new Map((await this.org.peopleByIds(cascadeIds)).map((p) => [p.id, p.name]));
    const item = (i: { rule: string; points: number; source: string; cascadeFrom?: string }): ScoreItemDto => ({
      rule: i.rule,
      ruleText: rules.get(i.rule) ?? (i.rule === 'FLOOR' ? '单项最低 0 分' : i.rule),
      points: i.points,
      source: i.source,
      cascadeFrom: i.cascadeFrom ?? null,
      cascadeFromName: i.cascadeFrom ? (cascadeNames.get(i.cascadeFrom) ?? i.cascadeFrom) : null,
      evidence: evidenceOf(i.source, incidents),
    });
    const dimensions: ScoreDimensionDto[] = s.dimensions
      .filter((d) => dims[d.id])
      .map((d) => ({ id: d.id, label: d.label, base: dims[d.id]!.base, score: dims[d.id]!.score, items: dims[d.id]!.items.map(item) }));
    return {
      ...empty,
      total: row.total,
      grade: row.grade,
      bonus: row.bonus,
      flags: row.flags,
      dimensions,
      bonusItems: (dims._bonus?.items ?? []).map(item),
      extras: ((dims._extras?.items ?? []) as unknown as ExtraItem[]).map((e) => ({ component: e.rule, label: e.label, weight: e.weight, score: e.score, points: e.points })),
      computedAt: new Date(row.computedAt).toISOString(),
      error: state?.error ?? null,
    };
  }

  async leaderboard(user: PersonPrincipal, schemeId: SchemeId, year: number, sectionId?: string): Promise<LeaderboardDto> {
    if (user.role === 'chief') {
      if (sectionId && sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的排行');
      sectionId = user.sectionId ?? '__none__';
    }
    const state = await this.ensureFresh(schemeId, year);
    const s = schemeById(schemeId);
    const results = await this.ds.getRepository(ScoreResult).find({ where: { scheme: schemeId, year } });
    const end = this.yearEnd(year);
    const ms = await this.ds.getRepository(Membership).find({ where: { personId: In(results.map((r) => r.personId).concat('__')) } });
    const atEnd = new Map<string, Membership>();
    for (const m of ms.sort((a, b) => a.from.localeCompare(b.from))) if (m.from <= end && (m.to === null || m.to >= end)) atEnd.set(m.personId, m);
    const sections = new Map((await this.ds.getRepository(Section).find()).map((x) => [x.id, x.name]));
    const names = new Map((await this.org.peopleByIds(results.map((r) => r.personId))).map((p) => [p.id, p.name]));
    let rows = results
      .filter((r) => !sectionId || atEnd.get(r.personId)?.sectionId === sectionId)
      .map<LeaderboardRowDto>((r) => {
        const m = atEnd.get(r.personId);
        const dims = r.dimensions as Record<string, { score: number }>;
        return {
          rank: 0,
          personId: r.personId,
          name: names.get(r.personId) ?? r.personId,
          sectionId: m?.sectionId ?? null,
          sectionName: m ? (sections.get(m.sectionId) ?? null) : null,
          position: m?.position ?? null,
          total: r.total,
          grade: r.grade,
          flags: r.flags,
          dimensions: Object.fromEntries(s.dimensions.filter((d) => dims[d.id]).map((d) => [d.id, dims[d.id]!.score])),
        };
      });
    if (schemeId === 'wubi') rows = rows.filter((r) => r.position === 'chief');
    rows.sort((a, b) => b.total - a.total || a.personId.localeCompare(b.personId));
    rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.total === r.total ? rows[i - 1]!.rank : i + 1));
    return {
      scheme: schemeId,
      year,
      schemeVersion: results[0]?.schemeVersion ?? s.version,
      computedAt: state?.computedAt ? new Date(state.computedAt).toISOString() : null,
      error: state?.error ?? null,
      dimensions: s.dimensions.map((d) => ({ id: d.id, label: d.label })),
      rows,
    };
  }

  async gradeList(user: PersonPrincipal, schemeId: SchemeId, year: number): Promise<GradeListDto> {
    const board = await this.leaderboard(user, schemeId, year);
    const counts: Record<string, number> = {};
    for (const r of board.rows) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
    return {
      scheme: schemeId,
      year,
      error: board.error,
      counts,
      rows: board.rows.map((r) => ({ ...r, consequences: r.flags.filter((f) => f.startsWith('consequence:')) })),
    };
  }

  /** All stored results of a year for a scheme (fresh), for the Excel report. */
  async resultsFor(schemeId: SchemeId, year: number): Promise<{ rows: ScoreResult[]; error: string | null }> {
    const state = await this.ensureFresh(schemeId, year);
    const rows = await this.ds.getRepository(ScoreResult).find({ where: { scheme: schemeId, year }, order: { total: 'DESC' } });
    return { rows, error: state?.error ?? null };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MyOrderChecksDto,
  OrderCheckDeductionDto,
  OrderCheckKind,
  OrderCheckRankRowDto,
  OrderCheckRoundDto,
  OrderCheckRoundSummaryDto,
  OrderCheckSheetDefDto,
  OrderCheckSheetDto,
  OrderCheckYearDto,
} from '@kaoping/contracts';
import { DataSource, In } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { FilesService } from '../files/files.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { OrderCheckCorrection, OrderCheckRound, OrderCheckSheet } from './order-check.entities.js';
import { mean, rankBy } from './ranking.js';
import { checkDeductions, loadScoreSheet, sheetTotal } from './score-sheet.js';

const FILE_PURPOSE = 'order_check';

/** Who sees ranks: the office, leaders, and a section's chief or deputy for their own section. */
function seesRank(user: PersonPrincipal): boolean {
  return user.role === 'office' || user.role === 'leader' || user.role === 'chief';
}

function bureauWide(user: PersonPrincipal): boolean {
  return user.role === 'office' || user.role === 'leader';
}

/**
 * 卫生秩序定期检查考评 (seed 000 五.(十二)): the office opens a round, scores each section on the sheet (deductions with
 * notes, photos), closes the round when every section is scored; closed rounds are published (each section sees its own
 * result, chiefs their rank) and kept on file: a later change needs a reason and is kept as a correction (and, like
 * every write, in the audit log). No scoring rule takes these results: they are a published ranking only.
 */
@Injectable()
export class OrderChecksService {
  /** The current score sheet (seeds/order-checks/score-sheet.json), checked at start-up. */
  readonly sheet: OrderCheckSheetDefDto = loadScoreSheet();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly files: FilesService,
  ) {}

  private async sectionNames(): Promise<Map<string, Section>> {
    return new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s]));
  }

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((x): x is string => !!x))];
    return new Map((await this.org.peopleByIds(unique)).map((p) => [p.id, p.name]));
  }

  private async getRound(id: string): Promise<OrderCheckRound> {
    const round = await this.ds.getRepository(OrderCheckRound).findOneBy({ id });
    if (!round) throw DomainError.notFound('检查轮次', 'id');
    return round;
  }

  // ── writes (office) ─────────────────────────────────────────────────────────────────────────────────────────

  async createRound(user: PersonPrincipal, dto: { kind: OrderCheckKind; date: string; inspectors: string; notes?: string; sectionIds?: string[] }): Promise<OrderCheckRoundDto> {
    if (dto.date > this.org.today()) throw DomainError.invalid('date', '检查日期不能晚于今天');
    const sections = [...(await this.sectionNames()).values()].sort((a, b) => a.sortOrder - b.sortOrder);
    let sectionIds: string[];
    if (dto.sectionIds) {
      if (new Set(dto.sectionIds).size !== dto.sectionIds.length) throw DomainError.invalid('sectionIds', '同一处室在一轮检查中只能出现一次');
      const unknown = dto.sectionIds.find((id) => !sections.some((s) => s.id === id));
      if (unknown) throw DomainError.invalid('sectionIds', `没有编号为“${unknown}”的处室`);
      sectionIds = sections.filter((s) => dto.sectionIds!.includes(s.id)).map((s) => s.id);
    } else {
      // 局机关各处(室): the sections of the staff appraisal (业务类 and 党务类)
      sectionIds = sections.filter((s) => s.category !== null).map((s) => s.id);
    }
    if (sectionIds.length === 0) throw DomainError.invalid('sectionIds', '请至少选择一个处室');
    const year = Number(dto.date.slice(0, 4));
    const id = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrderCheckRound);
      const last = await repo.findOne({ where: { year }, order: { round: 'DESC' } });
      const round = repo.create({
        year,
        round: (last?.round ?? 0) + 1,
        kind: dto.kind,
        date: dto.date,
        inspectors: dto.inspectors,
        notes: dto.notes || null,
        sectionIds,
        sheet: this.sheet,
        status: 'open',
        createdBy: user.id,
        closedBy: null,
        closedAt: null,
      });
      await repo.insert(round);
      return round.id;
    });
    return this.round(user, id);
  }

  async saveSheet(
    user: PersonPrincipal,
    roundId: string,
    sectionId: string,
    dto: { deductions: OrderCheckDeductionDto[]; notes?: string; fileIds?: string[]; reason?: string },
  ): Promise<OrderCheckSheetDto> {
    await this.ds.transaction(async (em) => {
      const round = await em.getRepository(OrderCheckRound).findOneBy({ id: roundId });
      if (!round) throw DomainError.notFound('检查轮次', 'id');
      if (!round.sectionIds.includes(sectionId)) throw new DomainError('NOT_FOUND', '本轮检查不包括该处室', 'sectionId');
      const problem = checkDeductions(round.sheet, dto.deductions);
      if (problem) throw DomainError.invalid(problem.field, problem.message);
      const repo = em.getRepository(OrderCheckSheet);
      const existing = await repo.findOneBy({ roundId, sectionId });
      const fileIds = [...new Set(dto.fileIds ?? [])];
      const deductions = dto.deductions.map((d) => ({ itemId: d.itemId, points: d.points, note: d.note }));
      const order = new Map(round.sheet.items.map((it, i) => [it.id, i]));
      deductions.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
      const total = sheetTotal(round.sheet, deductions);
      const notes = dto.notes || null;
      const now = this.clock.now();
      const added = fileIds.filter((f) => !(existing?.fileIds ?? []).includes(f));
      await this.files.claim(added, user, FILE_PURPOSE, em, 'fileIds');
      if (round.status === 'closed') {
        if (!dto.reason) throw new DomainError('ORDER_CHECK_CLOSED', '本轮检查已归档：更正须填写更正理由，更正连同理由留档', 'reason');
        if (!existing) throw new DomainError('ORDER_CHECK_CLOSED', '本轮检查已归档，不能补录新的评分', 'sectionId');
        const unchanged =
          JSON.stringify(existing.deductions) === JSON.stringify(deductions) && existing.notes === notes && JSON.stringify(existing.fileIds) === JSON.stringify(fileIds);
        if (unchanged) throw DomainError.invalid('deductions', '与归档内容相同，无需更正');
        const corrections = em.getRepository(OrderCheckCorrection);
        await corrections.insert(
          corrections.create({
            sheetId: existing.id,
            roundId,
            sectionId,
            reason: dto.reason,
            beforeTotal: existing.total,
            afterTotal: total,
            before: { deductions: existing.deductions, notes: existing.notes, fileIds: existing.fileIds },
            correctedBy: user.id,
            correctedAt: now,
          }),
        );
      }
      if (existing) {
        Object.assign(existing, { deductions, total, notes, fileIds, recordedBy: user.id, recordedAt: now });
        await repo.save(existing);
      } else {
        await repo.insert(repo.create({ roundId, sectionId, deductions, total, notes, fileIds, recordedBy: user.id, recordedAt: now }));
      }
    });
    return this.sheetDetail(user, roundId, sectionId);
  }

  /** Closes (publishes and files) a round once every section is scored. */
  async closeRound(user: PersonPrincipal, id: string): Promise<OrderCheckRoundDto> {
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrderCheckRound);
      const round = await repo.findOneBy({ id });
      if (!round) throw DomainError.notFound('检查轮次', 'id');
      if (round.status === 'closed') throw new DomainError('ORDER_CHECK_CLOSED', `第 ${round.round} 轮检查已归档`);
      const scored = new Set((await em.getRepository(OrderCheckSheet).findBy({ roundId: id })).map((s) => s.sectionId));
      const missing = round.sectionIds.filter((s) => !scored.has(s));
      if (missing.length > 0) {
        const names = await this.sectionNames();
        throw new DomainError('ORDER_CHECK_INCOMPLETE', `以下处室尚未评分，评完后才能归档：${missing.map((s) => names.get(s)?.name ?? s).join('、')}`);
      }
      round.status = 'closed';
      round.closedBy = user.id;
      round.closedAt = this.clock.now();
      await repo.save(round);
    });
    return this.round(user, id);
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────────────────────────

  private ranking(round: OrderCheckRound, sheets: OrderCheckSheet[], sections: Map<string, Section>): OrderCheckRankRowDto[] {
    const rows = sheets.filter((s) => round.sectionIds.includes(s.sectionId)).map((s) => ({ sectionId: s.sectionId, sectionName: sections.get(s.sectionId)?.name ?? s.sectionId, total: s.total }));
    const order = (id: string) => sections.get(id)?.sortOrder ?? 0;
    return rankBy(rows, (r) => r.total, (a, b) => order(a.sectionId) - order(b.sectionId)).map((r) => ({ rank: r.rank, sectionId: r.sectionId, sectionName: r.sectionName, total: r.total }));
  }

  private summary(round: OrderCheckRound, sheets: OrderCheckSheet[], sections: Map<string, Section>): OrderCheckRoundSummaryDto {
    const ranking = this.ranking(round, sheets, sections);
    return {
      id: round.id,
      year: round.year,
      round: round.round,
      kind: round.kind,
      date: round.date,
      inspectors: round.inspectors,
      status: round.status,
      sectionCount: round.sectionIds.length,
      scoredCount: ranking.length,
      average: mean(ranking.map((r) => r.total)),
      top: ranking[0] ?? null,
    };
  }

  async listRounds(year: number): Promise<OrderCheckRoundSummaryDto[]> {
    const rounds = await this.ds.getRepository(OrderCheckRound).find({ where: { year }, order: { round: 'DESC' } });
    const sheets = rounds.length ? await this.ds.getRepository(OrderCheckSheet).findBy({ roundId: In(rounds.map((r) => r.id)) }) : [];
    const sections = await this.sectionNames();
    return rounds.map((r) => this.summary(r, sheets.filter((s) => s.roundId === r.id), sections));
  }

  private async sheetDtos(user: PersonPrincipal, round: OrderCheckRound, sheets: OrderCheckSheet[], sectionIds: string[], sections: Map<string, Section>): Promise<OrderCheckSheetDto[]> {
    const ranking = new Map(this.ranking(round, sheets, sections).map((r) => [r.sectionId, r.rank]));
    const wanted = sheets.filter((s) => sectionIds.includes(s.sectionId));
    const corrections = wanted.length ? await this.ds.getRepository(OrderCheckCorrection).find({ where: { sheetId: In(wanted.map((s) => s.id)) }, order: { correctedAt: 'ASC' } }) : [];
    const names = await this.names([...wanted.map((s) => s.recordedBy), ...corrections.map((c) => c.correctedBy)]);
    const previews = new Map((await this.files.previews(wanted.flatMap((s) => s.fileIds))).map((f) => [f.id, f]));
    return sectionIds.map((sectionId) => {
      const s = wanted.find((x) => x.sectionId === sectionId);
      return {
        roundId: round.id,
        sectionId,
        sectionName: sections.get(sectionId)?.name ?? sectionId,
        scored: !!s,
        total: s?.total ?? null,
        max: round.sheet.max,
        deductions: (s?.deductions ?? []).map((d) => {
          const item = round.sheet.items.find((it) => it.id === d.itemId);
          return { ...d, label: item?.label ?? d.itemId, max: item?.max ?? d.points };
        }),
        notes: s?.notes ?? null,
        fileIds: s?.fileIds ?? [],
        files: (s?.fileIds ?? []).flatMap((id) => (previews.has(id) ? [previews.get(id)!] : [])),
        recordedByName: s ? (names.get(s.recordedBy) ?? s.recordedBy) : null,
        recordedAt: s ? new Date(s.recordedAt).toISOString() : null,
        rank: s && (bureauWide(user) || (seesRank(user) && user.sectionId === sectionId)) ? (ranking.get(sectionId) ?? null) : null,
        corrections: corrections
          .filter((c) => c.sheetId === s?.id)
          .map((c) => ({ reason: c.reason, beforeTotal: c.beforeTotal, afterTotal: c.afterTotal, byName: names.get(c.correctedBy) ?? c.correctedBy, at: new Date(c.correctedAt).toISOString() })),
      };
    });
  }

  /** A round with every section's sheet and the ranking (office, leaders). */
  async round(user: PersonPrincipal, id: string): Promise<OrderCheckRoundDto> {
    const round = await this.getRound(id);
    const sheets = await this.ds.getRepository(OrderCheckSheet).findBy({ roundId: id });
    const sections = await this.sectionNames();
    const scored = new Set(sheets.map((s) => s.sectionId));
    const names = await this.names([round.closedBy]);
    return {
      ...this.summary(round, sheets, sections),
      notes: round.notes,
      sheet: round.sheet,
      sheets: await this.sheetDtos(user, round, sheets, round.sectionIds, sections),
      ranking: this.ranking(round, sheets, sections),
      missing: round.sectionIds.filter((s) => !scored.has(s)).map((s) => ({ id: s, name: sections.get(s)?.name ?? s })),
      closedAt: round.closedAt ? new Date(round.closedAt).toISOString() : null,
      closedByName: round.closedBy ? (names.get(round.closedBy) ?? round.closedBy) : null,
    };
  }

  /** One section's sheet: the office and leaders any; a section's people their own, once the round is closed. */
  async sheetDetail(user: PersonPrincipal, roundId: string, sectionId: string): Promise<OrderCheckSheetDto> {
    const round = await this.getRound(roundId);
    if (!bureauWide(user)) {
      if (user.sectionId !== sectionId) throw DomainError.forbidden('只能查看本处室的检查结果');
      if (round.status !== 'closed') throw DomainError.forbidden('本轮检查尚在评分中，归档后公布结果');
    }
    if (!round.sectionIds.includes(sectionId)) throw new DomainError('NOT_FOUND', '本轮检查不包括该处室', 'sectionId');
    const sheets = await this.ds.getRepository(OrderCheckSheet).findBy({ roundId });
    return (await this.sheetDtos(user, round, sheets, [sectionId], await this.sectionNames()))[0]!;
  }

  /** The year's ranking over closed rounds: each section's mean total. */
  async yearRanking(year: number): Promise<OrderCheckYearDto> {
    const rounds = await this.ds.getRepository(OrderCheckRound).find({ where: { year, status: 'closed' }, order: { round: 'ASC' } });
    const sheets = rounds.length ? await this.ds.getRepository(OrderCheckSheet).findBy({ roundId: In(rounds.map((r) => r.id)) }) : [];
    const sections = await this.sectionNames();
    const bySection = new Map<string, Record<string, number>>();
    for (const r of rounds) {
      for (const s of sheets.filter((x) => x.roundId === r.id && r.sectionIds.includes(x.sectionId))) {
        (bySection.get(s.sectionId) ?? bySection.set(s.sectionId, {}).get(s.sectionId)!)[r.id] = s.total;
      }
    }
    const rows = [...bySection.entries()].map(([sectionId, totals]) => ({
      sectionId,
      sectionName: sections.get(sectionId)?.name ?? sectionId,
      average: mean(Object.values(totals))!,
      rounds: Object.keys(totals).length,
      totals,
    }));
    const order = (id: string) => sections.get(id)?.sortOrder ?? 0;
    return {
      year,
      rounds: rounds.map((r) => ({ id: r.id, round: r.round, date: r.date, kind: r.kind })),
      rows: rankBy(rows, (r) => r.average, (a, b) => order(a.sectionId) - order(b.sectionId)),
    };
  }

  /** The caller's section's results in the year's closed rounds (with ranks for chiefs and deputies). */
  async mine(user: PersonPrincipal, year: number): Promise<MyOrderChecksDto> {
    const empty: MyOrderChecksDto = { year, sectionId: user.sectionId, sectionName: user.sectionName, showsRank: seesRank(user), sheets: [], average: null, yearRank: null, yearSections: 0 };
    if (!user.sectionId) return empty;
    const sectionId = user.sectionId;
    const rounds = (await this.ds.getRepository(OrderCheckRound).find({ where: { year, status: 'closed' }, order: { round: 'DESC' } })).filter((r) => r.sectionIds.includes(sectionId));
    if (rounds.length === 0) return empty;
    const sheets = await this.ds.getRepository(OrderCheckSheet).findBy({ roundId: In(rounds.map((r) => r.id)) });
    const sections = await this.sectionNames();
    const out: MyOrderChecksDto['sheets'] = [];
    for (const r of rounds) {
      const mineSheet = (await this.sheetDtos(user, r, sheets.filter((s) => s.roundId === r.id), [sectionId], sections))[0]!;
      if (!mineSheet.scored) continue;
      out.push({ ...mineSheet, round: r.round, date: r.date, kind: r.kind, sectionCount: this.ranking(r, sheets.filter((s) => s.roundId === r.id), sections).length });
    }
    const yearly = await this.yearRanking(year);
    const row = yearly.rows.find((x) => x.sectionId === sectionId);
    return {
      ...empty,
      sheets: out,
      average: mean(out.map((s) => s.total!)),
      yearRank: seesRank(user) ? (row?.rank ?? null) : null,
      yearSections: yearly.rows.length,
    };
  }
}

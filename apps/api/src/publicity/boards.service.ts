import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { BOARD_STATUS_LABELS, type BoardContent, type BoardDto, type BoardStatus, type BoardSummaryDto, type PublicSectionDto, type PublicSectionProgressDto } from '@kaoping/contracts';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { Problem } from '../problems/problem.entity.js';
import { averagePercent, contentOf, isEditProblem, rowsFromEdit, sameProblem, sameTask, type BoardEdit, type ProblemRow, type TaskRow } from './board-content.js';
import { PublicityBoard, PublicityProblem, PublicityTask, type BoardStage } from './publicity.entities.js';
import { retryBusy, sqliteDb } from './publicity-db.js';

/** Boards may be edited for last year (to close it in January), this year and next year; older ones are archived. */
export const EDITABLE_YEARS_BACK = 1;
export const EDITABLE_YEARS_AHEAD = 1;

const EMPTY: BoardContent = { tasks: [], problems: [] };

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/**
 * 进度公示 (seed 002 五.(二), 六.3): each participating section keeps a yearly board of key tasks, progress notes and
 * problems solved; the office approves it before the public sees it. "Participating" is what the API knows today:
 * a section with a 五比五评 type (`sections.wubiType`).
 */
@Injectable()
export class BoardsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  currentYear(): number {
    return Number(this.org.today().slice(0, 4));
  }

  parseYear(raw: string): number {
    if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) throw DomainError.invalid('year', 'year 必须是 2000–2100 之间的年份');
    return Number(raw);
  }

  isEditableYear(year: number): boolean {
    const now = this.currentYear();
    return year >= now - EDITABLE_YEARS_BACK && year <= now + EDITABLE_YEARS_AHEAD;
  }

  /** The sections taking part in 五比五评, in the bureau's order. */
  async participatingSections(): Promise<Section[]> {
    return this.ds.getRepository(Section).find({ where: { wubiType: Not(IsNull()) }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  async participatingSection(sectionId: string, em: EntityManager = this.ds.manager): Promise<Section> {
    const s = await em.getRepository(Section).findOneBy({ id: sectionId });
    if (!s) throw DomainError.notFound('处室', 'sectionId');
    if (!s.wubiType) throw new DomainError('NOT_FOUND', `${s.name}未参加“五比五评”，没有进度公示`, 'sectionId');
    return s;
  }

  private assertCanRead(user: PersonPrincipal, sectionId: string): void {
    if (user.role === 'office' || user.role === 'leader') return;
    if (user.role === 'chief' && user.sectionId === sectionId) return;
    throw DomainError.forbidden('只能查看本处室的进度公示');
  }

  private assertCanEdit(user: PersonPrincipal, sectionId: string, year: number): void {
    if (user.role !== 'chief' || user.sectionId !== sectionId) throw DomainError.forbidden('只能由本处室负责人（处长、副处长）编辑本处室的进度公示');
    if (!this.isEditableYear(year)) throw new DomainError('BOARD_STATE', `${year} 年的进度公示已归档，不能再修改`, 'year');
  }

  private async lockedBoard(em: EntityManager, sectionId: string, year: number): Promise<PublicityBoard | null> {
    const qb = em.getRepository(PublicityBoard).createQueryBuilder('b').where('b.sectionId = :sectionId AND b.year = :year', { sectionId, year });
    if (!sqliteDb(em)) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  private async stageRows(em: EntityManager, boardId: string, stage: BoardStage): Promise<{ tasks: PublicityTask[]; problems: PublicityProblem[] }> {
    const [tasks, problems] = await Promise.all([
      em.getRepository(PublicityTask).find({ where: { boardId, stage }, order: { sortOrder: 'ASC' } }),
      em.getRepository(PublicityProblem).find({ where: { boardId, stage }, order: { sortOrder: 'ASC' } }),
    ]);
    return { tasks, problems };
  }

  /** Makes the stage's rows equal `want` (by key): changed rows are saved, new ones inserted, missing ones removed. */
  private async syncStage(em: EntityManager, boardId: string, stage: BoardStage, want: { tasks: TaskRow[]; problems: ProblemRow[] }): Promise<boolean> {
    const have = await this.stageRows(em, boardId, stage);
    let changed = false;
    const taskRepo = em.getRepository(PublicityTask);
    const byKey = new Map(have.tasks.map((t) => [t.key, t]));
    for (const w of want.tasks) {
      const row = byKey.get(w.key);
      byKey.delete(w.key);
      if (row && sameTask(row, w)) continue;
      changed = true;
      if (row) {
        Object.assign(row, w);
        await taskRepo.save(row);
      } else {
        await taskRepo.insert(taskRepo.create({ ...w, boardId, stage }));
      }
    }
    if (byKey.size) {
      changed = true;
      await taskRepo.remove([...byKey.values()]);
    }
    const problemRepo = em.getRepository(PublicityProblem);
    const pByKey = new Map(have.problems.map((p) => [p.key, p]));
    for (const w of want.problems) {
      const row = pByKey.get(w.key);
      pByKey.delete(w.key);
      if (row && sameProblem(row, w)) continue;
      changed = true;
      if (row) {
        Object.assign(row, w);
        await problemRepo.save(row);
      } else {
        await problemRepo.insert(problemRepo.create({ ...w, boardId, stage }));
      }
    }
    if (pByKey.size) {
      changed = true;
      await problemRepo.remove([...pByKey.values()]);
    }
    return changed;
  }

  private async toDto(user: PersonPrincipal, section: Section, year: number, board: PublicityBoard | null, em: EntityManager = this.ds.manager): Promise<BoardDto> {
    const status: BoardStatus = board ? board.status : 'none';
    let draft = EMPTY;
    let published: BoardContent | null = null;
    if (board) {
      const d = await this.stageRows(em, board.id, 'draft');
      draft = contentOf(d.tasks, d.problems, true);
      if (board.publishedRevision !== null) {
        const p = await this.stageRows(em, board.id, 'published');
        published = contentOf(p.tasks, p.problems, true);
      }
    }
    return {
      sectionId: section.id,
      sectionName: section.name,
      wubiType: section.wubiType,
      year,
      status,
      statusLabel: BOARD_STATUS_LABELS[status],
      revision: board?.revision ?? 0,
      returnReason: board?.returnReason ?? null,
      submittedAt: iso(board?.submittedAt ?? null),
      reviewedAt: iso(board?.reviewedAt ?? null),
      publishedAt: iso(board?.publishedAt ?? null),
      unpublishedChanges: !!board && board.publishedRevision !== board.revision,
      canEdit: user.role === 'chief' && user.sectionId === section.id && this.isEditableYear(year),
      canReview: user.role === 'office' && status === 'submitted',
      draft,
      published,
    };
  }

  /** The office's approval list (every participating section), a leader's reading list, a chief's own section. */
  async list(user: PersonPrincipal, yearOrCurrent?: number): Promise<BoardSummaryDto[]> {
    const year = yearOrCurrent ?? this.currentYear();
    let sections = await this.participatingSections();
    if (user.role === 'chief') sections = sections.filter((s) => s.id === user.sectionId);
    else if (user.role !== 'office' && user.role !== 'leader') return [];
    if (!sections.length) return [];
    const boards = await this.ds.getRepository(PublicityBoard).findBy({ year, sectionId: In(sections.map((s) => s.id)) });
    const tasks = boards.length ? await this.ds.getRepository(PublicityTask).findBy({ boardId: In(boards.map((b) => b.id)), stage: 'draft' }) : [];
    return sections.map((s) => {
      const b = boards.find((x) => x.sectionId === s.id) ?? null;
      const mine = b ? tasks.filter((t) => t.boardId === b.id) : [];
      const status: BoardStatus = b ? b.status : 'none';
      return {
        sectionId: s.id,
        sectionName: s.name,
        wubiType: s.wubiType,
        year,
        status,
        statusLabel: BOARD_STATUS_LABELS[status],
        revision: b?.revision ?? 0,
        submittedAt: iso(b?.submittedAt ?? null),
        publishedAt: iso(b?.publishedAt ?? null),
        taskCount: mine.length,
        averagePercent: averagePercent(contentOf(mine, [], false).tasks),
      };
    });
  }

  async get(user: PersonPrincipal, sectionId: string, rawYear: string): Promise<BoardDto> {
    const year = this.parseYear(rawYear);
    const section = await this.participatingSection(sectionId);
    this.assertCanRead(user, sectionId);
    const board = await this.ds.getRepository(PublicityBoard).findOneBy({ sectionId, year });
    return this.toDto(user, section, year, board);
  }

  private stale(board: PublicityBoard | null): DomainError {
    return new DomainError('CONFLICT', `进度公示已被他人修改（当前第 ${board?.revision ?? 0} 版），请刷新后再操作`, 'revision');
  }

  /** Saves the section's draft. Any real change makes it a draft again (a pending submission is withdrawn). */
  async save(user: PersonPrincipal, sectionId: string, rawYear: string, dto: BoardEdit & { revision: number }): Promise<BoardDto> {
    const year = this.parseYear(rawYear);
    const section = await this.participatingSection(sectionId);
    this.assertCanEdit(user, sectionId, year);
    const rows = rowsFromEdit(dto, year, this.org.today(), randomUUID);
    if (isEditProblem(rows)) throw DomainError.invalid(rows.field, rows.message);
    const problemIds = [...new Set(rows.problems.map((p) => p.problemId).filter((id): id is string => !!id))];
    if (problemIds.length) {
      const found = await this.ds.getRepository(Problem).findBy({ id: In(problemIds) });
      const bad = problemIds.find((id) => !found.some((p) => p.id === id && p.sectionId === sectionId && p.status === 'solved'));
      if (bad) throw DomainError.invalid(`problems.${rows.problems.findIndex((p) => p.problemId === bad)}.problemId`, '只能引用问题清单中本处室已解决的问题');
    }
    try {
      return await retryBusy(() =>
        this.ds.transaction(async (em) => {
          let board = await this.lockedBoard(em, sectionId, year);
          if ((board?.revision ?? 0) !== dto.revision) throw this.stale(board);
          if (!board) {
            board = em.getRepository(PublicityBoard).create({
              sectionId,
              year,
              status: 'draft',
              revision: 0,
              publishedRevision: null,
              returnReason: null,
              submittedAt: null,
              submittedById: null,
              reviewedAt: null,
              reviewedById: null,
              publishedAt: null,
              updatedById: user.id,
            });
            await em.getRepository(PublicityBoard).insert(board);
          }
          if (await this.syncStage(em, board.id, 'draft', rows)) {
            board.revision += 1;
            board.status = 'draft';
            board.updatedById = user.id;
            await em.getRepository(PublicityBoard).save(board);
          }
          return this.toDto(user, section, year, board, em);
        }),
      );
    } catch (err) {
      if (isDuplicateKey(err)) throw this.stale(null);
      throw err;
    }
  }

  /** The section sends its draft to the office. */
  async submit(user: PersonPrincipal, sectionId: string, rawYear: string, revision: number): Promise<BoardDto> {
    const year = this.parseYear(rawYear);
    const section = await this.participatingSection(sectionId);
    this.assertCanEdit(user, sectionId, year);
    return retryBusy(() =>
      this.ds.transaction(async (em) => {
        const board = await this.lockedBoard(em, sectionId, year);
        if (!board) throw new DomainError('BOARD_STATE', '请先填写并保存进度公示，再提交审核');
        if (board.revision !== revision) throw this.stale(board);
        if (board.status === 'submitted') throw new DomainError('BOARD_STATE', '已提交，正在等待考评办审核');
        if (board.status === 'approved') throw new DomainError('BOARD_STATE', '当前内容已公示，没有需要审核的修改');
        const tasks = await em.getRepository(PublicityTask).countBy({ boardId: board.id, stage: 'draft' });
        if (!tasks) throw new DomainError('BOARD_STATE', '请至少填写一项年度重点工作再提交审核', 'tasks');
        board.status = 'submitted';
        board.submittedAt = this.clock.now();
        board.submittedById = user.id;
        board.returnReason = null;
        await em.getRepository(PublicityBoard).save(board);
        return this.toDto(user, section, year, board, em);
      }),
    );
  }

  private async pendingReview(em: EntityManager, sectionId: string, year: number, revision: number): Promise<PublicityBoard> {
    const board = await this.lockedBoard(em, sectionId, year);
    if (!board) throw new DomainError('BOARD_STATE', '该处室尚未提交进度公示');
    if (board.revision !== revision) throw this.stale(board);
    if (board.status !== 'submitted') throw new DomainError('BOARD_STATE', `只有待审核的进度公示可以审核（当前：${BOARD_STATUS_LABELS[board.status]}）`);
    return board;
  }

  /** The office approves: the draft becomes what the public sees, in one transaction. */
  async approve(user: PersonPrincipal, sectionId: string, rawYear: string, revision: number): Promise<BoardDto> {
    const year = this.parseYear(rawYear);
    const section = await this.participatingSection(sectionId);
    return retryBusy(() =>
      this.ds.transaction(async (em) => {
        const board = await this.pendingReview(em, sectionId, year, revision);
        const draft = await this.stageRows(em, board.id, 'draft');
        await this.syncStage(em, board.id, 'published', {
          tasks: draft.tasks.map((t): TaskRow => ({ key: t.key, sortOrder: t.sortOrder, title: t.title, description: t.description, updates: t.updates })),
          problems: draft.problems.map((p): ProblemRow => ({ key: p.key, sortOrder: p.sortOrder, title: p.title, solution: p.solution, solvedOn: p.solvedOn, problemId: p.problemId })),
        });
        const now = this.clock.now();
        board.status = 'approved';
        board.publishedRevision = board.revision;
        board.publishedAt = now;
        board.reviewedAt = now;
        board.reviewedById = user.id;
        board.returnReason = null;
        await em.getRepository(PublicityBoard).save(board);
        return this.toDto(user, section, year, board, em);
      }),
    );
  }

  /** The office returns it with a reason; the published version (if any) stays public. */
  async returnBoard(user: PersonPrincipal, sectionId: string, rawYear: string, revision: number, reason: string): Promise<BoardDto> {
    const year = this.parseYear(rawYear);
    const section = await this.participatingSection(sectionId);
    return retryBusy(() =>
      this.ds.transaction(async (em) => {
        const board = await this.pendingReview(em, sectionId, year, revision);
        board.status = 'returned';
        board.returnReason = reason;
        board.reviewedAt = this.clock.now();
        board.reviewedById = user.id;
        await em.getRepository(PublicityBoard).save(board);
        return this.toDto(user, section, year, board, em);
      }),
    );
  }

  // ── public (approved content only) ──

  private async publishedBoards(sectionIds: string[]): Promise<PublicityBoard[]> {
    if (!sectionIds.length) return [];
    return this.ds.getRepository(PublicityBoard).find({ where: { sectionId: In(sectionIds), publishedRevision: Not(IsNull()) }, order: { year: 'DESC' } });
  }

  /** The year a public page shows: the one asked for, else this year if published, else the latest published. */
  private shownYear(published: PublicityBoard[], asked: number | undefined): number {
    if (asked) return asked;
    const now = this.currentYear();
    if (published.some((b) => b.year === now)) return now;
    return published.find((b) => b.year <= now)?.year ?? published[0]?.year ?? now;
  }

  async publicSections(asked: number | undefined, upcoming: Map<string, number>): Promise<PublicSectionDto[]> {
    const sections = await this.participatingSections();
    const boards = await this.publishedBoards(sections.map((s) => s.id));
    const shown = sections.map((s) => {
      const mine = boards.filter((b) => b.sectionId === s.id);
      const year = this.shownYear(mine, asked);
      return { s, year, board: mine.find((b) => b.year === year) ?? null };
    });
    const ids = shown.map((x) => x.board?.id).filter((id): id is string => !!id);
    const [tasks, problems] = ids.length
      ? await Promise.all([
          this.ds.getRepository(PublicityTask).findBy({ boardId: In(ids), stage: 'published' }),
          this.ds.getRepository(PublicityProblem).findBy({ boardId: In(ids), stage: 'published' }),
        ])
      : [[], []];
    return shown.map(({ s, year, board }) => {
      const content = board
        ? contentOf(
            tasks.filter((t) => t.boardId === board.id),
            problems.filter((p) => p.boardId === board.id),
            false,
          )
        : EMPTY;
      return {
        sectionId: s.id,
        sectionName: s.name,
        wubiType: s.wubiType,
        year,
        published: !!board,
        taskCount: content.tasks.length,
        problemCount: content.problems.length,
        averagePercent: averagePercent(content.tasks),
        publishedAt: iso(board?.publishedAt ?? null),
        upcomingOpenDays: upcoming.get(s.id) ?? 0,
      };
    });
  }

  async publicSection(sectionId: string, asked: number | undefined): Promise<Omit<PublicSectionProgressDto, 'openDays'>> {
    const section = await this.participatingSection(sectionId);
    const boards = await this.publishedBoards([sectionId]);
    const year = this.shownYear(boards, asked);
    const board = boards.find((b) => b.year === year) ?? null;
    let shown: PublicSectionProgressDto['board'] = null;
    if (board) {
      const p = await this.stageRows(this.ds.manager, board.id, 'published');
      const content = contentOf(p.tasks, p.problems, false);
      shown = { ...content, publishedAt: board.publishedAt!.toISOString(), averagePercent: averagePercent(content.tasks) };
    }
    return { sectionId: section.id, sectionName: section.name, wubiType: section.wubiType, year, years: boards.map((b) => b.year), board: shown };
  }
}

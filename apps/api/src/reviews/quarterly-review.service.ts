import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceFileDto, QuarterlyReviewDto, RectificationTaskDto, TaskStatus } from '@kaoping/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { FilesService } from '../files/files.service.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { quarterRange } from './extras-facts.js';
import { QuarterlyReview, QuarterlySection, RectificationTask } from './review.entities.js';
import { assertJiguanSection } from './review-helpers.js';

export const TASK_FILE_PURPOSE = 'rectification';
const TASKS_PAGE = '/subpackages/officer/pages/review-tasks/index';

interface TaskInput {
  sectionId: string;
  title: string;
  ownerId: string;
  deadline: string;
}

/**
 * 季度监察考评会 (seed 000 五.(十)): per quarter, each section's problems and score, and 整改任务 with an owner and a
 * deadline, followed up until done (with a note and evidence). Overdue is judged on read in the bureau's zone.
 * Scope: the office and leaders see everything; a chief their section's findings and tasks (and their own tasks);
 * staff only the tasks they own.
 */
@Injectable()
export class QuarterlyReviewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly files: FilesService,
    private readonly notices: NoticesService,
  ) {}

  private bureau(user: PersonPrincipal): boolean {
    return user.role === 'office' || user.role === 'leader';
  }

  /** May `user` see this task? */
  private seesTask(user: PersonPrincipal, t: { sectionId: string; ownerId: string }): boolean {
    if (this.bureau(user)) return true;
    if (t.ownerId === user.id) return true;
    return user.role === 'chief' && !!user.sectionId && t.sectionId === user.sectionId;
  }

  async taskDtos(rows: RectificationTask[], reviews?: Map<string, QuarterlyReview>): Promise<RectificationTaskDto[]> {
    if (rows.length === 0) return [];
    const today = this.org.today();
    const byId = reviews ?? new Map((await this.ds.getRepository(QuarterlyReview).findBy({ id: In([...new Set(rows.map((t) => t.reviewId))]) })).map((r) => [r.id, r]));
    const names = new Map((await this.org.peopleByIds([...new Set(rows.flatMap((t) => [t.ownerId, ...(t.doneById ? [t.doneById] : [])]))])).map((p) => [p.id, p.name]));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const previews = new Map<string, EvidenceFileDto>((await this.files.previews(rows.flatMap((t) => t.fileIds))).map((f) => [f.id, f]));
    return rows.map((t) => {
      const r = byId.get(t.reviewId);
      return {
        id: t.id,
        reviewId: t.reviewId,
        year: r?.year ?? 0,
        quarter: r?.quarter ?? 0,
        sectionId: t.sectionId,
        sectionName: sections.get(t.sectionId) ?? t.sectionId,
        title: t.title,
        ownerId: t.ownerId,
        ownerName: names.get(t.ownerId) ?? t.ownerId,
        deadline: t.deadline,
        status: t.status,
        overdue: t.status === 'open' ? today > t.deadline : !!t.doneOn && t.doneOn > t.deadline,
        doneOn: t.doneOn,
        followUp: t.followUp,
        doneByName: t.doneById ? (names.get(t.doneById) ?? t.doneById) : null,
        files: t.fileIds.flatMap((id) => (previews.has(id) ? [previews.get(id)!] : [])),
      };
    });
  }

  async list(user: PersonPrincipal, year: number): Promise<QuarterlyReviewDto[]> {
    const reviews = await this.ds.getRepository(QuarterlyReview).find({ where: { year }, order: { quarter: 'DESC' } });
    if (reviews.length === 0) return [];
    const ids = reviews.map((r) => r.id);
    const findings = await this.ds.getRepository(QuarterlySection).find({ where: { reviewId: In(ids) } });
    const tasks = (await this.ds.getRepository(RectificationTask).find({ where: { reviewId: In(ids) }, order: { deadline: 'ASC', createdAt: 'ASC' } })).filter((t) =>
      this.seesTask(user, t),
    );
    const sections = await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC' } });
    const order = new Map(sections.map((s, i) => [s.id, i]));
    const names = new Map(sections.map((s) => [s.id, s.name]));
    const seesFinding = (sectionId: string) => this.bureau(user) || (user.role === 'chief' && user.sectionId === sectionId);
    const byId = new Map(reviews.map((r) => [r.id, r]));
    const taskDtos = await this.taskDtos(tasks, byId);
    const recorders = new Map((await this.org.peopleByIds([...new Set(reviews.map((r) => r.recordedById))])).map((p) => [p.id, p.name]));
    return reviews.map((r) => ({
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      date: r.date,
      summary: r.summary,
      recordedByName: recorders.get(r.recordedById) ?? r.recordedById,
      sections: findings
        .filter((f) => f.reviewId === r.id && seesFinding(f.sectionId))
        .sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0))
        .map((f) => ({ sectionId: f.sectionId, sectionName: names.get(f.sectionId) ?? f.sectionId, problems: f.problems, score: f.score })),
      tasks: taskDtos.filter((t) => t.reviewId === r.id),
    }));
  }

  private async get(id: string, em: EntityManager = this.ds.manager): Promise<QuarterlyReview> {
    const r = /^[0-9a-f-]{36}$/.test(id) ? await em.getRepository(QuarterlyReview).findOneBy({ id }) : null;
    if (!r) throw DomainError.notFound('季度监察考评会', 'id');
    return r;
  }

  /** Validates a task (section of the 机关, owner in that section today, deadline not before the meeting). */
  private async checkTask(em: EntityManager, review: { date: string }, t: TaskInput, field: string): Promise<void> {
    await assertJiguanSection(em, t.sectionId, `${field}.sectionId`);
    const m = await this.org.membershipOn(t.ownerId, this.org.today(), em);
    if (!m || m.sectionId !== t.sectionId) throw DomainError.invalid(`${field}.ownerId`, `${field}.ownerId 责任人“${t.ownerId}”不是该处室的在岗人员`);
    if (t.deadline < review.date) throw DomainError.invalid(`${field}.deadline`, `${field}.deadline 整改时限不能早于会议日期 ${review.date}`);
  }

  private async insertTasks(em: EntityManager, user: PersonPrincipal, review: QuarterlyReview, tasks: TaskInput[]): Promise<RectificationTask[]> {
    const repo = em.getRepository(RectificationTask);
    const rows: RectificationTask[] = [];
    for (const t of tasks) {
      const row = repo.create({ reviewId: review.id, sectionId: t.sectionId, title: t.title, ownerId: t.ownerId, deadline: t.deadline, status: 'open', doneOn: null, followUp: null, fileIds: [], doneById: null, createdById: user.id });
      await repo.insert(row);
      rows.push(row);
    }
    await this.notices.notify(
      em,
      rows.map((t) => ({
        personId: t.ownerId,
        kind: 'rectification_task',
        title: '整改任务',
        body: `${review.year} 年第 ${review.quarter} 季度监察考评会交办：${t.title}（${t.deadline} 前完成）`,
        link: TASKS_PAGE,
      })),
    );
    return rows;
  }

  async create(
    user: PersonPrincipal,
    dto: { year: number; quarter: number; date: string; summary: string; sections: { sectionId: string; problems: string; score: number }[]; tasks?: TaskInput[] },
  ): Promise<QuarterlyReviewDto> {
    const today = this.org.today();
    const range = quarterRange(dto.year, dto.quarter);
    if (range.from > today) throw DomainError.invalid('quarter', `quarter ${dto.year} 年第 ${dto.quarter} 季度尚未开始`);
    if (dto.date > today) throw DomainError.invalid('date', 'date 会议日期不能晚于今天');
    if (dto.date < range.from) throw DomainError.invalid('date', `date 会议日期不能早于该季度（${range.from}）`);
    const ids = dto.sections.map((s) => s.sectionId);
    if (new Set(ids).size !== ids.length) throw DomainError.invalid('sections', 'sections 同一处室只能有一条考评记录');
    try {
      await this.ds.transaction(async (em) => {
        if (await em.getRepository(QuarterlyReview).existsBy({ year: dto.year, quarter: dto.quarter })) {
          throw new DomainError('CONFLICT', `${dto.year} 年第 ${dto.quarter} 季度监察考评会已登记，请在原记录上补充`, 'quarter');
        }
        for (const [i, s] of dto.sections.entries()) await assertJiguanSection(em, s.sectionId, `sections.${i}.sectionId`);
        for (const [i, t] of (dto.tasks ?? []).entries()) await this.checkTask(em, dto, t, `tasks.${i}`);
        const review = em.getRepository(QuarterlyReview).create({ year: dto.year, quarter: dto.quarter, date: dto.date, summary: dto.summary, recordedById: user.id });
        await em.getRepository(QuarterlyReview).insert(review);
        const findings = em.getRepository(QuarterlySection);
        for (const s of dto.sections) await findings.insert(findings.create({ reviewId: review.id, sectionId: s.sectionId, problems: s.problems, score: s.score }));
        await this.insertTasks(em, user, review, dto.tasks ?? []);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', `${dto.year} 年第 ${dto.quarter} 季度监察考评会已登记，请在原记录上补充`, 'quarter');
      throw err;
    }
    return (await this.list(user, dto.year)).find((r) => r.quarter === dto.quarter)!;
  }

  /** Adds or corrects one section's problems and score. */
  async saveSection(user: PersonPrincipal, id: string, dto: { sectionId: string; problems: string; score: number }): Promise<QuarterlyReviewDto> {
    const review = await this.ds.transaction(async (em) => {
      const review = await this.get(id, em);
      await assertJiguanSection(em, dto.sectionId, 'sectionId');
      const repo = em.getRepository(QuarterlySection);
      const existing = await repo.findOneBy({ reviewId: review.id, sectionId: dto.sectionId });
      if (existing) await repo.save(Object.assign(existing, { problems: dto.problems, score: dto.score }));
      else await repo.insert(repo.create({ reviewId: review.id, sectionId: dto.sectionId, problems: dto.problems, score: dto.score }));
      return review;
    });
    return (await this.list(user, review.year)).find((r) => r.id === review.id)!;
  }

  async addTask(user: PersonPrincipal, id: string, dto: TaskInput): Promise<RectificationTaskDto> {
    const row = await this.ds.transaction(async (em) => {
      const review = await this.get(id, em);
      await this.checkTask(em, review, dto, 'task');
      return (await this.insertTasks(em, user, review, [dto]))[0]!;
    });
    return (await this.taskDtos([row]))[0]!;
  }

  /** Tasks visible to `user` (staff: their own; chiefs: their section's and their own; office and leaders: all). */
  async tasks(user: PersonPrincipal, q: { year?: number; status?: TaskStatus }): Promise<RectificationTaskDto[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.year) {
      const ids = (await this.ds.getRepository(QuarterlyReview).find({ where: { year: q.year }, select: { id: true } })).map((r) => r.id);
      if (ids.length === 0) return [];
      where.reviewId = In(ids);
    }
    let wheres: Record<string, unknown>[] = [where];
    if (!this.bureau(user)) {
      wheres = [{ ...where, ownerId: user.id }];
      if (user.role === 'chief' && user.sectionId) wheres.push({ ...where, sectionId: user.sectionId });
    }
    const rows = await this.ds.getRepository(RectificationTask).find({ where: wheres, order: { status: 'DESC', deadline: 'ASC', createdAt: 'ASC' }, take: 500 });
    return this.taskDtos(rows);
  }

  /** Marks a task done with the follow-up and evidence: its owner, the section's chief or deputy, or the office. */
  async complete(user: PersonPrincipal, id: string, dto: { followUp: string; fileIds?: string[]; doneOn?: string }): Promise<RectificationTaskDto> {
    const today = this.org.today();
    const doneOn = dto.doneOn ?? today;
    const row = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(RectificationTask);
      const t = /^[0-9a-f-]{36}$/.test(id) ? await repo.findOneBy({ id }) : null;
      if (!t) throw DomainError.notFound('整改任务', 'id');
      if (!this.seesTask(user, t)) throw DomainError.forbidden('无权查看其他处室的整改任务');
      const may = t.ownerId === user.id || user.role === 'office' || (user.role === 'chief' && user.sectionId === t.sectionId);
      if (!may) throw DomainError.forbidden('只有责任人、处室负责人或考评办可以办结整改任务');
      if (t.status === 'done') throw new DomainError('CONFLICT', `该整改任务已于 ${t.doneOn} 完成`, 'id');
      const review = await this.get(t.reviewId, em);
      if (doneOn > today) throw DomainError.invalid('doneOn', 'doneOn 完成日期不能晚于今天');
      if (doneOn < review.date) throw DomainError.invalid('doneOn', `doneOn 完成日期不能早于会议日期 ${review.date}`);
      const fileIds = [...new Set(dto.fileIds ?? [])];
      await this.files.claim(fileIds, user, TASK_FILE_PURPOSE, em, 'fileIds');
      Object.assign(t, { status: 'done', doneOn, followUp: dto.followUp, fileIds, doneById: user.id });
      return repo.save(t);
    });
    return (await this.taskDtos([row]))[0]!;
  }
}

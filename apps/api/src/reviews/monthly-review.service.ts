import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeaderCommentDto, MonthlyMeetingDto, MonthlyReviewDto, ReviewLevel } from '@kaoping/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { round2 } from './extras-facts.js';
import { LeaderComment, MonthlyMeeting } from './review.entities.js';
import { assertJiguanSection, jiguanSections, levelOrScore, monthOf } from './review-helpers.js';

/**
 * 月度总结会 and 局领导点评 (seed 000 五.(十)): the office records the month's meeting; each leader comments on each 机关
 * section's work with a level or a score. One comment per leader × section × month: saving again replaces it (upsert).
 * The office may record on a leader's behalf (who recorded it is kept), but not over a comment the leader entered.
 */
@Injectable()
export class MonthlyReviewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
  ) {}

  private async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.org.peopleByIds([...new Set(ids)])).map((p) => [p.id, p.name]));
  }

  private meetingDto(m: MonthlyMeeting, names: Map<string, string>): MonthlyMeetingDto {
    return { id: m.id, month: m.month, date: m.date, attendees: m.attendees, summary: m.summary, recordedByName: names.get(m.recordedById) ?? m.recordedById };
  }

  private async commentDtos(rows: LeaderComment[]): Promise<LeaderCommentDto[]> {
    const names = await this.names(rows.flatMap((c) => [c.leaderId, c.recordedById]));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    return rows.map((c) => ({
      id: c.id,
      month: c.month,
      sectionId: c.sectionId,
      sectionName: sections.get(c.sectionId) ?? c.sectionId,
      leaderId: c.leaderId,
      leaderName: names.get(c.leaderId) ?? c.leaderId,
      level: c.level,
      score: c.score,
      comment: c.comment,
      recordedById: c.recordedById,
      recordedByName: names.get(c.recordedById) ?? c.recordedById,
      onBehalf: c.recordedById !== c.leaderId,
      updatedAt: new Date(c.updatedAt).toISOString(),
    }));
  }

  /** A month's meeting, comments and per-section means. Chiefs: their own section only. */
  async month(user: PersonPrincipal, month?: string): Promise<MonthlyReviewDto> {
    const m = month ?? monthOf(this.org.today());
    const own = user.role === 'chief' ? user.sectionId : null;
    if (user.role === 'chief' && !own) return { month: m, meeting: null, comments: [], sections: [] };
    const meeting = await this.ds.getRepository(MonthlyMeeting).findOneBy({ month: m });
    const rows = await this.ds.getRepository(LeaderComment).find({ where: own ? { month: m, sectionId: own } : { month: m }, order: { sectionId: 'ASC', updatedAt: 'ASC' } });
    const sections = (await jiguanSections(this.ds.manager)).filter((s) => !own || s.id === own);
    const comments = await this.commentDtos(rows);
    const names = meeting ? await this.names([meeting.recordedById]) : new Map<string, string>();
    return {
      month: m,
      meeting: meeting ? this.meetingDto(meeting, names) : null,
      comments,
      sections: sections.map((s) => {
        const scores = rows.filter((c) => c.sectionId === s.id).map((c) => c.score);
        return { sectionId: s.id, sectionName: s.name, mean: scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null, comments: scores.length };
      }),
    };
  }

  private assertNotFuture(month: string): void {
    if (month > monthOf(this.org.today())) throw DomainError.invalid('month', 'month 不能是未来的月份');
  }

  /** Records (or corrects) the month's 月度总结会. */
  async saveMeeting(user: PersonPrincipal, dto: { month: string; date: string; attendees: string; summary: string }): Promise<MonthlyMeetingDto> {
    this.assertNotFuture(dto.month);
    const today = this.org.today();
    if (dto.date > today) throw DomainError.invalid('date', 'date 会议日期不能晚于今天');
    if (dto.date < `${dto.month}-01`) throw DomainError.invalid('date', `date 会议日期不能早于 ${dto.month} 月`);
    const saved = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(MonthlyMeeting);
      const existing = await repo.findOneBy({ month: dto.month });
      if (existing) {
        Object.assign(existing, { date: dto.date, attendees: dto.attendees, summary: dto.summary, recordedById: user.id });
        return repo.save(existing);
      }
      const row = repo.create({ month: dto.month, date: dto.date, attendees: dto.attendees, summary: dto.summary, recordedById: user.id });
      await repo.insert(row);
      return row;
    });
    return this.meetingDto(saved, await this.names([saved.recordedById]));
  }

  private async resolveLeader(em: EntityManager, user: PersonPrincipal, leaderId: string | undefined): Promise<string> {
    if (user.role === 'leader') {
      if (leaderId !== undefined && leaderId !== user.id) throw DomainError.forbidden('局领导只能填写本人的点评');
      return user.id;
    }
    if (!leaderId) throw DomainError.invalid('leaderId', 'leaderId 考评办代录时请选择点评的局领导');
    const leader = await em.getRepository(Person).findOneBy({ id: leaderId });
    if (!leader || !leader.active || leader.accessRole !== 'leader') throw DomainError.invalid('leaderId', `leaderId “${leaderId}”不是局领导`);
    return leader.id;
  }

  /** A leader's comment on a section for a month: created, or replaced when it exists (idempotent). */
  async saveComment(
    user: PersonPrincipal,
    dto: { month: string; sectionId: string; level?: ReviewLevel; score?: number; comment: string; leaderId?: string },
  ): Promise<LeaderCommentDto> {
    this.assertNotFuture(dto.month);
    const value = levelOrScore(dto);
    const write = () =>
      this.ds.transaction(async (em) => {
        const leaderId = await this.resolveLeader(em, user, dto.leaderId);
        await assertJiguanSection(em, dto.sectionId, 'sectionId');
        const repo = em.getRepository(LeaderComment);
        const existing = await repo.findOneBy({ month: dto.month, sectionId: dto.sectionId, leaderId });
        const now = this.clock.now();
        if (existing) {
          if (user.role === 'office' && existing.recordedById === existing.leaderId) {
            throw new DomainError('CONFLICT', '该局领导已亲自填写本月对该处室的点评，考评办不能代为修改', 'leaderId');
          }
          Object.assign(existing, { level: value.level, score: value.score, comment: dto.comment, recordedById: user.id, updatedAt: now });
          return repo.save(existing);
        }
        const row = repo.create({ month: dto.month, sectionId: dto.sectionId, leaderId, level: value.level, score: value.score, comment: dto.comment, recordedById: user.id, updatedAt: now });
        await repo.insert(row);
        return row;
      });
    let saved: LeaderComment;
    try {
      saved = await write();
    } catch (err) {
      // two saves of the same comment at once: the unique index decided, the second becomes an update
      if (!isDuplicateKey(err)) throw err;
      saved = await write();
    }
    return (await this.commentDtos([saved]))[0]!;
  }
}

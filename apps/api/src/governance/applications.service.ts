import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVITY_KIND_LABELS, type ActivityApplicationDto, type ApplicationStatus, type OverlapsDto } from '@kaoping/contracts';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import type { ApplyActivityDto, MergeApplicationsDto, ReviewDto } from './dto/governance.dto.js';
import { ActivityApplication } from './governance.entities.js';
import { actsForSection, isBureau, iso, lockOne, lockOrNull } from './governance-common.js';
import { OVERLAP_WINDOW_DAYS, overlapGroups } from './overlaps.js';

export const APPLICATIONS_PAGE = '/subpackages/officer/pages/gov-applications/index';
export const APPROVALS_PAGE = '/subpackages/admin/pages/gov-approvals/index';

/**
 * 会议、检查、评比报批 (seed 000 五.(八)): a section reports a meeting, inspection or appraisal aimed at subordinate
 * units to the office beforehand; the office approves, refuses with a reason, or merges overlapping ones into one.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly notices: NoticesService,
  ) {}

  async toDtos(rows: ActivityApplication[]): Promise<ActivityApplicationDto[]> {
    const linked = [...new Set(rows.flatMap((r) => [...r.mergedFromIds, ...(r.mergedIntoId ? [r.mergedIntoId] : [])]))];
    const others = new Map((linked.length ? await this.ds.getRepository(ActivityApplication).findBy({ id: In(linked) }) : []).map((a) => [a.id, a]));
    const people = new Map((await this.org.peopleByIds([...new Set(rows.flatMap((r) => [r.appliedBy, r.decidedBy ?? r.appliedBy]))])).map((p) => [p.id, p.name]));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    return rows.map((a) => ({
      id: a.id,
      sectionId: a.sectionId,
      sectionName: sections.get(a.sectionId) ?? a.sectionId,
      kind: a.kind,
      kindLabel: ACTIVITY_KIND_LABELS[a.kind],
      title: a.title,
      targetUnits: a.targetUnits,
      plannedDate: a.plannedDate,
      endDate: a.endDate,
      reason: a.reason,
      expectedAttendees: a.expectedAttendees,
      status: a.status,
      appliedByName: people.get(a.appliedBy) ?? a.appliedBy,
      appliedAt: iso(a.appliedAt)!,
      decidedByName: a.decidedBy ? (people.get(a.decidedBy) ?? a.decidedBy) : null,
      decidedAt: iso(a.decidedAt),
      decisionNote: a.decisionNote,
      mergedIntoId: a.mergedIntoId,
      mergedIntoTitle: a.mergedIntoId ? (others.get(a.mergedIntoId)?.title ?? null) : null,
      mergedFrom: a.mergedFromIds.map((id) => {
        const o = others.get(id);
        return { id, title: o?.title ?? id, sectionName: o ? (sections.get(o.sectionId) ?? o.sectionId) : '' };
      }),
    }));
  }

  async list(user: PersonPrincipal, q: { status?: ApplicationStatus; sectionId?: string }): Promise<ActivityApplicationDto[]> {
    const where: FindOptionsWhere<ActivityApplication> = {};
    if (q.status) where.status = q.status;
    if (isBureau(user)) {
      if (q.sectionId) where.sectionId = q.sectionId;
    } else {
      if (!user.sectionId) return [];
      if (q.sectionId && q.sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的报批');
      where.sectionId = user.sectionId;
    }
    const rows = await this.ds.getRepository(ActivityApplication).find({ where, order: { plannedDate: 'DESC', appliedAt: 'DESC' }, take: 300 });
    return this.toDtos(rows);
  }

  async get(user: PersonPrincipal, id: string): Promise<ActivityApplicationDto> {
    const a = await this.ds.getRepository(ActivityApplication).findOneBy({ id });
    if (!a) throw DomainError.notFound('报批申请', 'id');
    if (!isBureau(user) && a.sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的报批');
    return (await this.toDtos([a]))[0]!;
  }

  async apply(user: PersonPrincipal, dto: ApplyActivityDto): Promise<ActivityApplicationDto> {
    const sectionId = user.sectionId;
    if (!sectionId || !actsForSection(user, sectionId)) throw DomainError.forbidden('只有处室负责人可以为本处室报批');
    const today = this.org.today();
    if (dto.plannedDate <= today) throw DomainError.invalid('plannedDate', '会议、检查、评比须提前报批：计划日期应晚于今天');
    const endDate = dto.endDate ?? dto.plannedDate;
    if (endDate < dto.plannedDate) throw DomainError.invalid('endDate', '结束日期不能早于计划日期');
    const units = [...new Set(dto.targetUnits)];
    const a = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(ActivityApplication);
      const a = repo.create({
        sectionId,
        kind: dto.kind,
        title: dto.title,
        targetUnits: units,
        plannedDate: dto.plannedDate,
        endDate,
        reason: dto.reason,
        expectedAttendees: dto.expectedAttendees,
        status: 'pending',
        appliedBy: user.id,
        appliedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        mergedIntoId: null,
        mergedFromIds: [],
      });
      await repo.insert(a);
      await this.notices.notifyOffice(em, {
        kind: 'governance',
        title: `${ACTIVITY_KIND_LABELS[dto.kind]}报批待审批`,
        body: `${user.sectionName ?? ''}：${dto.title}（${dto.plannedDate}，对象：${units.join('、')}）`,
        link: APPROVALS_PAGE,
      });
      return a;
    });
    return (await this.toDtos([a]))[0]!;
  }

  async decide(user: PersonPrincipal, id: string, dto: ReviewDto): Promise<ActivityApplicationDto> {
    if (dto.decision === 'rejected' && !dto.note) throw DomainError.invalid('note', '不予批准时请写明原因');
    const a = await this.ds.transaction(async (em) => {
      const a = await lockOne(this.ds, em, ActivityApplication, id, '报批申请');
      if (a.status !== 'pending') throw new DomainError('CONFLICT', '该申请已处理，不能重复审批', 'id');
      a.status = dto.decision;
      a.decidedBy = user.id;
      a.decidedAt = this.clock.now();
      a.decisionNote = dto.note || null;
      await em.getRepository(ActivityApplication).save(a);
      await this.notices.notify(em, [
        {
          personId: a.appliedBy,
          kind: 'governance',
          title: dto.decision === 'approved' ? '报批已批准' : '报批未获批准',
          body: dto.decision === 'approved' ? `${a.title}（${a.plannedDate}）已批准${dto.note ? `：${dto.note}` : ''}` : `${a.title}（${a.plannedDate}）未获批准：${dto.note}`,
          link: APPLICATIONS_PAGE,
        },
      ]);
      return a;
    });
    return (await this.toDtos([a]))[0]!;
  }

  async withdraw(user: PersonPrincipal, id: string): Promise<ActivityApplicationDto> {
    const a = await this.ds.transaction(async (em) => {
      const a = await lockOne(this.ds, em, ActivityApplication, id, '报批申请');
      if (!actsForSection(user, a.sectionId)) throw DomainError.forbidden('只能撤回本处室的报批');
      if (a.status !== 'pending') throw new DomainError('CONFLICT', '只有待审批的申请可以撤回', 'id');
      a.status = 'withdrawn';
      await em.getRepository(ActivityApplication).save(a);
      return a;
    });
    return (await this.toDtos([a]))[0]!;
  }

  /** Pending applications that could be merged: same period (within the window) and a shared target unit. */
  async overlaps(): Promise<OverlapsDto> {
    const pending = await this.ds.getRepository(ActivityApplication).find({ where: { status: 'pending' }, order: { plannedDate: 'ASC' } });
    const groups = overlapGroups(pending);
    const dtos = new Map((await this.toDtos(pending)).map((d) => [d.id, d]));
    return {
      windowDays: OVERLAP_WINDOW_DAYS,
      groups: groups.map((g) => ({ ...g, applications: g.ids.map((id) => dtos.get(id)!) })),
    };
  }

  /**
   * Merges pending applications into one: the primary is approved as the combined activity (its target units become
   * the union, its dates may be moved), the others are marked merged into it. Every applicant is told.
   */
  async merge(user: PersonPrincipal, dto: MergeApplicationsDto): Promise<ActivityApplicationDto> {
    const mergedIds = [...new Set(dto.mergedIds)];
    if (mergedIds.includes(dto.primaryId)) throw DomainError.invalid('mergedIds', '并入的申请不能包含保留的申请本身');
    const primary = await this.ds.transaction(async (em) => {
      const primary = await lockOrNull(this.ds, em, ActivityApplication, dto.primaryId);
      if (!primary) throw DomainError.invalid('primaryId', '保留的报批申请不存在');
      if (primary.status !== 'pending') throw new DomainError('CONFLICT', `“${primary.title}”已处理，只能合并待审批的申请`, 'primaryId');
      const others: ActivityApplication[] = [];
      for (const id of mergedIds) {
        const o = await lockOrNull(this.ds, em, ActivityApplication, id);
        if (!o) throw DomainError.invalid('mergedIds', `报批申请 ${id} 不存在`);
        if (o.status !== 'pending') throw new DomainError('CONFLICT', `“${o.title}”已处理，只能合并待审批的申请`, 'mergedIds');
        others.push(o);
      }
      const plannedDate = dto.plannedDate ?? primary.plannedDate;
      const endDate = dto.endDate ?? (dto.plannedDate ? (primary.endDate > plannedDate ? primary.endDate : plannedDate) : primary.endDate);
      if (plannedDate <= this.org.today()) throw DomainError.invalid('plannedDate', '合并后的计划日期应晚于今天');
      if (endDate < plannedDate) throw DomainError.invalid('endDate', '结束日期不能早于计划日期');
      const now = this.clock.now();
      const repo = em.getRepository(ActivityApplication);
      primary.targetUnits = [...new Set([primary.targetUnits, ...others.map((o) => o.targetUnits)].flat())];
      primary.plannedDate = plannedDate;
      primary.endDate = endDate;
      primary.status = 'approved';
      primary.decidedBy = user.id;
      primary.decidedAt = now;
      primary.decisionNote = `合并审批：${dto.note}`;
      primary.mergedFromIds = [...primary.mergedFromIds, ...others.map((o) => o.id)];
      await repo.save(primary);
      const sections = new Map((await em.getRepository(Section).find()).map((s) => [s.id, s.name]));
      const host = sections.get(primary.sectionId) ?? primary.sectionId;
      for (const o of others) {
        o.status = 'merged';
        o.mergedIntoId = primary.id;
        o.decidedBy = user.id;
        o.decidedAt = now;
        o.decisionNote = dto.note;
        await repo.save(o);
      }
      await this.notices.notify(em, [
        {
          personId: primary.appliedBy,
          kind: 'governance',
          title: '报批已批准（合并）',
          body: `${primary.title}已批准，并入了${others.map((o) => `${sections.get(o.sectionId) ?? ''}“${o.title}”`).join('、')}，${plannedDate} 统一组织：${dto.note}`,
          link: APPLICATIONS_PAGE,
        },
        ...others.map((o) => ({
          personId: o.appliedBy,
          kind: 'governance',
          title: '报批已合并',
          body: `${o.title}已并入${host}“${primary.title}”，${plannedDate} 统一组织，请与${host}衔接：${dto.note}`,
          link: APPLICATIONS_PAGE,
        })),
      ]);
      return primary;
    });
    return (await this.toDtos([primary]))[0]!;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COORDINATION_STATUS_LABELS, type BreakStatus, type CoordinationBox, type CoordinationDto } from '@kaoping/contracts';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { IncidentsService } from '../records/incidents.service.js';
import type { ConfirmBreakDto, HandOverDto } from './dto/governance.dto.js';
import { CoordinationRecord } from './governance.entities.js';
import { actsForSection, isBureau, iso, lockOne } from './governance-common.js';

export const COORDINATION_PAGE = '/subpackages/officer/pages/gov-coordination-detail/index';

/** The rule a confirmed break is recorded under (seed 000 六.(四).2 “处（室）间业务工作沟通衔接出现脱节、断档的”). */
export const BREAK_RULE = 'JI-2';
export const BREAK_SUB_ITEM = '处室衔接脱节断档';

/**
 * 处室衔接 (seed 000 五.(六)): a section hands a matter to another with a deadline; the receiver acknowledges (naming
 * its 经办人) and completes it. A record not completed by its deadline (bureau time zone), or completed late, is
 * flagged for the office — nothing is deducted automatically. When the office confirms a break it records a JI-2
 * incident against the responsible person, which then goes through the normal verification and appeal path.
 */
@Injectable()
export class CoordinationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly notices: NoticesService,
    private readonly incidents: IncidentsService,
  ) {}

  /** Overdue: not completed and the deadline has passed; late: completed after it. Judged on the bureau's calendar. */
  private flags(r: CoordinationRecord, today: string): { overdue: boolean; late: boolean; breakStatus: BreakStatus | null } {
    const overdue = r.status !== 'completed' && today > r.deadline;
    const late = r.status === 'completed' && !!r.completedOn && r.completedOn > r.deadline;
    return { overdue, late, breakStatus: r.breakStatus ?? (overdue || late ? 'awaiting' : null) };
  }

  private async toDtos(user: PersonPrincipal, rows: CoordinationRecord[], em: EntityManager = this.ds.manager): Promise<CoordinationDto[]> {
    const today = this.org.today();
    const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.handlerId, r.responsiblePersonId]).filter((x): x is string => !!x))];
    const people = new Map((await this.org.peopleByIds(ids)).map((p) => [p.id, p.name]));
    const sections = new Map((await em.getRepository(Section).find()).map((s) => [s.id, s.name]));
    return rows.map((r) => {
      const f = this.flags(r, today);
      return {
        id: r.id,
        fromSectionId: r.fromSectionId,
        fromSectionName: sections.get(r.fromSectionId) ?? r.fromSectionId,
        toSectionId: r.toSectionId,
        toSectionName: sections.get(r.toSectionId) ?? r.toSectionId,
        matter: r.matter,
        detail: r.detail,
        deadline: r.deadline,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        status: r.status,
        createdByName: people.get(r.createdBy) ?? r.createdBy,
        createdAt: iso(r.createdAt ?? this.clock.now())!,
        handlerId: r.handlerId,
        handlerName: r.handlerId ? (people.get(r.handlerId) ?? r.handlerId) : null,
        acknowledgedAt: iso(r.acknowledgedAt),
        completedOn: r.completedOn,
        result: r.result,
        overdue: f.overdue,
        late: f.late,
        breakStatus: f.breakStatus,
        breakNote: r.breakNote,
        responsiblePersonId: r.responsiblePersonId,
        responsiblePersonName: r.responsiblePersonId ? (people.get(r.responsiblePersonId) ?? r.responsiblePersonId) : null,
        incidentId: r.incidentId,
        canAcknowledge: r.status === 'sent' && actsForSection(user, r.toSectionId),
        canComplete: r.status !== 'completed' && (r.handlerId === user.id || actsForSection(user, r.toSectionId)),
        canReview: user.role === 'office' && r.breakStatus === null,
      };
    });
  }

  private canRead(user: PersonPrincipal, r: CoordinationRecord): boolean {
    if (isBureau(user)) return true;
    if (user.role === 'chief' && user.sectionId && (r.fromSectionId === user.sectionId || r.toSectionId === user.sectionId)) return true;
    return r.createdBy === user.id || r.handlerId === user.id;
  }

  async list(user: PersonPrincipal, q: { box?: CoordinationBox; review?: BreakStatus }): Promise<CoordinationDto[]> {
    const box = q.box ?? 'all';
    const qb = this.ds.getRepository(CoordinationRecord).createQueryBuilder('c');
    const sectionId = user.sectionId ?? '__none__';
    const chiefLike = user.role === 'chief' || user.role === 'office';
    if (box === 'inbox') {
      qb.where(chiefLike ? 'c.toSectionId = :sectionId' : 'c.handlerId = :me', { sectionId, me: user.id });
    } else if (box === 'outbox') {
      qb.where(chiefLike ? 'c.fromSectionId = :sectionId' : 'c.createdBy = :me', { sectionId, me: user.id });
    } else if (!isBureau(user)) {
      qb.where(
        new Brackets((w) => {
          if (user.role === 'chief') w.where('c.fromSectionId = :sectionId', { sectionId }).orWhere('c.toSectionId = :sectionId', { sectionId });
          else w.where('c.createdBy = :me', { me: user.id }).orWhere('c.handlerId = :me', { me: user.id });
        }),
      );
    }
    if (q.review === 'confirmed' || q.review === 'cleared') qb.andWhere('c.breakStatus = :b', { b: q.review });
    if (q.review === 'awaiting') qb.andWhere('c.breakStatus IS NULL').andWhere('c.deadline < :today', { today: this.org.today() });
    const rows = await qb.orderBy('c.deadline', 'DESC').addOrderBy('c.createdAt', 'DESC').take(300).getMany();
    const dtos = await this.toDtos(
      user,
      rows.filter((r) => this.canRead(user, r)),
    );
    return q.review ? dtos.filter((d) => d.breakStatus === q.review) : dtos;
  }

  async get(user: PersonPrincipal, id: string): Promise<CoordinationDto> {
    const r = await this.ds.getRepository(CoordinationRecord).findOneBy({ id });
    if (!r) throw DomainError.notFound('衔接记录', 'id');
    if (!this.canRead(user, r)) throw DomainError.forbidden('只能查看本处室发出或收到的衔接事项');
    return (await this.toDtos(user, [r]))[0]!;
  }

  /** Sections that take part in the jiguan appraisal (机关各处室): coordination and JI-2 are about them. */
  private async jiguanSection(em: EntityManager, id: string, field: string): Promise<Section> {
    const s = await em.getRepository(Section).findOneBy({ id });
    if (!s) throw DomainError.invalid(field, '处室不存在');
    if (!s.category) throw DomainError.invalid(field, `${s.name}不是机关处（室），处室衔接记录用于机关各处（室）之间`);
    return s;
  }

  private async chiefsOf(sectionId: string): Promise<string[]> {
    const m = await this.org.membersOn(sectionId, this.org.today());
    return [m.chief, ...m.deputies].filter((p): p is NonNullable<typeof p> => !!p).map((p) => p.id);
  }

  async handOver(user: PersonPrincipal, dto: HandOverDto): Promise<CoordinationDto> {
    const fromSectionId = user.sectionId;
    if (!fromSectionId || !actsForSection(user, fromSectionId)) throw DomainError.forbidden('只有处室负责人可以代表本处室发起衔接');
    if (dto.toSectionId === fromSectionId) throw DomainError.invalid('toSectionId', '接收处室不能是本处室');
    if (dto.deadline < this.org.today()) throw DomainError.invalid('deadline', '办结时限不能早于今天');
    const r = await this.ds.transaction(async (em) => {
      const from = await this.jiguanSection(em, fromSectionId, 'toSectionId');
      const to = await this.jiguanSection(em, dto.toSectionId, 'toSectionId');
      const repo = em.getRepository(CoordinationRecord);
      const r = repo.create({
        fromSectionId: from.id,
        toSectionId: to.id,
        matter: dto.matter,
        detail: dto.detail,
        deadline: dto.deadline,
        contactName: dto.contactName,
        contactPhone: dto.contactPhone.trim(),
        status: 'sent',
        createdBy: user.id,
        handlerId: null,
        acknowledgedBy: null,
        acknowledgedAt: null,
        acknowledgedOn: null,
        completedAt: null,
        completedOn: null,
        result: null,
        breakStatus: null,
        breakNote: null,
        breakDecidedBy: null,
        breakDecidedAt: null,
        responsiblePersonId: null,
        incidentId: null,
      });
      await repo.insert(r);
      const chiefs = await this.chiefsOf(to.id);
      await this.notices.notify(
        em,
        chiefs.map((personId) => ({
          personId,
          kind: 'coordination',
          title: '收到处室衔接事项',
          body: `${from.name}：${dto.matter}，请在 ${dto.deadline} 前办结（联系人 ${dto.contactName} ${dto.contactPhone}）`,
          link: `${COORDINATION_PAGE}?id=${r.id}`,
        })),
      );
      return r;
    });
    return (await this.toDtos(user, [r]))[0]!;
  }

  async acknowledge(user: PersonPrincipal, id: string, handlerId?: string): Promise<CoordinationDto> {
    const r = await this.ds.transaction(async (em) => {
      const r = await lockOne(this.ds, em, CoordinationRecord, id, '衔接记录');
      if (!actsForSection(user, r.toSectionId)) throw DomainError.forbidden('只有接收处室的负责人可以签收');
      if (r.status !== 'sent') throw new DomainError('CONFLICT', `该事项${COORDINATION_STATUS_LABELS[r.status]}，不能重复签收`, 'id');
      const today = this.org.today();
      const handler = handlerId ?? user.id;
      const m = await this.org.membershipOn(handler, today, em);
      if (!m || m.sectionId !== r.toSectionId) throw DomainError.invalid('handlerId', '经办人须为本处室人员');
      r.status = 'acknowledged';
      r.handlerId = handler;
      r.acknowledgedBy = user.id;
      r.acknowledgedAt = this.clock.now();
      r.acknowledgedOn = today;
      await em.getRepository(CoordinationRecord).save(r);
      const link = `${COORDINATION_PAGE}?id=${r.id}`;
      await this.notices.notify(em, [
        { personId: r.createdBy, kind: 'coordination', title: '衔接事项已签收', body: `${r.matter}：已由${user.sectionName ?? ''}签收办理`, link },
        ...(handler !== user.id ? [{ personId: handler, kind: 'coordination', title: '请办理处室衔接事项', body: `${r.matter}，时限 ${r.deadline}`, link }] : []),
      ]);
      return r;
    });
    return (await this.toDtos(user, [r]))[0]!;
  }

  async complete(user: PersonPrincipal, id: string, result: string): Promise<CoordinationDto> {
    const r = await this.ds.transaction(async (em) => {
      const r = await lockOne(this.ds, em, CoordinationRecord, id, '衔接记录');
      const chief = actsForSection(user, r.toSectionId);
      if (!chief && r.handlerId !== user.id) throw DomainError.forbidden('只有经办人或接收处室负责人可以办结');
      if (r.status === 'completed') throw new DomainError('CONFLICT', `该事项已于 ${r.completedOn} 办结`, 'id');
      const now = this.clock.now();
      const today = this.org.today();
      if (r.status === 'sent') {
        // a chief who completes it straight away signs for it as the handler
        r.handlerId = user.id;
        r.acknowledgedBy = user.id;
        r.acknowledgedAt = now;
        r.acknowledgedOn = today;
      }
      r.status = 'completed';
      r.completedAt = now;
      r.completedOn = today;
      r.result = result;
      await em.getRepository(CoordinationRecord).save(r);
      await this.notices.notify(em, [
        { personId: r.createdBy, kind: 'coordination', title: '衔接事项已办结', body: `${r.matter}：${result.slice(0, 60)}`, link: `${COORDINATION_PAGE}?id=${r.id}` },
      ]);
      return r;
    });
    return (await this.toDtos(user, [r]))[0]!;
  }

  /**
   * The office confirms a break: a JI-2 incident (sub-item 处室衔接脱节断档) is recorded, pending verification,
   * against the responsible person — by default the receiving section's 经办人, or, when nobody was named, whoever
   * was the receiving section's chief on the incident date. The incident date is the deadline (or today, when the
   * office confirms a break before it).
   */
  async confirmBreak(user: PersonPrincipal, id: string, dto: ConfirmBreakDto): Promise<CoordinationDto> {
    const r = await this.ds.transaction(async (em) => {
      const r = await lockOne(this.ds, em, CoordinationRecord, id, '衔接记录');
      if (r.breakStatus) throw new DomainError('CONFLICT', r.breakStatus === 'confirmed' ? '该事项已认定为脱节断档' : '该事项已核查为不属脱节', 'id');
      const today = this.org.today();
      const date = r.deadline < today ? r.deadline : today;
      let personId = dto.personId ?? r.handlerId;
      if (!personId) {
        const [chief] = await this.org.holderOn(r.toSectionId, 'chief', date);
        if (!chief) throw DomainError.invalid('personId', `接收处室在 ${date} 没有处长，请指定责任人`);
        personId = chief.id;
      }
      if (dto.personId) {
        const m = await this.org.membershipOn(dto.personId, date, em);
        if (!m || (m.sectionId !== r.toSectionId && m.sectionId !== r.fromSectionId)) {
          throw DomainError.invalid('personId', `责任人须为 ${date} 在发起或接收处室任职的人员`);
        }
      }
      const sections = new Map((await em.getRepository(Section).find()).map((s) => [s.id, s.name]));
      const state = r.status === 'completed' ? `${r.completedOn} 才办结` : r.status === 'sent' ? '逾期未签收' : '逾期未办结';
      const incident = await this.incidents.create(
        user,
        {
          rule: BREAK_RULE,
          personId,
          date,
          description: `${BREAK_SUB_ITEM}：${sections.get(r.fromSectionId)}→${sections.get(r.toSectionId)}“${r.matter}”，时限 ${r.deadline}，${r.status === 'completed' && r.completedOn! <= r.deadline ? '经核查衔接不到位' : state}。${dto.note}（处室衔接记录 ${r.id}）`,
        },
        'manual',
        em,
      );
      r.breakStatus = 'confirmed';
      r.breakNote = dto.note;
      r.breakDecidedBy = user.id;
      r.breakDecidedAt = this.clock.now();
      r.responsiblePersonId = personId;
      r.incidentId = incident.id;
      await em.getRepository(CoordinationRecord).save(r);
      const chiefs = new Set([...(await this.chiefsOf(r.toSectionId)), ...(await this.chiefsOf(r.fromSectionId)), r.createdBy]);
      chiefs.delete(personId);
      await this.notices.notify(
        em,
        [...chiefs].map((pid) => ({
          personId: pid,
          kind: 'coordination',
          title: '处室衔接脱节断档已认定',
          body: `${r.matter}：考评办认定脱节断档，已按 ${BREAK_RULE} 记录考评事件（待核实）。${dto.note}`,
          link: `${COORDINATION_PAGE}?id=${r.id}`,
        })),
      );
      return r;
    });
    return (await this.toDtos(user, [r]))[0]!;
  }

  /** The office finds a flagged record is not a break (e.g. the deadline was extended by agreement). */
  async clearBreak(user: PersonPrincipal, id: string, note: string): Promise<CoordinationDto> {
    const r = await this.ds.transaction(async (em) => {
      const r = await lockOne(this.ds, em, CoordinationRecord, id, '衔接记录');
      if (r.breakStatus) throw new DomainError('CONFLICT', r.breakStatus === 'confirmed' ? '该事项已认定为脱节断档' : '该事项已核查为不属脱节', 'id');
      if (!this.flags(r, this.org.today()).breakStatus) throw new DomainError('CONFLICT', '该事项未逾期，没有需要核查的脱节', 'id');
      r.breakStatus = 'cleared';
      r.breakNote = note;
      r.breakDecidedBy = user.id;
      r.breakDecidedAt = this.clock.now();
      await em.getRepository(CoordinationRecord).save(r);
      return r;
    });
    return (await this.toDtos(user, [r]))[0]!;
  }
}

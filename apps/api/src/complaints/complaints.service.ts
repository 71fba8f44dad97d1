import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintCreated,
  type ComplaintDto,
  type ComplaintHistoryEntry,
  type ComplaintStatus,
  type ComplaintSummary,
  type ComplaintTrack,
} from '@kaoping/contracts';
import { randomInt } from 'node:crypto';
import { Between, DataSource, In, MoreThan, type EntityManager } from 'typeorm';
import type { PersonPrincipal, Principal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { FilesService } from '../files/files.service.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { OrgService } from '../org/org.service.js';
import { complaintCosts } from './complaint-costs.js';
import { isOverdue, makeTrackingCode, normaliseTrackingCode, TRACKING_CODE_PATTERN, transition } from './complaint-workflow.js';
import { Complaint, ComplaintHistory } from './complaint.entity.js';
import type {
  AssignComplaintDto,
  ComplaintListQueryDto,
  ConcludeComplaintDto,
  CreateComplaintDto,
  InvestigateComplaintDto,
  ManualComplaintDto,
  MergeComplaintDto,
} from './dto/complaint.dto.js';

/** UTC bounds wide enough to hold every instant of a bureau-zone month (filtered exactly afterwards). */
export function monthWindow(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1) - 86_400_000), to: new Date(Date.UTC(y, m, 1) + 86_400_000) };
}

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly files: FilesService,
  ) {}

  private today(): string {
    return this.org.today();
  }

  localDay(instant: Date): string {
    return localDate(instant, this.env.BUREAU_TIMEZONE);
  }

  private async newCode(em: EntityManager): Promise<string> {
    for (let i = 0; i < 5; i++) {
      const code = makeTrackingCode(randomInt);
      if (!(await em.getRepository(Complaint).existsBy({ trackingCode: code }))) return code;
    }
    throw new DomainError('INTERNAL', '生成查询码失败，请重试');
  }

  private async checkSection(sectionId: string | undefined | null, field = 'sectionId'): Promise<void> {
    if (!sectionId) return;
    if (!(await this.ds.getRepository(Section).existsBy({ id: sectionId }))) throw DomainError.invalid(field, '处室不存在，请重新选择');
  }

  private async checkPerson(personId: string | undefined | null, field = 'personId'): Promise<void> {
    if (!personId) return;
    if (!(await this.ds.getRepository(Person).existsBy({ id: personId }))) throw DomainError.invalid(field, '人员不存在，请重新选择');
  }

  // ── public intake and tracking ──────────────────────────────────────────────────────────────────

  /** The public form. `citizen` is the anonymous identity when the caller sent its token (needed for photos). */
  async intake(dto: CreateComplaintDto, citizen: Principal | null): Promise<ComplaintCreated> {
    await this.checkSection(dto.sectionId);
    const photos = dto.photoFileIds ?? [];
    if (photos.length > 0 && !citizen) throw DomainError.invalid('photoFileIds', '上传照片前请先进入市民入口');
    if ((dto.latitude === undefined) !== (dto.longitude === undefined)) {
      throw DomainError.invalid(dto.latitude === undefined ? 'latitude' : 'longitude', '经纬度需同时提供');
    }
    const now = this.clock.now();
    if (citizen) {
      const recent = await this.ds.getRepository(Complaint).countBy({ citizenId: citizen.id, createdAt: MoreThan(new Date(now.getTime() - 86_400_000)) });
      if (recent >= this.env.COMPLAINT_DAILY_LIMIT) {
        throw new DomainError('RATE_LIMITED', `同一用户 24 小时内最多提交 ${this.env.COMPLAINT_DAILY_LIMIT} 件投诉，请明天再试或拨打投诉电话`);
      }
    }
    return this.ds.transaction(async (em) => {
      if (citizen && photos.length) {
        const files = await this.files.claim(photos, citizen, 'complaint', em, 'photoFileIds');
        if (files.some((f) => !f.mime.startsWith('image/'))) throw DomainError.invalid('photoFileIds', '只能附照片（JPG、PNG、WebP）');
      }
      const repo = em.getRepository(Complaint);
      const c = repo.create({
        trackingCode: await this.newCode(em),
        source: 'online',
        ticketNo: null,
        category: dto.category,
        status: 'received',
        outcome: null,
        content: dto.content,
        sectionId: dto.sectionId ?? null,
        personId: null,
        officerHint: dto.officerHint || null,
        assignedSectionId: null,
        deadline: null,
        address: dto.address || null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        contactName: dto.contactName || null,
        contactPhone: dto.contactPhone || null,
        citizenId: citizen?.id ?? null,
        photoFileIds: [...new Set(photos)],
        findings: null,
        reply: null,
        mergedIntoId: null,
        receivedAt: now,
        concludedAt: null,
        closedAt: null,
        createdById: null,
      });
      await repo.insert(c);
      await this.record(em, c.id, 'create', null, 'received', null, null, now);
      return { trackingCode: c.trackingCode, status: c.status, submittedAt: now.toISOString() };
    });
  }

  /** Status and the final reply for a tracking code — nothing about who handles it, notes or other items. */
  async track(rawCode: string): Promise<ComplaintTrack> {
    const code = normaliseTrackingCode(rawCode ?? '');
    const c = TRACKING_CODE_PATTERN.test(code) ? await this.ds.getRepository(Complaint).findOneBy({ trackingCode: code }) : null;
    if (!c) throw new DomainError('NOT_FOUND', '查询码不存在，请核对后重新输入', 'code');
    let shown = c;
    // a merged duplicate follows the item it was merged into
    if (c.status === 'merged' && c.mergedIntoId) shown = (await this.ds.getRepository(Complaint).findOneBy({ id: c.mergedIntoId })) ?? c;
    const rows = await this.ds.getRepository(ComplaintHistory).find({ where: { complaintId: In([c.id, shown.id]) }, order: { at: 'ASC', seq: 'ASC' } });
    const timeline: ComplaintTrack['timeline'] = [];
    for (const h of rows) {
      // the public sees milestones only; "verified/unfounded" stays internal until the reply
      const status: ComplaintStatus = h.toStatus === 'verified' || h.toStatus === 'unfounded' || h.toStatus === 'merged' ? 'investigated' : h.toStatus;
      if (timeline.some((t) => t.status === status)) continue;
      timeline.push({ status, label: publicLabel(status), at: h.at.toISOString() });
    }
    const publicStatus: ComplaintStatus = shown.status === 'verified' || shown.status === 'unfounded' ? 'investigated' : shown.status === 'merged' ? 'assigned' : shown.status;
    return {
      trackingCode: c.trackingCode,
      category: c.category,
      status: publicStatus,
      statusLabel: publicLabel(publicStatus),
      submittedAt: c.receivedAt.toISOString(),
      timeline,
      reply: shown.status === 'replied' ? shown.reply : null,
      repliedAt: shown.status === 'replied' ? (shown.closedAt?.toISOString() ?? null) : null,
    };
  }

  /** A citizen's own submissions (tracking code, status, reply). */
  async mine(citizenId: string): Promise<ComplaintTrack[]> {
    const rows = await this.ds.getRepository(Complaint).find({ where: { citizenId }, order: { receivedAt: 'DESC' }, take: 50 });
    return Promise.all(rows.map((c) => this.track(c.trackingCode)));
  }

  // ── office entry and import ─────────────────────────────────────────────────────────────────────

  async manual(user: PersonPrincipal, dto: ManualComplaintDto): Promise<ComplaintDto> {
    await this.checkSection(dto.sectionId);
    await this.checkPerson(dto.personId);
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt.getTime() > this.clock.now().getTime() + 5 * 60_000) throw DomainError.invalid('receivedAt', '受理时间不能晚于现在');
    if (dto.ticketNo && (await this.ds.getRepository(Complaint).existsBy({ ticketNo: dto.ticketNo }))) {
      throw new DomainError('CONFLICT', `工单编号 ${dto.ticketNo} 已登记，请勿重复录入`, 'ticketNo');
    }
    const id = await this.ds.transaction(async (em) => {
      const c = await this.insertItem(em, user.id, {
        source: dto.source,
        ticketNo: dto.ticketNo ?? null,
        category: dto.category,
        content: dto.content,
        sectionId: dto.sectionId ?? null,
        personId: dto.personId ?? null,
        contactName: dto.contactName ?? null,
        contactPhone: dto.contactPhone ?? null,
        receivedAt,
      });
      return c.id;
    });
    return this.get(user, id);
  }

  /** Inserts an office-entered or imported item (status received) with its first history row. */
  async insertItem(
    em: EntityManager,
    actorId: string | null,
    item: Pick<Complaint, 'source' | 'ticketNo' | 'category' | 'content' | 'sectionId' | 'personId' | 'contactName' | 'contactPhone' | 'receivedAt'> & {
      deadline?: string | null;
    },
    action: 'create' | 'import' = 'create',
  ): Promise<Complaint> {
    const repo = em.getRepository(Complaint);
    const c = repo.create({
      ...item,
      trackingCode: await this.newCode(em),
      status: 'received',
      outcome: null,
      officerHint: null,
      assignedSectionId: null,
      deadline: item.deadline ?? null,
      address: null,
      latitude: null,
      longitude: null,
      citizenId: null,
      photoFileIds: [],
      findings: null,
      reply: null,
      mergedIntoId: null,
      concludedAt: null,
      closedAt: null,
      createdById: actorId,
    });
    await repo.insert(c);
    await this.record(em, c.id, action, null, 'received', actorId, null, this.clock.now());
    return c;
  }

  // ── workflow ────────────────────────────────────────────────────────────────────────────────────

  private async record(
    em: EntityManager,
    complaintId: string,
    action: string,
    from: ComplaintStatus | null,
    to: ComplaintStatus,
    actorId: string | null,
    note: string | null,
    at: Date,
  ): Promise<void> {
    const repo = em.getRepository(ComplaintHistory);
    const seq = (await repo.countBy({ complaintId })) + 1;
    await repo.insert(repo.create({ complaintId, seq, action, fromStatus: from, toStatus: to, actorId, note, at }));
  }

  /** Loads the item, checks the transition (409 naming the current status), applies `patch`, keeps history. */
  private async move(user: PersonPrincipal, id: string, action: ComplaintAction, note: string | null, patch: (c: Complaint, now: Date) => void | Promise<void>): Promise<ComplaintDto> {
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(Complaint);
      const c = await repo.findOne({ where: { id }, lock: this.env.databaseKind === 'mysql' ? { mode: 'pessimistic_write' } : undefined });
      if (!c) throw DomainError.notFound('投诉', 'id');
      const next = transition(c.status, action);
      if (!next.ok) throw new DomainError('CONFLICT', next.message, 'status');
      const from = c.status;
      const now = this.clock.now();
      await patch(c, now);
      c.status = next.to;
      await repo.save(c);
      await this.record(em, c.id, action, from, next.to, user.id, note, now);
    });
    return this.get(user, id);
  }

  async assign(user: PersonPrincipal, id: string, dto: AssignComplaintDto): Promise<ComplaintDto> {
    await this.checkSection(dto.sectionId);
    await this.checkPerson(dto.personId);
    if (dto.deadline < this.today()) throw DomainError.invalid('deadline', '办结时限不能早于今天');
    return this.move(user, id, 'assign', dto.note ?? null, (c) => {
      c.assignedSectionId = dto.sectionId;
      c.sectionId = c.sectionId ?? dto.sectionId;
      c.deadline = dto.deadline;
      if (dto.personId) c.personId = dto.personId;
    });
  }

  async investigate(user: PersonPrincipal, id: string, dto: InvestigateComplaintDto): Promise<ComplaintDto> {
    await this.checkPerson(dto.personId);
    return this.move(user, id, 'investigate', null, (c) => {
      c.findings = dto.findings;
      if (dto.personId) c.personId = dto.personId;
    });
  }

  async conclude(user: PersonPrincipal, id: string, dto: ConcludeComplaintDto): Promise<ComplaintDto> {
    await this.checkPerson(dto.personId);
    const action: ComplaintAction = dto.outcome === 'verified' ? 'verify' : 'dismiss';
    return this.move(user, id, action, dto.note ?? null, (c, now) => {
      c.outcome = dto.outcome;
      if (dto.category) c.category = dto.category;
      if (dto.personId) c.personId = dto.personId;
      c.concludedAt = now;
    });
  }

  async reply(user: PersonPrincipal, id: string, reply: string): Promise<ComplaintDto> {
    return this.move(user, id, 'reply', null, (c, now) => {
      c.reply = reply;
      c.closedAt = now;
    });
  }

  async merge(user: PersonPrincipal, id: string, dto: MergeComplaintDto): Promise<ComplaintDto> {
    if (dto.intoId === id) throw DomainError.invalid('intoId', '不能合并到自身');
    const target = await this.ds.getRepository(Complaint).findOneBy({ id: dto.intoId });
    if (!target) throw DomainError.invalid('intoId', '要合并到的投诉不存在');
    if (target.status === 'merged') throw DomainError.invalid('intoId', '要合并到的投诉本身已被合并，请选择保留的那一件');
    return this.move(user, id, 'merge', dto.note ?? null, (c) => {
      c.mergedIntoId = target.id;
    });
  }

  // ── reading, with data scope and redaction ──────────────────────────────────────────────────────

  private async visible(user: PersonPrincipal, c: Complaint, sectionPeople?: Set<string>): Promise<boolean> {
    if (user.role === 'office' || user.role === 'leader') return true;
    if (c.personId === user.id) return true;
    if (user.role === 'chief' && user.sectionId) {
      if (c.sectionId === user.sectionId || c.assignedSectionId === user.sectionId) return true;
      const people = sectionPeople ?? (await this.sectionPeople(user.sectionId));
      return !!c.personId && people.has(c.personId);
    }
    return false;
  }

  private async sectionPeople(sectionId: string): Promise<Set<string>> {
    const m = await this.org.membersOn(sectionId, this.today());
    return new Set([m.chief, ...m.deputies, ...m.staff].filter(Boolean).map((p) => p!.id));
  }

  async list(user: PersonPrincipal, q: ComplaintListQueryDto): Promise<ComplaintDto[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.source) where.source = q.source;
    if (q.month) {
      const w = monthWindow(q.month);
      where.receivedAt = Between(w.from, w.to);
    }
    if (user.role === 'staff') where.personId = user.id;
    let rows = await this.ds.getRepository(Complaint).find({ where, order: { receivedAt: 'DESC' }, take: 500 });
    if (q.month) rows = rows.filter((c) => this.localDay(c.receivedAt).startsWith(q.month!));
    if (q.sectionId) rows = rows.filter((c) => c.sectionId === q.sectionId || c.assignedSectionId === q.sectionId);
    const people = user.role === 'chief' && user.sectionId ? await this.sectionPeople(user.sectionId) : undefined;
    const out: Complaint[] = [];
    for (const c of rows) if (await this.visible(user, c, people)) out.push(c);
    const dtos = await this.toDtos(user, out);
    return q.overdue === undefined ? dtos : dtos.filter((d) => d.overdue === q.overdue);
  }

  /** Complaints about the caller themself (complainant hidden), with each one's scoring consequence. */
  async aboutMe(user: PersonPrincipal): Promise<ComplaintDto[]> {
    const rows = await this.ds.getRepository(Complaint).find({ where: { personId: user.id }, order: { receivedAt: 'DESC' }, take: 200 });
    return this.toDtos(user, rows.filter((c) => c.status !== 'merged'));
  }

  async get(user: PersonPrincipal, id: string): Promise<ComplaintDto> {
    const c = await this.ds.getRepository(Complaint).findOneBy({ id });
    if (!c) throw DomainError.notFound('投诉', 'id');
    if (!(await this.visible(user, c))) throw DomainError.forbidden('无权查看该投诉');
    const [dto] = await this.toDtos(user, [c]);
    if (user.role === 'office' || user.role === 'leader') {
      const rows = await this.ds.getRepository(ComplaintHistory).find({ where: { complaintId: id }, order: { seq: 'ASC' } });
      const names = await this.names(rows.map((r) => r.actorId));
      dto!.history = rows.map(
        (r): ComplaintHistoryEntry => ({
          action: r.action as ComplaintHistoryEntry['action'],
          from: r.fromStatus,
          to: r.toStatus,
          actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
          note: r.note,
          at: r.at.toISOString(),
        }),
      );
    }
    return dto!;
  }

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((x): x is string => !!x))];
    const people = await this.org.peopleByIds(unique);
    return new Map(people.map((p) => [p.id, p.name]));
  }

  private async toDtos(user: PersonPrincipal, rows: Complaint[]): Promise<ComplaintDto[]> {
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const names = await this.names(rows.map((r) => r.personId));
    const today = this.today();
    const office = user.role === 'office';
    const bureau = office || user.role === 'leader';
    const handler = bureau || user.role === 'chief';
    return rows.map((c) => ({
      id: c.id,
      trackingCode: office ? c.trackingCode : '',
      source: c.source,
      ticketNo: c.ticketNo,
      category: c.category,
      status: c.status,
      outcome: c.outcome,
      content: c.content,
      sectionId: c.sectionId,
      sectionName: c.sectionId ? (sections.get(c.sectionId) ?? null) : null,
      personId: c.personId,
      personName: c.personId ? (names.get(c.personId) ?? null) : null,
      officerHint: handler ? c.officerHint : null,
      assignedSectionId: c.assignedSectionId,
      assignedSectionName: c.assignedSectionId ? (sections.get(c.assignedSectionId) ?? null) : null,
      deadline: c.deadline,
      overdue: isOverdue(c.status, c.deadline, today, c.closedAt ? this.localDay(c.closedAt) : null),
      receivedAt: c.receivedAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      mergedIntoId: c.mergedIntoId,
      address: handler ? c.address : null,
      latitude: handler ? c.latitude : null,
      longitude: handler ? c.longitude : null,
      photoUrls: bureau ? c.photoFileIds.map((f) => this.files.signedUrl(f)) : [],
      findings: handler ? c.findings : null,
      reply: c.reply,
      contactName: office ? c.contactName : null,
      contactPhone: office ? c.contactPhone : null,
      costs: c.outcome === 'unfounded' || c.status === 'merged' ? [] : complaintCosts(c.category),
    }));
  }

  // ── monthly summary ─────────────────────────────────────────────────────────────────────────────

  async monthItems(month: string): Promise<Complaint[]> {
    const w = monthWindow(month);
    const rows = await this.ds.getRepository(Complaint).find({ where: { receivedAt: Between(w.from, w.to) }, order: { receivedAt: 'ASC' } });
    return rows.filter((c) => this.localDay(c.receivedAt).startsWith(month) && c.status !== 'merged');
  }

  currentMonth(): string {
    return this.today().slice(0, 7);
  }

  async summary(month: string): Promise<ComplaintSummary> {
    const items = await this.monthItems(month);
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const today = this.today();
    const bySection = new Map<string | null, number>();
    for (const c of items) {
      const s = c.assignedSectionId ?? c.sectionId;
      bySection.set(s, (bySection.get(s) ?? 0) + 1);
    }
    const concluded = items.filter((c) => c.outcome !== null).length;
    const verified = items.filter((c) => c.outcome === 'verified').length;
    return {
      month,
      total: items.length,
      byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, label: COMPLAINT_CATEGORY_LABELS[category], count: items.filter((c) => c.category === category).length })),
      bySection: [...bySection.entries()]
        .map(([sectionId, count]) => ({ sectionId, sectionName: sectionId ? (sections.get(sectionId) ?? sectionId) : '未确定处室', count }))
        .sort((a, b) => b.count - a.count || a.sectionName.localeCompare(b.sectionName)),
      byStatus: COMPLAINT_STATUSES.filter((s) => s !== 'merged').map((status) => ({ status, label: COMPLAINT_STATUS_LABELS[status], count: items.filter((c) => c.status === status).length })),
      overdue: items.filter((c) => isOverdue(c.status, c.deadline, today, c.closedAt ? this.localDay(c.closedAt) : null)).length,
      concluded,
      verified,
      verifiedRate: concluded ? Math.round((verified / concluded) * 1000) / 1000 : null,
    };
  }

  /** For the public form's section picker: id and name only. */
  async sectionOptions(): Promise<{ id: string; name: string }[]> {
    const rows = await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map((s) => ({ id: s.id, name: s.name }));
  }

  async sectionNames(): Promise<Map<string, string>> {
    return new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
  }

  isOverdueItem(c: Complaint): boolean {
    return isOverdue(c.status, c.deadline, this.today(), c.closedAt ? this.localDay(c.closedAt) : null);
  }
}

/** What the complainant sees for a status. */
export function publicLabel(s: ComplaintStatus): string {
  switch (s) {
    case 'received':
      return '已受理';
    case 'assigned':
      return '办理中';
    case 'investigated':
      return '调查核实中';
    case 'replied':
      return '已办结（已答复）';
    default:
      return COMPLAINT_STATUS_LABELS[s];
  }
}

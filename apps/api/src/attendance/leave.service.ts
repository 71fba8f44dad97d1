import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeaveDto, LeaveStatus, LeaveType } from '@kaoping/contracts';
import { DataSource, In, LessThan, MoreThan, type FindOptionsWhere } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { LeaveRequest } from './leave-request.entity.js';

const MAX_LEAVE_DAYS = 366;

/** Leave, field-work and business-trip requests: the chief decides; a chief's own request goes to the office. */
@Injectable()
export class LeaveService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OrgService) private readonly org: OrgService,
  ) {}

  private async names(ids: string[]): Promise<Map<string, string>> {
    const people = await this.org.peopleByIds([...new Set(ids)]);
    return new Map(people.map((p: Person) => [p.id, p.name]));
  }

  private async toDtos(rows: LeaveRequest[]): Promise<LeaveDto[]> {
    const names = await this.names(rows.flatMap((r) => [r.personId, ...(r.decidedBy ? [r.decidedBy] : [])]));
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: names.get(r.personId) ?? r.personId,
      sectionId: r.sectionId,
      type: r.type,
      startAt: r.startAt.toISOString(),
      endAt: r.endAt.toISOString(),
      fromDate: r.fromDate,
      toDate: r.toDate,
      reason: r.reason,
      status: r.status,
      approver: r.approver,
      decidedBy: r.decidedBy,
      decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
      decisionNote: r.decisionNote,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async create(user: PersonPrincipal, input: { type: LeaveType; startAt: string; endAt: string; reason: string }): Promise<LeaveDto> {
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    if (+endAt <= +startAt) throw DomainError.invalid('endAt', '结束时间必须晚于开始时间');
    if (+endAt - +startAt > MAX_LEAVE_DAYS * 86_400_000) throw DomainError.invalid('endAt', '一次申请不能超过一年');
    const repo = this.ds.getRepository(LeaveRequest);
    const overlap = await repo.findOne({
      where: { personId: user.id, status: In(['pending', 'approved']), startAt: LessThan(endAt), endAt: MoreThan(startAt) },
    });
    if (overlap) {
      throw new DomainError('CONFLICT', `与已有的申请（${overlap.fromDate} 至 ${overlap.toDate}）时间重叠，请先撤回原申请`, 'startAt');
    }
    const tz = this.env.BUREAU_TIMEZONE;
    const fromDate = localDate(startAt, tz);
    const chief = user.sectionId ? (await this.org.holderOn(user.sectionId, 'chief', fromDate))[0] : undefined;
    // A chief's own request (or one in a section without a chief that day) goes to the office.
    const approver = user.position === 'chief' || !chief || chief.id === user.id ? 'office' : 'chief';
    const row = repo.create({
      personId: user.id,
      sectionId: user.sectionId,
      type: input.type,
      startAt,
      endAt,
      fromDate,
      toDate: localDate(new Date(+endAt - 1), tz),
      reason: input.reason.trim(),
      status: 'pending',
      approver,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    });
    await repo.insert(row);
    return (await this.toDtos([row]))[0]!;
  }

  /** `mine`: own requests; `approvals`: what the caller decides (chief: section staff/deputies; office: chiefs'). */
  async list(user: PersonPrincipal, view: 'mine' | 'approvals', status?: LeaveStatus): Promise<LeaveDto[]> {
    const where: FindOptionsWhere<LeaveRequest> = status ? { status } : {};
    let rows: LeaveRequest[];
    const repo = this.ds.getRepository(LeaveRequest);
    if (view === 'mine') {
      rows = await repo.find({ where: { ...where, personId: user.id }, order: { startAt: 'DESC' }, take: 200 });
    } else if (user.role === 'office') {
      rows = await repo.find({ where: { ...where, approver: 'office' }, order: { createdAt: 'DESC' }, take: 200 });
    } else if (user.position === 'chief' && user.sectionId) {
      rows = await repo.find({ where: { ...where, approver: 'chief', sectionId: user.sectionId }, order: { createdAt: 'DESC' }, take: 200 });
    } else {
      rows = [];
    }
    return this.toDtos(rows.filter((r) => view === 'mine' || r.personId !== user.id));
  }

  async decide(user: PersonPrincipal, id: string, approve: boolean, note?: string): Promise<LeaveDto> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(LeaveRequest);
      const row = await repo.findOneBy({ id });
      if (!row) throw DomainError.notFound('请假申请', 'id');
      if (row.personId === user.id) throw DomainError.forbidden('不能审批本人的申请');
      if (row.approver === 'office' ? user.role !== 'office' : !(user.position === 'chief' && user.sectionId === row.sectionId)) {
        throw DomainError.forbidden(row.approver === 'office' ? '处长（主任）本人的申请由考评办公室审批' : '只能审批本处室人员的申请');
      }
      if (row.status !== 'pending') throw new DomainError('CONFLICT', `该申请已${row.status === 'approved' ? '批准' : row.status === 'rejected' ? '退回' : '撤回'}，不能重复审批`);
      row.status = approve ? 'approved' : 'rejected';
      row.decidedBy = user.id;
      row.decidedAt = this.clock.now();
      row.decisionNote = note?.trim() || null;
      await repo.save(row);
      return (await this.toDtos([row]))[0]!;
    });
  }

  async cancel(user: PersonPrincipal, id: string): Promise<LeaveDto> {
    const repo = this.ds.getRepository(LeaveRequest);
    const row = await repo.findOneBy({ id });
    if (!row) throw DomainError.notFound('请假申请', 'id');
    if (row.personId !== user.id) throw DomainError.forbidden('只能撤回本人的申请');
    if (row.status !== 'pending') throw new DomainError('CONFLICT', '只能撤回待审批的申请');
    row.status = 'cancelled';
    await repo.save(row);
    return (await this.toDtos([row]))[0]!;
  }

  /** Approved leaves of these people overlapping [from, to] (dates). */
  async approvedBetween(personIds: string[] | null, from: string, to: string): Promise<LeaveRequest[]> {
    const where: FindOptionsWhere<LeaveRequest> = { status: 'approved', fromDate: LessThan(nextDay(to)), toDate: MoreThan(prevDay(from)) };
    if (personIds) where.personId = In(personIds);
    return personIds?.length === 0 ? [] : this.ds.getRepository(LeaveRequest).find({ where });
  }
}

function shift(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const nextDay = (d: string) => shift(d, 1);
const prevDay = (d: string) => shift(d, -1);

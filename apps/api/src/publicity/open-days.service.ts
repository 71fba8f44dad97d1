import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import {
  maskMobile,
  OPEN_DAY_AUDIENCE_LABELS,
  OPEN_DAY_AUDIENCES,
  OPEN_DAY_STATUS_LABELS,
  type CheckInResultDto,
  type MyRegistrationDto,
  type OpenDayAdminDto,
  type OpenDayCountsDto,
  type OpenDayDto,
  type OpenDayStatus,
  type RegistrationDto,
} from '@kaoping/contracts';
import { DataSource, In, MoreThan, type EntityManager } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isBusyError, isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { isDateOnly } from '../common/http/validation.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { localTime, zonedInstant } from '../attendance/zoned-time.js';
import { Section } from '../org/section.entity.js';
import type { CreateOpenDayDto, LookupRegistrationDto, RegisterDto, UpdateOpenDayDto } from './dto/publicity.dto.js';
import { OpenDay, OpenDayRegistration } from './publicity.entities.js';
import { retryBusy, sqliteDb } from './publicity-db.js';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A check-in code: 8 of 31 unambiguous characters (~40 bits); with rate-limited look-ups, not guessable. */
export function makeCheckInCode(random: (max: number) => number = randomInt): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[random(CODE_ALPHABET.length)]).join('');
}

/** The conditional UPDATE found no seat (full, closed, cancelled) or no event. */
class NoSeat extends Error {}

/**
 * 公众开放日 (seed 002 五.(七)): the office creates an open day for a participating section; the public registers
 * (one registration per phone number and event, capacity enforced by the database under concurrency) and shows
 * the check-in code at the door; the office checks them in.
 */
@Injectable()
export class OpenDaysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private tz(): string {
    return this.env.BUREAU_TIMEZONE;
  }

  /** `2026-06-20 09:30` (bureau zone) → instant. */
  private instant(local: string, field: string): Date {
    const [date, time] = local.split(' ') as [string, string];
    if (!isDateOnly(date)) throw DomainError.invalid(field, `${field} 不是有效日期`);
    return zonedInstant(date, time, this.tz());
  }

  private local(d: Date): string {
    return `${localDate(d, this.tz())} ${localTime(d, this.tz())}`;
  }

  statusOf(od: OpenDay, now: Date): OpenDayStatus {
    if (od.cancelled) return 'cancelled';
    if (now >= od.startsAt) return 'ended';
    if (now > od.registrationDeadline) return 'closed';
    if (od.registeredCount >= od.capacity) return 'full';
    return 'open';
  }

  private toDto(od: OpenDay, sectionName: string): OpenDayDto {
    const status = this.statusOf(od, this.clock.now());
    return {
      id: od.id,
      sectionId: od.sectionId,
      sectionName,
      title: od.title,
      startsAt: od.startsAt.toISOString(),
      startsLocal: this.local(od.startsAt),
      place: od.place,
      description: od.description,
      capacity: od.capacity,
      registered: od.registeredCount,
      remaining: Math.max(0, od.capacity - od.registeredCount),
      registrationDeadline: od.registrationDeadline.toISOString(),
      deadlineLocal: this.local(od.registrationDeadline),
      audiences: OPEN_DAY_AUDIENCES.filter((a) => od.audiences.includes(a)),
      status,
      statusLabel: OPEN_DAY_STATUS_LABELS[status],
    };
  }

  private async sectionNames(): Promise<Map<string, string>> {
    return new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
  }

  private async find(id: string, em: EntityManager = this.ds.manager): Promise<OpenDay> {
    const od = await em.getRepository(OpenDay).findOneBy({ id });
    if (!od) throw DomainError.notFound('开放日活动', 'id');
    return od;
  }

  private assertScope(user: PersonPrincipal, od: OpenDay): void {
    if (user.role === 'office' || user.role === 'leader') return;
    if (user.role === 'chief' && user.sectionId === od.sectionId) return;
    throw DomainError.forbidden('只能查看本处室举办的开放日');
  }

  /** Why no one can register now, or null. */
  private closedReason(od: OpenDay, now: Date): DomainError | null {
    switch (this.statusOf(od, now)) {
      case 'cancelled':
        return new DomainError('OPEN_DAY_CLOSED', '该开放日活动已取消，不能报名');
      case 'ended':
        return new DomainError('OPEN_DAY_CLOSED', '活动已开始或已结束，不能再报名');
      case 'closed':
        return new DomainError('OPEN_DAY_CLOSED', `报名已于 ${this.local(od.registrationDeadline)} 截止`);
      case 'full':
        return new DomainError('OPEN_DAY_FULL', `名额已满（共 ${od.capacity} 人），感谢关注，请留意后续开放日活动`);
      case 'open':
        return null;
    }
  }

  // ── public ──

  async publicOne(id: string): Promise<OpenDayDto> {
    const od = await this.find(id);
    return this.toDto(od, (await this.sectionNames()).get(od.sectionId) ?? '');
  }

  /** Open days still to come (not cancelled), soonest first. */
  async upcoming(sectionId?: string): Promise<OpenDayDto[]> {
    const rows = await this.ds.getRepository(OpenDay).find({
      where: { ...(sectionId ? { sectionId } : {}), cancelled: false, startsAt: MoreThan(this.clock.now()) },
      order: { startsAt: 'ASC' },
      take: 50,
    });
    const names = await this.sectionNames();
    return rows.map((od) => this.toDto(od, names.get(od.sectionId) ?? ''));
  }

  async upcomingCounts(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const od of await this.upcoming()) out.set(od.sectionId, (out.get(od.sectionId) ?? 0) + 1);
    return out;
  }

  private async mine(reg: OpenDayRegistration, od: OpenDay, created: boolean): Promise<MyRegistrationDto> {
    return {
      code: reg.code,
      name: reg.name,
      phoneMasked: maskMobile(reg.phone),
      audience: reg.audience,
      audienceLabel: OPEN_DAY_AUDIENCE_LABELS[reg.audience],
      organisation: reg.organisation,
      createdAt: reg.createdAt.toISOString(),
      checkedInAt: reg.checkedInAt ? reg.checkedInAt.toISOString() : null,
      qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(reg.code, { type: 'svg', width: 240, margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`,
      created,
      openDay: this.toDto(od, (await this.sectionNames()).get(od.sectionId) ?? ''),
    };
  }

  /** A repeated registration by the same person answers the first one; someone else using that phone is refused. */
  private async again(existing: OpenDayRegistration, name: string): Promise<MyRegistrationDto> {
    if (existing.name !== name) {
      throw new DomainError('CONFLICT', '该手机号已报名本次活动。如需查看报名码，请到“我的报名”凭手机号和报名码查询', 'phone');
    }
    return this.mine(existing, await this.find(existing.openDayId), false);
  }

  /**
   * Registers for an open day. The seat is taken by one conditional UPDATE of the event row (the database
   * serialises them, so parallel requests cannot overbook); the registration row is written in the same
   * transaction. The same phone again (same name) answers the existing registration.
   */
  async register(id: string, dto: RegisterDto): Promise<MyRegistrationDto> {
    const regs = this.ds.getRepository(OpenDayRegistration);
    const existing = await regs.findOneBy({ openDayId: id, phone: dto.phone });
    if (existing) return this.again(existing, dto.name);
    const od = await this.find(id);
    if (!od.audiences.includes(dto.audience)) {
      const allowed = OPEN_DAY_AUDIENCES.filter((a) => od.audiences.includes(a)).map((a) => OPEN_DAY_AUDIENCE_LABELS[a]);
      throw DomainError.invalid('audience', `本次活动面向：${allowed.join('、')}，请选择其中一种身份`);
    }
    const closed = this.closedReason(od, this.clock.now());
    if (closed) throw closed;
    for (let attempt = 1; ; attempt++) {
      try {
        const reg = await this.ds.transaction(async (em) => {
          const now = this.clock.now();
          const taken = await em
            .createQueryBuilder()
            .update(OpenDay)
            .set({ registeredCount: () => 'registeredCount + 1' })
            .where('id = :id AND cancelled = :no AND registeredCount < capacity AND registrationDeadline >= :now AND startsAt > :now', { id, no: false, now })
            .callListeners(false)
            .execute();
          if (!taken.affected) throw new NoSeat();
          const row = em.getRepository(OpenDayRegistration).create({
            openDayId: id,
            name: dto.name,
            phone: dto.phone,
            audience: dto.audience,
            organisation: dto.organisation ? dto.organisation : null,
            code: makeCheckInCode(),
            checkedInAt: null,
            checkedInById: null,
          });
          await em.getRepository(OpenDayRegistration).insert(row);
          return row;
        });
        return this.mine(reg, await this.find(id), true);
      } catch (err) {
        if (err instanceof NoSeat || isDuplicateKey(err)) {
          // someone with this phone may have registered meanwhile (then it is the same registration)
          const now = await regs.findOneBy({ openDayId: id, phone: dto.phone });
          if (now) return this.again(now, dto.name);
          if (err instanceof NoSeat) {
            throw this.closedReason(await this.find(id), this.clock.now()) ?? new DomainError('OPEN_DAY_FULL', '名额已满，感谢关注');
          }
          // a code collision: try again with another code
          if (attempt < 5) continue;
        }
        if (isBusyError(err) && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** The registrant's own registration, by phone and code together (no one else's). */
  async lookup(dto: LookupRegistrationDto): Promise<MyRegistrationDto> {
    const reg = await this.ds.getRepository(OpenDayRegistration).findOneBy({ code: dto.code });
    if (!reg || reg.phone !== dto.phone) throw new DomainError('NOT_FOUND', '未找到报名记录，请核对手机号和报名码', 'code');
    return this.mine(reg, await this.find(reg.openDayId), false);
  }

  // ── office ──

  private async participating(sectionId: string): Promise<Section> {
    const s = await this.ds.getRepository(Section).findOneBy({ id: sectionId });
    if (!s) throw DomainError.invalid('sectionId', '处室不存在');
    if (!s.wubiType) throw DomainError.invalid('sectionId', `${s.name}未参加“五比五评”，请选择参评处室`);
    return s;
  }

  private checkTimes(startsAt: Date, deadline: Date, now: Date, changing: { starts: boolean; deadline: boolean }): void {
    if (changing.starts && startsAt <= now) throw DomainError.invalid('startsAt', '活动开始时间必须晚于现在');
    if (changing.deadline && deadline <= now) throw DomainError.invalid('registrationDeadline', '报名截止时间必须晚于现在');
    if (deadline > startsAt) throw DomainError.invalid('registrationDeadline', '报名截止时间不能晚于活动开始时间');
  }

  async create(user: PersonPrincipal, dto: CreateOpenDayDto): Promise<OpenDayAdminDto> {
    const section = await this.participating(dto.sectionId);
    const startsAt = this.instant(dto.startsAt, 'startsAt');
    const deadline = this.instant(dto.registrationDeadline, 'registrationDeadline');
    this.checkTimes(startsAt, deadline, this.clock.now(), { starts: true, deadline: true });
    const repo = this.ds.getRepository(OpenDay);
    const od = repo.create({
      sectionId: section.id,
      title: dto.title,
      startsAt,
      place: dto.place,
      description: dto.description ?? '',
      capacity: dto.capacity,
      registeredCount: 0,
      registrationDeadline: deadline,
      audiences: OPEN_DAY_AUDIENCES.filter((a) => dto.audiences.includes(a)),
      cancelled: false,
      createdById: user.id,
    });
    await repo.insert(od);
    return this.adminDto(od, section.name);
  }

  async update(id: string, dto: UpdateOpenDayDto): Promise<OpenDayAdminDto> {
    const od = await retryBusy(() =>
      this.ds.transaction(async (em) => {
        const qb = em.getRepository(OpenDay).createQueryBuilder('o').where('o.id = :id', { id });
        if (!sqliteDb(em)) qb.setLock('pessimistic_write');
        const row = await qb.getOne();
        if (!row) throw DomainError.notFound('开放日活动', 'id');
        const now = this.clock.now();
        if (now >= row.startsAt) throw new DomainError('OPEN_DAY_CLOSED', '活动已开始或已结束，不能再修改');
        const startsAt = dto.startsAt ? this.instant(dto.startsAt, 'startsAt') : row.startsAt;
        const deadline = dto.registrationDeadline ? this.instant(dto.registrationDeadline, 'registrationDeadline') : row.registrationDeadline;
        this.checkTimes(startsAt, deadline, now, { starts: !!dto.startsAt, deadline: !!dto.registrationDeadline });
        if (dto.capacity !== undefined && dto.capacity < row.registeredCount) {
          throw DomainError.invalid('capacity', `已有 ${row.registeredCount} 人报名，名额不能少于 ${row.registeredCount}`);
        }
        if (dto.audiences) {
          const used = await em
            .getRepository(OpenDayRegistration)
            .createQueryBuilder('r')
            .select('DISTINCT r.audience', 'audience')
            .where('r.openDayId = :id', { id })
            .getRawMany<{ audience: string }>();
          const dropped = used.map((u) => u.audience).filter((a) => !dto.audiences!.includes(a as never));
          if (dropped.length) {
            throw DomainError.invalid('audiences', `已有${dropped.map((a) => OPEN_DAY_AUDIENCE_LABELS[a as keyof typeof OPEN_DAY_AUDIENCE_LABELS] ?? a).join('、')}报名，不能去掉该类别`);
          }
          row.audiences = OPEN_DAY_AUDIENCES.filter((a) => dto.audiences!.includes(a));
        }
        if (dto.title !== undefined) row.title = dto.title;
        if (dto.place !== undefined) row.place = dto.place;
        if (dto.description !== undefined) row.description = dto.description;
        if (dto.capacity !== undefined) row.capacity = dto.capacity;
        if (dto.cancelled !== undefined) row.cancelled = dto.cancelled;
        row.startsAt = startsAt;
        row.registrationDeadline = deadline;
        await em.getRepository(OpenDay).save(row);
        return row;
      }),
    );
    return this.adminDto(od, (await this.sectionNames()).get(od.sectionId) ?? '');
  }

  private async countsFor(ids: string[]): Promise<Map<string, { audience: string; registered: number; checkedIn: number }[]>> {
    const out = new Map<string, { audience: string; registered: number; checkedIn: number }[]>();
    if (!ids.length) return out;
    const rows = await this.ds
      .getRepository(OpenDayRegistration)
      .createQueryBuilder('r')
      .select('r.openDayId', 'openDayId')
      .addSelect('r.audience', 'audience')
      .addSelect('COUNT(*)', 'registered')
      .addSelect('SUM(CASE WHEN r.checkedInAt IS NULL THEN 0 ELSE 1 END)', 'checkedIn')
      .where({ openDayId: In(ids) })
      .groupBy('r.openDayId')
      .addGroupBy('r.audience')
      .getRawMany<{ openDayId: string; audience: string; registered: string | number; checkedIn: string | number | null }>();
    for (const r of rows) {
      const list = out.get(r.openDayId) ?? [];
      list.push({ audience: r.audience, registered: Number(r.registered), checkedIn: Number(r.checkedIn ?? 0) });
      out.set(r.openDayId, list);
    }
    return out;
  }

  private counts(od: OpenDay, rows: { audience: string; registered: number; checkedIn: number }[]): OpenDayCountsDto {
    const byAudience = OPEN_DAY_AUDIENCES.filter((a) => od.audiences.includes(a) || rows.some((r) => r.audience === a)).map((a) => {
      const r = rows.find((x) => x.audience === a);
      return { audience: a, label: OPEN_DAY_AUDIENCE_LABELS[a], registered: r?.registered ?? 0, checkedIn: r?.checkedIn ?? 0 };
    });
    return {
      capacity: od.capacity,
      registered: byAudience.reduce((s, a) => s + a.registered, 0),
      checkedIn: byAudience.reduce((s, a) => s + a.checkedIn, 0),
      byAudience,
    };
  }

  private async adminDto(od: OpenDay, sectionName: string, counts?: Map<string, { audience: string; registered: number; checkedIn: number }[]>): Promise<OpenDayAdminDto> {
    const c = counts ?? (await this.countsFor([od.id]));
    return { ...this.toDto(od, sectionName), cancelled: od.cancelled, counts: this.counts(od, c.get(od.id) ?? []) };
  }

  async adminList(user: PersonPrincipal, sectionId?: string): Promise<OpenDayAdminDto[]> {
    let where: { sectionId?: string } = {};
    if (user.role === 'chief') {
      if (!user.sectionId || (sectionId && sectionId !== user.sectionId)) {
        if (sectionId) throw DomainError.forbidden('只能查看本处室举办的开放日');
        return [];
      }
      where = { sectionId: user.sectionId };
    } else if (sectionId) where = { sectionId };
    const rows = await this.ds.getRepository(OpenDay).find({ where, order: { startsAt: 'DESC' }, take: 200 });
    const names = await this.sectionNames();
    const counts = await this.countsFor(rows.map((r) => r.id));
    return Promise.all(rows.map((od) => this.adminDto(od, names.get(od.sectionId) ?? '', counts)));
  }

  async adminOne(user: PersonPrincipal, id: string): Promise<OpenDayAdminDto> {
    const od = await this.find(id);
    this.assertScope(user, od);
    return this.adminDto(od, (await this.sectionNames()).get(od.sectionId) ?? '');
  }

  private regDto(r: OpenDayRegistration, fullPhone: boolean): RegistrationDto {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      phone: fullPhone ? r.phone : maskMobile(r.phone),
      audience: r.audience,
      audienceLabel: OPEN_DAY_AUDIENCE_LABELS[r.audience],
      organisation: r.organisation,
      createdAt: r.createdAt.toISOString(),
      checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
    };
  }

  /** The registration list: phone numbers in full for the office only. */
  async registrations(user: PersonPrincipal, id: string): Promise<RegistrationDto[]> {
    const od = await this.find(id);
    this.assertScope(user, od);
    const rows = await this.ds.getRepository(OpenDayRegistration).find({ where: { openDayId: id }, order: { createdAt: 'ASC', code: 'ASC' } });
    return rows.map((r) => this.regDto(r, user.role === 'office'));
  }

  private async byCode(id: string, code: string, em: EntityManager, lock: boolean): Promise<OpenDayRegistration> {
    const qb = em.getRepository(OpenDayRegistration).createQueryBuilder('r').where('r.code = :code', { code });
    if (lock && !sqliteDb(em)) qb.setLock('pessimistic_write');
    const reg = await qb.getOne();
    if (!reg) throw new DomainError('NOT_FOUND', '报名码不存在，请核对后重新输入', 'code');
    if (reg.openDayId !== id) throw new DomainError('NOT_FOUND', '该报名码不是本次活动的报名', 'code');
    return reg;
  }

  /** What the check-in page shows for a code before checking in (phone masked). */
  async preview(id: string, code: string): Promise<CheckInResultDto> {
    const od = await this.find(id);
    const normalised = code.toUpperCase().replace(/[\s-]/g, '');
    if (!/^[A-Z0-9]{8}$/.test(normalised)) throw DomainError.invalid('code', 'code 必须是 8 位报名码');
    const reg = await this.byCode(id, normalised, this.ds.manager, false);
    const counts = this.counts(od, (await this.countsFor([id])).get(id) ?? []);
    return { registration: this.regDto(reg, false), alreadyCheckedIn: !!reg.checkedInAt, counts };
  }

  /** Checks a registrant in; a second check-in of the same code is reported and not counted again. */
  async checkIn(user: PersonPrincipal, id: string, code: string): Promise<CheckInResultDto> {
    const { reg, already } = await retryBusy(() =>
      this.ds.transaction(async (em) => {
        const od = await this.find(id, em);
        const row = await this.byCode(id, code, em, true);
        if (row.checkedInAt) return { reg: row, already: true };
        if (od.cancelled) throw new DomainError('OPEN_DAY_CLOSED', '该开放日活动已取消，不能签到');
        row.checkedInAt = this.clock.now();
        row.checkedInById = user.id;
        await em.getRepository(OpenDayRegistration).save(row);
        return { reg: row, already: false };
      }),
    );
    const od = await this.find(id);
    return { registration: this.regDto(reg, false), alreadyCheckedIn: already, counts: this.counts(od, (await this.countsFor([id])).get(id) ?? []) };
  }
}

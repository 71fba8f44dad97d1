import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MembershipDto, PersonDto, Position, SectionDto } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { PeopleScope } from '../access/scope.js';
import { staffRole, type PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { addDays, Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { Section } from './section.entity.js';

export interface SectionMembers {
  date: string;
  section: SectionDto;
  chief: PersonDto | null;
  deputies: PersonDto[];
  staff: PersonDto[];
}

/** Memberships in force on `date` (inclusive bounds). */
function activeOn(date: string) {
  return [
    { from: LessThanOrEqual(date), to: IsNull() },
    { from: LessThanOrEqual(date), to: MoreThanOrEqual(date) },
  ];
}

@Injectable()
export class OrgService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Today in the bureau's time zone. */
  today(): string {
    return localDate(this.clock.now(), this.env.BUREAU_TIMEZONE);
  }

  toSectionDto(s: Section): SectionDto {
    return { id: s.id, name: s.name, category: s.category, wubiType: s.wubiType, researchRequired: !!s.researchRequired };
  }

  async listSections(): Promise<SectionDto[]> {
    const rows = await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map((s) => this.toSectionDto(s));
  }

  async getSection(id: string): Promise<Section> {
    const s = await this.ds.getRepository(Section).findOneBy({ id });
    if (!s) throw DomainError.notFound('处室', 'id');
    return s;
  }

  async createSection(input: Omit<SectionDto, 'id'> & { id?: string }): Promise<SectionDto> {
    const repo = this.ds.getRepository(Section);
    if (await repo.findOneBy({ name: input.name })) throw new DomainError('CONFLICT', `处室“${input.name}”已存在`, 'name');
    const count = await repo.count();
    const s = repo.create({ ...input, id: input.id ?? randomUUID(), sortOrder: count + 1 });
    await repo.insert(s);
    return this.toSectionDto(s);
  }

  async updateSection(id: string, patch: Partial<Omit<SectionDto, 'id'>>): Promise<SectionDto> {
    const repo = this.ds.getRepository(Section);
    const s = await this.getSection(id);
    if (patch.name && patch.name !== s.name && (await repo.findOneBy({ name: patch.name }))) {
      throw new DomainError('CONFLICT', `处室“${patch.name}”已存在`, 'name');
    }
    Object.assign(s, patch);
    await repo.save(s);
    return this.toSectionDto(s);
  }

  /** The one membership of `personId` in force on `date`, if any. */
  async membershipOn(personId: string, date: string, em: EntityManager = this.ds.manager): Promise<Membership | null> {
    return em.getRepository(Membership).findOne({
      where: activeOn(date).map((w) => ({ ...w, personId })),
      order: { from: 'DESC' },
    });
  }

  /** "Who was chief of 执法一处 on 2024-03-05": one query. */
  async holderOn(sectionId: string, position: Position, date: string): Promise<Person[]> {
    const ms = await this.ds.getRepository(Membership).find({
      where: activeOn(date).map((w) => ({ ...w, sectionId, position })),
      relations: { person: true },
      order: { from: 'ASC' },
    });
    return ms.map((m) => m.person!).filter(Boolean);
  }

  async membersOn(sectionId: string, date: string): Promise<SectionMembers> {
    const section = await this.getSection(sectionId);
    const ms = await this.ds.getRepository(Membership).find({
      where: activeOn(date).map((w) => ({ ...w, sectionId })),
      relations: { person: true },
      order: { from: 'ASC' },
    });
    const dto = (m: Membership) => this.toPersonDto(m.person!, m, section);
    return {
      date,
      section: this.toSectionDto(section),
      chief: ms.filter((m) => m.position === 'chief').map(dto)[0] ?? null,
      deputies: ms.filter((m) => m.position === 'deputy').map(dto),
      staff: ms.filter((m) => m.position === 'staff').map(dto),
    };
  }

  toPersonDto(p: Person, m: Membership | null, section: Section | null): PersonDto {
    return {
      id: p.id,
      name: p.name,
      position: m?.position ?? null,
      sectionId: m?.sectionId ?? null,
      sectionName: section?.name ?? null,
      branchSecretary: !!p.branchSecretary,
      phone: p.phone,
      role: staffRole(p.accessRole, m?.position ?? null),
      bound: !!p.openid,
    };
  }

  /** People visible in `scope`, with their section and position today. */
  async listPeople(scope: PeopleScope, sectionId?: string): Promise<PersonDto[]> {
    if (scope.kind === 'none') return [];
    const today = this.today();
    const memberships = await this.ds.getRepository(Membership).find({ where: activeOn(today) });
    const byPerson = new Map(memberships.map((m) => [m.personId, m]));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s]));
    let people: Person[];
    if (scope.kind === 'self') {
      people = await this.ds.getRepository(Person).findBy({ id: scope.personId });
    } else {
      people = await this.ds.getRepository(Person).find({ where: { active: true }, order: { id: 'ASC' } });
    }
    const wantSection = scope.kind === 'section' ? scope.sectionId : sectionId;
    return people
      .map((p) => {
        const m = byPerson.get(p.id) ?? null;
        return this.toPersonDto(p, m, m ? (sections.get(m.sectionId) ?? null) : null);
      })
      .filter((p) => !wantSection || p.sectionId === wantSection);
  }

  async getPerson(id: string): Promise<{ person: Person; dto: PersonDto }> {
    const person = await this.ds.getRepository(Person).findOneBy({ id });
    if (!person) throw DomainError.notFound('人员', 'id');
    const m = await this.membershipOn(id, this.today());
    const section = m ? await this.ds.getRepository(Section).findOneBy({ id: m.sectionId }) : null;
    return { person, dto: this.toPersonDto(person, m, section) };
  }

  async memberships(personId: string): Promise<MembershipDto[]> {
    const ms = await this.ds.getRepository(Membership).find({ where: { personId }, relations: { section: true }, order: { from: 'ASC' } });
    return ms.map((m) => ({
      id: m.id,
      personId: m.personId,
      sectionId: m.sectionId,
      sectionName: m.section?.name ?? '',
      position: m.position,
      from: m.from,
      to: m.to,
    }));
  }

  async createPerson(input: {
    name: string;
    phone?: string | null;
    branchSecretary?: boolean;
    accessRole?: 'office' | 'leader' | null;
    sectionId?: string;
    position?: Position;
    from?: string;
  }): Promise<PersonDto> {
    return this.ds.transaction(async (em) => {
      const person = em.getRepository(Person).create({
        id: randomUUID(),
        name: input.name,
        phone: input.phone ?? null,
        branchSecretary: input.branchSecretary ?? false,
        accessRole: input.accessRole ?? null,
        featured: false,
        openid: null,
        active: true,
      });
      await em.getRepository(Person).insert(person);
      if (input.sectionId) {
        await this.assign(em, person.id, input.sectionId, input.position ?? 'staff', input.from ?? this.today());
      }
      return (await this.getPersonIn(em, person.id)).dto;
    });
  }

  private async getPersonIn(em: EntityManager, id: string): Promise<{ person: Person; dto: PersonDto }> {
    const person = await em.getRepository(Person).findOneByOrFail({ id });
    const m = await this.membershipOn(id, this.today(), em);
    const section = m ? await em.getRepository(Section).findOneBy({ id: m.sectionId }) : null;
    return { person, dto: this.toPersonDto(person, m, section) };
  }

  async updatePerson(
    id: string,
    patch: { name?: string; phone?: string | null; branchSecretary?: boolean; accessRole?: 'office' | 'leader' | null; active?: boolean },
  ): Promise<PersonDto> {
    const repo = this.ds.getRepository(Person);
    const { person } = await this.getPerson(id);
    Object.assign(person, patch);
    await repo.save(person);
    return (await this.getPerson(id)).dto;
  }

  /** Moves a person to a section/position from a date: their open membership ends the day before. */
  async addMembership(personId: string, sectionId: string, position: Position, from: string): Promise<MembershipDto[]> {
    await this.getPerson(personId);
    await this.ds.transaction((em) => this.assign(em, personId, sectionId, position, from));
    return this.memberships(personId);
  }

  private async assign(em: EntityManager, personId: string, sectionId: string, position: Position, from: string): Promise<void> {
    const section = await em.getRepository(Section).findOneBy({ id: sectionId });
    if (!section) throw DomainError.notFound('处室', 'sectionId');
    const repo = em.getRepository(Membership);
    const later = await repo.findOne({ where: { personId, from: MoreThanOrEqual(from) } });
    if (later) {
      throw DomainError.invalid('from', `开始日期必须晚于该人员已有任职的开始日期（${later.from}）`);
    }
    if (position === 'chief') {
      const chiefs = await repo.find({ where: activeOn(from).map((w) => ({ ...w, sectionId, position: 'chief' as const })), relations: { person: true } });
      const other = chiefs.find((c) => c.personId !== personId);
      if (other) {
        throw new DomainError('CONFLICT', `${section.name}在 ${from} 已有处长（主任）${other.person?.name ?? ''}，请先结束其任职`, 'position');
      }
    }
    const open = await repo.findOne({ where: activeOn(from).map((w) => ({ ...w, personId })) });
    if (open) {
      open.to = addDays(from, -1);
      await repo.save(open);
    }
    await repo.insert(repo.create({ personId, sectionId, position, from, to: null }));
  }

  /** Ends a membership on `to` (inclusive). */
  async endMembership(id: string, to: string): Promise<MembershipDto> {
    const repo = this.ds.getRepository(Membership);
    const m = await repo.findOne({ where: { id }, relations: { section: true } });
    if (!m) throw DomainError.notFound('任职记录', 'id');
    if (to < m.from) throw DomainError.invalid('to', `结束日期不能早于开始日期（${m.from}）`);
    m.to = to;
    await repo.save(m);
    return { id: m.id, personId: m.personId, sectionId: m.sectionId, sectionName: m.section?.name ?? '', position: m.position, from: m.from, to: m.to };
  }

  /** The principal for a person token, from today's membership; null when the person is gone or inactive. */
  async principalFor(personId: string): Promise<PersonPrincipal | null> {
    const person = await this.ds.getRepository(Person).findOneBy({ id: personId, active: true });
    if (!person) return null;
    const m = await this.membershipOn(personId, this.today());
    const section = m ? await this.ds.getRepository(Section).findOneBy({ id: m.sectionId }) : null;
    return {
      kind: 'person',
      id: person.id,
      name: person.name,
      role: staffRole(person.accessRole, m?.position ?? null),
      sectionId: m?.sectionId ?? null,
      sectionName: section?.name ?? null,
      position: m?.position ?? null,
      branchSecretary: !!person.branchSecretary,
    };
  }

  async peopleByIds(ids: string[]): Promise<Person[]> {
    return ids.length ? this.ds.getRepository(Person).findBy({ id: In(ids) }) : [];
  }
}

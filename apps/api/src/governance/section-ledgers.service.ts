import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EFFICIENCY_SYSTEM_LABELS,
  REQUIRED_SYSTEM_KINDS,
  type DutyVersionDto,
  type EfficiencySystemDto,
  type EfficiencySystemKind,
  type GovernanceOverviewDto,
  type PublicSystemDto,
  type SectionDutiesDto,
  type SectionSystemsDto,
  type SystemDetailDto,
  type SystemState,
  type SystemVersionDto,
} from '@kaoping/contracts';
import { DataSource, In } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import type { ReviewDto, SubmitDutiesDto, SubmitSystemDto } from './dto/governance.dto.js';
import { DutyVersion, EfficiencySystem, EfficiencySystemVersion } from './governance.entities.js';
import { actsForSection, inForce, isBureau, iso, lockOne } from './governance-common.js';

export const DUTIES_PAGE = '/subpackages/officer/pages/gov-duties/index';
export const SYSTEM_PAGE = '/subpackages/officer/pages/gov-system/index';

/**
 * 三定 duties and 效能制度 (seed 000 五.(二)). Duties: the office maintains them (its versions take effect at once);
 * a section's chief may submit a version, which the office approves or returns. Systems: the section's chief
 * submits each system's text; the office approves (and it is published if asked) or returns it with a reason.
 * Versions are kept forever; the one in force on a day is chosen by its effective date.
 */
@Injectable()
export class SectionLedgersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly notices: NoticesService,
  ) {}

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    return new Map((await this.org.peopleByIds(wanted)).map((p) => [p.id, p.name]));
  }

  private async sectionNames(): Promise<Map<string, string>> {
    return new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
  }

  private async section(sectionId: string | undefined, user: PersonPrincipal): Promise<Section> {
    const id = sectionId ?? user.sectionId;
    if (!id) throw DomainError.invalid('sectionId', '请选择处室');
    const s = await this.ds.getRepository(Section).findOneBy({ id });
    if (!s) throw DomainError.invalid('sectionId', '处室不存在');
    return s;
  }

  /** May the caller see versions still under review (and returned ones) of this section? */
  private seesDrafts(user: PersonPrincipal, sectionId: string): boolean {
    return isBureau(user) || (user.role === 'chief' && user.sectionId === sectionId);
  }

  /** The section's chiefs today (chief and deputies), to be told about the office's decisions. */
  private async chiefsOf(sectionId: string): Promise<string[]> {
    const m = await this.org.membersOn(sectionId, this.org.today());
    return [m.chief, ...m.deputies].filter((p): p is NonNullable<typeof p> => !!p).map((p) => p.id);
  }

  // ── 三定 ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private dutyDto(v: DutyVersion, sectionName: string, names: Map<string, string>, current: DutyVersion | null): DutyVersionDto {
    return {
      id: v.id,
      sectionId: v.sectionId,
      sectionName,
      seq: v.seq,
      effectiveFrom: v.effectiveFrom,
      duties: v.duties,
      structure: v.structure,
      staffing: v.staffing,
      note: v.note,
      status: v.status,
      inForce: current?.id === v.id,
      submittedBy: v.submittedBy,
      submittedByName: names.get(v.submittedBy) ?? v.submittedBy,
      submittedAt: iso(v.submittedAt)!,
      decidedByName: v.decidedBy ? (names.get(v.decidedBy) ?? v.decidedBy) : null,
      decidedAt: iso(v.decidedAt),
      decisionNote: v.decisionNote,
    };
  }

  async duties(user: PersonPrincipal, sectionId?: string): Promise<SectionDutiesDto> {
    const section = await this.section(sectionId, user);
    const today = this.org.today();
    const rows = await this.ds.getRepository(DutyVersion).find({ where: { sectionId: section.id }, order: { seq: 'DESC' } });
    const drafts = this.seesDrafts(user, section.id);
    const visible = drafts ? rows : rows.filter((r) => r.status === 'approved');
    const current = inForce(rows, today);
    const names = await this.names(visible.flatMap((r) => [r.submittedBy, r.decidedBy]));
    const dto = (v: DutyVersion) => this.dutyDto(v, section.name, names, current);
    const members = await this.org.membersOn(section.id, today);
    const pending = drafts ? rows.find((r) => r.status === 'pending') : undefined;
    return {
      sectionId: section.id,
      sectionName: section.name,
      today,
      current: current ? dto(current) : null,
      pending: pending ? dto(pending) : null,
      history: visible.map(dto),
      headcount: { chief: members.chief ? 1 : 0, deputy: members.deputies.length, staff: members.staff.length },
      canEdit: user.role === 'office' || (user.role === 'chief' && user.sectionId === section.id),
    };
  }

  /** The office records a version that takes effect at once; a chief submits one for the office's approval. */
  async submitDuties(user: PersonPrincipal, dto: SubmitDutiesDto): Promise<SectionDutiesDto> {
    const section = await this.section(dto.sectionId, user);
    const byOffice = user.role === 'office';
    if (!byOffice && !(user.role === 'chief' && user.sectionId === section.id)) throw DomainError.forbidden('只能维护本处室的三定职责');
    const duties = [...new Set(dto.duties)];
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(DutyVersion);
      const rows = await repo.find({ where: { sectionId: section.id }, order: { seq: 'DESC' } });
      if (!byOffice && rows.some((r) => r.status === 'pending')) {
        throw new DomainError('CONFLICT', '本处室已有一个待审核的三定版本，请等待考评办审核或先撤回', 'sectionId');
      }
      const now = this.clock.now();
      const v = repo.create({
        sectionId: section.id,
        seq: (rows[0]?.seq ?? 0) + 1,
        effectiveFrom: dto.effectiveFrom,
        duties,
        structure: dto.structure || null,
        staffing: { chief: dto.staffing.chief, deputy: dto.staffing.deputy, staff: dto.staffing.staff },
        note: dto.note || null,
        status: byOffice ? 'approved' : 'pending',
        submittedBy: user.id,
        submittedAt: now,
        decidedBy: byOffice ? user.id : null,
        decidedAt: byOffice ? now : null,
        decisionNote: null,
      });
      await repo.insert(v);
      if (byOffice) {
        const chiefs = await this.chiefsOf(section.id);
        await this.notices.notify(
          em,
          chiefs.map((personId) => ({ personId, kind: 'governance', title: '三定职责已更新', body: `考评办登记了${section.name}第 ${v.seq} 版三定职责，${v.effectiveFrom} 起施行`, link: `${DUTIES_PAGE}?sectionId=${section.id}` })),
        );
      } else {
        await this.notices.notifyOffice(em, { kind: 'governance', title: '三定职责待审核', body: `${section.name}提交了第 ${v.seq} 版三定职责（${v.effectiveFrom} 起）`, link: `${DUTIES_PAGE}?sectionId=${section.id}` });
      }
    });
    return this.duties(user, section.id);
  }

  async decideDuties(user: PersonPrincipal, id: string, dto: ReviewDto): Promise<SectionDutiesDto> {
    if (dto.decision === 'rejected' && !dto.note) throw DomainError.invalid('note', '退回时请写明原因');
    const v = await this.ds.transaction(async (em) => {
      const v = await lockOne(this.ds, em, DutyVersion, id, '三定版本');
      if (v.status !== 'pending') throw new DomainError('CONFLICT', '该版本不在待审核状态', 'id');
      v.status = dto.decision;
      v.decidedBy = user.id;
      v.decidedAt = this.clock.now();
      v.decisionNote = dto.note || null;
      await em.getRepository(DutyVersion).save(v);
      const section = await em.getRepository(Section).findOneByOrFail({ id: v.sectionId });
      await this.notices.notify(em, [
        {
          personId: v.submittedBy,
          kind: 'governance',
          title: dto.decision === 'approved' ? '三定职责已批准' : '三定职责被退回',
          body: dto.decision === 'approved' ? `${section.name}第 ${v.seq} 版三定职责已批准，${v.effectiveFrom} 起施行` : `${section.name}第 ${v.seq} 版三定职责被退回：${dto.note}`,
          link: `${DUTIES_PAGE}?sectionId=${v.sectionId}`,
        },
      ]);
      return v;
    });
    return this.duties(user, v.sectionId);
  }

  async withdrawDuties(user: PersonPrincipal, id: string): Promise<SectionDutiesDto> {
    const v = await this.ds.transaction(async (em) => {
      const v = await lockOne(this.ds, em, DutyVersion, id, '三定版本');
      if (!actsForSection(user, v.sectionId) && v.submittedBy !== user.id) throw DomainError.forbidden('只能撤回本处室提交的版本');
      if (v.status !== 'pending') throw new DomainError('CONFLICT', '只有待审核的版本可以撤回', 'id');
      v.status = 'withdrawn';
      await em.getRepository(DutyVersion).save(v);
      return v;
    });
    return this.duties(user, v.sectionId);
  }

  // ── 效能制度 ───────────────────────────────────────────────────────────────────────────────────────────────────

  private versionDto(v: EfficiencySystemVersion, names: Map<string, string>, current: EfficiencySystemVersion | null): SystemVersionDto {
    return {
      id: v.id,
      systemId: v.systemId,
      seq: v.seq,
      content: v.content,
      items: v.items,
      effectiveFrom: v.effectiveFrom,
      publish: !!v.publish,
      publishedAt: iso(v.publishedAt),
      status: v.status,
      inForce: current?.id === v.id,
      submittedByName: names.get(v.submittedBy) ?? v.submittedBy,
      submittedAt: iso(v.submittedAt)!,
      decidedByName: v.decidedBy ? (names.get(v.decidedBy) ?? v.decidedBy) : null,
      decidedAt: iso(v.decidedAt),
      decisionNote: v.decisionNote,
    };
  }

  /** Systems with their versions, as `user` may see them. */
  private async systemDtos(
    user: PersonPrincipal,
    systems: EfficiencySystem[],
    withVersions: boolean,
  ): Promise<(EfficiencySystemDto & { versions: SystemVersionDto[] })[]> {
    if (!systems.length) return [];
    const today = this.org.today();
    const all = await this.ds.getRepository(EfficiencySystemVersion).find({ where: { systemId: In(systems.map((s) => s.id)) }, order: { seq: 'DESC' } });
    const names = await this.names(all.flatMap((v) => [v.submittedBy, v.decidedBy]));
    const sections = await this.sectionNames();
    return systems.map((s) => {
      const versions = all.filter((v) => v.systemId === s.id);
      const drafts = this.seesDrafts(user, s.sectionId);
      const current = inForce(versions, today);
      const pending = drafts ? versions.find((v) => v.status === 'pending') : undefined;
      const scheduled = versions.some((v) => v.status === 'approved' && v.effectiveFrom > today);
      const state: SystemState = current ? 'in_force' : scheduled ? 'scheduled' : versions.some((v) => v.status === 'pending') ? 'pending' : 'missing';
      const shown = drafts ? versions : versions.filter((v) => v.status === 'approved');
      return {
        id: s.id,
        sectionId: s.sectionId,
        sectionName: sections.get(s.sectionId) ?? s.sectionId,
        kind: s.kind,
        kindLabel: EFFICIENCY_SYSTEM_LABELS[s.kind],
        name: s.name,
        state,
        current: current ? this.versionDto(current, names, current) : null,
        pending: pending ? this.versionDto(pending, names, current) : null,
        versions: withVersions ? shown.map((v) => this.versionDto(v, names, current)) : [],
      };
    });
  }

  async systems(user: PersonPrincipal, sectionId?: string): Promise<SectionSystemsDto> {
    const section = await this.section(sectionId, user);
    const rows = await this.ds.getRepository(EfficiencySystem).find({ where: { sectionId: section.id }, order: { createdAt: 'ASC' } });
    const order = (k: EfficiencySystemKind) => Object.keys(EFFICIENCY_SYSTEM_LABELS).indexOf(k);
    const dtos = (await this.systemDtos(user, rows, false))
      .filter((s) => this.seesDrafts(user, section.id) || s.state === 'in_force' || s.state === 'scheduled')
      .sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name))
      .map(({ versions: _versions, ...s }) => s);
    const inForceKinds = new Set(dtos.filter((s) => s.state === 'in_force').map((s) => s.kind));
    return {
      sectionId: section.id,
      sectionName: section.name,
      today: this.org.today(),
      systems: dtos,
      missing: REQUIRED_SYSTEM_KINDS.filter((k) => !inForceKinds.has(k)),
      canEdit: actsForSection(user, section.id),
    };
  }

  async system(user: PersonPrincipal, id: string): Promise<SystemDetailDto> {
    const s = await this.ds.getRepository(EfficiencySystem).findOneBy({ id });
    if (!s) throw DomainError.notFound('制度', 'id');
    const [dto] = await this.systemDtos(user, [s], true);
    if (!this.seesDrafts(user, s.sectionId) && dto!.state !== 'in_force' && dto!.state !== 'scheduled') throw DomainError.notFound('制度', 'id');
    return { ...dto!, canEdit: actsForSection(user, s.sectionId) };
  }

  /** A chief (or an office member for the office's own section) submits a system's text for review. */
  async submitSystem(user: PersonPrincipal, dto: SubmitSystemDto): Promise<SystemDetailDto> {
    const sectionId = user.sectionId;
    if (!sectionId || !actsForSection(user, sectionId)) throw DomainError.forbidden('只有处室负责人可以维护本处室的效能制度');
    const name = dto.kind === 'other' ? dto.name : EFFICIENCY_SYSTEM_LABELS[dto.kind];
    if (!name) throw DomainError.invalid('name', '“其他”类制度请填写制度名称');
    if (dto.kind === 'time_limit') {
      if (!dto.items.length) throw DomainError.invalid('items', '限时办结制请逐项列出办理事项及办结时限');
      if (dto.items.some((i) => i.limitDays === undefined)) throw DomainError.invalid('items', '限时办结制的每个事项都要填写办结时限（工作日）');
    }
    if (dto.kind === 'service_pledge' && !dto.items.length) throw DomainError.invalid('items', '服务承诺制请逐条列出承诺内容');
    const systemId = await this.ds.transaction(async (em) => {
      const sysRepo = em.getRepository(EfficiencySystem);
      let s = await sysRepo.findOneBy({ sectionId, kind: dto.kind, name });
      if (!s) {
        s = sysRepo.create({ sectionId, kind: dto.kind, name });
        await sysRepo.insert(s);
      }
      const repo = em.getRepository(EfficiencySystemVersion);
      const versions = await repo.find({ where: { systemId: s.id }, order: { seq: 'DESC' } });
      if (versions.some((v) => v.status === 'pending')) throw new DomainError('CONFLICT', `“${name}”已有待审核的修订，请等待考评办审核或先撤回`, 'kind');
      const v = repo.create({
        systemId: s.id,
        seq: (versions[0]?.seq ?? 0) + 1,
        content: dto.content,
        items: dto.items.map((i) => ({ matter: i.matter, limitDays: i.limitDays ?? null, detail: i.detail || null })),
        effectiveFrom: dto.effectiveFrom,
        publish: dto.publish,
        publishedAt: null,
        status: 'pending',
        submittedBy: user.id,
        submittedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      await repo.insert(v);
      await this.notices.notifyOffice(em, { kind: 'governance', title: '效能制度待审核', body: `${user.sectionName ?? ''}提交了“${name}”（第 ${v.seq} 版）`, link: `${SYSTEM_PAGE}?id=${s.id}` });
      return s.id;
    });
    return this.system(user, systemId);
  }

  async decideSystemVersion(user: PersonPrincipal, versionId: string, dto: ReviewDto): Promise<SystemDetailDto> {
    if (dto.decision === 'rejected' && !dto.note) throw DomainError.invalid('note', '退回时请写明原因');
    const systemId = await this.ds.transaction(async (em) => {
      const v = await lockOne(this.ds, em, EfficiencySystemVersion, versionId, '制度版本');
      if (v.status !== 'pending') throw new DomainError('CONFLICT', '该版本不在待审核状态', 'id');
      const now = this.clock.now();
      v.status = dto.decision;
      v.decidedBy = user.id;
      v.decidedAt = now;
      v.decisionNote = dto.note || null;
      if (dto.decision === 'approved' && v.publish) v.publishedAt = now;
      await em.getRepository(EfficiencySystemVersion).save(v);
      const s = await em.getRepository(EfficiencySystem).findOneByOrFail({ id: v.systemId });
      await this.notices.notify(em, [
        {
          personId: v.submittedBy,
          kind: 'governance',
          title: dto.decision === 'approved' ? '效能制度已批准' : '效能制度被退回',
          body:
            dto.decision === 'approved'
              ? `“${s.name}”第 ${v.seq} 版已批准，${v.effectiveFrom} 起施行${v.publish ? '，并对外公示' : ''}`
              : `“${s.name}”第 ${v.seq} 版被退回：${dto.note}`,
          link: `${SYSTEM_PAGE}?id=${s.id}`,
        },
      ]);
      return s.id;
    });
    return this.system(user, systemId);
  }

  async withdrawSystemVersion(user: PersonPrincipal, versionId: string): Promise<SystemDetailDto> {
    const systemId = await this.ds.transaction(async (em) => {
      const v = await lockOne(this.ds, em, EfficiencySystemVersion, versionId, '制度版本');
      const s = await em.getRepository(EfficiencySystem).findOneByOrFail({ id: v.systemId });
      if (!actsForSection(user, s.sectionId)) throw DomainError.forbidden('只能撤回本处室提交的版本');
      if (v.status !== 'pending') throw new DomainError('CONFLICT', '只有待审核的版本可以撤回', 'id');
      v.status = 'withdrawn';
      await em.getRepository(EfficiencySystemVersion).save(v);
      return s.id;
    });
    return this.system(user, systemId);
  }

  // ── the office's overview, and what the public sees ──────────────────────────────────────────────────────────

  async overview(user: PersonPrincipal): Promise<GovernanceOverviewDto> {
    const today = this.org.today();
    const sections = await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    const duties = await this.ds.getRepository(DutyVersion).find({ order: { seq: 'DESC' } });
    const systems = await this.ds.getRepository(EfficiencySystem).find({ order: { createdAt: 'ASC' } });
    const sysDtos = await this.systemDtos(user, systems, false);
    const names = await this.names(duties.filter((d) => d.status === 'pending').map((d) => d.submittedBy));
    const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
    const rows = sections.map((s) => {
      const mine = sysDtos.filter((d) => d.sectionId === s.id);
      const inForceKinds = new Set(mine.filter((d) => d.state === 'in_force').map((d) => d.kind));
      const current = inForce(
        duties.filter((d) => d.sectionId === s.id),
        today,
      );
      return {
        sectionId: s.id,
        sectionName: s.name,
        dutiesInForceFrom: current?.effectiveFrom ?? null,
        dutiesPending: duties.some((d) => d.sectionId === s.id && d.status === 'pending'),
        systemsInForce: REQUIRED_SYSTEM_KINDS.filter((k) => inForceKinds.has(k)).length,
        systemsRequired: REQUIRED_SYSTEM_KINDS.length,
        missing: REQUIRED_SYSTEM_KINDS.filter((k) => !inForceKinds.has(k)),
        systemsPending: mine.filter((d) => d.pending).length,
      };
    });
    return {
      today,
      rows,
      pendingDuties: duties.filter((d) => d.status === 'pending').map((d) => this.dutyDto(d, sectionNames.get(d.sectionId) ?? d.sectionId, names, null)),
      pendingSystems: sysDtos.filter((d) => d.pending).map(({ versions: _v, ...d }) => d),
    };
  }

  /** Published systems in force, for the public (公示). */
  async publicSystems(sectionId?: string): Promise<PublicSystemDto[]> {
    const today = this.org.today();
    const systems = await this.ds.getRepository(EfficiencySystem).find({ where: sectionId ? { sectionId } : {}, order: { createdAt: 'ASC' } });
    if (!systems.length) return [];
    const versions = await this.ds.getRepository(EfficiencySystemVersion).find({ where: { systemId: In(systems.map((s) => s.id)), status: 'approved' } });
    const sections = await this.sectionNames();
    const out: PublicSystemDto[] = [];
    for (const s of systems) {
      const v = inForce(
        versions.filter((x) => x.systemId === s.id),
        today,
      );
      if (!v || !v.publish) continue;
      out.push({ sectionName: sections.get(s.sectionId) ?? s.sectionId, name: s.name, kindLabel: EFFICIENCY_SYSTEM_LABELS[s.kind], content: v.content, items: v.items, effectiveFrom: v.effectiveFrom, publishedAt: iso(v.publishedAt) });
    }
    return out;
  }
}

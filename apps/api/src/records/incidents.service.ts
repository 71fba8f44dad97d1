import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatCost, listRules, previewRuleCost, ScoringInputError } from '@kaoping/scoring';
import type { IncidentDetailDto, IncidentDto, IncidentStatus } from '@kaoping/contracts';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { canReadPerson } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { addDays, Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { FilesService } from '../files/files.service.js';
import { NoticesService } from '../notices/notices.service.js';
import { OrgService } from '../org/org.service.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { schemeById } from '../scoring/scheme-files.js';
import { Appeal, Incident, IncidentTransition } from './incident.entity.js';
import { parseIncidentSheet } from './incident-import.js';

export const INCIDENT_PAGE = '/subpackages/officer/pages/incident-detail/index';

export interface NewIncident {
  rule: string;
  variant?: string;
  personId: string;
  date: string;
  description: string;
  fileIds?: string[];
}

/** 考评事件: record (office, or a chief in their section), verify/dismiss (office), appeal (the person), decide (office). */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Env) private readonly env: Env,
    private readonly org: OrgService,
    private readonly files: FilesService,
    private readonly notices: NoticesService,
  ) {}

  private ruleTexts = new Map(listRules(schemeById('jiguan')).map((r) => [r.id, r.text]));

  /** Cost preview of a rule (throws a field error for an unknown variant). */
  costOf(rule: string, variant?: string | null, field = 'variant'): string {
    try {
      return formatCost(previewRuleCost(schemeById('jiguan'), rule, variant ?? undefined));
    } catch (err) {
      if (err instanceof ScoringInputError) throw DomainError.invalid(field, `细则 ${rule} 没有“${variant}”情形`);
      throw err;
    }
  }

  /**
   * Checks an incident to be recorded and returns the person's section on the date. Field errors name the field;
   * a chief outside their section gets OUT_OF_SCOPE.
   */
  async check(user: PersonPrincipal, input: NewIncident, em: EntityManager): Promise<{ sectionId: string; variant: string | null }> {
    const scheme = schemeById('jiguan');
    const rule = scheme.rules.find((r) => r.id === input.rule);
    if (!rule || rule.kind !== 'event') throw DomainError.invalid('rule', `细则 ${input.rule} 不能作为考评事件记录`);
    const variants = Object.keys(rule.variants);
    let variant: string | null = input.variant ?? null;
    if (variants.length === 0 && variant) throw DomainError.invalid('variant', `细则 ${input.rule} 不区分情形，请不要填写情形`);
    if (variants.length > 0) {
      variant ??= rule.defaultVariant ?? variants[0]!;
      if (!variants.includes(variant)) throw DomainError.invalid('variant', `细则 ${input.rule} 的情形只能是：${variants.join('、')}`);
    }
    if (input.date > this.org.today()) throw DomainError.invalid('date', '发生日期不能晚于今天');
    const person = await em.getRepository(Person).findOneBy({ id: input.personId });
    if (!person) throw DomainError.invalid('personId', '当事人不存在');
    const m = await this.org.membershipOn(input.personId, input.date, em);
    if (!m) throw DomainError.invalid('date', `${person.name}在 ${input.date} 不在任何处室任职，请核对日期`);
    const section = await em.getRepository(Section).findOneBy({ id: m.sectionId });
    if (!section?.category) throw DomainError.invalid('personId', `${person.name}所在单位不参加机关绩效考评`);
    if (user.role === 'chief' && m.sectionId !== user.sectionId) {
      throw DomainError.forbidden('只能记录本处室人员（事件发生当日在本处室任职）的考评事件');
    }
    return { sectionId: m.sectionId, variant };
  }

  async create(user: PersonPrincipal, input: NewIncident, origin: 'manual' | 'import' = 'manual', em?: EntityManager): Promise<IncidentDto> {
    const run = async (tx: EntityManager) => {
      const { sectionId, variant } = await this.check(user, input, tx);
      const incident = tx.getRepository(Incident).create({
        scheme: 'jiguan',
        rule: input.rule,
        variant,
        personId: input.personId,
        sectionId,
        date: input.date,
        description: input.description,
        status: 'pending',
        appealStatus: null,
        appealDeadline: null,
        fileIds: [...new Set(input.fileIds ?? [])],
        recordedBy: user.id,
        origin,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      await this.files.claim(incident.fileIds, user, 'incident', tx, 'fileIds');
      await tx.getRepository(Incident).insert(incident);
      await this.transition(tx, incident, 'record', null, 'pending', user.id, null);
      await this.notices.notify(tx, [
        {
          personId: incident.personId,
          kind: 'incident',
          title: '新的考评事件待核实',
          body: `${input.date} ${input.rule}：${input.description.slice(0, 60)}`,
          link: `${INCIDENT_PAGE}?id=${incident.id}`,
        },
      ]);
      return incident;
    };
    const incident = em ? await run(em) : await this.ds.transaction(run);
    return this.toDto(incident, em);
  }

  private async transition(em: EntityManager, i: Incident, action: string, from: string | null, to: string, actorId: string, note: string | null): Promise<void> {
    const repo = em.getRepository(IncidentTransition);
    const step = (await repo.count({ where: { incidentId: i.id } })) + 1;
    await repo.insert(repo.create({ incidentId: i.id, step, action, fromStatus: from, toStatus: to, actorId, note, at: this.clock.now() }));
  }

  private async load(em: EntityManager, id: string): Promise<Incident> {
    const repo = em.getRepository(Incident);
    const qb = repo.createQueryBuilder('i').where('i.id = :id', { id });
    if (this.ds.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    const i = await qb.getOne();
    if (!i) throw DomainError.notFound('考评事件', 'id');
    return i;
  }

  async verify(user: PersonPrincipal, id: string, note?: string): Promise<IncidentDto> {
    const i = await this.ds.transaction(async (em) => {
      const i = await this.load(em, id);
      if (i.status !== 'pending') throw new DomainError('INCIDENT_STATE', `该事件${i.status === 'verified' ? '已核实' : '已撤销'}，不能再核实`);
      const today = this.org.today();
      i.status = 'verified';
      i.decidedBy = user.id;
      i.decidedAt = this.clock.now();
      i.decisionNote = note || null;
      i.appealDeadline = addDays(today, this.env.APPEAL_DAYS);
      await em.getRepository(Incident).save(i);
      await this.transition(em, i, 'verify', 'pending', 'verified', user.id, note || null);
      await this.notices.notify(em, [
        {
          personId: i.personId,
          kind: 'incident',
          title: '考评事件已核实',
          body: `${i.date} ${i.rule} 已核实计分。如有异议，可在 ${i.appealDeadline} 前提出申诉。`,
          link: `${INCIDENT_PAGE}?id=${i.id}`,
        },
      ]);
      return i;
    });
    return this.toDto(i);
  }

  async dismiss(user: PersonPrincipal, id: string, note?: string): Promise<IncidentDto> {
    const i = await this.ds.transaction(async (em) => {
      const i = await this.load(em, id);
      if (i.status === 'dismissed') throw new DomainError('INCIDENT_STATE', '该事件已撤销');
      if (i.appealStatus === 'open') throw new DomainError('INCIDENT_STATE', '该事件正在申诉中，请通过申诉处理决定');
      const from = i.status;
      i.status = 'dismissed';
      i.decidedBy = user.id;
      i.decidedAt = this.clock.now();
      i.decisionNote = note || null;
      await em.getRepository(Incident).save(i);
      await this.transition(em, i, 'dismiss', from, 'dismissed', user.id, note || null);
      await this.notices.notify(em, [
        { personId: i.personId, kind: 'incident', title: '考评事件已撤销', body: `${i.date} ${i.rule} 经核查不予计分。`, link: `${INCIDENT_PAGE}?id=${i.id}` },
      ]);
      return i;
    });
    return this.toDto(i);
  }

  async appeal(user: PersonPrincipal, id: string, reason: string, fileIds: string[] = []): Promise<IncidentDto> {
    const i = await this.ds.transaction(async (em) => {
      const i = await this.load(em, id);
      if (i.personId !== user.id) throw DomainError.forbidden('只有当事人本人可以申诉');
      if (i.status !== 'verified') throw new DomainError('INCIDENT_STATE', '只有已核实的事件可以申诉');
      if (i.appealStatus) throw new DomainError('INCIDENT_STATE', '该事件已申诉过，不能重复申诉');
      if (!i.appealDeadline || this.org.today() > i.appealDeadline) {
        throw new DomainError('APPEAL_CLOSED', `申诉期已过（截止 ${i.appealDeadline ?? '—'}），如有异议请联系考评办`);
      }
      await this.files.claim(fileIds, user, 'appeal', em, 'fileIds');
      const repo = em.getRepository(Appeal);
      await repo.insert(
        repo.create({ incidentId: i.id, personId: user.id, reason, fileIds: [...new Set(fileIds)], status: 'open', submittedAt: this.clock.now(), decidedBy: null, decidedAt: null, decisionNote: null }),
      );
      i.appealStatus = 'open';
      await em.getRepository(Incident).save(i);
      await this.transition(em, i, 'appeal', 'verified', 'verified', user.id, reason);
      await this.notices.notifyOffice(em, { kind: 'appeal', title: '新的申诉待处理', body: `${user.name}对 ${i.date} ${i.rule} 提出申诉`, link: `${INCIDENT_PAGE}?id=${i.id}` });
      return i;
    });
    return this.toDto(i);
  }

  async decideAppeal(user: PersonPrincipal, id: string, decision: 'upheld' | 'rejected', note: string): Promise<IncidentDto> {
    const i = await this.ds.transaction(async (em) => {
      const i = await this.load(em, id);
      if (i.appealStatus !== 'open') throw new DomainError('INCIDENT_STATE', '该事件没有待处理的申诉');
      const appeal = await em.getRepository(Appeal).findOneByOrFail({ incidentId: i.id, status: 'open' });
      appeal.status = decision;
      appeal.decidedBy = user.id;
      appeal.decidedAt = this.clock.now();
      appeal.decisionNote = note;
      await em.getRepository(Appeal).save(appeal);
      i.appealStatus = decision;
      const from = i.status;
      if (decision === 'upheld') {
        i.status = 'dismissed';
        i.decidedBy = user.id;
        i.decidedAt = this.clock.now();
        i.decisionNote = note;
      }
      await em.getRepository(Incident).save(i);
      await this.transition(em, i, decision === 'upheld' ? 'appeal-upheld' : 'appeal-rejected', from, i.status, user.id, note);
      await this.notices.notify(em, [
        {
          personId: i.personId,
          kind: 'appeal',
          title: decision === 'upheld' ? '申诉成立' : '申诉被驳回',
          body: decision === 'upheld' ? `${i.date} ${i.rule} 已撤销，不予计分。${note}` : `${i.date} ${i.rule} 维持原认定，恢复计分。${note}`,
          link: `${INCIDENT_PAGE}?id=${i.id}`,
        },
      ]);
      return i;
    });
    return this.toDto(i);
  }

  /** Imports incidents from an Excel sheet: all rows or none; every bad row is reported as `{ row, field, message }`. */
  async importSheet(user: PersonPrincipal, bytes: Buffer | undefined): Promise<{ imported: number; ids: string[] }> {
    if (!bytes || bytes.length === 0) throw DomainError.invalid('file', '请选择要导入的 Excel 文件');
    const { rows, errors } = await parseIncidentSheet(bytes);
    const fail = (errs: { row: number; field: string; message: string }[]) =>
      new DomainError('VALIDATION_FAILED', `导入失败：${errs.length} 处错误，未导入任何记录。${errs[0]!.message}`, 'file', errs);
    if (errors.length) throw fail(errors);
    return this.ds.transaction(async (em) => {
      const ids: string[] = [];
      const rowErrors: { row: number; field: string; message: string }[] = [];
      for (const r of rows) {
        try {
          await this.check(user, r.input, em);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          rowErrors.push({ row: r.row, field: err.field ?? 'row', message: `第 ${r.row} 行：${err.message}` });
        }
      }
      if (rowErrors.length) throw fail(rowErrors);
      for (const r of rows) ids.push((await this.create(user, r.input, 'import', em)).id);
      return { imported: ids.length, ids };
    });
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────────────────────

  async list(
    user: PersonPrincipal,
    q: { status?: IncidentStatus; appeal?: 'open'; personId?: string; sectionId?: string; year?: number },
  ): Promise<IncidentDto[]> {
    const where: FindOptionsWhere<Incident> = {};
    if (q.status) where.status = q.status;
    if (q.appeal) where.appealStatus = q.appeal;
    if (q.personId) where.personId = q.personId;
    if (q.sectionId) where.sectionId = q.sectionId;
    if (user.role === 'staff') {
      if (q.personId && q.personId !== user.id) throw DomainError.forbidden('只能查看本人的考评事件');
      where.personId = user.id;
    }
    let rows = await this.ds.getRepository(Incident).find({ where, order: { date: 'DESC', createdAt: 'DESC' }, take: 500 });
    if (q.year) rows = rows.filter((r) => r.date.startsWith(String(q.year)));
    if (user.role === 'chief') {
      if (q.sectionId && q.sectionId !== user.sectionId) throw DomainError.forbidden('只能查看本处室的考评事件');
      rows = rows.filter((r) => r.sectionId === user.sectionId || r.personId === user.id);
    }
    return this.toDtos(rows);
  }

  async assertCanRead(user: PersonPrincipal, i: Incident): Promise<void> {
    if (user.role === 'office' || user.role === 'leader' || i.personId === user.id) return;
    if (user.role === 'chief' && i.sectionId === user.sectionId) return;
    const target = await this.org.principalFor(i.personId);
    if (target && canReadPerson(user, { id: target.id, sectionId: target.sectionId })) return;
    throw DomainError.forbidden('无权查看该考评事件');
  }

  async detail(user: PersonPrincipal, id: string): Promise<IncidentDetailDto> {
    const i = await this.ds.getRepository(Incident).findOneBy({ id });
    if (!i) throw DomainError.notFound('考评事件', 'id');
    await this.assertCanRead(user, i);
    const [dto] = await this.toDtos([i]);
    const transitions = await this.ds.getRepository(IncidentTransition).find({ where: { incidentId: id }, order: { step: 'ASC' } });
    const appeals = await this.ds.getRepository(Appeal).find({ where: { incidentId: id }, order: { submittedAt: 'ASC' } });
    const names = new Map((await this.org.peopleByIds([...new Set(transitions.map((t) => t.actorId))])).map((p) => [p.id, p.name]));
    // signed preview URLs only now, after the read check above
    const previews = new Map((await this.files.previews([...i.fileIds, ...appeals.flatMap((a) => a.fileIds)])).map((f) => [f.id, f]));
    const pick = (ids: string[]) => ids.flatMap((f) => (previews.has(f) ? [previews.get(f)!] : []));
    return {
      ...dto!,
      files: pick(i.fileIds),
      transitions: transitions.map((t) => ({
        action: t.action,
        fromStatus: t.fromStatus,
        toStatus: t.toStatus,
        actorId: t.actorId,
        actorName: names.get(t.actorId) ?? t.actorId,
        note: t.note,
        at: new Date(t.at).toISOString(),
      })),
      appeals: appeals.map((a) => ({
        id: a.id,
        reason: a.reason,
        fileIds: a.fileIds,
        files: pick(a.fileIds),
        status: a.status,
        submittedAt: new Date(a.submittedAt).toISOString(),
        decidedAt: a.decidedAt ? new Date(a.decidedAt).toISOString() : null,
        decisionNote: a.decisionNote,
      })),
    };
  }

  /** An evidence file of an incident (or of its appeal), to anyone who may read the incident. */
  async evidenceFile(user: PersonPrincipal, id: string, fileId: string): Promise<{ incident: Incident; ownerId: string }> {
    const i = await this.ds.getRepository(Incident).findOneBy({ id });
    if (!i) throw DomainError.notFound('考评事件', 'id');
    await this.assertCanRead(user, i);
    const appeals = await this.ds.getRepository(Appeal).findBy({ incidentId: id });
    if (i.fileIds.includes(fileId)) return { incident: i, ownerId: i.recordedBy };
    const a = appeals.find((x) => x.fileIds.includes(fileId));
    if (a) return { incident: i, ownerId: a.personId };
    throw DomainError.notFound('附件', 'fileId');
  }

  async toDto(i: Incident, em?: EntityManager): Promise<IncidentDto> {
    const [dto] = await this.toDtos([i], em);
    return dto!;
  }

  async toDtos(rows: Incident[], em: EntityManager = this.ds.manager): Promise<IncidentDto[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.personId, r.recordedBy]))];
    const people = new Map((ids.length ? await em.getRepository(Person).findBy({ id: In(ids) }) : []).map((p) => [p.id, p.name]));
    const sections = new Map((await em.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const today = this.org.today();
    return rows.map((i) => ({
      id: i.id,
      scheme: i.scheme,
      rule: i.rule,
      ruleText: this.ruleTexts.get(i.rule) ?? i.rule,
      variant: i.variant,
      personId: i.personId,
      personName: people.get(i.personId) ?? i.personId,
      sectionId: i.sectionId,
      sectionName: sections.get(i.sectionId) ?? i.sectionId,
      date: i.date,
      description: i.description,
      status: i.status,
      appealStatus: i.appealStatus,
      appealDeadline: i.appealDeadline,
      canAppeal: i.status === 'verified' && !i.appealStatus && !!i.appealDeadline && today <= i.appealDeadline,
      counted: i.status === 'verified' && i.appealStatus !== 'open',
      cost: this.costOf(i.rule, i.variant),
      fileIds: i.fileIds,
      recordedBy: i.recordedBy,
      recordedByName: people.get(i.recordedBy) ?? i.recordedBy,
      createdAt: new Date(i.createdAt ?? this.clock.now()).toISOString(),
      decisionNote: i.decisionNote,
    }));
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REMINDER_KIND_DESCRIPTIONS,
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  WECHAT_OUTCOMES,
  type ReminderDeliveryDto,
  type ReminderDeliveryListDto,
  type ReminderKind,
  type ReminderKindSettingDto,
  type ReminderSettingsDto,
  type SweepResultDto,
  type WechatOutcome,
} from '@kaoping/contracts';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { NoticesService } from '../notices/notices.service.js';
import { Person } from '../org/person.entity.js';
import { DueRemindersService, type DueReminder, type RosterEntry, type SweepContext } from './due-reminders.service.js';
import { reminderConfig, type ReminderConfig } from './reminder-config.js';
import { Reminder, ReminderSetting, WechatConsent } from './reminder.entities.js';
import { templateData } from './template-data.js';
import { WechatMessageClient, type SendResult } from './wechat-message.client.js';

export type SweepResult = SweepResultDto;

/** After this many transient WeChat failures in a row, the rest of the sweep does not call WeChat (recorded as failed). */
export const SWEEP_BREAKER = 3;

/** Who a kind applies to (the 提醒设置 page lists only these). */
export function kindsFor(p: Pick<PersonPrincipal, 'role' | 'position' | 'sectionId' | 'branchSecretary'>): ReminderKind[] {
  const chief = p.position === 'chief';
  return REMINDER_KINDS.filter((k) => {
    switch (k) {
      case 'diary':
        return !!p.sectionId;
      case 'leave_approval':
        return chief || p.role === 'office';
      case 'monthly_report':
        return chief;
      case 'meeting_pace':
        return chief || p.branchSecretary;
      default:
        return true;
    }
  });
}

const keyOf = (r: Pick<DueReminder, 'personId' | 'kind' | 'subject' | 'dueDate'>) => `${r.personId}|${r.kind}|${r.subject.slice(0, 80)}|${r.dueDate}`;

interface Planned {
  outcome: WechatOutcome;
  detail: string | null;
  templateId: string | null;
}

/**
 * Reminders: finds what is due (DueRemindersService), turns each into an in-app notice and — where the bureau set a
 * template, the person bound WeChat and subscribed — a WeChat subscription message. Once only: the reminder row's
 * unique key is written in the same transaction as the notice, so a second sweep (or a second API instance
 * sweeping at the same moment) finds the key taken and sends nothing. The background job queue calls `sweep`
 * periodically; the office can run it now (POST /api/reminders/sweep).
 */
@Injectable()
export class RemindersService {
  private readonly log = new Logger('Reminders');
  private readonly cfg: ReminderConfig;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly due: DueRemindersService,
    private readonly notices: NoticesService,
    private readonly wechat: WechatMessageClient,
  ) {
    this.cfg = reminderConfig(env);
  }

  /**
   * Computes what is due at `now` and delivers each reminder once. Safe to run repeatedly and concurrently: sweeps
   * of one process run one after the other (the embedded SQLite has one connection, whose transactions must not
   * interleave); sweeps of several API instances meet at the unique key.
   */
  sweep(now: Date): Promise<SweepResult> {
    const run = this.queue.then(() => this.sweepNow(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sweepNow(now: Date): Promise<SweepResult> {
    const ctx = await this.due.context(now);
    const found = await this.due.collect(ctx);
    const off = await this.turnedOff(found.map((r) => r.personId));
    const done = await this.alreadyDelivered(found);
    const result: SweepResult = {
      at: now.toISOString(),
      date: ctx.today,
      due: 0,
      created: 0,
      duplicates: 0,
      turnedOff: 0,
      errors: 0,
      wechat: { sent: 0, refused: 0, failed: 0, disabled: 0 },
    };
    let transientInRow = 0;
    for (const r of found) {
      if (off.has(`${r.personId}|${r.kind}`)) {
        result.turnedOff += 1;
        continue;
      }
      result.due += 1;
      if (done.has(keyOf(r))) {
        result.duplicates += 1;
        continue;
      }
      let recorded: { reminder: Reminder; planned: Planned } | null;
      try {
        recorded = await this.record(r, ctx);
      } catch (err) {
        result.errors += 1;
        this.log.warn(`reminder ${r.kind}/${r.subject} for ${r.personId} not recorded: ${(err as Error).message}`);
        continue;
      }
      if (!recorded) {
        result.duplicates += 1;
        continue;
      }
      result.created += 1;
      const { reminder, planned } = recorded;
      if (planned.outcome !== 'pending') {
        result.wechat[planned.outcome as 'disabled'] += 1;
        continue;
      }
      let sent: SendResult;
      if (transientInRow >= SWEEP_BREAKER) {
        sent = { outcome: 'failed', attempts: 0, errcode: null, detail: '微信服务连续不可用，本轮未发送', transient: true };
      } else {
        sent = await this.wechat.send({
          touser: ctx.roster.get(r.personId)!.openid!,
          templateId: planned.templateId!,
          page: r.link.replace(/^\//, ''),
          data: templateData(this.cfg.fields, this.values(r, ctx)),
        });
        transientInRow = sent.outcome === 'failed' && sent.transient ? transientInRow + 1 : 0;
      }
      result.wechat[sent.outcome] += 1;
      try {
        await this.settle(reminder, sent);
      } catch (err) {
        // the notice is there and the message went (or not); the row stays "pending" for the office to see
        result.errors += 1;
        this.log.warn(`reminder ${reminder.id}: WeChat outcome ${sent.outcome} not recorded: ${(err as Error).message}`);
      }
    }
    return result;
  }

  private async turnedOff(personIds: string[]): Promise<Set<string>> {
    const ids = [...new Set(personIds)];
    if (!ids.length) return new Set();
    const rows = await this.ds.getRepository(ReminderSetting).find({ where: { personId: In(ids), enabled: false } });
    return new Set(rows.map((s) => `${s.personId}|${s.kind}`));
  }

  /** Keys already delivered (a cheap pre-check; the unique index decides races). */
  private async alreadyDelivered(found: DueReminder[]): Promise<Set<string>> {
    if (!found.length) return new Set();
    const rows = await this.ds.getRepository(Reminder).find({
      where: { personId: In([...new Set(found.map((r) => r.personId))]), dueDate: In([...new Set(found.map((r) => r.dueDate))]) },
      select: { personId: true, kind: true, subject: true, dueDate: true },
    });
    return new Set(rows.map((r) => keyOf(r)));
  }

  /** Whether a WeChat message goes out, and if not, why. */
  private async plan(em: EntityManager, r: DueReminder, person: RosterEntry | undefined): Promise<Planned> {
    const templateId = this.cfg.templates[r.kind];
    if (!templateId) return { outcome: 'disabled', detail: '未配置该类提醒的订阅消息模板', templateId: null };
    if (!this.wechat.configured) return { outcome: 'disabled', detail: '未配置微信小程序 AppID/AppSecret', templateId };
    if (!person?.openid) return { outcome: 'disabled', detail: '未绑定微信，仅站内通知', templateId };
    const repo = em.getRepository(WechatConsent);
    const consent = await repo.findOneBy({ personId: r.personId, templateId });
    if (!consent?.accepted) return { outcome: 'disabled', detail: '未订阅微信提醒', templateId };
    if (this.cfg.longTerm) return { outcome: 'pending', detail: null, templateId };
    // one-time subscription: use one accepted request (restored if the message then fails)
    const used = await repo
      .createQueryBuilder()
      .update(WechatConsent)
      .set({ credits: () => 'credits - 1' })
      .where('id = :id AND credits > 0', { id: consent.id })
      .execute();
    if (!used.affected) return { outcome: 'disabled', detail: '微信订阅次数已用完，请在提醒设置中重新订阅', templateId };
    return { outcome: 'pending', detail: null, templateId };
  }

  /**
   * Writes the once-only row, then the notice, in one transaction; null when the key was already taken. The row
   * goes first: a second writer waits on (or fails at) the unique key before doing anything else, and the
   * transaction starts with a write (SQLite never has to upgrade a read snapshot).
   */
  private async record(r: DueReminder, ctx: SweepContext): Promise<{ reminder: Reminder; planned: Planned } | null> {
    try {
      return await this.ds.transaction(async (em) => {
        const repo = em.getRepository(Reminder);
        const reminder = repo.create({
          personId: r.personId,
          kind: r.kind,
          subject: r.subject.slice(0, 80),
          dueDate: r.dueDate,
          title: r.title.slice(0, 100),
          body: r.body.slice(0, 500),
          noticeId: null,
          templateId: null,
          wechatOutcome: 'pending',
          wechatDetail: null,
          attempts: 0,
          deliveredAt: null,
        });
        await repo.insert(reminder);
        const planned = await this.plan(em, r, ctx.roster.get(r.personId));
        const [noticeId] = await this.notices.notify(em, [{ personId: r.personId, kind: 'reminder', title: reminder.title, body: reminder.body, link: r.link }]);
        const patch = {
          noticeId: noticeId ?? null,
          templateId: planned.templateId,
          wechatOutcome: planned.outcome,
          wechatDetail: planned.detail,
          deliveredAt: planned.outcome === 'pending' ? null : this.clock.now(),
        };
        await repo.update({ id: reminder.id }, patch);
        return { reminder: Object.assign(reminder, patch), planned };
      });
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /** Records the WeChat outcome; a refusal withdraws the consent, a failure gives the used subscription back. */
  private async settle(reminder: Reminder, sent: SendResult): Promise<void> {
    const detail = sent.outcome === 'sent' ? null : sent.detail.slice(0, 200);
    await this.ds.transaction(async (em) => {
      await em.getRepository(Reminder).update({ id: reminder.id }, { wechatOutcome: sent.outcome, wechatDetail: detail, attempts: sent.attempts, deliveredAt: this.clock.now() });
      const where = { personId: reminder.personId, templateId: reminder.templateId! };
      if (sent.outcome === 'refused') {
        await em.getRepository(WechatConsent).update(where, { accepted: false, credits: 0, refusedAt: this.clock.now() });
      } else if (sent.outcome === 'failed' && !this.cfg.longTerm) {
        await em
          .createQueryBuilder()
          .update(WechatConsent)
          .set({ credits: () => 'credits + 1' })
          .where('personId = :personId AND templateId = :templateId', where)
          .execute();
      }
    });
  }

  private values(r: DueReminder, ctx: SweepContext) {
    const person = ctx.roster.get(r.personId);
    return {
      title: r.title,
      note: r.note,
      time: `${ctx.today} ${ctx.time}`,
      deadline: r.deadline ?? r.dueDate,
      name: person?.name ?? '',
      section: person?.sectionName ?? '—',
    };
  }

  // ── settings and consent (the person) ──

  async settings(user: PersonPrincipal): Promise<ReminderSettingsDto> {
    const [person, settings, consents] = await Promise.all([
      this.ds.getRepository(Person).findOneBy({ id: user.id }),
      this.ds.getRepository(ReminderSetting).findBy({ personId: user.id }),
      this.ds.getRepository(WechatConsent).findBy({ personId: user.id }),
    ]);
    const bound = !!person?.openid;
    const enabled = new Map(settings.map((s) => [s.kind, !!s.enabled]));
    const consent = new Map(consents.map((c) => [c.templateId, c]));
    const kinds = kindsFor(user).map((kind): ReminderKindSettingDto => {
      const templateId = this.cfg.templates[kind];
      const c = templateId ? consent.get(templateId) : undefined;
      const subscribed = !!c?.accepted && (this.cfg.longTerm || c.credits > 0);
      return {
        kind,
        label: REMINDER_KIND_LABELS[kind],
        description: REMINDER_KIND_DESCRIPTIONS[kind],
        enabled: enabled.get(kind) ?? true,
        templateId,
        wechat: !templateId || !this.wechat.configured ? 'no_template' : !bound ? 'not_bound' : subscribed ? 'subscribed' : 'not_subscribed',
        remaining: this.cfg.longTerm ? null : (c?.accepted ? c.credits : 0),
      };
    });
    return { bound, longTerm: this.cfg.longTerm, kinds };
  }

  async setEnabled(user: PersonPrincipal, kind: ReminderKind, enabled: boolean): Promise<ReminderSettingsDto> {
    const repo = this.ds.getRepository(ReminderSetting);
    const existing = await repo.findOneBy({ personId: user.id, kind });
    if (existing) {
      if (!!existing.enabled !== enabled) await repo.update({ id: existing.id }, { enabled });
    } else {
      try {
        await repo.insert(repo.create({ personId: user.id, kind, enabled }));
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await repo.update({ personId: user.id, kind }, { enabled });
      }
    }
    return this.settings(user);
  }

  /**
   * What `wx.requestSubscribeMessage` answered: accepted template ids (+1 message each for one-time templates) and
   * refused ones (reject, ban, filter: consent withdrawn). Only the bureau's configured templates are accepted.
   */
  async consent(user: PersonPrincipal, accepted: string[], rejected: string[]): Promise<ReminderSettingsDto> {
    const known = new Set(Object.values(this.cfg.templates).filter((t): t is string => !!t));
    for (const [field, ids] of [['accepted', accepted], ['rejected', rejected]] as const) {
      const unknown = ids.find((id) => !known.has(id));
      if (unknown) throw DomainError.invalid(field, `${field} 中的模板“${unknown}”不是本局配置的订阅消息模板`);
    }
    const both = accepted.find((id) => rejected.includes(id));
    if (both) throw DomainError.invalid('rejected', `模板“${both}”不能同时接受和拒绝`);
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(WechatConsent);
      for (const templateId of [...new Set([...accepted, ...rejected])]) {
        const ok = accepted.includes(templateId);
        let row = await repo.findOneBy({ personId: user.id, templateId });
        if (!row) {
          row = repo.create({ personId: user.id, templateId, accepted: false, credits: 0, acceptedAt: null, refusedAt: null });
          await repo.insert(row);
        }
        if (ok) {
          await em
            .createQueryBuilder()
            .update(WechatConsent)
            .set({ accepted: true, credits: () => 'credits + 1', acceptedAt: now })
            .where('id = :id', { id: row.id })
            .execute();
        } else {
          await repo.update({ id: row.id }, { accepted: false, credits: 0, refusedAt: now });
        }
      }
    });
    return this.settings(user);
  }

  // ── deliveries (the office) ──

  async list(q: { kind?: ReminderKind; outcome?: WechatOutcome; personId?: string; dueDate?: string; limit?: number }): Promise<ReminderDeliveryListDto> {
    const where: FindOptionsWhere<Reminder> = {};
    if (q.kind) where.kind = q.kind;
    if (q.personId) where.personId = q.personId;
    if (q.dueDate) where.dueDate = q.dueDate;
    const repo = this.ds.getRepository(Reminder);
    const grouped = (await repo
      .createQueryBuilder('r')
      .select('r.wechatOutcome', 'outcome')
      .addSelect('COUNT(*)', 'n')
      .where(where)
      .groupBy('r.wechatOutcome')
      .getRawMany()) as { outcome: WechatOutcome; n: number | string }[];
    const counts = Object.fromEntries(WECHAT_OUTCOMES.map((o) => [o, 0])) as Record<WechatOutcome, number>;
    for (const g of grouped) counts[g.outcome] = Number(g.n);
    if (q.outcome) where.wechatOutcome = q.outcome;
    const rows = await repo.find({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: q.limit ?? 100 });
    const names = new Map((rows.length ? await this.ds.getRepository(Person).findBy({ id: In([...new Set(rows.map((r) => r.personId))]) }) : []).map((p) => [p.id, p.name]));
    const items = rows.map(
      (r): ReminderDeliveryDto => ({
        id: r.id,
        personId: r.personId,
        personName: names.get(r.personId) ?? r.personId,
        kind: r.kind,
        subject: r.subject,
        dueDate: r.dueDate,
        title: r.title,
        body: r.body,
        noticeId: r.noticeId,
        wechatOutcome: r.wechatOutcome,
        wechatDetail: r.wechatDetail,
        attempts: r.attempts,
        createdAt: new Date(r.createdAt).toISOString(),
        deliveredAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null,
      }),
    );
    return { counts, items };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEDGER_TARGETS, type Position, type ReminderKind } from '@kaoping/contracts';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { LeaveRequest } from '../attendance/leave-request.entity.js';
import { MonthlyReport } from '../attendance/monthly-report.entity.js';
import { localTime } from '../attendance/zoned-time.js';
import { addDays, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { DiaryEntry } from '../diary/diary.entities.js';
import { DiaryService } from '../diary/diary.service.js';
import { Gathering } from '../ledgers/ledger.entities.js';
import { pace } from '../ledgers/pace.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { Incident } from '../records/incident.entity.js';
import { DemocraticCampaign, DemocraticRater, Survey, SurveyInvitation } from '../surveys/survey.entities.js';
import { ABSENCE_LEAVE_TYPES_EXCLUDED, closingSoon, CLOSING_SOON_DAYS, diaryDue, inWindow, monthStart, previousMonth, whenLeft } from './reminder-rules.js';

/** One reminder found due. (person, kind, subject, dueDate) is its once-only key. */
export interface DueReminder {
  personId: string;
  kind: ReminderKind;
  subject: string;
  dueDate: string;
  /** Notice title (≤ 100) and the WeChat `title` value. */
  title: string;
  /** Notice body (≤ 500). */
  body: string;
  /** A short detail for the WeChat `note` value. */
  note: string;
  /** Mini-program page, absolute (`/subpackages/…`). */
  link: string;
  /** The last day, when there is one. */
  deadline?: string;
}

/** Who is who on a day: active people with their membership in force. */
export interface RosterEntry {
  id: string;
  name: string;
  openid: string | null;
  accessRole: 'office' | 'leader' | null;
  branchSecretary: boolean;
  sectionId: string | null;
  sectionName: string | null;
  position: Position | null;
}

export interface SweepContext {
  now: Date;
  today: string;
  /** Wall-clock time in the bureau's zone, `HH:MM`. */
  time: string;
  roster: Map<string, RosterEntry>;
  /** Today is a working day by the bureau's default schedule and the work calendar. */
  workingDay: boolean;
}

export const PAGES = {
  diary: '/subpackages/officer/pages/diary/index',
  approvals: '/subpackages/officer/pages/att-approvals/index',
  incident: '/subpackages/officer/pages/incident-detail/index',
  incidents: '/subpackages/officer/pages/incidents/index',
  democratic: '/subpackages/officer/pages/democratic/index',
  surveysAdmin: '/subpackages/admin/pages/surveys/index',
  attSection: '/subpackages/officer/pages/att-section/index',
  meetings: '/subpackages/officer/pages/meetings/index',
  branch: '/subpackages/officer/pages/branch/index',
} as const;

/**
 * What is due, computed from the other modules' records in the bureau's time zone. Each kind is one method; the
 * sweep (RemindersService) filters by the people's settings and delivers.
 */
@Injectable()
export class DueRemindersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    private readonly diary: DiaryService,
  ) {}

  async context(now: Date): Promise<SweepContext> {
    const tz = this.env.BUREAU_TIMEZONE;
    const today = localDate(now, tz);
    const roster = await this.roster(today);
    const workingDay = (await this.diary.workingDaysOf(null, today, today)).length === 1;
    return { now, today, time: localTime(now, tz), roster, workingDay };
  }

  /** Everything due at `ctx.now` (nothing outside the delivery window). */
  async collect(ctx: SweepContext): Promise<DueReminder[]> {
    if (!inWindow(ctx.time, this.env.REMINDER_WINDOW)) return [];
    const parts = await Promise.all([
      this.diaryReminders(ctx),
      this.leaveApprovals(ctx),
      this.incidents(ctx),
      this.surveys(ctx),
      this.monthlyReports(ctx),
      this.meetingPace(ctx),
    ]);
    return parts.flat();
  }

  private async roster(today: string): Promise<Map<string, RosterEntry>> {
    const [people, memberships, sections] = await Promise.all([
      this.ds.getRepository(Person).findBy({ active: true }),
      this.ds.getRepository(Membership).find({
        where: [
          { from: LessThanOrEqual(today), to: IsNull() },
          { from: LessThanOrEqual(today), to: MoreThanOrEqual(today) },
        ],
        order: { from: 'ASC' },
      }),
      this.ds.getRepository(Section).find(),
    ]);
    const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
    const byPerson = new Map(memberships.map((m) => [m.personId, m])); // the latest `from` wins
    const out = new Map<string, RosterEntry>();
    for (const p of people) {
      const m = byPerson.get(p.id);
      out.set(p.id, {
        id: p.id,
        name: p.name,
        openid: p.openid,
        accessRole: p.accessRole,
        branchSecretary: !!p.branchSecretary,
        sectionId: m?.sectionId ?? null,
        sectionName: m ? (sectionNames.get(m.sectionId) ?? null) : null,
        position: m?.position ?? null,
      });
    }
    return out;
  }

  private office(ctx: SweepContext): RosterEntry[] {
    return [...ctx.roster.values()].filter((p) => p.accessRole === 'office');
  }

  private chiefOf(ctx: SweepContext, sectionId: string | null): RosterEntry | undefined {
    if (!sectionId) return undefined;
    return [...ctx.roster.values()].find((p) => p.sectionId === sectionId && p.position === 'chief');
  }

  /** Today's diary not written yet, after REMINDER_DIARY_TIME on the person's working day, unless on leave. */
  private async diaryReminders(ctx: SweepContext): Promise<DueReminder[]> {
    if (!diaryDue(ctx.time, this.env.REMINDER_DIARY_TIME)) return [];
    const members = [...ctx.roster.values()].filter((p) => p.sectionId);
    if (!members.length) return [];
    const working = new Map<string, boolean>();
    for (const sectionId of new Set(members.map((p) => p.sectionId!))) {
      working.set(sectionId, (await this.diary.workingDaysOf(sectionId, ctx.today, ctx.today)).length === 1);
    }
    const ids = members.map((p) => p.id);
    const written = new Set((await this.ds.getRepository(DiaryEntry).find({ where: { personId: In(ids), date: ctx.today }, select: { personId: true } })).map((e) => e.personId));
    const away = new Set(
      (
        await this.ds.getRepository(LeaveRequest).find({
          where: { personId: In(ids), status: 'approved', fromDate: LessThanOrEqual(ctx.today), toDate: MoreThanOrEqual(ctx.today) },
          select: { personId: true, type: true },
        })
      )
        .filter((l) => !ABSENCE_LEAVE_TYPES_EXCLUDED.has(l.type))
        .map((l) => l.personId),
    );
    return members
      .filter((p) => working.get(p.sectionId!) && !written.has(p.id) && !away.has(p.id))
      .map((p) => ({
        personId: p.id,
        kind: 'diary',
        subject: ctx.today,
        dueDate: ctx.today,
        title: '今日工作日记未填写',
        body: `今天（${ctx.today}）的工作日记还没有填写，请在下班前记下做了什么、为谁、结果如何。`,
        note: '请在下班前填写',
        link: PAGES.diary,
        deadline: ctx.today,
      }));
  }

  /** Pending leave, field-work and trip requests: to the section's chief, or (a chief's own) to the office. Daily. */
  private async leaveApprovals(ctx: SweepContext): Promise<DueReminder[]> {
    const pending = await this.ds.getRepository(LeaveRequest).find({ where: { status: 'pending' }, order: { createdAt: 'ASC' } });
    const queue = new Map<string, LeaveRequest[]>();
    const add = (personId: string, l: LeaveRequest) => (queue.get(personId) ?? queue.set(personId, []).get(personId)!).push(l);
    for (const l of pending) {
      if (l.approver === 'office') for (const o of this.office(ctx)) add(o.id, l);
      else {
        const chief = this.chiefOf(ctx, l.sectionId);
        if (chief && chief.id !== l.personId) add(chief.id, l);
      }
    }
    return [...queue].map(([personId, rows]) => {
      const oldest = localDate(new Date(rows[0]!.createdAt), this.env.BUREAU_TIMEZONE);
      return {
        personId,
        kind: 'leave_approval',
        subject: 'pending',
        dueDate: ctx.today,
        title: `有 ${rows.length} 条申请待审批`,
        body: `有 ${rows.length} 条请假、外勤或出差申请等您审批（最早一条提交于 ${oldest}），请及时处理。`,
        note: `${rows.length} 条申请待审批`,
        link: PAGES.approvals,
      };
    });
  }

  /**
   * The person's verified incident whose appeal window (APPEAL_DAYS after verification) closes within
   * CLOSING_SOON_DAYS: once per incident. The office: incidents to verify and appeals to decide, each working day.
   */
  private async incidents(ctx: SweepContext): Promise<DueReminder[]> {
    const repo = this.ds.getRepository(Incident);
    const closing = await repo.find({
      where: { status: 'verified', appealStatus: IsNull(), appealDeadline: MoreThanOrEqual(ctx.today) },
      order: { appealDeadline: 'ASC' },
    });
    const out: DueReminder[] = closing
      .filter((i) => closingSoon(ctx.today, i.appealDeadline) && ctx.roster.has(i.personId))
      .map((i) => ({
        personId: i.personId,
        kind: 'incident',
        subject: i.id,
        dueDate: i.appealDeadline!,
        title: '考评事件申诉期即将结束',
        body: `${i.date} ${i.rule} 已核实计分。如有异议，请在 ${i.appealDeadline}（${whenLeft(ctx.today, i.appealDeadline!)}）前提出申诉，逾期不再受理。`,
        note: `${i.rule} 申诉截止 ${i.appealDeadline}`,
        link: `${PAGES.incident}?id=${i.id}`,
        deadline: i.appealDeadline!,
      }));
    if (ctx.workingDay) {
      const [toVerify, appeals] = await Promise.all([repo.count({ where: { status: 'pending' } }), repo.count({ where: { appealStatus: 'open' } })]);
      if (toVerify + appeals > 0) {
        const parts = [toVerify ? `${toVerify} 件考评事件待核实` : '', appeals ? `${appeals} 件申诉待处理` : ''].filter(Boolean);
        for (const o of this.office(ctx)) {
          out.push({
            personId: o.id,
            kind: 'incident',
            subject: 'office-queue',
            dueDate: ctx.today,
            title: '考评事件待处理',
            body: `${parts.join('，')}，请在“考评事件”中处理。`,
            note: parts.join('，'),
            link: PAGES.incidents,
          });
        }
      }
    }
    return out;
  }

  /**
   * 民主测评 not finished while the campaign closes within CLOSING_SOON_DAYS: once per rater and campaign.
   * Representatives (两代表一委员 …) have no account, openid or inbox: the office is reminded to follow them up.
   */
  private async surveys(ctx: SweepContext): Promise<DueReminder[]> {
    const out: DueReminder[] = [];
    const horizon = addDays(ctx.today, CLOSING_SOON_DAYS);
    const campaigns = await this.ds.getRepository(DemocraticCampaign).find({ where: { closesOn: MoreThanOrEqual(ctx.today) } });
    const closing = campaigns.filter((c) => c.closesOn <= horizon);
    if (closing.length) {
      const raters = await this.ds.getRepository(DemocraticRater).find({ where: { campaignId: In(closing.map((c) => c.id)), completedOn: IsNull() } });
      const byId = new Map(closing.map((c) => [c.id, c]));
      for (const r of raters) {
        const c = byId.get(r.campaignId)!;
        if (!ctx.roster.has(r.personId)) continue;
        const left = Math.max(0, r.targetIds.length - r.rated);
        out.push({
          personId: r.personId,
          kind: 'survey',
          subject: c.id,
          dueDate: c.closesOn,
          title: '民主测评即将截止',
          body: `“${c.title}”将于 ${c.closesOn}（${whenLeft(ctx.today, c.closesOn)}）截止，您还有 ${left} 人未评，请及时完成。`,
          note: `还有 ${left} 人未评`,
          link: PAGES.democratic,
          deadline: c.closesOn,
        });
      }
    }
    const surveys = (await this.ds.getRepository(Survey).find({ where: { periodEnd: MoreThanOrEqual(ctx.today) } })).filter(
      (s) => s.periodStart <= ctx.today && s.periodEnd <= horizon,
    );
    for (const s of surveys) {
      const open = await this.ds.getRepository(SurveyInvitation).count({ where: { surveyId: s.id, completedOn: IsNull() } });
      if (!open) continue;
      for (const o of this.office(ctx)) {
        out.push({
          personId: o.id,
          kind: 'survey',
          subject: `invitations:${s.id}`,
          dueDate: s.periodEnd,
          title: '代表委员评价即将截止',
          body: `“${s.title}”将于 ${s.periodEnd}（${whenLeft(ctx.today, s.periodEnd)}）截止，还有 ${open} 位受邀代表委员未完成评价。他们没有绑定微信，请电话或短信提醒。`,
          note: `${open} 位代表委员未完成`,
          link: PAGES.surveysAdmin,
          deadline: s.periodEnd,
        });
      }
    }
    return out;
  }

  /** Last month's attendance report not signed (or not generated) yet: the section's chief, each working day. */
  private async monthlyReports(ctx: SweepContext): Promise<DueReminder[]> {
    if (!ctx.workingDay) return [];
    const month = previousMonth(ctx.today);
    const chiefs = [...ctx.roster.values()].filter((p) => p.position === 'chief' && p.sectionId);
    if (!chiefs.length) return [];
    const reports = new Map(
      (await this.ds.getRepository(MonthlyReport).find({ where: { month, sectionId: In(chiefs.map((c) => c.sectionId!)) } })).map((r) => [r.sectionId, r]),
    );
    return chiefs
      .filter((c) => reports.get(c.sectionId!)?.status !== 'signed')
      .map((c) => {
        const generated = !!reports.get(c.sectionId!);
        return {
          personId: c.id,
          kind: 'monthly_report',
          subject: `${c.sectionId}:${month}`,
          dueDate: ctx.today,
          title: `${month} 考勤月报待签字`,
          body: generated
            ? `${c.sectionName ?? '本处室'} ${month} 的考勤月报已生成，请在“本处考勤”中核对并确认签字。`
            : `${c.sectionName ?? '本处室'} ${month} 的考勤月报尚未生成，请在“本处考勤”中生成、核对并确认签字。`,
          note: generated ? '已生成，待确认签字' : '尚未生成和签字',
          link: PAGES.attSection,
        };
      });
  }

  /** 处务会 (chief) and 支部活动 (branch secretary) behind the year's pace (ledgers/pace.ts): once a month, on a working day. */
  private async meetingPace(ctx: SweepContext): Promise<DueReminder[]> {
    if (!ctx.workingDay) return [];
    const year = Number(ctx.today.slice(0, 4));
    const range = { date: MoreThanOrEqual(`${year}-01-01`) };
    const people = [...ctx.roster.values()];
    const chiefs = people.filter((p) => p.position === 'chief' && p.sectionId);
    const secretaries = people.filter((p) => p.branchSecretary);
    const out: DueReminder[] = [];
    const gatherings = await this.ds.getRepository(Gathering).find({ where: [{ kind: 'section', ...range }, { kind: 'branch', ...range }], select: { kind: true, sectionId: true, secretaryId: true, date: true } });
    const inYear = gatherings.filter((g) => g.date <= `${year}-12-31`);
    for (const c of chiefs) {
      const count = inYear.filter((g) => g.kind === 'section' && g.sectionId === c.sectionId).length;
      const p = pace(count, LEDGER_TARGETS.section, year, ctx.today);
      if (!p.behind) continue;
      out.push({
        personId: c.id,
        kind: 'meeting_pace',
        subject: `section:${c.sectionId}`,
        dueDate: monthStart(ctx.today),
        title: '处务会次数落后于进度',
        body: `${c.sectionName ?? '本处室'}今年已开处务会 ${count} 次，按进度应达 ${p.expected} 次（全年不少于 ${LEDGER_TARGETS.section} 次），请抓紧安排并登记台账。`,
        note: `处务会 ${p.message}`,
        link: PAGES.meetings,
      });
    }
    for (const s of secretaries) {
      const count = inYear.filter((g) => g.kind === 'branch' && g.secretaryId === s.id).length;
      const p = pace(count, LEDGER_TARGETS.branch, year, ctx.today);
      if (!p.behind) continue;
      out.push({
        personId: s.id,
        kind: 'meeting_pace',
        subject: 'branch',
        dueDate: monthStart(ctx.today),
        title: '支部活动次数落后于进度',
        body: `今年已开展支部活动 ${count} 次，按进度应达 ${p.expected} 次（全年不少于 ${LEDGER_TARGETS.branch} 次），请抓紧安排并记入支部工作记录本。`,
        note: `支部活动 ${p.message}`,
        link: PAGES.branch,
      });
    }
    return out;
  }
}

/** Reminders: in-app notices and WeChat subscription messages for what is due (issue 10, part 6). */

export const REMINDER_KINDS = ['diary', 'leave_approval', 'incident', 'survey', 'monthly_report', 'meeting_pace'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  diary: '工作日记',
  leave_approval: '请假审批',
  incident: '考评事件与申诉',
  survey: '测评邀请',
  monthly_report: '考勤月报签字',
  meeting_pace: '会议进度',
};

/** What each kind reminds of (shown on the 提醒设置 page). */
export const REMINDER_KIND_DESCRIPTIONS: Record<ReminderKind, string> = {
  diary: '工作日当天下班前仍未填写工作日记时提醒',
  leave_approval: '有待您审批的请假、外勤、出差申请时提醒',
  incident: '考评事件申诉期即将结束时提醒；考评办：待核实事件和待处理申诉',
  survey: '民主测评即将截止而您尚未完成时提醒；考评办：代表委员尚未完成评价',
  monthly_report: '上月考勤月报尚未签字时提醒（处长）',
  meeting_pace: '处务会、支部活动次数落后于全年进度时每月提醒一次',
};

/**
 * What happened to the WeChat message of a reminder (the in-app notice is always written):
 * sent; refused (the user declined or has no subscription left, errcode 43101 — not retried); failed (after the
 * bounded retries, or an error that retrying cannot fix); disabled (no WeChat message: no template configured for
 * the kind, the person never bound WeChat, or no subscription); pending (being sent, or the sender stopped).
 */
export const WECHAT_OUTCOMES = ['sent', 'refused', 'failed', 'disabled', 'pending'] as const;
export type WechatOutcome = (typeof WECHAT_OUTCOMES)[number];

export const WECHAT_OUTCOME_LABELS: Record<WechatOutcome, string> = {
  sent: '已发送',
  refused: '用户拒收',
  failed: '发送失败',
  disabled: '仅站内',
  pending: '发送中',
};

/** A person's WeChat channel for one kind. */
export type ReminderWechatState = 'subscribed' | 'not_subscribed' | 'no_template' | 'not_bound';

export interface ReminderKindSettingDto {
  kind: ReminderKind;
  label: string;
  description: string;
  /** In-app notice (and WeChat message where subscribed) on; off: no reminder of this kind at all. */
  enabled: boolean;
  /** The kind's subscription-message template, null when the bureau configured none (in-app only). */
  templateId: string | null;
  wechat: ReminderWechatState;
  /** One-time subscriptions left for the template (each accepted request allows one message); null for long-term ones. */
  remaining: number | null;
}

export interface ReminderSettingsDto {
  /** The person signed in with WeChat (an openid is bound): WeChat messages can reach them. */
  bound: boolean;
  /** The bureau's templates are long-term subscriptions (one consent, many messages). */
  longTerm: boolean;
  kinds: ReminderKindSettingDto[];
}

export interface ReminderDeliveryDto {
  id: string;
  personId: string;
  personName: string;
  kind: ReminderKind;
  /** What the reminder is about, e.g. a date, an incident id, a section. */
  subject: string;
  /** The day the reminder counts for (part of its once-only key). */
  dueDate: string;
  title: string;
  body: string;
  noticeId: string | null;
  wechatOutcome: WechatOutcome;
  /** Why (e.g. “未订阅”, “43101 用户拒收”, “微信服务响应超时”). */
  wechatDetail: string | null;
  /** WeChat send attempts made. */
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ReminderDeliveryListDto {
  /** Deliveries matching the filter, per WeChat outcome. */
  counts: Record<WechatOutcome, number>;
  items: ReminderDeliveryDto[];
}

export interface SweepResultDto {
  /** The instant swept (UTC) and its date in the bureau's zone. */
  at: string;
  date: string;
  /** Reminders found due (after the people's settings). */
  due: number;
  /** New reminders delivered by this sweep (each an in-app notice). */
  created: number;
  /** Already delivered earlier (or by another instance at the same time): nothing sent. */
  duplicates: number;
  /** Left out because the person turned the kind off. */
  turnedOff: number;
  /** Could not be recorded (e.g. a database error): found again by the next sweep; or a WeChat outcome not recorded (the row stays pending). */
  errors: number;
  /** WeChat outcomes of the new reminders. */
  wechat: Record<Exclude<WechatOutcome, 'pending'>, number>;
}

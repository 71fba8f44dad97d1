import type { ReminderKind } from '@kaoping/contracts';
import type { Env } from '../config/env.js';
import { parseFieldMap, type FieldMap } from './template-data.js';

/** The reminder settings, read once from the validated env. */
export interface ReminderConfig {
  /** Subscription-message template per kind; null → in-app notice only. */
  templates: Record<ReminderKind, string | null>;
  fields: FieldMap;
  longTerm: boolean;
  window: string;
  diaryTime: string;
  timeZone: string;
}

export function reminderConfig(env: Env): ReminderConfig {
  const t = (v: string) => v || null;
  return {
    templates: {
      diary: t(env.WECHAT_TEMPLATE_DIARY),
      leave_approval: t(env.WECHAT_TEMPLATE_LEAVE),
      incident: t(env.WECHAT_TEMPLATE_INCIDENT),
      survey: t(env.WECHAT_TEMPLATE_SURVEY),
      monthly_report: t(env.WECHAT_TEMPLATE_REPORT),
      meeting_pace: t(env.WECHAT_TEMPLATE_MEETING),
    },
    fields: parseFieldMap(env.WECHAT_TEMPLATE_FIELDS),
    longTerm: env.WECHAT_SUBSCRIBE_LONG_TERM,
    window: env.REMINDER_WINDOW,
    diaryTime: env.REMINDER_DIARY_TIME,
    timeZone: env.BUREAU_TIMEZONE,
  };
}

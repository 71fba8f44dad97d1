import type { ReminderDeliveryListDto, ReminderKind, ReminderSettingsDto, SweepResultDto, WechatOutcome } from '@kaoping/contracts';
import { http } from './http';

/** 提醒设置: the kinds that apply to me, on/off, WeChat subscription state. */
export function getReminderSettings(): Promise<ReminderSettingsDto> {
  return http.get<ReminderSettingsDto>('/api/reminders/settings', { toast: false });
}

export function setReminderEnabled(kind: ReminderKind, enabled: boolean): Promise<ReminderSettingsDto> {
  return http.post<ReminderSettingsDto>('/api/reminders/settings', { kind, enabled }, { toast: false });
}

/** What wx.requestSubscribeMessage answered. */
export function recordConsent(accepted: string[], rejected: string[]): Promise<ReminderSettingsDto> {
  return http.post<ReminderSettingsDto>('/api/reminders/consent', { accepted, rejected }, { toast: false });
}

/** 提醒发送记录 (office). */
export function listReminderDeliveries(q: { kind?: ReminderKind; outcome?: WechatOutcome; limit?: number } = {}): Promise<ReminderDeliveryListDto> {
  return http.get<ReminderDeliveryListDto>('/api/reminders', { query: q, toast: false });
}

/** Runs the reminder sweep now (office); each reminder still goes out once. */
export function runReminderSweep(): Promise<SweepResultDto> {
  return http.post<SweepResultDto>('/api/reminders/sweep', {}, { toast: false });
}

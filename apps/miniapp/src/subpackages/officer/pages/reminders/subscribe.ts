import type { ReminderSettingsDto } from '@kaoping/contracts';

/** WeChat allows at most three templates per wx.requestSubscribeMessage. */
const PER_REQUEST = 3;

/** The templates to ask for next: enabled kinds' templates, not yet subscribed first, without repeats. */
export function templatesToRequest(s: ReminderSettingsDto): string[] {
  const enabled = s.kinds.filter((k) => k.enabled && k.templateId && k.wechat !== 'no_template' && k.wechat !== 'not_bound');
  const order = [...enabled.filter((k) => k.wechat !== 'subscribed'), ...enabled.filter((k) => k.wechat === 'subscribed')];
  return [...new Set(order.map((k) => k.templateId!))].slice(0, PER_REQUEST);
}

/** Home entries are shown in titled groups so a long list (the office has ~25) stays scannable. */
export const ENTRY_GROUPS = ['service', 'daily', 'attendance', 'ledger', 'appraisal', 'admin'] as const;
export type EntryGroup = (typeof ENTRY_GROUPS)[number];

export const ENTRY_GROUP_LABELS: Record<EntryGroup, string> = {
  service: '服务',
  daily: '日常',
  attendance: '考勤',
  ledger: '台账',
  appraisal: '考评',
  admin: '管理',
};

export interface Entry {
  key: string;
  title: string;
  description: string;
  url: string;
  group: EntryGroup;
}

export interface EntrySection {
  group: EntryGroup;
  title: string;
  entries: Entry[];
}

/** Entries in group order (ENTRY_GROUPS), keeping their order inside a group; empty groups are left out. */
export function groupEntries(entries: Entry[]): EntrySection[] {
  return ENTRY_GROUPS.map((group) => ({ group, title: ENTRY_GROUP_LABELS[group], entries: entries.filter((e) => e.group === group) })).filter(
    (s) => s.entries.length > 0,
  );
}

import { ACTIVITY_KIND_LABELS, ALL_UNITS, type ActivityKind } from '@kaoping/contracts';

/** Two activities whose periods lie at most this many days apart are "the same period" (五.(八) 可以合并的). */
export const OVERLAP_WINDOW_DAYS = 7;

export interface OverlapCandidate {
  id: string;
  kind: ActivityKind;
  targetUnits: string[];
  plannedDate: string;
  endDate: string;
}

export interface OverlapGroup {
  ids: string[];
  sharedUnits: string[];
  from: string;
  to: string;
  reason: string;
}

/** Meetings merge with meetings; inspections and appraisals (检查评比) with each other. */
function family(kind: ActivityKind): 'meeting' | 'check' {
  return kind === 'meeting' ? 'meeting' : 'check';
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Days between two periods (0 when they overlap). */
export function gapDays(a: { plannedDate: string; endDate: string }, b: { plannedDate: string; endDate: string }): number {
  const gap = Math.max(dayNumber(b.plannedDate) - dayNumber(a.endDate), dayNumber(a.plannedDate) - dayNumber(b.endDate));
  return Math.max(0, gap);
}

/** Units both target ("全部局属单位" meets every unit). */
export function sharedUnits(a: string[], b: string[]): string[] {
  if (a.includes(ALL_UNITS)) return [...b];
  if (b.includes(ALL_UNITS)) return [...a];
  const set = new Set(a);
  return b.filter((u) => set.has(u));
}

export function overlaps(a: OverlapCandidate, b: OverlapCandidate, windowDays = OVERLAP_WINDOW_DAYS): boolean {
  return family(a.kind) === family(b.kind) && gapDays(a, b) <= windowDays && sharedUnits(a.targetUnits, b.targetUnits).length > 0;
}

/**
 * Groups of candidates that could be merged: connected components of the "overlaps" relation, two or more each,
 * in the order of their earliest date. Pure: the caller passes the pending applications.
 */
export function overlapGroups(candidates: OverlapCandidate[], windowDays = OVERLAP_WINDOW_DAYS): OverlapGroup[] {
  const sorted = [...candidates].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id.localeCompare(b.id));
  const parent = new Map(sorted.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (overlaps(sorted[i]!, sorted[j]!, windowDays)) parent.set(find(sorted[j]!.id), find(sorted[i]!.id));
    }
  }
  const groups = new Map<string, OverlapCandidate[]>();
  for (const c of sorted) {
    const root = find(c.id);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  const out: OverlapGroup[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const counts = new Map<string, number>();
    for (const m of members) for (const u of new Set(m.targetUnits)) counts.set(u, (counts.get(u) ?? 0) + 1);
    const all = counts.has(ALL_UNITS);
    const shared = [...counts.entries()].filter(([u, n]) => n >= 2 || (all && u !== ALL_UNITS)).map(([u]) => u);
    const from = members.map((m) => m.plannedDate).sort()[0]!;
    const to = members.map((m) => m.endDate).sort().at(-1)!;
    const kinds = [...new Set(members.map((m) => ACTIVITY_KIND_LABELS[m.kind]))].join('、');
    out.push({
      ids: members.map((m) => m.id),
      sharedUnits: shared.length ? shared : [ALL_UNITS],
      from,
      to,
      reason: `${members.length} 项${kinds}安排在 ${from} 至 ${to}（相距不超过 ${windowDays} 天），对象单位重合：${(shared.length ? shared : [ALL_UNITS]).join('、')}`,
    });
  }
  return out;
}

import type { ComplaintAction, ComplaintCategory, ComplaintStatus } from '@kaoping/contracts';
import { COMPLAINT_STATUS_LABELS } from '@kaoping/contracts';

/**
 * The 监察室 workflow as a table: received → assigned (to a section, with a deadline) → investigated →
 * verified | unfounded → replied. A duplicate may be merged into another item while still open.
 */
export const TRANSITIONS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  assign: { from: ['received', 'assigned'], to: 'assigned' },
  investigate: { from: ['assigned'], to: 'investigated' },
  verify: { from: ['investigated'], to: 'verified' },
  dismiss: { from: ['investigated'], to: 'unfounded' },
  reply: { from: ['verified', 'unfounded'], to: 'replied' },
  merge: { from: ['received', 'assigned', 'investigated'], to: 'merged' },
};

export type TransitionResult = { ok: true; to: ComplaintStatus } | { ok: false; message: string };

/** The next status for `action` from `current`, or why it is refused (names the current status). */
export function transition(current: ComplaintStatus, action: ComplaintAction): TransitionResult {
  const t = TRANSITIONS[action];
  if (t.from.includes(current)) return { ok: true, to: t.to };
  const allowed = t.from.map((s) => `“${COMPLAINT_STATUS_LABELS[s]}”`).join('、');
  return { ok: false, message: `该投诉当前状态为“${COMPLAINT_STATUS_LABELS[current]}”，不能执行此操作（仅${allowed}状态可以）` };
}

/** Actions possible from a status (the buttons the office sees). */
export function actionsFrom(current: ComplaintStatus): ComplaintAction[] {
  return (Object.keys(TRANSITIONS) as ComplaintAction[]).filter((a) => TRANSITIONS[a].from.includes(current));
}

/** Statuses still waiting to be closed (办结 = replied). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['received', 'assigned', 'investigated', 'verified', 'unfounded'];

/** 限时办结: open past its deadline (dates in the bureau zone, YYYY-MM-DD compare). */
export function isOverdue(status: ComplaintStatus, deadline: string | null, today: string, closedOn: string | null = null): boolean {
  if (!deadline) return false;
  if (OPEN_STATUSES.includes(status)) return today > deadline;
  if (status === 'replied' && closedOn) return closedOn > deadline;
  return false;
}

/**
 * Which jiguan rule a verified complaint moves, by category: attitude → DE-5 (态度生硬), efficiency → NB-9
 * (协调、督促、服务职能), integrity → LIAN-1 (索拿卡要). `other` moves no jiguan rule: the office re-categorises
 * when concluding if it fits one of the three; it still counts for the section head under wubi WB-D4.
 */
export const CATEGORY_RULE: Record<ComplaintCategory, string | null> = {
  attitude: 'DE-5',
  efficiency: 'NB-9',
  integrity: 'LIAN-1',
  other: null,
};

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 12;
export const TRACKING_CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

/** A random tracking code: 12 chars from 31 unambiguous ones (no 0/O, 1/I/L), ~59 bits. */
export function makeTrackingCode(randomInt: (max: number) => number): string {
  return Array.from({ length: TRACKING_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Normalises what a person typed: upper case, spaces and dashes removed. */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A spreadsheet cell from user text: never a formula (=, +, -, @, tab, CR lead → prefixed with a quote). */
export function safeCell(value: string | null | undefined): string {
  const s = value ?? '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

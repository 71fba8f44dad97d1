import type { EvidenceFileDto } from './records';

/**
 * 卫生秩序定期检查考评 (seed 000 五.(十二)): the office checks each section's hygiene and office order, scores it on a
 * sheet (items with maximum points, deductions with notes, photos), ranks the sections, and keeps the results on file.
 * No scoring rule takes the results (scoring-rules.md lists them as a feature, not points): a published ranking only.
 */

export const ORDER_CHECK_KINDS = ['regular', 'adhoc'] as const;
export type OrderCheckKind = (typeof ORDER_CHECK_KINDS)[number];
export const ORDER_CHECK_KIND_LABELS: Record<OrderCheckKind, string> = { regular: '定期检查', adhoc: '随机抽查' };

export const ORDER_CHECK_STATUSES = ['open', 'closed'] as const;
/** open: being scored (the office only); closed: complete, published to the sections and kept on file. */
export type OrderCheckStatus = (typeof ORDER_CHECK_STATUSES)[number];
export const ORDER_CHECK_STATUS_LABELS: Record<OrderCheckStatus, string> = { open: '评分中', closed: '已归档' };

/** One line of the score sheet (seeds/order-checks/score-sheet.json). */
export interface OrderCheckItemDto {
  id: string;
  /** 卫生 / 办公秩序. */
  group: string;
  label: string;
  max: number;
  /** What full marks look like. */
  standard: string;
}

export interface OrderCheckSheetDefDto {
  version: string;
  title: string;
  items: OrderCheckItemDto[];
  /** Sum of the items' maximum points. */
  max: number;
}

export interface OrderCheckDeductionDto {
  itemId: string;
  points: number;
  note: string;
}

export interface OrderCheckCorrectionDto {
  reason: string;
  beforeTotal: number;
  afterTotal: number;
  byName: string;
  at: string;
}

/** A section's sheet in a round (null total: not scored yet). */
export interface OrderCheckSheetDto {
  roundId: string;
  sectionId: string;
  sectionName: string;
  scored: boolean;
  total: number | null;
  max: number;
  /** Deductions with the item's label and maximum (from the round's sheet). */
  deductions: (OrderCheckDeductionDto & { label: string; max: number })[];
  notes: string | null;
  fileIds: string[];
  files: EvidenceFileDto[];
  recordedByName: string | null;
  recordedAt: string | null;
  /** Rank in the round among scored sections (shown to the office, leaders and the section's chief). */
  rank: number | null;
  corrections: OrderCheckCorrectionDto[];
}

export interface OrderCheckRankRowDto {
  rank: number;
  sectionId: string;
  sectionName: string;
  total: number;
}

export interface OrderCheckRoundSummaryDto {
  id: string;
  year: number;
  round: number;
  kind: OrderCheckKind;
  date: string;
  inspectors: string;
  status: OrderCheckStatus;
  sectionCount: number;
  scoredCount: number;
  /** Mean of the scored sections' totals (null when none). */
  average: number | null;
  top: OrderCheckRankRowDto | null;
}

export interface OrderCheckRoundDto extends OrderCheckRoundSummaryDto {
  notes: string | null;
  sheet: OrderCheckSheetDefDto;
  sheets: OrderCheckSheetDto[];
  ranking: OrderCheckRankRowDto[];
  /** Sections of the round not scored yet (a round closes only when this is empty). */
  missing: { id: string; name: string }[];
  closedAt: string | null;
  closedByName: string | null;
}

/** The year's ranking over closed rounds: each section's mean total. */
export interface OrderCheckYearRowDto {
  rank: number;
  sectionId: string;
  sectionName: string;
  average: number;
  rounds: number;
  /** Total per closed round id. */
  totals: Record<string, number>;
}

export interface OrderCheckYearDto {
  year: number;
  rounds: { id: string; round: number; date: string; kind: OrderCheckKind }[];
  rows: OrderCheckYearRowDto[];
}

/** A section's own results (chiefs and staff): closed rounds only; ranks for the chief, the office and leaders. */
export interface MyOrderChecksDto {
  year: number;
  sectionId: string | null;
  sectionName: string | null;
  /** The caller may see the section's rank (chiefs and deputies). */
  showsRank: boolean;
  sheets: (OrderCheckSheetDto & { round: number; date: string; kind: OrderCheckKind; sectionCount: number })[];
  average: number | null;
  yearRank: number | null;
  yearSections: number;
}

export interface CreateOrderCheckRoundBody {
  kind: OrderCheckKind;
  date: string;
  inspectors: string;
  notes?: string;
  sectionIds?: string[];
}

export interface SaveOrderCheckSheetBody {
  deductions: OrderCheckDeductionDto[];
  notes?: string;
  fileIds?: string[];
  /** Required once the round is closed: a correction is kept with its reason. */
  reason?: string;
}

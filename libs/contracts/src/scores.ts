/** Stored scores as the mini-program shows them. */

export const SCHEME_IDS = ['jiguan', 'wubi'] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];
export const SCHEME_LABELS: Record<SchemeId, string> = { jiguan: '机关绩效考评', wubi: '五比五评' };

/** Where an item's evidence is: an incident (with its files), another module's record, or just a label. */
export interface EvidenceRef {
  kind: 'incident' | 'inspection' | 'commendation' | 'veto' | 'complaint' | 'attendance' | 'other';
  id: string | null;
  label: string;
}

export interface ScoreItemDto {
  rule: string;
  ruleText: string;
  points: number;
  source: string;
  cascadeFrom: string | null;
  cascadeFromName: string | null;
  evidence: EvidenceRef;
}

export interface ScoreDimensionDto {
  id: string;
  label: string;
  base: number;
  score: number;
  items: ScoreItemDto[];
}

/**
 * jiguan chiefs and deputies: an extra component of the total (seed 000 七.(一)) and how it moved the total:
 * total = (1 − Σw) × mean + Σ w × score, so this component moved it by w × (score − mean).
 */
export interface ScoreExtraDto {
  component: string;
  label: string;
  weight: number;
  /** The component's yearly score 0–100; null when there is none yet (its weight is then left out). */
  score: number | null;
  /** w × (score − mean of the dimensions), rounded to 2 decimals; 0 when the weight is 0 or there is no score. */
  points: number;
}

export interface PersonScoreDto {
  personId: string;
  name: string;
  sectionName: string | null;
  scheme: SchemeId;
  year: number;
  schemeVersion: string | null;
  /** null when there is no stored result (e.g. not a subject of the scheme, or the last computation failed). */
  total: number | null;
  grade: string | null;
  bonus: number;
  flags: string[];
  dimensions: ScoreDimensionDto[];
  bonusItems: ScoreItemDto[];
  /** jiguan chiefs/deputies: the extra components (empty for staff and for wubi). */
  extras: ScoreExtraDto[];
  computedAt: string | null;
  /** The last computation failed (e.g. a 绩 quota breach); the office sees the message. */
  error: string | null;
}

export interface LeaderboardRowDto {
  rank: number;
  personId: string;
  name: string;
  sectionId: string | null;
  sectionName: string | null;
  position: string | null;
  total: number;
  grade: string;
  flags: string[];
  dimensions: Record<string, number>;
}

export interface LeaderboardDto {
  scheme: SchemeId;
  year: number;
  schemeVersion: string | null;
  computedAt: string | null;
  error: string | null;
  dimensions: { id: string; label: string }[];
  rows: LeaderboardRowDto[];
}

export interface GradeListRowDto extends LeaderboardRowDto {
  consequences: string[];
}

export interface GradeListDto {
  scheme: SchemeId;
  year: number;
  error: string | null;
  counts: Record<string, number>;
  rows: GradeListRowDto[];
}

export const CONSEQUENCE_LABELS: Record<string, string> = {
  'consequence:withhold-13th-salary': '扣发第十三个月工资',
  'consequence:organisational-adjustment': '进行组织调整',
  'consequence:bureau-notice': '全局通报',
};

import type { Role } from './auth';

/** Organisation model shared by the API and the mini-program. */

export const SECTION_CATEGORIES = ['business', 'party'] as const;
/** 业务类 | 党务类 (seed 000 六.(二)). */
export type SectionCategory = (typeof SECTION_CATEGORIES)[number];

export const WUBI_TYPES = ['公共服务', '行政执法', '综合管理'] as const;
/** 五比五评 participant type (seed 002 附件1). */
export type WubiType = (typeof WUBI_TYPES)[number];

export const POSITIONS = ['chief', 'deputy', 'staff'] as const;
/** 处长(主任) | 副处长(副主任) | 科员. */
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Record<Position, string> = {
  chief: '处长（主任）',
  deputy: '副处长（副主任）',
  staff: '科员',
};

export const CATEGORY_LABELS: Record<SectionCategory, string> = {
  business: '业务类',
  party: '党务类',
};

export interface SectionDto {
  id: string;
  name: string;
  category: SectionCategory | null;
  wubiType: WubiType | null;
  researchRequired: boolean;
}

export interface MembershipDto {
  id: string;
  personId: string;
  sectionId: string;
  sectionName: string;
  position: Position;
  from: string;
  to: string | null;
}

export interface PersonDto {
  id: string;
  name: string;
  position: Position | null;
  sectionId: string | null;
  sectionName: string | null;
  branchSecretary: boolean;
  phone: string | null;
  role: Role;
  bound: boolean;
}

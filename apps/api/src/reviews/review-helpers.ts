import { REVIEW_LEVEL_SCORES, type ReviewLevel } from '@kaoping/contracts';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { Section } from '../org/section.entity.js';

/** A level (好/较好/一般/差 → 95/85/70/50) or a score 0–100, exactly one of them. */
export function levelOrScore(input: { level?: ReviewLevel; score?: number }): { level: ReviewLevel | null; score: number } {
  if (input.level !== undefined && input.score !== undefined) throw DomainError.invalid('score', 'score 等次和分数只能填一个');
  if (input.level !== undefined) return { level: input.level, score: REVIEW_LEVEL_SCORES[input.level] };
  if (input.score !== undefined) return { level: null, score: input.score };
  throw DomainError.invalid('level', 'level 请选择等次（好、较好、一般、差）或填写分数');
}

/** The 机关 sections (those with a jiguan category), in display order. */
export async function jiguanSections(em: EntityManager): Promise<Section[]> {
  return (await em.getRepository(Section).find({ order: { sortOrder: 'ASC', name: 'ASC' } })).filter((s) => s.category !== null);
}

/** A 机关 section, or a 400 naming `field`. */
export async function assertJiguanSection(em: EntityManager, sectionId: string, field: string): Promise<Section> {
  const s = await em.getRepository(Section).findOneBy({ id: sectionId });
  if (!s) throw DomainError.invalid(field, `${field} 处室“${sectionId}”不存在`);
  if (s.category === null) throw DomainError.invalid(field, `${field} “${s.name}”不是机关处室（局属单位不在机关考评范围内）`);
  return s;
}

/** `YYYY-MM` of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

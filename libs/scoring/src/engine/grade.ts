/** Grade from the scheme's thresholds (on the rounded total, so that the shown total and the grade agree). */
import type { Scheme } from '../scheme/scheme-types';

export function gradeOf(scheme: Scheme, total: number): string {
  for (const g of scheme.grades) if (total >= g.min) return g.grade;
  return scheme.lowestGrade;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../config/paths.js';

/** The wubi scheme's survey scales (满意 100 / 基本满意 60 / 不满意 0; stars 1–5). Read once; a scheme setting, not code. */
let cached: { choice: Record<string, number>; stars: Record<string, number> } | null = null;

export function schemeScales(): { choice: Record<string, number>; stars: Record<string, number> } {
  if (cached) return cached;
  const scheme = JSON.parse(readFileSync(resolve(REPO_ROOT, 'seeds/schemes/wubi.json'), 'utf8')) as {
    surveyScales: Record<string, Record<string, number>>;
    defaultSurveyScale: string;
  };
  cached = {
    choice: scheme.surveyScales[scheme.defaultSurveyScale] ?? { 满意: 100, 基本满意: 60, 不满意: 0 },
    stars: scheme.surveyScales.stars ?? { '1': 0, '2': 25, '3': 50, '4': 75, '5': 100 },
  };
  return cached;
}

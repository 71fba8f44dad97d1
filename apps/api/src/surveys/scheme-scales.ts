import { schemeById } from '../scoring/scheme-files.js';

/** The wubi scheme's survey scales (满意 100 / 基本满意 60 / 不满意 0; stars 1–5). Read once; a scheme setting, not code. */
let cached: { choice: Record<string, number>; stars: Record<string, number> } | null = null;

export function schemeScales(): { choice: Record<string, number>; stars: Record<string, number> } {
  if (cached) return cached;
  const scheme = schemeById('wubi');
  cached = {
    choice: scheme.surveyScales[scheme.defaultSurveyScale] ?? { 满意: 100, 基本满意: 60, 不满意: 0 },
    stars: scheme.surveyScales.stars ?? { '1': 0, '2': 25, '3': 50, '4': 75, '5': 100 },
  };
  return cached;
}

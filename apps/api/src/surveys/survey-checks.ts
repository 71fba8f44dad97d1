import type { ResponseFlag, SurveyAnswer, SurveyQuestion } from '@kaoping/contracts';

/** Pure survey rules: scoring an answer sheet and the anti-stuffing checks. No I/O, values passed in. */

export interface Scales {
  choice: Record<string, number>;
  stars: Record<string, number>;
}

/**
 * Checks an answer sheet against the questions; returns an error (field, message) or the mean of the scored questions
 * (choice and stars, mapped to 0–100), null when none is scored.
 */
export function scoreAnswers(
  questions: SurveyQuestion[],
  answers: SurveyAnswer[],
  scales: Scales,
): { ok: true; score: number | null } | { ok: false; field: string; message: string } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const values: number[] = [];
  for (const [i, a] of answers.entries()) {
    const q = byId.get(a.questionId);
    if (!q) return { ok: false, field: `answers.${i}.questionId`, message: '问卷中没有这道题，请刷新后重试' };
    if (seen.has(a.questionId)) return { ok: false, field: `answers.${i}.questionId`, message: '同一道题只能回答一次' };
    seen.add(a.questionId);
    if (q.type === 'text') continue;
    const scale = q.type === 'stars' ? scales.stars : scales.choice;
    if (q.type === 'choice' && q.options && !q.options.includes(a.value)) {
      return { ok: false, field: `answers.${i}.value`, message: `请从选项中选择：${q.options.join('、')}` };
    }
    const v = scale[a.value];
    if (v === undefined) return { ok: false, field: `answers.${i}.value`, message: `请从选项中选择：${Object.keys(scale).join('、')}` };
    values.push(v);
  }
  for (const q of questions) {
    if (q.required && !seen.has(q.id)) return { ok: false, field: 'answers', message: `请回答：${q.text}` };
  }
  if (values.length === 0) return { ok: true, score: null };
  return { ok: true, score: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 };
}

/** Same answer on every scored question, when there are at least `min` of them. */
export function isStraightLine(questions: SurveyQuestion[], answers: SurveyAnswer[], min = 5): boolean {
  const scored = new Set(questions.filter((q) => q.type !== 'text').map((q) => q.id));
  const vals = answers.filter((a) => scored.has(a.questionId)).map((a) => a.value);
  return vals.length >= min && new Set(vals).size === 1;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * A speeder answers in less than a third of the median time of the survey so far, once `minSample` timed answers exist.
 * Before that, only an absolute floor applies: under one second per question.
 */
export function isSpeeder(durationMs: number | null, priorDurations: number[], questionCount: number, minSample: number): boolean {
  if (durationMs === null) return false;
  if (durationMs < 1000 * Math.max(1, questionCount)) return true;
  if (priorDurations.length < minSample) return false;
  const m = median(priorDurations)!;
  return durationMs < m / 3;
}

/**
 * A burst: more responses to one target inside the window than max(`min`, `factor` × the target's usual count per
 * window), the usual rate taken over the survey's open time before the window.
 */
export function burstThreshold(priorCount: number, priorMinutes: number, windowMinutes: number, min: number, factor: number): number {
  const usualPerWindow = priorMinutes > 0 ? (priorCount / priorMinutes) * windowMinutes : 0;
  return Math.max(min, Math.ceil(factor * usualPerWindow));
}

export function flagsFor(input: {
  questions: SurveyQuestion[];
  answers: SurveyAnswer[];
  durationMs: number | null;
  priorDurations: number[];
  speederMinSample: number;
}): ResponseFlag[] {
  const flags: ResponseFlag[] = [];
  if (isSpeeder(input.durationMs, input.priorDurations, input.questions.length, input.speederMinSample)) flags.push('speeder');
  if (isStraightLine(input.questions, input.answers)) flags.push('straight_line');
  return flags;
}

/** Score bands of the distribution chart. */
export const BANDS = [
  { band: '0–59', min: 0, max: 59.999 },
  { band: '60–79', min: 60, max: 79.999 },
  { band: '80–89', min: 80, max: 89.999 },
  { band: '90–100', min: 90, max: 100 },
];

export function bandOf(score: number): string {
  return (BANDS.find((b) => score >= b.min && score <= b.max) ?? BANDS[0]!).band;
}

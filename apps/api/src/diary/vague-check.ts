/**
 * The vague-diary check (seed 000 五.三: "不能用“处理公务”、“办理文件”之类作为记录内容，笼统敷衍").
 * Pure: the phrase lists and thresholds come in as a value (seeds/diary/vague-check.json).
 */

export interface VagueCheckConfig {
  /** Whole entries that say nothing ("同上", "略"), compared after removing punctuation and spaces. */
  placeholders: string[];
  /** Vague phrases ("处理公务", "办理文件" …), removed before measuring what is left. */
  phrases: string[];
  /** Filler words (今天/上午/继续/相关/等/工作 …), removed as well. */
  fillers: string[];
  /** Minimum meaningful characters left after removing phrases, fillers and punctuation. */
  minSubstance: number;
  /** Minimum distinct meaningful characters left (refuses "处理公务，检查检查检查检查"). */
  minDistinct: number;
  maxLength: number;
  /** What to write instead. */
  message: string;
}

export type VagueVerdict =
  | { ok: true; substance: number }
  | { ok: false; reason: 'empty' | 'placeholder' | 'too_vague' | 'too_long'; substance: number; matched: string[]; message: string };

/** Punctuation, symbols and spaces (ASCII and CJK). */
const NOISE = /[\s\p{P}\p{S}]/gu;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Checks one diary entry. */
export function checkDiaryContent(content: string, config: VagueCheckConfig): VagueVerdict {
  const text = normalise(content ?? '');
  const bare = text.replace(NOISE, '');
  if (text.length > config.maxLength) {
    return { ok: false, reason: 'too_long', substance: bare.length, matched: [], message: `工作日记不超过 ${config.maxLength} 字，请精简。` };
  }
  if (!bare) return { ok: false, reason: 'empty', substance: 0, matched: [], message: config.message };
  if (config.placeholders.some((p) => normalise(p).replace(NOISE, '') === bare)) {
    return { ok: false, reason: 'placeholder', substance: 0, matched: [bare], message: config.message };
  }
  const matched: string[] = [];
  let rest = bare;
  // longest first, so "处理日常事务" goes before "处理" and "事务"
  const remove = [...config.phrases.map((p) => ({ p, vague: true })), ...config.fillers.map((p) => ({ p, vague: false }))]
    .map(({ p, vague }) => ({ p: normalise(p).replace(NOISE, ''), vague }))
    .filter(({ p }) => p.length > 0)
    .sort((a, b) => b.p.length - a.p.length);
  for (const { p, vague } of remove) {
    if (!rest.includes(p)) continue;
    if (vague) matched.push(p);
    rest = rest.split(p).join('');
  }
  const chars = [...rest];
  const substance = chars.length;
  const distinct = new Set(chars).size;
  if (substance < config.minSubstance || distinct < config.minDistinct) {
    return { ok: false, reason: 'too_vague', substance, matched, message: config.message };
  }
  return { ok: true, substance };
}

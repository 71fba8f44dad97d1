/**
 * Subscription-message `data` from a reminder (pure). The bureau picks its templates in the WeChat console; each
 * template keyword (thing1, time2, phrase3 …) is mapped to one of our values by `WECHAT_TEMPLATE_FIELDS`, and the
 * keyword's type (the letters before the number) decides the format WeChat accepts:
 *   thing ≤ 20 characters · phrase ≤ 5 Chinese characters · name ≤ 10 Chinese characters (or 20 letters) ·
 *   time `YYYY年M月D日 HH:MM` · date `YYYY年M月D日` · character_string ≤ 32 ASCII · number ≤ 32 digits ·
 *   letter ≤ 32 letters · symbol ≤ 5 symbols. Other types are treated like thing.
 * A value over its limit is cut (by characters, never inside a surrogate pair) and ends with “…” where text allows.
 */

export const TEMPLATE_VALUES = ['title', 'note', 'time', 'deadline', 'name', 'section'] as const;
export type TemplateValueName = (typeof TEMPLATE_VALUES)[number];

export interface TemplateValues {
  /** What is due, e.g. “今日工作日记未填写”. */
  title: string;
  /** A short detail. */
  note: string;
  /** When the reminder was made, bureau zone: `YYYY-MM-DD HH:MM`. */
  time: string;
  /** The last day, `YYYY-MM-DD` (defaults to the reminder's day). */
  deadline: string;
  /** The person reminded. */
  name: string;
  /** Their section (or “—”). */
  section: string;
}

export type FieldMap = [keyword: string, value: TemplateValueName][];

/** `thing1:title,time2:time` → pairs (the env class has validated the shape). */
export function parseFieldMap(spec: string): FieldMap {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [keyword, value] = part.split(':') as [string, TemplateValueName];
      return [keyword, value];
    });
}

/** The keyword's type: `character_string12` → `character_string`. */
export function keywordType(keyword: string): string {
  return keyword.replace(/\d+$/, '');
}

const chars = (s: string) => Array.from(s);
const HAN = /\p{Script=Han}/u;

/** At most `max` characters; a cut text ends with “…”. */
export function cut(text: string, max: number): string {
  const c = chars(text.replace(/\s+/g, ' ').trim());
  if (c.length <= max) return c.join('');
  return c.slice(0, max - 1).join('') + '…';
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** One value in the format of the keyword's type (never empty: WeChat refuses an empty value). */
export function formatValue(type: string, name: TemplateValueName, values: TemplateValues): string {
  const raw = values[name];
  const isDateValue = name === 'time' || name === 'deadline';
  switch (type) {
    case 'time': {
      if (name === 'time') return `${chineseDate(raw.slice(0, 10))} ${raw.slice(11, 16)}`;
      if (name === 'deadline') return `${chineseDate(raw)} 23:59`;
      return `${chineseDate(values.time.slice(0, 10))} ${values.time.slice(11, 16)}`;
    }
    case 'date':
      return chineseDate(isDateValue ? raw.slice(0, 10) : values.time.slice(0, 10));
    case 'phrase': {
      const han = chars(raw).filter((c) => HAN.test(c));
      return han.length ? han.slice(0, 5).join('') : '待办';
    }
    case 'name': {
      const text = raw.trim() || '—';
      return chars(text).some((c) => HAN.test(c)) ? chars(text).slice(0, 10).join('') : chars(text).slice(0, 20).join('');
    }
    case 'character_string': {
      const ascii = raw.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
      return ascii || '-';
    }
    case 'number': {
      const digits = raw.replace(/\D/g, '').slice(0, 32);
      return digits || '0';
    }
    case 'letter': {
      const letters = raw.replace(/[^A-Za-z]/g, '').slice(0, 32);
      return letters || 'A';
    }
    case 'symbol': {
      const symbols = raw.replace(/[\w\s\p{Script=Han}]/gu, '').slice(0, 5);
      return symbols || '-';
    }
    default: {
      const text = isDateValue ? (name === 'time' ? raw.slice(0, 16) : raw) : raw;
      return cut(text, 20) || '—';
    }
  }
}

/** The message's `data`: `{ thing1: { value } … }`. */
export function templateData(map: FieldMap, values: TemplateValues): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [keyword, name] of map) out[keyword] = { value: formatValue(keywordType(keyword), name, values) };
  return out;
}

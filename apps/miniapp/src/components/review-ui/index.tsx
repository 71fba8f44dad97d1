import { Input, Text, View } from '@tarojs/components';
import { REVIEW_LEVEL_LABELS, REVIEW_LEVEL_SCORES, REVIEW_LEVELS, type ReviewLevel } from '@kaoping/contracts';
import './index.scss';

/** Shared parts of the review-meeting pages: chips, the level-or-score picker, months (photos: components/photo-field). */

export interface ChipOption<T extends string | number> {
  key: T;
  label: string;
  sub?: string;
  done?: boolean;
}

/** Large tappable chips (≥ 44 px); test ids `<testId>-<key>`. */
export function Chips<T extends string | number>({ options, value, onChange, testId }: { options: ChipOption<T>[]; value: T | null; onChange: (v: T) => void; testId: string }) {
  return (
    <View className="rv__chips">
      {options.map((o) => (
        <View
          key={String(o.key)}
          data-testid={`${testId}-${o.key}`}
          className={`rv__chip${value === o.key ? ' rv__chip--on' : ''}${o.done ? ' rv__chip--done' : ''}`}
          onClick={() => onChange(o.key)}
        >
          <Text>{o.label}</Text>
          {o.sub ? <Text className="rv__chip-sub">{o.sub}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export interface LevelValue {
  level: ReviewLevel | null;
  /** Typed score text (used when no level is picked). */
  score: string;
}

/** 好/较好/一般/差 (with the points each gives), or a score 0–100 typed in. */
export function LevelScore({ value, onChange, testId }: { value: LevelValue; onChange: (v: LevelValue) => void; testId: string }) {
  return (
    <View>
      <Chips
        testId={testId}
        value={value.level}
        onChange={(level) => onChange({ level, score: '' })}
        options={REVIEW_LEVELS.map((l) => ({ key: l, label: REVIEW_LEVEL_LABELS[l], sub: `${REVIEW_LEVEL_SCORES[l]} 分` }))}
      />
      <Input
        className="rv__input"
        type="number"
        data-testid={`${testId}-score`}
        placeholder="或直接填写分数（0–100）"
        value={value.score}
        onInput={(e) => onChange({ level: null, score: e.detail.value })}
      />
    </View>
  );
}

/** The level or the score of a LevelValue for the API, or a Chinese message. */
export function levelInput(v: LevelValue): { level?: ReviewLevel; score?: number } | string {
  if (v.level) return { level: v.level };
  if (v.score.trim() === '') return '请选择等次或填写分数';
  const n = Number(v.score);
  if (!Number.isInteger(n) || n < 0 || n > 100) return '分数须为 0–100 的整数';
  return { score: n };
}


const pad = (n: number) => String(n).padStart(2, '0');

/** This month and the `count − 1` before it, newest first, as `YYYY-MM`. */
export function recentMonths(count = 3, now: Date = new Date()): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    out.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
  }
  return out;
}

/** "2025年3月" from `YYYY-MM`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
}

/** A score for display: two decimals at most, or “暂无”. */
export function scoreText(score: number | null): string {
  return score === null ? '暂无' : String(Math.round(score * 100) / 100);
}

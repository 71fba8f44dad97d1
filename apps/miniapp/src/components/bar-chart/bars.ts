/** Pure layout of the horizontal bar chart (unit-tested): bar lengths as a percentage of the scale. */

export interface BarInput {
  key: string;
  label: string;
  value: number;
  /** Drawn in the accent colour (e.g. the viewer's own section). */
  highlight?: boolean;
}

export interface Bar extends BarInput {
  /** 0–100: the bar's length as a share of the track. */
  percent: number;
  /** The value as shown: at most one decimal. */
  text: string;
}

/** Bars on a scale from 0 to `max` (default: the largest value); a positive value always shows a sliver. */
export function layoutBars(rows: BarInput[], max?: number): Bar[] {
  const top = max ?? Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => {
    const share = top > 0 ? Math.max(0, Math.min(1, r.value / top)) : 0;
    const percent = r.value > 0 ? Math.max(2, Math.round(share * 1000) / 10) : 0;
    return { ...r, percent, text: String(Math.round(r.value * 10) / 10) };
  });
}

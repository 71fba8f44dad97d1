import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { layoutBars, type BarInput } from './bars';
import './index.scss';

/**
 * A horizontal bar chart drawn with views (works the same on weapp and H5): one row per item with its Chinese label,
 * a bar on a 0–`max` scale and the value. `testId` names the chart; each row is `<testId>-<key>`.
 */
export function BarChart({ rows, max, testId = 'bar-chart', unit = '' }: { rows: BarInput[]; max?: number; testId?: string; unit?: string }) {
  const bars = useMemo(() => layoutBars(rows, max), [rows, max]);
  if (bars.length === 0) return null;
  return (
    <View className="bar-chart" data-testid={testId}>
      {bars.map((b) => (
        <View key={b.key} className={`bar-chart__row${b.highlight ? ' bar-chart__row--on' : ''}`} data-testid={`${testId}-${b.key}`}>
          <Text className="bar-chart__label">{b.label}</Text>
          <View className="bar-chart__track">
            <View className="bar-chart__bar" style={{ width: `${b.percent}%` }} />
          </View>
          <Text className="bar-chart__value">
            {b.text}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  );
}

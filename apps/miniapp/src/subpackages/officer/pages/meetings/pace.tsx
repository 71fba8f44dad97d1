import { Text, View } from '@tarojs/components';
import type { PaceDto } from '@kaoping/contracts';
import './index.scss';

/** Count against a yearly target, red when behind pace. */
export function PaceBar({ pace, label }: { pace: PaceDto; label: string }) {
  const pct = Math.min(100, Math.round((pace.count / pace.target) * 100));
  return (
    <View className="card" data-testid="pace">
      <Text className={`pace-text ${pace.behind ? 'pace-text--behind' : ''}`}>
        {pace.year} 年{label}：{pace.message}
      </Text>
      <View className={`pace-bar ${pace.behind ? 'pace-bar--behind' : ''}`}>
        <View className="pace-bar__fill" style={{ width: `${pct}%` }} />
      </View>
      {pace.behind ? <Text className="muted">按进度此时应达到 {pace.expected}</Text> : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import jiguanScheme from '@seeds/schemes/jiguan.json';
import { StateView } from '../../../../components/state-view';
import { ruleGroups, type DimensionGroup } from './rule-groups';
import './index.scss';

type Loaded = { ok: true; groups: DimensionGroup[] } | { ok: false; message: string };

function load(): Loaded {
  try {
    return { ok: true, groups: ruleGroups(jiguanScheme) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

export default function RulesPage() {
  const loaded = useMemo(load, []);
  const [dimension, setDimension] = useState<string>('all');

  if (!loaded.ok) {
    return (
      <View className="page">
        <StateView kind="error" title="考评细则加载失败" description={loaded.message} />
      </View>
    );
  }
  const groups = loaded.groups;
  if (groups.length === 0) {
    return (
      <View className="page">
        <StateView kind="empty" title="暂无考评细则" />
      </View>
    );
  }
  const shown = dimension === 'all' ? groups : groups.filter((g) => g.dimension === dimension);
  const total = groups.reduce((n, g) => n + g.rules.length, 0);

  return (
    <View className="page rules-page">
      <Text className="notice">
        机关干部职工考评细则，共 {total} 条。每条下方为扣分预览：每发生一次，本人及相关负责人被扣的分数。
      </Text>
      <View className="rules-page__chips">
        {[{ dimension: 'all', label: '全部' }, ...groups].map((g) => (
          <View
            key={g.dimension}
            className={`rules-page__chip${dimension === g.dimension ? ' rules-page__chip--active' : ''}`}
            onClick={() => setDimension(g.dimension)}
          >
            <Text>{g.label}</Text>
          </View>
        ))}
      </View>
      {shown.map((g) => (
        <View key={g.dimension}>
          <Text className="section-title">
            {g.label} · {g.rules.length} 条
          </Text>
          {g.rules.map((r) => (
            <View key={r.id} className="card rule-card">
              <View className="rule-card__head">
                <Text className="rule-card__id">{r.id}</Text>
              </View>
              <Text className="rule-card__text">{r.text}</Text>
              {r.costs.length > 0 ? (
                <View className="rule-card__costs">
                  {r.costs.map((c) => (
                    <Text key={c} className="rule-card__cost">
                      {c}
                    </Text>
                  ))}
                </View>
              ) : (
                <View className="rule-card__costs">
                  <Text className="rule-card__cost rule-card__cost--none">按评定结果计分，不按次扣分</Text>
                </View>
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

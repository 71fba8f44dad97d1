import { Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import { ArrowRight, Loading } from '@nutui/icons-react-taro';
import { useMemo, useState } from 'react';
import type { Persona } from '@kaoping/contracts';
import { roleLabel } from '../../utils/labels';
import { groupPersonas } from './group-personas';
import './index.scss';

export interface PersonaPickerProps {
  personas: Persona[];
  /** The persona being signed in, if any: its card shows a spinner and other taps are ignored. */
  pendingId: string | null;
  onPick: (persona: Persona) => void;
}

function initial(name: string): string {
  return name.slice(-2);
}

/** Demo login: featured personas as big cards, then everyone grouped by section with a search box. */
export function PersonaPicker({ personas, pendingId, onPick }: PersonaPickerProps) {
  const [query, setQuery] = useState('');
  const featured = useMemo(() => personas.filter((p) => p.featured), [personas]);
  const groups = useMemo(() => groupPersonas(personas, query), [personas, query]);
  const pick = (p: Persona) => {
    if (!pendingId) onPick(p);
  };

  return (
    <View className="persona-picker">
      {featured.length > 0 && (
        <View>
          <Text className="section-title">演示身份 · 点击即可进入</Text>
          <View className="persona-picker__featured">
            {featured.map((p) => (
              <View
                key={p.personId}
                className={`persona-card persona-card--${p.role}${pendingId === p.personId ? ' persona-card--pending' : ''}`}
                hoverClass="persona-card--hover"
                data-testid={`persona-card-${p.personId}`}
                data-persona-role={p.role}
                onClick={() => pick(p)}
              >
                <View className="persona-card__avatar">
                  <Text>{initial(p.name)}</Text>
                </View>
                <View className="persona-card__body">
                  <Text className="persona-card__name">{p.name}</Text>
                  <Text className="persona-card__title">{p.title}</Text>
                  <Text className="persona-card__role">{roleLabel(p.role)}</Text>
                </View>
                <View className="persona-card__go">
                  {pendingId === p.personId ? <Loading size={20} color="#1661d8" /> : <ArrowRight size={16} color="#86909c" />}
                </View>
              </View>
            ))}
          </View>
        </View>
      )}

      <Text className="section-title">全部人员（{personas.length}）</Text>
      <View className="persona-picker__search">
        <SearchBar
          placeholder="搜索姓名、处室或职务"
          value={query}
          onChange={(v: string) => setQuery(v)}
          onClear={() => setQuery('')}
        />
      </View>
      {groups.length === 0 ? (
        <View className="persona-picker__none">
          <Text className="muted">没有找到“{query.trim()}”，换个关键词试试</Text>
        </View>
      ) : (
        groups.map((g) => (
          <View key={g.section} className="persona-picker__group">
            <Text className="persona-picker__group-title">{g.section}</Text>
            <View className="list-group">
              {g.personas.map((p) => (
                <View
                  key={p.personId}
                  className="list-row"
                  hoverClass="list-row--hover"
                  data-testid={`persona-row-${p.personId}`}
                  data-persona-role={p.role}
                  onClick={() => pick(p)}
                >
                  <View className="list-row__main">
                    <Text className="list-row__title">{p.name}</Text>
                    <Text className="list-row__sub">
                      {p.title} · {roleLabel(p.role)}
                    </Text>
                  </View>
                  {pendingId === p.personId ? (
                    <Loading size={18} color="#1661d8" />
                  ) : (
                    <ArrowRight className="list-row__arrow" size={14} color="#c9cdd4" />
                  )}
                </View>
              ))}
            </View>
          </View>
        ))
      )}
    </View>
  );
}

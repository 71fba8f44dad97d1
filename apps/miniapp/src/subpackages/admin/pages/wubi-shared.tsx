import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { POSITION_LABELS, type PersonDto, type SectionDto } from '@kaoping/contracts';
import { listPeople, listSections } from '../../../services/org.api';
import { wubiParticipants } from '../../../services/cycle.api';

export { PhotoField, type PickedPhoto } from '../../../components/photo-field';

/** Shared parts of the 五比五评 records pages (督查记录, 表彰加分, 一票否决): people, dates, photo upload, tabs. */

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface WubiPeople {
  sections: SectionDto[];
  /** Everyone currently in a 五比五评 section (heads first). */
  people: PersonDto[];
  /** The section heads (科长 = the section's chief), who get the inspection scores. */
  heads: PersonDto[];
}

/** People of the sections taking part in 五比五评 this year (the three-year cycle plan, or every listed section). */
export async function loadWubiPeople(): Promise<WubiPeople> {
  const [sections, people, participants] = await Promise.all([listSections(), listPeople(), wubiParticipants(new Date().getFullYear())]);
  const taking = new Set(participants.sections.map((s) => s.id));
  const wubi = sections.filter((s) => s.wubiType && taking.has(s.id));
  const ids = new Set(wubi.map((s) => s.id));
  const order = new Map(wubi.map((s, i) => [s.id, i]));
  const inWubi = people
    .filter((p) => p.sectionId && ids.has(p.sectionId))
    .sort((a, b) => (order.get(a.sectionId!) ?? 0) - (order.get(b.sectionId!) ?? 0) || (a.position === 'chief' ? -1 : b.position === 'chief' ? 1 : 0));
  return { sections: wubi, people: inWubi, heads: inWubi.filter((p) => p.position === 'chief') };
}

/** Two or more tabs; test ids `<testId>-<key>` (unique per page: Taro H5 keeps earlier pages in the DOM). */
export function Tabs<T extends string>({ tabs, value, onChange, testId }: { tabs: { key: T; label: string }[]; value: T; onChange: (t: T) => void; testId: string }) {
  return (
    <View className="wr__tabs">
      {tabs.map((t) => (
        <View key={t.key} data-testid={`${testId}-${t.key}`} className={`wr__tab${value === t.key ? ' wr__tab--on' : ''}`} onClick={() => onChange(t.key)}>
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  );
}

export function DateField({ label, value, onChange, testId }: { label: string; value: string; onChange: (d: string) => void; testId: string }) {
  return (
    <View>
      <Text className="wr__field">{label}</Text>
      <Picker mode="date" value={value} end={today()} onChange={(e) => onChange(e.detail.value)}>
        <View className="wr__input" data-testid={testId}>
          <Text>{value}</Text>
          <Text className="wr__input-placeholder">修改</Text>
        </View>
      </Picker>
    </View>
  );
}

/** Search a person of the 五比五评 sections by name (head or staff). */
export function PersonPicker({ people, value, onChange, testId }: { people: PersonDto[]; value: PersonDto | null; onChange: (p: PersonDto | null) => void; testId: string }) {
  const [search, setSearch] = useState('');
  if (value) {
    return (
      <View className="wr__picked">
        <Text data-testid={`${testId}-picked`}>
          {value.name}（{value.sectionName}
          {value.position ? ` · ${POSITION_LABELS[value.position]}` : ''}）
        </Text>
        <Text className="wr__link" onClick={() => onChange(null)}>
          更换
        </Text>
      </View>
    );
  }
  const matches = people.filter((p) => !search || p.name.includes(search.trim()) || (p.sectionName ?? '').includes(search.trim())).slice(0, search ? 20 : 6);
  return (
    <View>
      <Input className="wr__input" data-testid={`${testId}-search`} placeholder="输入姓名或科室搜索" value={search} onInput={(e) => setSearch(e.detail.value)} />
      {matches.map((p) => (
        <View key={p.id} className="wr__person" hoverClass="list-row--hover" data-testid={`${testId}-${p.id}`} onClick={() => onChange(p)}>
          <Text>{p.name}</Text>
          <Text className="wr__person-sub">
            {p.sectionName}
            {p.position ? ` · ${POSITION_LABELS[p.position]}` : ''}
          </Text>
        </View>
      ))}
      {matches.length === 0 && <Text className="muted">没有找到，请换个关键字</Text>}
    </View>
  );
}


import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { groupEntries, type Entry } from './groups';
import './index.scss';

export type { Entry, EntryGroup, EntrySection } from './groups';
export { ENTRY_GROUPS, ENTRY_GROUP_LABELS, groupEntries } from './groups';

/** Tappable rows that open a page (each ≥ 44 px high). `badges`: a count shown on an entry (e.g. unread notices). */
export function EntryList({ entries, badges }: { entries: Entry[]; badges?: Record<string, number> }) {
  return (
    <View className="list-group">
      {entries.map((e) => {
        const badge = badges?.[e.key] ?? 0;
        return (
          <View
            key={e.key}
            className="list-row"
            hoverClass="list-row--hover"
            data-testid={`entry-${e.key}`}
            onClick={() => void Taro.navigateTo({ url: e.url })}
          >
            <View className="list-row__main">
              <Text className="list-row__title">{e.title}</Text>
              <Text className="list-row__sub">{e.description}</Text>
            </View>
            {badge > 0 && (
              <Text className="entry-badge" data-testid={`entry-badge-${e.key}`}>
                {badge > 99 ? '99+' : badge}
              </Text>
            )}
            <ArrowRight className="list-row__arrow" size={14} color="#c9cdd4" />
          </View>
        );
      })}
    </View>
  );
}

/** The home page's entries under group headers (日常 / 考勤 / 台账 / 考评 / 管理). */
export function GroupedEntryList({ entries, badges }: { entries: Entry[]; badges?: Record<string, number> }) {
  return (
    <View className="entry-groups">
      {groupEntries(entries).map((s) => (
        <View key={s.group} className="entry-groups__group" data-testid={`entry-group-${s.group}`}>
          <Text className="section-title entry-groups__title">{s.title}</Text>
          <EntryList entries={s.entries} badges={badges} />
        </View>
      ))}
    </View>
  );
}

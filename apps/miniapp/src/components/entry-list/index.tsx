import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';

export interface Entry {
  key: string;
  title: string;
  description: string;
  url: string;
}

/** Tappable rows that open a page (each ≥ 44 px high). */
export function EntryList({ entries }: { entries: Entry[] }) {
  return (
    <View className="list-group">
      {entries.map((e) => (
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
          <ArrowRight className="list-row__arrow" size={14} color="#c9cdd4" />
        </View>
      ))}
    </View>
  );
}

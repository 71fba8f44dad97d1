import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Home, HomeF, Setting, SettingF, User, UserF } from '@nutui/icons-react-taro';
import type { Role } from '@kaoping/contracts';
import { tabItemsFor, type TabKey } from './tab-items';
import './index.scss';

export interface TabBarProps {
  role: Role | null | undefined;
  active: TabKey;
}

function TabIcon({ tab, active }: { tab: TabKey; active: boolean }) {
  const color = active ? '#1661d8' : '#86909c';
  const size = 22;
  if (tab === 'home') return active ? <HomeF size={size} color={color} /> : <Home size={size} color={color} />;
  if (tab === 'admin') return active ? <SettingF size={size} color={color} /> : <Setting size={size} color={color} />;
  return active ? <UserF size={size} color={color} /> : <User size={size} color={color} />;
}

/** Bottom navigation whose items depend on the role (see tabItemsFor). Switching tabs relaunches the page. */
export function TabBar({ role, active }: TabBarProps) {
  const items = tabItemsFor(role);
  return (
    <View className="tab-bar" role="tablist">
      {items.map((item) => {
        const isActive = item.key === active;
        return (
          <View
            key={item.key}
            className={`tab-bar__item${isActive ? ' tab-bar__item--active' : ''}`}
            data-testid={`tab-${item.key}`}
            role="tab"
            aria-selected={isActive}
            onClick={() => {
              if (!isActive) void Taro.reLaunch({ url: item.url });
            }}
          >
            <TabIcon tab={item.key} active={isActive} />
            <Text className="tab-bar__text">{item.text}</Text>
          </View>
        );
      })}
    </View>
  );
}

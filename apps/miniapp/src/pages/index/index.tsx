import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { GroupedEntryList } from '../../components/entry-list';
import { ProfileCard } from '../../components/profile-card';
import { StateView } from '../../components/state-view';
import { TabBar } from '../../components/tab-bar';
import { useSession } from '../../hooks/use-session';
import { listNotices } from '../../services/notices.api';
import { isStaffRole } from '../../utils/labels';
import { entriesFor } from './entries';
import './index.scss';

function greeting(now = new Date()): string {
  const h = now.getHours();
  if (h < 6) return '夜深了';
  if (h < 11) return '早上好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const { me, refresh, refreshError, retry } = useSession();
  const [unread, setUnread] = useState(0);
  const staff = !!me && isStaffRole(me.role);
  // the unread count for the 消息通知 entry's badge; a failure just shows no badge
  const loadUnread = useCallback(() => {
    if (!staff) return;
    listNotices().then(
      (n) => setUnread(n.unread),
      () => undefined,
    );
  }, [staff]);
  useEffect(loadUnread, [loadUnread, me?.id]);
  useDidShow(loadUnread);

  if (!me) {
    return (
      <View className="page">
        <StateView kind="loading" title="正在进入登录…" />
      </View>
    );
  }

  return (
    <View className="page page--with-tabbar home-page">
      {refresh === 'offline' && (
        <View className="notice notice--warning" onClick={retry}>
          网络不可用，以下为上次登录时的信息。点此重试
        </View>
      )}
      {refresh === 'error' && refreshError && (
        <View className="notice notice--warning" onClick={retry}>
          {refreshError}。点此重试
        </View>
      )}

      <ProfileCard me={me} greeting={`${greeting()}，`} />

      {me.role === 'citizen' && (
        <View className="card">
          <Text className="home-page__lead">欢迎使用城管执法局“考评”市民服务</Text>
          <Text className="home-page__text">
            您的评价将作为城管执法局干部职工绩效考评的参考。您以匿名身份登录，无需填写个人信息。
          </Text>
        </View>
      )}

      <GroupedEntryList entries={entriesFor(me)} badges={{ notices: unread }} />

      <TabBar role={me.role} active="home" />
    </View>
  );
}

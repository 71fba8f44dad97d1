import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { NoticeDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { listNotices, readNotice } from '../../../../services/notices.api';
import './index.scss';

const KIND_LABELS: Record<string, string> = { incident: '考评事件', appeal: '申诉', diary: '工作日记', attendance: '考勤', complaint: '投诉', reminder: '提醒' };

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 消息通知: newest first; tap → marked read and its page opens. */
export default function NoticesPage() {
  const list = useAsync(listNotices, []);
  useDidShow(() => list.reload());
  const [items, setItems] = useState<NoticeDto[]>([]);
  useEffect(() => {
    if (list.status === 'success') setItems(list.data.items);
  }, [list.status, list.data]);

  if (list.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (list.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={list.reload} /></View>;
  if (list.status === 'error') return <View className="page"><StateView kind="error" description={list.error} onRetry={list.reload} /></View>;
  if (items.length === 0) return <View className="page"><StateView kind="empty" title="暂无消息" description="考评事件、申诉结果等会在这里提醒您" /></View>;

  const unread = items.filter((n) => !n.readAt).length;
  const open = async (n: NoticeDto) => {
    if (!n.readAt) {
      try {
        const read = await readNotice(n.id);
        setItems((all) => all.map((x) => (x.id === n.id ? read : x)));
      } catch {
        // still open the page; the notice stays unread and can be read again later
      }
    }
    if (n.link) void Taro.navigateTo({ url: n.link });
  };

  return (
    <View className="page notices">
      <Text className="section-title" data-testid="notices-unread">{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
      <View className="list-group">
        {items.map((n) => (
          <View key={n.id} className={`notices__item${n.readAt ? '' : ' notices__item--unread'}`} hoverClass="list-row--hover" data-testid={`notice-${n.id}`} onClick={() => void open(n)}>
            <View className="notices__head">
              {!n.readAt && <View className="notices__dot" />}
              <Text className="notices__title">{n.title}</Text>
              <Text className="notices__kind">{KIND_LABELS[n.kind] ?? '通知'}</Text>
            </View>
            <Text className="notices__body">{n.body}</Text>
            <Text className="notices__time">
              {when(n.createdAt)}
              {n.link ? ' · 点击查看' : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { complaintsAboutMe } from '../../../../services/complaints.api';
import './index.scss';

function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 我的投诉记录 / 扣分事项: complaints about me (complainant hidden) and what a verified one costs. */
export default function MyComplaintsPage() {
  const list = useAsync(complaintsAboutMe, []);
  useDidShow(() => list.reload());
  return (
    <View className="page">
      <Text className="notice">查实的投诉按《考评细则》扣分。投诉人信息受保护，不在此显示。</Text>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="没有涉及您的投诉" />
        ) : (
          list.data.map((c) => (
            <View key={c.id} className="mc__item" data-testid={`my-complaint-${c.id}`}>
              <View>
                <Text className={`badge ${c.outcome === 'verified' ? 'badge--red' : c.outcome === 'unfounded' ? 'badge--green' : ''}`}>
                  {c.outcome === 'verified' ? '查实' : c.outcome === 'unfounded' ? '不属实' : COMPLAINT_STATUS_LABELS[c.status]}
                </Text>
                <Text className="badge badge--grey">{COMPLAINT_CATEGORY_LABELS[c.category]}</Text>
              </View>
              <Text className="mc__content">{c.content}</Text>
              <Text className="mc__meta">{day(c.receivedAt)}</Text>
              {c.outcome === 'verified' &&
                c.costs
                  .filter((k) => k.scheme === 'jiguan')
                  .map((k) => (
                    <Text key={k.rule} className="mc__cost" data-testid="my-complaint-cost">
                      扣分：{k.rule} {k.cost}
                    </Text>
                  ))}
              {c.reply && <Text className="mc__meta">答复：{c.reply}</Text>}
            </View>
          ))
        ))}
    </View>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { listComplaints } from '../../../../services/complaints.api';
import './complaints.scss';

const FILTERS: { key: ComplaintStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'received', label: COMPLAINT_STATUS_LABELS.received },
  { key: 'assigned', label: COMPLAINT_STATUS_LABELS.assigned },
  { key: 'investigated', label: COMPLAINT_STATUS_LABELS.investigated },
  { key: 'verified', label: COMPLAINT_STATUS_LABELS.verified },
  { key: 'replied', label: COMPLAINT_STATUS_LABELS.replied },
];

export function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 投诉工作台: every complaint and hotline item the caller may see; overdue ones stand out. */
export default function ComplaintsPage() {
  const { me } = useSession();
  const [status, setStatus] = useState<ComplaintStatus | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const list = useAsync(() => listComplaints({ status: status === 'all' ? undefined : status, overdue }), [status, overdue]);
  useDidShow(() => list.reload());
  const office = me?.role === 'office';

  return (
    <View className="page cw">
      {office && (
        <View className="cw__tools">
          <View className="cw__tool" onClick={() => void Taro.navigateTo({ url: '/subpackages/admin/pages/complaints-import/index' })}>
            热线导入
          </View>
          <View className="cw__tool" onClick={() => void Taro.navigateTo({ url: '/subpackages/admin/pages/complaints-summary/index' })}>
            月度汇总
          </View>
          <View className="cw__tool" onClick={() => void Taro.navigateTo({ url: '/subpackages/admin/pages/problems/index' })}>
            问题清单
          </View>
        </View>
      )}
      <View className="cw__filters">
        {FILTERS.map((f) => (
          <View key={f.key} className={`cw__chip ${status === f.key ? 'cw__chip--on' : ''}`} onClick={() => setStatus(f.key)} data-testid={`filter-${f.key}`}>
            {f.label}
          </View>
        ))}
        <View className={`cw__chip cw__chip--red ${overdue ? 'cw__chip--on' : ''}`} onClick={() => setOverdue((v) => !v)} data-testid="filter-overdue">
          超期
        </View>
      </View>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="没有符合条件的投诉" />
        ) : (
          <View>
            <Text className="section-title">共 {list.data.length} 件</Text>
            {list.data.map((c) => (
              <View
                key={c.id}
                className={`cw__item ${c.overdue ? 'cw__item--overdue' : ''}`}
                hoverClass="list-row--hover"
                data-testid={`complaint-row-${c.id}`}
                onClick={() => void Taro.navigateTo({ url: `/subpackages/admin/pages/complaints-detail/index?id=${c.id}` })}
              >
                <View>
                  <Text className="badge">{COMPLAINT_STATUS_LABELS[c.status]}</Text>
                  <Text className="badge badge--grey">{COMPLAINT_CATEGORY_LABELS[c.category]}</Text>
                  {c.overdue && <Text className="badge badge--red">超期</Text>}
                </View>
                <Text className="cw__content">{c.content.length > 60 ? `${c.content.slice(0, 60)}…` : c.content}</Text>
                <Text className="cw__meta">
                  {day(c.receivedAt)} · {COMPLAINT_SOURCE_LABELS[c.source]}
                  {c.sectionName ? ` · ${c.assignedSectionName ?? c.sectionName}` : ''}
                  {c.deadline ? ` · 时限 ${c.deadline}` : ''}
                </Text>
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { attendanceApi } from '../../../../services/attendance.api';
import { LeaveRow } from '../att-clock/shared';
import '../att-leave/index.scss';

export default function ApprovalsPage() {
  const [tab, setTab] = useState<'pending' | 'done'>('pending');
  const list = useAsync(() => attendanceApi.leaves('approvals', tab === 'pending' ? 'pending' : undefined), [tab]);
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(id: string, approve: boolean) {
    if (!approve) {
      const ok = await Taro.showModal({ title: '退回申请', content: '确定退回该申请吗？', confirmText: '退回' });
      if (!ok.confirm) return;
    }
    setBusy(id);
    try {
      await attendanceApi.decide(id, approve);
      void Taro.showToast({ title: approve ? '已批准' : '已退回', icon: 'success' });
      list.reload();
    } catch {
      // shown by the HTTP wrapper
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="page">
      <View className="att-tabs">
        <Text className={`att-tabs__tab ${tab === 'pending' ? 'att-tabs__tab--active' : ''}`} onClick={() => setTab('pending')}>
          待审批
        </Text>
        <Text className={`att-tabs__tab ${tab === 'done' ? 'att-tabs__tab--active' : ''}`} onClick={() => setTab('done')}>
          全部
        </Text>
      </View>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title={tab === 'pending' ? '没有待审批的申请' : '暂无申请'} />
        ) : (
          <View className="list-group">
            {list.data.map((l) => (
              <LeaveRow key={l.id} l={l}>
                {l.status === 'pending' && (
                  <View className="att-actions">
                    <Button type="primary" size="large" disabled={busy === l.id} onClick={() => void decide(l.id, true)}>
                      批准
                    </Button>
                    <Button type="default" size="large" disabled={busy === l.id} onClick={() => void decide(l.id, false)}>
                      退回
                    </Button>
                  </View>
                )}
              </LeaveRow>
            ))}
          </View>
        ))}
    </View>
  );
}

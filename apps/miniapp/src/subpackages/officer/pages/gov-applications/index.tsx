import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { APPLICATION_STATUS_LABELS, type ActivityApplicationDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { GOVERNANCE_ROUTES, listApplications, withdrawApplication } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const BADGE: Record<ActivityApplicationDto['status'], string> = { pending: '', approved: 'badge--green', rejected: 'badge--red', merged: '', withdrawn: 'badge--grey' };

/** 会议检查报批: the section's applications and the office's decisions (approved, refused with a reason, merged). */
export default function GovApplicationsPage() {
  const list = useAsync(() => listApplications(), []);
  useDidShow(() => list.reload());
  const [error, setError] = useState<string | null>(null);
  const withdraw = async (id: string) => {
    setError(null);
    try {
      await withdrawApplication(id);
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <View className="page">
      <Text className="gv__hint">以局属单位为对象的业务会议、检查、评比考核，须提前报考评办审批；时间相近、对象相同的将合并进行，减轻基层负担。</Text>
      <View className="gv__action">
        <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: GOVERNANCE_ROUTES.applicationNew })} data-testid="application-new">
          新的报批
        </Button>
      </View>
      {error ? <Text className="gv__error">{error}</Text> : null}
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' && list.data.length === 0 ? <StateView kind="empty" title="还没有报批记录" /> : null}
      {list.status === 'success'
        ? list.data.map((a) => (
            <View key={a.id} className="card" data-testid={`application-${a.id}`}>
              <Text className="section-title">
                {a.kindLabel} · {a.title}
                <Text className={`badge ${BADGE[a.status]}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
              </Text>
              <Text className="gv__hint">
                {chineseDate(a.plannedDate)}
                {a.endDate !== a.plannedDate ? ` 至 ${chineseDate(a.endDate)}` : ''} · 对象：{a.targetUnits.join('、')} · 预计 {a.expectedAttendees} 人
              </Text>
              <Text className="gv__hint">{a.appliedByName}申请 · 事由：{a.reason}</Text>
              {a.status === 'merged' ? <Text className="gv__warn">已并入“{a.mergedIntoTitle ?? '合并后的活动'}”统一组织{a.decisionNote ? `：${a.decisionNote}` : ''}</Text> : null}
              {a.status === 'rejected' ? <Text className="gv__error">未获批准：{a.decisionNote}</Text> : null}
              {a.status === 'approved' ? (
                <Text className="gv__ok">
                  已批准{a.mergedFrom.length ? `，并入了${a.mergedFrom.map((m) => `${m.sectionName}“${m.title}”`).join('、')}` : ''}
                  {a.decisionNote ? `：${a.decisionNote}` : ''}
                </Text>
              ) : null}
              {a.status === 'pending' ? (
                <Text className="gv__link" onClick={() => void withdraw(a.id)} data-testid={`application-withdraw-${a.id}`}>
                  撤回
                </Text>
              ) : null}
            </View>
          ))
        : null}
    </View>
  );
}

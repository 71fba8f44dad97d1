import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { APPEAL_STATUS_LABELS, INCIDENT_STATUS_LABELS, type IncidentDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { dismissIncident, listIncidents, verifyIncident } from '../../../../services/records.api';
import '../records.scss';

type Tab = 'pending' | 'appeals' | 'all' | 'mine';

/** 考评事件: the office's 待核实 and 申诉处理 queues; everyone's "我的考评事件" (with 申诉). */
export default function IncidentsPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const initial = (Taro.getCurrentInstance().router?.params.tab as Tab | undefined) ?? (office ? 'pending' : 'mine');
  const [tab, setTab] = useState<Tab>(initial);
  const list = useAsync(
    () => (tab === 'pending' ? listIncidents({ status: 'pending' }) : tab === 'appeals' ? listIncidents({ appeal: 'open' }) : tab === 'mine' ? listIncidents({ personId: me?.id }) : listIncidents()),
    [tab, me?.id],
  );
  useDidShow(() => list.reload());
  const tabs: { key: Tab; label: string }[] = office
    ? [{ key: 'pending', label: '待核实' }, { key: 'appeals', label: '申诉处理' }, { key: 'all', label: '全部' }]
    : me?.role === 'chief' || me?.role === 'leader'
      ? [{ key: 'mine', label: '我的' }, { key: 'all', label: me?.role === 'chief' ? '本处室' : '全局' }]
      : [{ key: 'mine', label: '我的考评事件' }];

  const act = async (fn: () => Promise<unknown>) => {
    await fn().catch(() => undefined);
    list.reload();
  };
  const open = (i: IncidentDto) => void Taro.navigateTo({ url: `/subpackages/officer/pages/incident-detail/index?id=${i.id}` });

  return (
    <View className="page rec">
      {tabs.length > 1 && (
        <View className="rec__tabs">
          {tabs.map((t) => (
            <View key={t.key} data-testid={`tab-${t.key}`} className={`rec__tab${tab === t.key ? ' rec__tab--on' : ''}`} onClick={() => setTab(t.key)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
      )}
      {(office || me?.role === 'chief') && (
        <View className="main-action" style={{ marginTop: 0, marginBottom: '12px' }}>
          <Button type="primary" block data-testid="incident-new" onClick={() => void Taro.navigateTo({ url: '/subpackages/officer/pages/incident-new/index' })}>
            记录考评事件
          </Button>
        </View>
      )}
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' && list.data.length === 0 && <StateView kind="empty" title={tab === 'pending' ? '没有待核实的事件' : tab === 'appeals' ? '没有待处理的申诉' : '暂无考评事件'} />}
      {list.status === 'success' &&
        list.data.map((i) => (
          <View key={i.id} className="rec__item" data-testid={`incident-${i.id}`}>
            <View className="rec__item-head" onClick={() => open(i)}>
              <Text className="rec__title">{i.personName} · {i.rule}</Text>
              <Text className={`badge ${i.status === 'verified' ? 'badge--red' : i.status === 'dismissed' ? 'badge--grey' : ''}`}>
                {i.appealStatus === 'open' ? APPEAL_STATUS_LABELS.open : INCIDENT_STATUS_LABELS[i.status]}
              </Text>
            </View>
            <Text className="rec__meta" onClick={() => open(i)}>{i.date} · {i.sectionName} · {i.cost}</Text>
            <Text className="rec__text" onClick={() => open(i)}>{i.description}</Text>
            {i.canAppeal && i.personId === me?.id && (
              <View className="rec__actions">
                <Button size="small" type="primary" fill="outline" data-testid={`appeal-${i.id}`} onClick={() => open(i)}>申诉（{i.appealDeadline} 前）</Button>
              </View>
            )}
            {office && i.status === 'pending' && (
              <View className="rec__actions">
                <Button size="small" type="primary" data-testid={`verify-${i.id}`} onClick={() => act(() => verifyIncident(i.id))}>核实计分</Button>
                <Button size="small" data-testid={`dismiss-${i.id}`} onClick={() => act(() => dismissIncident(i.id))}>撤销</Button>
              </View>
            )}
          </View>
        ))}
    </View>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { BREAK_STATUS_LABELS, COORDINATION_STATUS_LABELS, type CoordinationBox, type CoordinationDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { GOVERNANCE_ROUTES, listCoordination } from '../../../../services/governance.api';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

function CoordinationRow({ r }: { r: CoordinationDto }) {
  return (
    <View className="list-row" data-testid={`coordination-${r.id}`} onClick={() => void Taro.navigateTo({ url: `${GOVERNANCE_ROUTES.coordinationDetail}?id=${r.id}` })}>
      <View className="list-row__main">
        <Text className="list-row__title">
          {r.matter}
          <Text className={`badge ${r.status === 'completed' ? 'badge--green' : ''}`}>{COORDINATION_STATUS_LABELS[r.status]}</Text>
          {r.overdue ? <Text className="badge badge--red">逾期</Text> : null}
          {r.breakStatus ? <Text className={`badge ${r.breakStatus === 'cleared' ? 'badge--grey' : 'badge--red'}`}>{BREAK_STATUS_LABELS[r.breakStatus]}</Text> : null}
        </Text>
        <Text className="list-row__sub">
          {r.fromSectionName} → {r.toSectionName} · 时限 {chineseDate(r.deadline)}
          {r.handlerName ? ` · 经办 ${r.handlerName}` : ''}
        </Text>
      </View>
      <Text className="list-row__arrow">›</Text>
    </View>
  );
}

/** 处室衔接: matters handed to this section (sign for and complete them) and matters it handed to others. */
export default function GovCoordinationPage() {
  const { me } = useSession();
  const [box, setBox] = useState<CoordinationBox>('inbox');
  const list = useAsync(() => listCoordination({ box }), [box]);
  useDidShow(() => list.reload());
  const canSend = me?.role === 'chief' || me?.role === 'office';
  const todo = list.status === 'success' ? list.data.filter((r) => r.canAcknowledge || r.canComplete).length : 0;
  return (
    <View className="page">
      <View className="gv__tabs">
        {(['inbox', 'outbox'] as const).map((b) => (
          <View key={b} className={`gv__tab ${box === b ? 'gv__tab--on' : ''}`} data-testid={`coordination-tab-${b}`} onClick={() => setBox(b)}>
            {b === 'inbox' ? `收到的${box === 'inbox' && todo ? `（${todo} 件待办）` : ''}` : '发出的'}
          </View>
        ))}
      </View>
      {canSend ? (
        <View className="gv__action">
          <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: GOVERNANCE_ROUTES.coordinationNew })} data-testid="coordination-new">
            发起衔接
          </Button>
        </View>
      ) : null}
      <Text className="gv__hint">逾期未办结或逾期办结的事项由考评办核查，认定脱节断档的按 JI-2 记录考评事件。</Text>
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' && list.data.length === 0 ? <StateView kind="empty" title={box === 'inbox' ? '没有收到的衔接事项' : '没有发出的衔接事项'} /> : null}
      {list.status === 'success' && list.data.length ? (
        <View className="list-group">
          {list.data.map((r) => (
            <CoordinationRow key={r.id} r={r} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EFFICIENCY_SYSTEM_LABELS } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { GOVERNANCE_ROUTES, governanceOverview } from '../../../../services/governance.api';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const open = (url: string) => void Taro.navigateTo({ url });

/** 三定与效能制度: what waits for the office's review, and each section's 三定 and seven systems at a glance. */
export default function GovLedgersPage() {
  const data = useAsync(governanceOverview, []);
  useDidShow(() => data.reload());
  if (data.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (data.status !== 'success') return <View className="page"><StateView kind={data.status} description={data.error} onRetry={data.reload} /></View>;
  const d = data.data;
  const waiting = d.pendingDuties.length + d.pendingSystems.length;
  return (
    <View className="page">
      <Text className="section-title">待审核 · {waiting} 项</Text>
      {waiting === 0 ? <StateView kind="empty" title="没有待审核的三定或制度" /> : null}
      <View className="list-group">
        {d.pendingDuties.map((v) => (
          <View key={v.id} className="list-row" data-testid={`pending-duties-${v.sectionId}`} onClick={() => open(`${GOVERNANCE_ROUTES.duties}?sectionId=${v.sectionId}`)}>
            <View className="list-row__main">
              <Text className="list-row__title">{v.sectionName} · 三定职责第 {v.seq} 版</Text>
              <Text className="list-row__sub">
                {v.submittedByName}提交 · {chineseDate(v.effectiveFrom)}起施行 · 职责 {v.duties.length} 项
              </Text>
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        ))}
        {d.pendingSystems.map((s) => (
          <View key={s.id} className="list-row" data-testid={`pending-system-${s.id}`} onClick={() => open(`${GOVERNANCE_ROUTES.system}?id=${s.id}`)}>
            <View className="list-row__main">
              <Text className="list-row__title">
                {s.sectionName} · {s.name}
                {s.current ? <Text className="badge">修订</Text> : null}
              </Text>
              <Text className="list-row__sub">
                {s.pending?.submittedByName}提交 · {s.pending ? `${chineseDate(s.pending.effectiveFrom)}起施行` : ''}
                {s.pending?.publish ? ' · 要求公示' : ''}
              </Text>
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        ))}
      </View>
      <Text className="section-title">各处室建立情况（{chineseDate(d.today)}）</Text>
      <View className="list-group">
        {d.rows.map((r) => (
          <View key={r.sectionId} className="list-row" data-testid={`overview-${r.sectionId}`} onClick={() => open(`${GOVERNANCE_ROUTES.systems}?sectionId=${r.sectionId}`)}>
            <View className="list-row__main">
              <Text className="list-row__title">
                {r.sectionName}
                <Text className={`badge ${r.systemsInForce === r.systemsRequired ? 'badge--green' : 'badge--red'}`}>
                  制度 {r.systemsInForce}/{r.systemsRequired}
                </Text>
                {!r.dutiesInForceFrom ? <Text className="badge badge--red">三定未登记</Text> : null}
              </Text>
              <Text className="list-row__sub">
                {r.dutiesInForceFrom ? `三定 ${chineseDate(r.dutiesInForceFrom)}起施行` : '三定未登记'}
                {r.missing.length ? ` · 未建立：${r.missing.map((k) => EFFICIENCY_SYSTEM_LABELS[k]).join('、')}` : ''}
              </Text>
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        ))}
      </View>
      <Text className="gv__link" onClick={() => open(GOVERNANCE_ROUTES.duties)} data-testid="overview-duties">
        查看、登记各处室三定职责 ›
      </Text>
    </View>
  );
}

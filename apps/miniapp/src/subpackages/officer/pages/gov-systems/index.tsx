import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EFFICIENCY_SYSTEM_LABELS, SYSTEM_STATE_LABELS, type EfficiencySystemKind } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { GOVERNANCE_ROUTES, getSystems } from '../../../../services/governance.api';
import { listSections } from '../../../../services/org.api';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const open = (url: string) => void Taro.navigateTo({ url });

/** 效能制度 of a section: the seven systems 五.(二) requires (in force, under review, missing) and any others. */
export default function GovSystemsPage() {
  const { me } = useSession();
  const bureau = me?.role === 'office' || me?.role === 'leader';
  const [sectionId, setSectionId] = useState<string | undefined>(Taro.getCurrentInstance().router?.params.sectionId || undefined);
  const sections = useAsync(() => (bureau ? listSections() : Promise.resolve([])), [bureau]);
  const list = sections.status === 'success' ? sections.data : [];
  const wanted = sectionId ?? (bureau ? list[0]?.id : undefined);
  const data = useAsync(() => (bureau && !wanted ? new Promise<never>(() => undefined) : getSystems(wanted)), [wanted, bureau]);
  useDidShow(() => data.reload());
  return (
    <View className="page">
      {bureau && list.length ? (
        <Picker mode="selector" range={list.map((s) => s.name)} value={Math.max(0, list.findIndex((s) => s.id === wanted))} onChange={(e) => setSectionId(list[Number(e.detail.value)]?.id)}>
          <View className="gv__picker" data-testid="systems-section">
            <Text>{list.find((s) => s.id === wanted)?.name ?? '选择处室'}</Text>
            <Text className="muted">切换处室 ›</Text>
          </View>
        </Picker>
      ) : null}
      {bureau && (sections.status === 'error' || sections.status === 'offline') ? <StateView kind={sections.status} description={sections.error} onRetry={sections.reload} /> : null}
      {data.status === 'loading' && sections.status !== 'error' && sections.status !== 'offline' ? <StateView kind="loading" /> : null}
      {data.status === 'error' || data.status === 'offline' ? <StateView kind={data.status} description={data.error} onRetry={data.reload} /> : null}
      {data.status === 'success' ? (
        <View>
          <Text className="section-title">{data.data.sectionName}效能制度</Text>
          {data.data.missing.length ? (
            <Text className="gv__warn" data-testid="systems-missing">
              尚未建立：{data.data.missing.map((k) => EFFICIENCY_SYSTEM_LABELS[k]).join('、')}
            </Text>
          ) : (
            <Text className="gv__ok">七项效能制度均已建立</Text>
          )}
          {data.data.systems.length === 0 ? <StateView kind="empty" title="还没有登记效能制度" /> : null}
          <View className="list-group">
            {data.data.systems.map((s) => (
              <View key={s.id} className="list-row" data-testid={`system-${s.kind}`} onClick={() => open(`${GOVERNANCE_ROUTES.system}?id=${s.id}`)}>
                <View className="list-row__main">
                  <Text className="list-row__title">
                    {s.name}
                    <Text className={`badge ${s.state === 'in_force' ? 'badge--green' : s.state === 'missing' ? 'badge--grey' : ''}`}>{SYSTEM_STATE_LABELS[s.state]}</Text>
                    {s.pending && s.current ? <Text className="badge">修订待审核</Text> : null}
                    {s.current?.publish ? <Text className="badge badge--grey">已公示</Text> : null}
                  </Text>
                  <Text className="list-row__sub">
                    {s.current ? `${chineseDate(s.current.effectiveFrom)}起施行 · ${s.current.items.length} 条` : s.pending ? `${s.pending.submittedByName}提交，待考评办审核` : '已退回或撤回，请重新提交'}
                  </Text>
                </View>
                <Text className="list-row__arrow">›</Text>
              </View>
            ))}
          </View>
          {data.data.canEdit ? (
            <View className="card">
              <Text className="section-title">建立或修订制度</Text>
              <View className="gv__chips">
                {(Object.keys(EFFICIENCY_SYSTEM_LABELS) as EfficiencySystemKind[]).map((k) => (
                  <View key={k} className={`gv__chip ${data.data.missing.includes(k) ? 'gv__chip--on' : ''}`} data-testid={`system-new-${k}`} onClick={() => open(`${GOVERNANCE_ROUTES.system}?kind=${k}`)}>
                    {EFFICIENCY_SYSTEM_LABELS[k]}
                  </View>
                ))}
              </View>
              <Text className="gv__hint">蓝框为尚未建立的必备制度。提交后由考评办审核，批准后按生效日期施行。</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

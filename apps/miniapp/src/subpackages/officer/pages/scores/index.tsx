import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CONSEQUENCE_LABELS, SCHEME_LABELS } from '@kaoping/contracts';
import { explainFlag } from '@kaoping/scoring';
import { RadarChart } from '../../../../components/radar-chart';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { personScore } from '../../../../services/scores.api';
import '../records.scss';

function pts(p: number): string {
  const r = Math.round(p * 100) / 100;
  return r > 0 ? `+${r}` : `${r}`.replace('-', '−');
}

/** 个人成绩: total, grade, the dimensions as a radar chart, every item with its rule and evidence. */
export default function ScoresPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const { me } = useSession();
  const personId = params.personId ?? me?.id ?? '';
  const year = params.year ? Number(params.year) : new Date().getFullYear();
  const score = useAsync(() => personScore(personId, { year }), [personId, year]);
  useDidShow(() => score.reload());

  if (score.status === 'loading') return <View className="page"><StateView kind="loading" title="正在计算成绩…" /></View>;
  if (score.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={score.reload} /></View>;
  if (score.status === 'error') return <View className="page"><StateView kind="error" description={score.error} onRetry={score.reload} /></View>;
  const s = score.data;
  const bad = s.grade === '不称职';
  const open = (incidentId: string) => void Taro.navigateTo({ url: `/subpackages/officer/pages/incident-detail/index?id=${incidentId}` });

  return (
    <View className="page rec">
      <View className="card">
        <Text className="rec__meta">{s.name} · {s.sectionName ?? ''} · {SCHEME_LABELS[s.scheme]} {s.year} 年</Text>
        {s.error && <Text className="notice notice--warning">{s.error}</Text>}
        {s.total === null ? (
          <StateView kind="empty" title="暂无成绩" description="不在该方案的考评范围内，或尚未计算" />
        ) : (
          <>
            <View className="rec__total">
              <Text className="rec__total-num" data-testid="score-total">{s.total}</Text>
              <Text className={`rec__grade${bad ? ' rec__grade--bad' : ''}`} data-testid="score-grade">{s.grade}</Text>
            </View>
            <RadarChart axes={s.dimensions.map((d) => ({ label: d.label, value: d.score, max: s.scheme === 'jiguan' ? d.base || 100 : Math.max(d.score, d.base, 1) }))} />
            {s.flags.filter((f) => f.startsWith('consequence:')).map((f) => (
              <Text key={f} className="notice notice--warning">{CONSEQUENCE_LABELS[f] ?? f}</Text>
            ))}
            {s.flags
              .filter((f) => !f.startsWith('consequence:'))
              .map((f) => (
                <Text key={f} className="notice" data-testid="score-flag">
                  {explainFlag(f)}
                </Text>
              ))}
          </>
        )}
      </View>
      {s.dimensions.map((d) => (
        <View key={d.id} className="card" data-testid={`dimension-${d.id}`}>
          <View className="rec__dim">
            <Text>{d.label}</Text>
            <Text>{Math.round(d.score * 100) / 100}</Text>
          </View>
          {d.items.length === 0 && <Text className="muted">无加减分</Text>}
          {d.items.map((it, n) => (
            <View key={`${it.source}-${n}`} className="rec__item" style={{ padding: '12px 0', marginBottom: 0 }} data-testid={`item-${it.rule}`}>
              <View className="rec__item-head">
                <Text className="rec__title">{it.rule}</Text>
                <Text className={`rec__points${it.points > 0 ? ' rec__points--plus' : ''}`}>{pts(it.points)}</Text>
              </View>
              <Text className="rec__text">{it.ruleText}</Text>
              {it.cascadeFromName && <Text className="rec__meta">连带：{it.cascadeFromName}</Text>}
              {it.evidence.kind === 'incident' && it.evidence.id ? (
                <Text className="rec__link" data-testid={`evidence-${it.evidence.id}`} onClick={() => open(it.evidence.id!)}>
                  证据：{it.evidence.label} ›
                </Text>
              ) : (
                <Text className="rec__meta">依据：{it.evidence.label}</Text>
              )}
            </View>
          ))}
        </View>
      ))}
      {s.bonusItems.length > 0 && (
        <View className="card">
          <View className="rec__dim"><Text>加分</Text><Text>{s.bonus}</Text></View>
          {s.bonusItems.map((it, n) => (
            <Text key={n} className="rec__meta">{it.rule} {pts(it.points)} · {it.evidence.label}</Text>
          ))}
        </View>
      )}
      {s.extras.length > 0 && (
        <View className="card" data-testid="score-extras">
          <View className="rec__dim"><Text>附加项（处长、副处长）</Text><Text>{pts(s.extras.reduce((a, e) => a + e.points, 0))}</Text></View>
          <Text className="rec__meta">总分 =（1 − 权重之和）× 六项平均 + Σ 权重 × 附加项得分；每项对总分的影响 = 权重 ×（该项得分 − 六项平均）</Text>
          {s.extras.map((e) => (
            <View key={e.component} className="rec__item-head" style={{ padding: '12px 0' }} data-testid={`extra-${e.component}`}>
              <Text className="rec__text">
                {e.label} · 权重 {Math.round(e.weight * 10000) / 100}% · {e.score === null ? '暂无得分' : `${e.score} 分`}
              </Text>
              <Text className={`rec__points${e.points > 0 ? ' rec__points--plus' : ''}`}>{e.weight === 0 || e.score === null ? '不计' : pts(e.points)}</Text>
            </View>
          ))}
          <Text className="rec__link" onClick={() => void Taro.navigateTo({ url: '/subpackages/officer/pages/review-extras/index' })}>
            附加项得分来源 ›
          </Text>
        </View>
      )}
      {s.computedAt && <Text className="muted">计算于 {s.computedAt.slice(0, 16).replace('T', ' ')}（UTC） · 方案版本 {s.schemeVersion}</Text>}
    </View>
  );
}

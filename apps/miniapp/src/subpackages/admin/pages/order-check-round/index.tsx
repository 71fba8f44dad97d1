import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ORDER_CHECK_KIND_LABELS, ORDER_CHECK_STATUS_LABELS } from '@kaoping/contracts';
import { BarChart } from '../../../../components/bar-chart';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { closeRound, getRound, ORDER_CHECK_ROUTES } from '../../../../services/order-checks.api';
import '../order-checks.scss';

/** One round of 卫生秩序 checks: the ranking chart, every section's total; the office scores each and files the round. */
export default function OrderCheckRoundPage() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const { me } = useSession();
  const office = me?.role === 'office';
  const data = useAsync(() => getRound(id), [id]);
  useDidShow(() => data.reload());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (data.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (data.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={data.reload} /></View>;
  if (data.status === 'error') return <View className="page"><StateView kind="error" description={data.error} onRetry={data.reload} /></View>;
  const r = data.data;
  const open = (sectionId: string) => void Taro.navigateTo({ url: `${ORDER_CHECK_ROUTES.sheet}?round=${encodeURIComponent(r.id)}&section=${encodeURIComponent(sectionId)}` });

  const close = async () => {
    setError(null);
    const ok = await Taro.showModal({ title: '归档并公布', content: '归档后各处室可查看本处室结果；之后的修改须填写更正理由并留档。确定归档？' });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      await closeRound(r.id);
      void Taro.showToast({ title: '已归档', icon: 'success' });
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page oc" data-testid="oc-round-page">
      <View className="card">
        <Text className="oc__head">
          {r.year} 年第 {r.round} 轮 · {ORDER_CHECK_KIND_LABELS[r.kind]}
        </Text>
        <Text className="oc__meta">
          {r.date} · 检查人：{r.inspectors}
        </Text>
        {r.notes && <Text className="oc__meta">{r.notes}</Text>}
        <Text className="oc__meta" data-testid="oc-round-status">
          {ORDER_CHECK_STATUS_LABELS[r.status]} · 已评 {r.scoredCount}/{r.sectionCount}
          {r.average !== null ? ` · 平均 ${r.average} 分` : ''}
          {r.closedAt ? ` · ${r.closedByName ?? ''}归档` : ''}
        </Text>
        {r.missing.length > 0 && <Text className="oc__missing">未评分：{r.missing.map((s) => s.name).join('、')}</Text>}
      </View>

      {r.ranking.length > 0 && (
        <View className="card">
          <Text className="oc__card-title">本轮排名（满分 {r.sheet.max} 分）</Text>
          <BarChart rows={r.ranking.map((x) => ({ key: x.sectionId, label: `${x.rank}. ${x.sectionName}`, value: x.total }))} max={r.sheet.max} testId="oc-round-chart" />
        </View>
      )}

      <Text className="section-title">各处室评分表{office && r.status === 'open' ? '（点击逐项打分）' : ''}</Text>
      <View className="list-group">
        {r.sheets.map((s) => (
          <View key={s.sectionId} className="list-row" hoverClass="list-row--hover" data-testid={`oc-sheet-row-${s.sectionId}`} onClick={() => open(s.sectionId)}>
            {s.rank !== null && <Text className="oc__rank">{s.rank}</Text>}
            <View className="list-row__main">
              <Text className="list-row__title">{s.sectionName}</Text>
              <Text className="list-row__sub">
                {s.scored ? `扣分 ${s.deductions.length} 项${s.files.length ? ` · 照片 ${s.files.length} 张` : ''}${s.corrections.length ? ` · 更正 ${s.corrections.length} 次` : ''}` : '未评分'}
              </Text>
            </View>
            <Text className="oc__score" data-testid={`oc-sheet-total-${s.sectionId}`}>
              {s.total ?? '—'}
            </Text>
            <Text className="list-row__arrow">›</Text>
          </View>
        ))}
      </View>

      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      {office && r.status === 'open' && (
        <View className="main-action">
          <Button type="primary" block loading={busy} disabled={busy || r.missing.length > 0} data-testid="oc-close" onClick={() => void close()}>
            {r.missing.length > 0 ? `还有 ${r.missing.length} 个处室未评分` : '归档并公布本轮结果'}
          </Button>
        </View>
      )}
    </View>
  );
}

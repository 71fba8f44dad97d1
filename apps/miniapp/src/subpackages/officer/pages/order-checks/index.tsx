import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ORDER_CHECK_KIND_LABELS } from '@kaoping/contracts';
import { BarChart } from '../../../../components/bar-chart';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { myOrderChecks } from '../../../../services/order-checks.api';
import './index.scss';

/**
 * 本处室卫生秩序检查: the section's results in the year's published (filed) rounds — total, each deduction with what was
 * found, photos, corrections; chiefs and deputies also see the section's place in each round and in the year.
 */
export default function MyOrderChecksPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const data = useAsync(() => myOrderChecks(year), [year]);
  useDidShow(() => data.reload());

  return (
    <View className="page moc">
      <View className="moc__year">
        <View className="moc__year-step" hoverClass="list-row--hover" data-testid="moc-year-prev" onClick={() => setYear(year - 1)}>
          <Text>‹</Text>
        </View>
        <Text className="moc__year-text">{year} 年</Text>
        <View className="moc__year-step" hoverClass="list-row--hover" data-testid="moc-year-next" onClick={() => setYear(year + 1)}>
          <Text>›</Text>
        </View>
      </View>
      {data.status === 'loading' && <StateView kind="loading" />}
      {data.status === 'offline' && <StateView kind="offline" onRetry={data.reload} />}
      {data.status === 'error' && <StateView kind="error" description={data.error} onRetry={data.reload} />}
      {data.status === 'success' && !data.data.sectionId && <StateView kind="empty" title="您目前不属于任何处室" />}
      {data.status === 'success' && data.data.sectionId && data.data.sheets.length === 0 && (
        <StateView kind="empty" title={`${year} 年尚无已公布的检查结果`} description="局办公室定期检查各处（室）卫生和办公秩序，归档后在此公布本处室结果" />
      )}
      {data.status === 'success' && data.data.sheets.length > 0 && (
        <>
          <View className="card" data-testid="moc-summary">
            <Text className="moc__title">{data.data.sectionName}</Text>
            <Text className="moc__line">
              {year} 年已公布 {data.data.sheets.length} 轮，平均 <Text className="moc__strong">{data.data.average}</Text> 分
            </Text>
            {data.data.showsRank && data.data.yearRank !== null && (
              <Text className="moc__line" data-testid="moc-year-rank">
                年度名次：第 <Text className="moc__strong">{data.data.yearRank}</Text> 名（共 {data.data.yearSections} 个处室）
              </Text>
            )}
            <BarChart
              rows={[...data.data.sheets].reverse().map((s) => ({ key: String(s.round), label: `第 ${s.round} 轮 ${s.date.slice(5)}`, value: s.total ?? 0 }))}
              max={data.data.sheets[0]!.max}
              testId="moc-chart"
            />
          </View>
          {data.data.sheets.map((s) => (
            <View key={s.roundId} className="card" data-testid={`moc-round-${s.round}`}>
              <View className="moc__head">
                <Text className="moc__round">
                  第 {s.round} 轮 · {ORDER_CHECK_KIND_LABELS[s.kind]} · {s.date}
                </Text>
                <Text className="moc__total" data-testid={`moc-total-${s.round}`}>
                  {s.total}
                  <Text className="moc__max">/{s.max}</Text>
                </Text>
              </View>
              {s.rank !== null && (
                <Text className="moc__line" data-testid={`moc-rank-${s.round}`}>
                  本轮第 {s.rank} 名（共 {s.sectionCount} 个处室）
                </Text>
              )}
              {s.deductions.length === 0 ? (
                <Text className="moc__ok">各项均未扣分</Text>
              ) : (
                s.deductions.map((d) => (
                  <View key={d.itemId} className="moc__deduction">
                    <Text>
                      {d.label}：{d.note}
                    </Text>
                    <Text className="moc__pts">−{d.points}</Text>
                  </View>
                ))
              )}
              {s.notes && <Text className="moc__line">{s.notes}</Text>}
              <EvidenceFiles files={s.files} testId={`moc-files-${s.round}`} />
              {s.corrections.map((c, i) => (
                <Text key={i} className="moc__correction">
                  更正（{c.at.slice(0, 10)} {c.byName}）：{c.beforeTotal} → {c.afterTotal}，理由：{c.reason}
                </Text>
              ))}
            </View>
          ))}
          <Text className="muted">卫生秩序检查结果登记备案、公布排名，不计入个人考评分。</Text>
        </>
      )}
    </View>
  );
}

import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { JobProgress } from '../../../../components/job-progress';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { complaintSummary, startSummaryExport } from '../../../../services/complaints.api';
import '../complaints/complaints.scss';

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View>
      {rows.map((r) => (
        <View key={r.label} className="cw__bar-row">
          <Text className="cw__bar-label">{r.label}</Text>
          <View className="cw__bar" style={{ width: `${Math.round((r.count / max) * 360)}rpx` }} />
          <Text>{r.count}</Text>
        </View>
      ))}
    </View>
  );
}

/** 月度汇总 for the leading-group office: counts by category, section and status; overdue; verified rate; Excel. */
export default function ComplaintSummaryPage() {
  const [month, setMonth] = useState(thisMonth());
  const s = useAsync(() => complaintSummary(month), [month]);

  return (
    <View className="page cw">
      <Picker mode="date" fields="month" value={month} onChange={(e) => setMonth(e.detail.value.slice(0, 7))}>
        <View className="list-row list-group" data-testid="summary-month">
          <Text className="list-row__title">月份：{month}</Text>
        </View>
      </Picker>
      {s.status === 'loading' && <StateView kind="loading" />}
      {s.status === 'offline' && <StateView kind="offline" onRetry={s.reload} />}
      {s.status === 'error' && <StateView kind="error" description={s.error} onRetry={s.reload} />}
      {s.status === 'success' && (
        <View>
          <View className="cw__item">
            <View className="cw__stat">
              <Text>投诉总数</Text>
              <Text data-testid="summary-total">{s.data.total}</Text>
            </View>
            <View className="cw__stat">
              <Text>超期</Text>
              <Text>{s.data.overdue}</Text>
            </View>
            <View className="cw__stat">
              <Text>查实 / 已认定</Text>
              <Text>
                {s.data.verified} / {s.data.concluded}
              </Text>
            </View>
            <View className="cw__stat">
              <Text>查实率</Text>
              <Text>{s.data.verifiedRate === null ? '—' : `${(s.data.verifiedRate * 100).toFixed(1)}%`}</Text>
            </View>
          </View>
          <Text className="section-title">按类别</Text>
          <View className="cw__item">
            <Bars rows={s.data.byCategory.map((c) => ({ label: c.label, count: c.count }))} />
          </View>
          <Text className="section-title">按处室</Text>
          <View className="cw__item">{s.data.bySection.length ? <Bars rows={s.data.bySection.map((c) => ({ label: c.sectionName, count: c.count }))} /> : <Text className="cw__meta">本月暂无</Text>}</View>
          <Text className="section-title">按状态</Text>
          <View className="cw__item">
            <Bars rows={s.data.byStatus.map((c) => ({ label: c.label, count: c.count }))} />
          </View>
          <View className="main-action">
            <JobProgress key={month} label="导出 Excel" start={() => startSummaryExport(month)} testId="summary-export" />
          </View>
        </View>
      )}
    </View>
  );
}

import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { DAY_STATUS_LABELS, PUNCH_FLAG_LABELS, PUNCH_TYPE_LABELS } from '@kaoping/contracts';
import { JobProgress } from '../../../../components/job-progress';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { attendanceApi } from '../../../../services/attendance.api';
import { isoDate } from '../../../../utils/date';
import { Counts, shiftMonth } from '../att-clock/shared';
import '../att-month/index.scss';

function DayView({ sectionId }: { sectionId: string }) {
  const [date, setDate] = useState(isoDate());
  const day = useAsync(() => attendanceApi.sectionDay(sectionId, date), [sectionId, date]);
  return (
    <View>
      <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
        <View className="list-row">
          <Text className="list-row__title">日期：{date}</Text>
        </View>
      </Picker>
      {day.status === 'loading' && <StateView kind="loading" />}
      {day.status === 'offline' && <StateView kind="offline" onRetry={day.reload} />}
      {day.status === 'error' && <StateView kind="error" description={day.error} onRetry={day.reload} />}
      {day.status === 'success' && (
        <View>
          <View className="list-group">
            {day.data.records.map((r) => (
              <View key={r.personId} className="att-row" data-testid={`record-${r.personId}`}>
                <View className="att-row__main">
                  <Text className="att-row__title">
                    {r.personName} <Text className={`att-status att-status--${r.status}`}>{r.holidayName ?? DAY_STATUS_LABELS[r.status]}</Text>
                  </Text>
                  <Text className="att-row__sub">
                    上班 {r.clockIn ?? '—'} · 下班 {r.clockOut ?? '—'}
                    {r.leaveTypes.length ? ' · 有请假' : ''}
                  </Text>
                  <View>
                    {r.flags.map((f) => (
                      <Text key={f} className="att-flag">
                        {PUNCH_FLAG_LABELS[f]}
                      </Text>
                    ))}
                  </View>
                </View>
              </View>
            ))}
          </View>
          {day.data.punches.some((p) => p.flags.length > 0) && <Text className="section-title">需关注的打卡</Text>}
          <View className="list-group">
            {day.data.punches
              .filter((p) => p.flags.length > 0)
              .map((p) => (
                <View key={p.id} className="att-row">
                  <View className="att-row__main">
                    <Text className="att-row__title">
                      {p.personName} {PUNCH_TYPE_LABELS[p.type]} {p.localTime}
                    </Text>
                    <Text className="att-row__sub">{p.field ? `外勤：${p.note ?? ''}` : `距考勤点 ${p.distance ?? '—'} 米`}</Text>
                    <View>
                      {p.flags.map((f) => (
                        <Text key={f} className="att-flag">
                          {PUNCH_FLAG_LABELS[f]}
                        </Text>
                      ))}
                    </View>
                  </View>
                </View>
              ))}
          </View>
        </View>
      )}
    </View>
  );
}

function MonthView({ sectionId, canSign }: { sectionId: string; canSign: boolean }) {
  const [month, setMonth] = useState(() => isoDate().slice(0, 7));
  const summary = useAsync(() => attendanceApi.sectionMonth(sectionId, month), [sectionId, month]);
  const report = useAsync(() => attendanceApi.currentReport(sectionId, month), [sectionId, month]);
  const [busy, setBusy] = useState(false);

  async function act(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      void Taro.showToast({ title: done, icon: 'success' });
      report.reload();
    } catch {
      // shown by the HTTP wrapper
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <View className="card">
        <View className="month-page__nav">
          <Text className="month-page__arrow" onClick={() => setMonth(shiftMonth(month, -1))}>
            ‹
          </Text>
          <Text className="month-page__title">{month.replace('-', '年')}月</Text>
          <Text className="month-page__arrow" onClick={() => setMonth(shiftMonth(month, 1))}>
            ›
          </Text>
        </View>
      </View>
      <View className="card" data-testid="report-card">
        <Text className="list-row__title">考勤月报</Text>
        {report.status === 'success' && (
          <Text className="muted">
            {!report.data ? '尚未生成' : report.data.status === 'signed' ? `已签字上报（${report.data.signedByName ?? ''}）` : '已生成，待处长签字'}
          </Text>
        )}
        <View className="att-actions">
          {report.status === 'success' && report.data?.status !== 'signed' && (
            <Button type="default" size="large" disabled={busy} onClick={() => void act(() => attendanceApi.generateReport(sectionId, month), '已生成')}>
              {report.data ? '重新生成' : '生成月报'}
            </Button>
          )}
          {canSign && report.status === 'success' && report.data?.status === 'generated' && (
            <Button type="primary" size="large" disabled={busy} data-testid="report-sign" onClick={() => void act(() => attendanceApi.signReport(report.data!.id), '已签字上报')}>
              确认签字并上报
            </Button>
          )}
        </View>
        <JobProgress key={month} label="导出 Excel" secondary start={() => attendanceApi.startExport(month, sectionId)} testId="export-xlsx" />
      </View>
      {summary.status === 'loading' && <StateView kind="loading" />}
      {summary.status === 'offline' && <StateView kind="offline" onRetry={summary.reload} />}
      {summary.status === 'error' && <StateView kind="error" description={summary.error} onRetry={summary.reload} />}
      {summary.status === 'success' &&
        summary.data.people.map((p) => (
          <View key={p.personId} className="card">
            <Text className="list-row__title">{p.personName}</Text>
            <Counts counts={p.counts} />
          </View>
        ))}
    </View>
  );
}

export default function SectionAttendancePage() {
  const { me } = useSession();
  const [tab, setTab] = useState<'day' | 'month'>('day');
  if (!me) return <StateView kind="loading" />;
  if (!me.sectionId) return <StateView kind="empty" title="您不属于任何处室" />;
  return (
    <View className="page">
      <View className="att-tabs">
        <Text className={`att-tabs__tab ${tab === 'day' ? 'att-tabs__tab--active' : ''}`} onClick={() => setTab('day')}>
          每日
        </Text>
        <Text className={`att-tabs__tab ${tab === 'month' ? 'att-tabs__tab--active' : ''}`} onClick={() => setTab('month')}>
          月度与月报
        </Text>
      </View>
      {tab === 'day' ? <DayView sectionId={me.sectionId} /> : <MonthView sectionId={me.sectionId} canSign={me.position === 'chief'} />}
    </View>
  );
}

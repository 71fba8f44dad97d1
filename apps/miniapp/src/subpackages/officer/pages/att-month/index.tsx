import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DAY_STATUS_LABELS, PUNCH_FLAG_LABELS, type DayRecord, type DayStatus } from '@kaoping/contracts';
import { Counts, shiftMonth } from '../att-clock/shared';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { attendanceApi } from '../../../../services/attendance.api';
import './index.scss';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const LEGEND: DayStatus[] = ['normal', 'late', 'early', 'missing', 'absent', 'leave', 'field', 'holiday'];
const SHORT: Partial<Record<DayStatus, string>> = { late_early: '迟/早', absent: '缺勤', pending: '进行中' };

function Calendar({ month, days }: { month: string; days: DayRecord[] }) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const [picked, setPicked] = useState<DayRecord | null>(null);
  return (
    <View>
      <View className="month-page__grid">
        {WEEKDAYS.map((w) => (
          <Text key={w} className="month-page__weekday">
            {w}
          </Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <View key={`e${i}`} className="month-page__cell" />
        ))}
        {Array.from({ length: last }, (_, i) => {
          const date = `${month}-${String(i + 1).padStart(2, '0')}`;
          const rec = byDate.get(date);
          const show = rec && rec.status !== 'rest';
          return (
            <View key={date} className="month-page__cell" data-testid={`day-${date}`} onClick={() => rec && setPicked(rec)}>
              <Text className="month-page__day">{i + 1}</Text>
              {show && <Text className={`month-page__dot att-status att-status--${rec.status}`}>{SHORT[rec.status] ?? DAY_STATUS_LABELS[rec.status]}</Text>}
            </View>
          );
        })}
      </View>
      {picked && (
        <View className="notice">
          {picked.date} {picked.holidayName ?? DAY_STATUS_LABELS[picked.status]}
          {picked.scheduledIn ? ` · 应到 ${picked.scheduledIn} 应退 ${picked.scheduledOut}` : ''}
          {` · 上班 ${picked.clockIn ?? '未打卡'} · 下班 ${picked.clockOut ?? '未打卡'}`}
          {picked.flags.length > 0 ? ` · ${picked.flags.map((f) => PUNCH_FLAG_LABELS[f]).join('、')}` : ''}
        </View>
      )}
      <View className="month-page__legend">
        {LEGEND.map((s) => (
          <Text key={s} className={`att-status att-status--${s}`}>
            {DAY_STATUS_LABELS[s]}
          </Text>
        ))}
      </View>
    </View>
  );
}

export default function MonthPage() {
  const { me } = useSession();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const data = useAsync(() => (me ? attendanceApi.personMonth(me.id, month) : new Promise<never>(() => {})), [me?.id, month]);
  return (
    <View className="page month-page">
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
      {data.status === 'loading' && <StateView kind="loading" />}
      {data.status === 'offline' && <StateView kind="offline" onRetry={data.reload} />}
      {data.status === 'error' && <StateView kind="error" description={data.error} onRetry={data.reload} />}
      {data.status === 'success' && (
        <View>
          <View className="card">
            <Counts counts={data.data.counts} />
          </View>
          <View className="card">
            {data.data.days.length === 0 ? <StateView kind="empty" title="本月暂无考勤" /> : <Calendar month={month} days={data.data.days} />}
          </View>
        </View>
      )}
    </View>
  );
}

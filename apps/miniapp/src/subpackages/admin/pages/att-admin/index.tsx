import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CalendarKind } from '@kaoping/contracts';
import { JobProgress } from '../../../../components/job-progress';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { attendanceApi } from '../../../../services/attendance.api';
import { isoDate } from '../../../../utils/date';
import './index.scss';

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return isoDate(d).slice(0, 7);
}

function Reports() {
  const [month, setMonth] = useState(lastMonth());
  const status = useAsync(() => attendanceApi.reportStatus(month), [month]);
  const signed = status.status === 'success' ? status.data.sections.filter((s) => s.status === 'signed').length : 0;
  return (
    <View>
      <View className="card">
        <Picker mode="date" fields="month" value={month} onChange={(e) => setMonth(e.detail.value.slice(0, 7))}>
          <Text className="att-admin__picker">月份：{month}（点此更换）</Text>
        </Picker>
        {status.status === 'success' && (
          <Text className="muted">
            已签字上报 {signed} / {status.data.sections.length} 个处室
          </Text>
        )}
        <View className="att-actions">
          <JobProgress key={month} label="导出全局考勤 Excel" start={() => attendanceApi.startExport(month)} testId="export-xlsx" />
        </View>
      </View>
      {status.status === 'loading' && <StateView kind="loading" />}
      {status.status === 'offline' && <StateView kind="offline" onRetry={status.reload} />}
      {status.status === 'error' && <StateView kind="error" description={status.error} onRetry={status.reload} />}
      {status.status === 'success' && (
        <View className="list-group">
          {status.data.sections.map((s) => (
            <View key={s.sectionId} className="att-row">
              <View className="att-row__main">
                <Text className="att-row__title">{s.sectionName}</Text>
                {s.signedByName && <Text className="att-row__sub">签字：{s.signedByName}</Text>}
              </View>
              <Text className={`badge ${s.status === 'signed' ? 'badge--green' : s.status === 'generated' ? '' : 'badge--red'}`}>
                {s.status === 'signed' ? '已上报' : s.status === 'generated' ? '待签字' : '未生成'}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function CalendarEditor() {
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useAsync(() => attendanceApi.calendar(year), [year]);
  const [date, setDate] = useState(isoDate());
  const [kind, setKind] = useState<CalendarKind>('holiday');
  const [name, setName] = useState('');

  async function save() {
    if (!name.trim()) {
      void Taro.showToast({ title: '请填写名称', icon: 'none' });
      return;
    }
    try {
      await attendanceApi.setCalendarDay({ date, kind, name: name.trim() });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setName('');
      days.reload();
    } catch {
      // shown by the HTTP wrapper
    }
  }

  async function remove(d: string) {
    const ok = await Taro.showModal({ title: '删除', content: `删除 ${d} 的设置？`, confirmText: '删除' });
    if (!ok.confirm) return;
    try {
      await attendanceApi.deleteCalendarDay(d);
      days.reload();
    } catch {
      // shown by the HTTP wrapper
    }
  }

  return (
    <View>
      <View className="card att-admin__form">
        <Text className="list-row__title">设置节假日 / 调休上班日</Text>
        <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
          <Text className="att-admin__picker">日期：{date}</Text>
        </Picker>
        <Picker mode="selector" range={['法定节假日（放假）', '调休上班日']} value={kind === 'holiday' ? 0 : 1} onChange={(e) => setKind(Number(e.detail.value) === 0 ? 'holiday' : 'workday')}>
          <Text className="att-admin__picker">类型：{kind === 'holiday' ? '法定节假日（放假）' : '调休上班日'}</Text>
        </Picker>
        <Input className="att-admin__input" placeholder="名称，如“国庆节”" value={name} maxlength={40} onInput={(e) => setName(e.detail.value)} />
        <Button block type="primary" size="large" onClick={() => void save()}>
          保存
        </Button>
      </View>
      <View className="card">
        <View className="att-actions">
          <Button size="small" onClick={() => setYear(year - 1)}>
            上一年
          </Button>
          <Text className="list-row__title">{year} 年</Text>
          <Button size="small" onClick={() => setYear(year + 1)}>
            下一年
          </Button>
        </View>
      </View>
      {days.status === 'loading' && <StateView kind="loading" />}
      {days.status === 'offline' && <StateView kind="offline" onRetry={days.reload} />}
      {days.status === 'error' && <StateView kind="error" description={days.error} onRetry={days.reload} />}
      {days.status === 'success' &&
        (days.data.length === 0 ? (
          <StateView kind="empty" title="该年没有节假日设置" />
        ) : (
          <View className="list-group">
            {days.data.map((d) => (
              <View key={d.date} className="att-row" data-testid={`cal-${d.date}`}>
                <View className="att-row__main">
                  <Text className="att-row__title">
                    {d.date} {d.name}
                  </Text>
                  <Text className="att-row__sub">{d.kind === 'holiday' ? '放假' : '调休上班'}</Text>
                </View>
                <Text className="badge badge--grey" onClick={() => void remove(d.date)}>
                  删除
                </Text>
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}

function Sites() {
  const sites = useAsync(attendanceApi.sites, []);
  if (sites.status === 'loading') return <StateView kind="loading" />;
  if (sites.status === 'offline') return <StateView kind="offline" onRetry={sites.reload} />;
  if (sites.status === 'error') return <StateView kind="error" description={sites.error} onRetry={sites.reload} />;
  if (sites.data.length === 0) return <StateView kind="empty" title="尚未设置考勤点" />;
  return (
    <View className="list-group">
      {sites.data.map((s) => (
        <View key={s.id} className="att-row">
          <View className="att-row__main">
            <Text className="att-row__title">
              {s.name} {s.active ? '' : <Text className="badge badge--grey">停用</Text>}
            </Text>
            <Text className="att-row__sub">
              {s.latitude.toFixed(5)}, {s.longitude.toFixed(5)} · 半径 {s.radius} 米 · {s.sectionIds.length} 个处室
              {s.bssids.length ? ` · Wi-Fi ${s.bssids.length} 个` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export default function AttendanceAdminPage() {
  const [tab, setTab] = useState<'reports' | 'calendar' | 'sites'>('reports');
  const tabs: [typeof tab, string][] = [
    ['reports', '月报上报'],
    ['calendar', '节假日'],
    ['sites', '考勤点'],
  ];
  return (
    <View className="page att-admin">
      <View className="att-tabs">
        {tabs.map(([k, label]) => (
          <Text key={k} className={`att-tabs__tab ${tab === k ? 'att-tabs__tab--active' : ''}`} onClick={() => setTab(k)}>
            {label}
          </Text>
        ))}
      </View>
      {tab === 'reports' && <Reports />}
      {tab === 'calendar' && <CalendarEditor />}
      {tab === 'sites' && <Sites />}
    </View>
  );
}

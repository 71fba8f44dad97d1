import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ALL_UNITS, type ActivityKind } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { GOVERNANCE_ROUTES, applyActivity } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { listSections } from '../../../../services/org.api';
import { isoDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

/** Report a meeting, inspection or appraisal aimed at subordinate units to the office, in advance (五.(八)). */
export default function GovApplicationNewPage() {
  const sections = useAsync(listSections, []);
  const [kind, setKind] = useState<ActivityKind>('inspection');
  const [title, setTitle] = useState('');
  const [units, setUnits] = useState<string[]>([]);
  const [custom, setCustom] = useState('');
  const [plannedDate, setPlannedDate] = useState(isoDate(new Date(Date.now() + 7 * 86_400_000)));
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [attendees, setAttendees] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (sections.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (sections.status === 'error' || sections.status === 'offline') return <View className="page"><StateView kind={sections.status} description={sections.error} onRetry={sections.reload} /></View>;
  // 局属单位: the units outside the 机关 appraisal, plus "all of them"
  const options = [ALL_UNITS, ...sections.data.filter((s) => !s.category).map((s) => s.name), ...units.filter((u) => u !== ALL_UNITS && !sections.data.some((s) => s.name === u))];
  const toggle = (u: string) => setUnits((list) => (list.includes(u) ? list.filter((x) => x !== u) : [...list, u]));
  const addCustom = () => {
    const u = custom.trim();
    if (u.length >= 2 && !units.includes(u)) setUnits((list) => [...list, u]);
    setCustom('');
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await applyActivity({ kind, title: title.trim(), targetUnits: units, plannedDate, ...(endDate ? { endDate } : {}), reason: reason.trim(), expectedAttendees: Number(attendees) });
      void Taro.redirectTo({ url: GOVERNANCE_ROUTES.applications });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <View className="card">
        <Text className="gv__field">类别</Text>
        <View className="gv__chips">
          {ACTIVITY_KINDS.map((k) => (
            <View key={k} className={`gv__chip ${kind === k ? 'gv__chip--on' : ''}`} data-testid={`application-kind-${k}`} onClick={() => setKind(k)}>
              {ACTIVITY_KIND_LABELS[k]}
            </View>
          ))}
        </View>
        <Text className="gv__field">名称</Text>
        <Input className="gv__input" value={title} maxlength={200} placeholder="如：夏季市容专项检查" data-testid="application-title" onInput={(e) => setTitle(e.detail.value)} />
        <Text className="gv__field">对象单位（可多选）</Text>
        <View className="gv__chips">
          {options.map((u) => (
            <View key={u} className={`gv__chip ${units.includes(u) ? 'gv__chip--on' : ''}`} data-testid={`application-unit-${u}`} onClick={() => toggle(u)}>
              {u}
            </View>
          ))}
        </View>
        <View className="gv__row">
          <Input className="gv__input" value={custom} maxlength={60} placeholder="其他单位（如各分局、大队）" onInput={(e) => setCustom(e.detail.value)} />
          <Text className="gv__link" onClick={addCustom}>
            添加
          </Text>
        </View>
        <Text className="gv__field">计划日期（须提前报批）</Text>
        <Picker mode="date" value={plannedDate} onChange={(e) => setPlannedDate(e.detail.value)}>
          <View className="gv__picker" data-testid="application-date">
            <Text>{plannedDate}</Text>
          </View>
        </Picker>
        <Text className="gv__field">结束日期（多日的检查，可不填）</Text>
        <Picker mode="date" value={endDate || plannedDate} onChange={(e) => setEndDate(e.detail.value)}>
          <View className="gv__picker">
            <Text>{endDate || '当日结束'}</Text>
          </View>
        </Picker>
        <Text className="gv__field">事由与必要性</Text>
        <Textarea className="gv__textarea" value={reason} maxlength={1000} data-testid="application-reason" onInput={(e) => setReason(e.detail.value)} />
        <Text className="gv__field">预计基层参加人数</Text>
        <Input className="gv__input" type="number" value={attendees} data-testid="application-attendees" onInput={(e) => setAttendees(e.detail.value)} />
        {error ? <Text className="gv__error" data-testid="application-error">{error}</Text> : null}
        <View className="gv__action">
          <Button type="primary" block size="large" loading={busy} disabled={title.trim().length < 2 || !units.length || reason.trim().length < 5 || !attendees} onClick={submit} data-testid="application-submit">
            提交报批
          </Button>
        </View>
      </View>
    </View>
  );
}

import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES, type LeaveType } from '@kaoping/contracts';
import { LeaveRow } from '../att-clock/shared';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { attendanceApi } from '../../../../services/attendance.api';
import { errorMessage } from '../../../../services/http';
import { isoDate } from '../../../../utils/date';
import './index.scss';

/** Bureau time (UTC+8, no daylight saving) → ISO instant. */
const instant = (date: string, time: string) => `${date}T${time}:00+08:00`;

export default function LeavePage() {
  const today = isoDate();
  const [type, setType] = useState<LeaveType>('personal');
  const [from, setFrom] = useState({ date: today, time: '08:30' });
  const [to, setTo] = useState({ date: today, time: '17:30' });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = useAsync(() => attendanceApi.leaves('mine'), []);

  async function submit() {
    if (reason.trim().length < 2) {
      void Taro.showToast({ title: '请填写事由', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await attendanceApi.createLeave({ type, startAt: instant(from.date, from.time), endAt: instant(to.date, to.time), reason: reason.trim() });
      void Taro.showToast({ title: '已提交，等待审批', icon: 'success' });
      setReason('');
      mine.reload();
    } catch (err) {
      void errorMessage(err); // the HTTP wrapper already showed the message
    } finally {
      setBusy(false);
    }
  }

  const row = (label: string, value: string, picker: ReactNode) => (
    <View className="list-row">
      <Text className="leave-page__label">{label}</Text>
      {picker ?? <Text className="leave-page__value">{value}</Text>}
    </View>
  );

  return (
    <View className="page leave-page">
      <View className="list-group">
        {row(
          '类型',
          '',
          <Picker mode="selector" range={LEAVE_TYPES.map((t) => LEAVE_TYPE_LABELS[t])} value={LEAVE_TYPES.indexOf(type)} onChange={(e) => setType(LEAVE_TYPES[Number(e.detail.value)]!)}>
            <Text className="leave-page__value">{LEAVE_TYPE_LABELS[type]}</Text>
          </Picker>,
        )}
        {row(
          '开始',
          '',
          <View className="leave-page__value">
            <Picker mode="date" value={from.date} onChange={(e) => setFrom({ ...from, date: e.detail.value })}>
              <Text>{from.date} </Text>
            </Picker>
            <Picker mode="time" value={from.time} onChange={(e) => setFrom({ ...from, time: e.detail.value })}>
              <Text>{from.time}</Text>
            </Picker>
          </View>,
        )}
        {row(
          '结束',
          '',
          <View className="leave-page__value">
            <Picker mode="date" value={to.date} onChange={(e) => setTo({ ...to, date: e.detail.value })}>
              <Text>{to.date} </Text>
            </Picker>
            <Picker mode="time" value={to.time} onChange={(e) => setTo({ ...to, time: e.detail.value })}>
              <Text>{to.time}</Text>
            </Picker>
          </View>,
        )}
      </View>
      <View className="card">
        <Textarea className="leave-page__textarea" placeholder="事由（必填）" maxlength={200} value={reason} data-testid="leave-reason" onInput={(e) => setReason(e.detail.value)} />
        <View className="att-actions">
          <Button block type="primary" size="large" disabled={busy} data-testid="leave-submit" onClick={() => void submit()}>
            {busy ? '提交中…' : '提交申请'}
          </Button>
        </View>
        <Text className="muted">科员、副处长的申请由处长审批；处长本人的申请由考评办公室审批。婚假、产假、病假、探亲假、公休假、丧假不计入事假天数。</Text>
      </View>

      <Text className="section-title">我的申请</Text>
      {mine.status === 'loading' && <StateView kind="loading" />}
      {mine.status === 'offline' && <StateView kind="offline" onRetry={mine.reload} />}
      {mine.status === 'error' && <StateView kind="error" description={mine.error} onRetry={mine.reload} />}
      {mine.status === 'success' &&
        (mine.data.length === 0 ? (
          <StateView kind="empty" title="还没有申请" />
        ) : (
          <View className="list-group">
            {mine.data.map((l) => (
              <LeaveRow key={l.id} l={l}>
                {l.status === 'pending' && (
                  <Text className="badge badge--grey" onClick={() => void attendanceApi.cancelLeave(l.id).then(mine.reload)}>
                    撤回
                  </Text>
                )}
              </LeaveRow>
            ))}
          </View>
        ))}
    </View>
  );
}

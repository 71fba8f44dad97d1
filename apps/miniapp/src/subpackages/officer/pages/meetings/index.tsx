import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ATTENDANCE_LABELS, type AttendanceStatus, type GatheringKind } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createGathering, listGatherings } from '../../../../services/ledgers.api';
import { getSectionMembers } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import { PaceBar } from './pace';
import '../diary/index.scss';
import './index.scss';

const NEXT: Record<AttendanceStatus, AttendanceStatus> = { present: 'late', late: 'absent', absent: 'present' };

function NewMeeting({ sectionId, kind, onDone }: { sectionId: string; kind: GatheringKind; onDone: () => void }) {
  const members = useAsync(() => getSectionMembers(sectionId, isoDate()), [sectionId]);
  const [status, setStatus] = useState<Record<string, AttendanceStatus>>({});
  const [leave, setLeave] = useState<Record<string, boolean>>({});
  const [date, setDate] = useState(isoDate());
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (members.status === 'loading') return <StateView kind="loading" />;
  if (members.status !== 'success') return <StateView kind={members.status} description={members.error} onRetry={members.reload} />;
  const people = [...(members.data.chief ? [members.data.chief] : []), ...members.data.deputies, ...members.data.staff];
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await createGathering({ kind, date, minutes, attendance: people.map((p) => ({ personId: p.id, status: status[p.id] ?? 'present', leave: !!leave[p.id] })) });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="meeting-form">
      <Text className="section-title">登记处务会</Text>
      <Input className="form-input" value={date} placeholder="日期 YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
      <Text className="diary-page__hint">点击状态切换：出席 → 迟到 → 缺席；长按标记“已请假”</Text>
      {people.map((p) => {
        const s = status[p.id] ?? 'present';
        return (
          <View key={p.id} className="att-row">
            <Text>
              {p.name}
              {leave[p.id] && s !== 'present' ? <Text className="badge">已请假</Text> : null}
            </Text>
            <View
              className={`att-chip att-chip--${s}`}
              onClick={() => setStatus({ ...status, [p.id]: NEXT[s] })}
              onLongPress={() => setLeave({ ...leave, [p.id]: !leave[p.id] })}
            >
              {ATTENDANCE_LABELS[s]}
            </View>
          </View>
        );
      })}
      <Textarea className="diary-page__textarea" value={minutes} maxlength={5000} placeholder="会议记录：传达了什么、总结了什么、布置了什么" onInput={(e) => setMinutes(e.detail.value)} />
      {error ? <Text className="diary-page__error">{error}</Text> : null}
      <View className="diary-page__action">
        <Button type="primary" block size="large" loading={busy} onClick={submit}>
          保存处务会记录
        </Button>
      </View>
    </View>
  );
}

/** 处务会台账: this year's meetings with the count against 24, and (chiefs) a form for a new one. */
export default function MeetingsPage() {
  const { me } = useSession();
  const list = useAsync(() => listGatherings('section'), []);
  const [adding, setAdding] = useState(false);
  if (list.status === 'loading') return <StateView kind="loading" />;
  if (list.status !== 'success') return <StateView kind={list.status} description={list.error} onRetry={list.reload} />;
  const canRecord = (me?.role === 'chief' || me?.role === 'office') && !!me?.sectionId;
  return (
    <View className="page">
      {list.data.pace ? <PaceBar pace={list.data.pace} label="处务会" /> : null}
      {canRecord && !adding ? (
        <View className="diary-page__action">
          <Button type="primary" block size="large" onClick={() => setAdding(true)} data-testid="meeting-new">
            登记处务会
          </Button>
        </View>
      ) : null}
      {adding && me?.sectionId ? (
        <NewMeeting
          sectionId={me.sectionId}
          kind="section"
          onDone={() => {
            setAdding(false);
            list.reload();
          }}
        />
      ) : null}
      <Text className="section-title">本年处务会 · {list.data.items.length} 次</Text>
      {list.data.items.length === 0 ? <StateView kind="empty" title="今年还没有处务会记录" /> : null}
      <View className="list-group">
        {list.data.items.map((g) => {
          const absent = g.attendance.filter((a) => a.status === 'absent');
          const late = g.attendance.filter((a) => a.status === 'late');
          return (
            <View key={g.id} className="list-row">
              <View className="list-row__main">
                <Text className="list-row__title">
                  {chineseDate(g.date)} {g.title}
                  {g.recorded ? null : <Text className="badge badge--red">无记录</Text>}
                </Text>
                <Text className="list-row__sub">
                  应到 {g.attendance.length} 人 · 缺席 {absent.map((a) => a.name + (a.leave ? '(假)' : '')).join('、') || '无'} · 迟到 {late.map((a) => a.name).join('、') || '无'}
                </Text>
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}

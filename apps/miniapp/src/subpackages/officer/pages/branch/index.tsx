import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { GatheringDto } from '@kaoping/contracts';
import { AttendanceEditor, attendanceRows, type AttendeeState } from '../../../../components/attendance-editor';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { LEDGER_ROUTES, createGathering, listGatherings, updateGathering } from '../../../../services/ledgers.api';
import { getSectionMembers } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import { PaceBar } from '../meetings/pace';
import '../diary/index.scss';
import '../meetings/index.scss';

/** The secretary records an activity: date, topic, attendance, the record-book minutes. */
function NewActivity({ sectionId, onBack, onDone }: { sectionId: string; onBack: () => void; onDone: () => void }) {
  const members = useAsync(() => getSectionMembers(sectionId, isoDate()), [sectionId]);
  const [date, setDate] = useState(isoDate());
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [att, setAtt] = useState<Record<string, AttendeeState>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (members.status === 'loading') return <StateView kind="loading" />;
  if (members.status !== 'success') return <StateView kind={members.status} description={members.error} onRetry={members.reload} />;
  const people = [...(members.data.chief ? [members.data.chief] : []), ...members.data.deputies, ...members.data.staff].map((p) => ({ id: p.id, name: p.name }));
  const save = async () => {
    if (!title.trim()) return setError('请填写活动主题，如：主题党日——学习党章');
    setBusy(true);
    setError(null);
    try {
      await createGathering({ kind: 'branch', date, title: title.trim(), minutes: minutes.trim() || undefined, attendance: attendanceRows(people, att) });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page diary-page" data-testid="branch-form">
      <Text className="branch-back" onClick={onBack}>
        ‹ 返回支部活动
      </Text>
      <View className="card">
        <Text className="section-title">登记支部活动</Text>
        <Picker mode="date" value={date} end={isoDate()} onChange={(e) => setDate(e.detail.value)}>
          <View className="form-input branch-picker">日期：{chineseDate(date)}（点此更换）</View>
        </Picker>
        <Input className="form-input" data-testid="branch-title" value={title} maxlength={100} placeholder="活动主题，如：主题党日——学习党章" onInput={(e) => setTitle(e.detail.value)} />
        <AttendanceEditor people={people} value={att} onChange={setAtt} />
        <Textarea
          className="diary-page__textarea"
          data-testid="branch-minutes"
          value={minutes}
          maxlength={5000}
          placeholder="支部工作记录本：学习了什么、谁发言、形成了什么决定（可稍后补记）"
          onInput={(e) => setMinutes(e.detail.value)}
        />
        {error ? <Text className="diary-page__error">{error}</Text> : null}
        <View className="diary-page__action">
          <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="branch-save">
            保存支部活动
          </Button>
        </View>
      </View>
    </View>
  );
}

/** 补记支部工作记录本 for an activity recorded without minutes (NP-5). */
function AddMinutes({ g, onDone }: { g: GatheringDto; onDone: () => void }) {
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!minutes.trim()) return setError('请填写记录内容');
    setBusy(true);
    setError(null);
    try {
      await updateGathering(g.id, { minutes: minutes.trim() });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="branch-add-minutes">
      <Text className="section-title">
        补记：{chineseDate(g.date)} {g.title}
      </Text>
      <Textarea className="diary-page__textarea" value={minutes} maxlength={5000} placeholder="支部工作记录本内容" onInput={(e) => setMinutes(e.detail.value)} />
      {error ? <Text className="diary-page__error">{error}</Text> : null}
      <View className="diary-page__action">
        <Button type="primary" block size="large" loading={busy} onClick={save}>
          保存记录
        </Button>
      </View>
    </View>
  );
}

/** 支部活动: the secretary's activities this year against 12 (NP-4), record-book gaps (NP-5), and a form; members see theirs. */
export default function BranchPage() {
  const { me } = useSession();
  const list = useAsync(() => listGatherings('branch'), []);
  const [adding, setAdding] = useState(false);
  const [fill, setFill] = useState<string | null>(null);
  const secretary = !!me?.branchSecretary;
  if (adding && me?.sectionId) {
    return (
      <NewActivity
        sectionId={me.sectionId}
        onBack={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          list.reload();
        }}
      />
    );
  }
  if (list.status === 'loading') return <StateView kind="loading" />;
  if (list.status !== 'success') return <StateView kind={list.status} description={list.error} onRetry={list.reload} />;
  const missing = list.data.items.filter((g) => !g.recorded).length;
  const filling = list.data.items.find((g) => g.id === fill);
  return (
    <View className="page diary-page">
      {list.data.pace ? <PaceBar pace={list.data.pace} label="支部活动" /> : null}
      {secretary && missing > 0 ? <Text className="diary-page__error">有 {missing} 次活动未记支部工作记录本，点该活动补记</Text> : null}
      {secretary && me?.sectionId ? (
        <View className="main-action">
          <Button type="primary" block size="large" onClick={() => setAdding(true)} data-testid="branch-new">
            登记支部活动
          </Button>
        </View>
      ) : null}
      {secretary ? (
        <View className="list-group branch-link">
          <View className="list-row" hoverClass="list-row--hover" data-testid="branch-dues-link" onClick={() => void Taro.navigateTo({ url: LEDGER_ROUTES.branchDues })}>
            <View className="list-row__main">
              <Text className="list-row__title">党费催缴记录</Text>
              <Text className="list-row__sub">督促欠缴党员按时交纳党费（NP-6 依据）</Text>
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        </View>
      ) : null}
      {filling ? (
        <AddMinutes
          key={filling.id}
          g={filling}
          onDone={() => {
            setFill(null);
            list.reload();
          }}
        />
      ) : null}
      <Text className="section-title">
        本年支部活动 · {list.data.items.length} 次{secretary ? '' : '（您参加的）'}
      </Text>
      {list.data.items.length === 0 ? <StateView kind="empty" title="今年还没有支部活动记录" /> : null}
      <View className="list-group">
        {list.data.items.map((g) => {
          const absent = g.attendance.filter((a) => a.status === 'absent');
          const late = g.attendance.filter((a) => a.status === 'late');
          return (
            <View key={g.id} className="list-row" data-testid={`branch-item-${g.id}`} onClick={() => secretary && !g.recorded && setFill(g.id)}>
              <View className="list-row__main">
                <Text className="list-row__title">
                  {chineseDate(g.date)} {g.title}
                  {g.recorded ? null : <Text className="badge badge--red">未记记录本</Text>}
                </Text>
                <Text className="list-row__sub">
                  应到 {g.attendance.length} 人 · 缺席 {absent.map((a) => a.name + (a.leave ? '(假)' : '')).join('、') || '无'} · 迟到 {late.map((a) => a.name + (a.leave ? '(假)' : '')).join('、') || '无'}
                </Text>
                {g.minutes ? <Text className="list-row__sub">记录：{g.minutes}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}

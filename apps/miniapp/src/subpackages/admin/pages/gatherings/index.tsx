import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { GATHERING_LABELS } from '@kaoping/contracts';
import { AttendanceEditor, attendanceRows, type AttendeeState } from '../../../../components/attendance-editor';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createGathering, listGatherings } from '../../../../services/ledgers.api';
import { listPeople } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import '../ledger-ui.scss';

type Kind = 'bureau' | 'collective';
const COLLECTIVE_TOPICS = ['政治学习', '义务劳动', '辅导讲座', '临时性任务'];

/** The office records one meeting or activity: date, name, everyone's attendance. */
function NewGathering({ kind, onBack, onDone }: { kind: Kind; onBack: () => void; onDone: (msg: string) => void }) {
  const people = useAsync(() => listPeople(), []);
  const [date, setDate] = useState(isoDate());
  const [title, setTitle] = useState(kind === 'bureau' ? '全局干部职工大会' : '');
  const [att, setAtt] = useState<Record<string, AttendeeState>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (people.status === 'loading') return <StateView kind="loading" />;
  if (people.status !== 'success') return <StateView kind={people.status} description={people.error} onRetry={people.reload} />;
  const list = people.data.map((p) => ({ id: p.id, name: p.name, sub: p.sectionName }));
  const save = async () => {
    if (kind === 'collective' && !title.trim()) return setError('请填写活动名称，如：政治学习、义务劳动');
    setBusy(true);
    setError(null);
    try {
      const g = await createGathering({ kind, date, title: title.trim() || undefined, attendance: attendanceRows(list, att) });
      const absent = g.attendance.filter((a) => a.status === 'absent').length;
      onDone(`已登记 ${chineseDate(g.date)} ${g.title}：应到 ${g.attendance.length} 人，缺席 ${absent} 人`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page" data-testid="gathering-form">
      <Text className="lp__link" onClick={onBack}>
        ‹ 返回列表
      </Text>
      <View className="card">
        <Text className="section-title">登记{GATHERING_LABELS[kind]}</Text>
        <Picker mode="date" value={date} end={isoDate()} onChange={(e) => setDate(e.detail.value)}>
          <View className="lp__picker">
            <Text className="lp__picker-label">日期</Text>
            <Text className="lp__picker-value">{chineseDate(date)}</Text>
          </View>
        </Picker>
        <Input className="lp__input" data-testid="gathering-title" value={title} maxlength={100} placeholder={kind === 'bureau' ? '会议名称' : '活动名称，如：政治学习'} onInput={(e) => setTitle(e.detail.value)} />
        {kind === 'collective' ? (
          <View className="lp__tabs">
            {COLLECTIVE_TOPICS.map((t) => (
              <View key={t} className={`lp__tab ${title === t ? 'lp__tab--on' : ''}`} onClick={() => setTitle(t)}>
                {t}
              </View>
            ))}
          </View>
        ) : null}
        <AttendanceEditor people={list} value={att} onChange={setAtt} />
        {error ? <Text className="lp__error" data-testid="gathering-error">{error}</Text> : null}
        <View className="lp__action">
          <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="gathering-save">
            保存出勤记录
          </Button>
        </View>
      </View>
    </View>
  );
}

/** 全局干部职工大会 and 集体活动 (DE-1…DE-4): the office records attendance; leaders read. */
export default function GatheringsPage() {
  const { me } = useSession();
  const canWrite = me?.role === 'office';
  const [kind, setKind] = useState<Kind>('bureau');
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = useAsync(() => listGatherings(kind), [kind]);
  if (adding) {
    return (
      <NewGathering
        kind={kind}
        onBack={() => setAdding(false)}
        onDone={(msg) => {
          setAdding(false);
          setDone(msg);
          list.reload();
        }}
      />
    );
  }
  return (
    <View className="page">
      <View className="lp__tabs">
        {(['bureau', 'collective'] as const).map((k) => (
          <View
            key={k}
            className={`lp__tab ${kind === k ? 'lp__tab--on' : ''}`}
            data-testid={`gathering-kind-${k}`}
            onClick={() => {
              setKind(k);
              setDone(null);
            }}
          >
            {GATHERING_LABELS[k]}
          </View>
        ))}
      </View>
      {done ? <Text className="lp__ok" data-testid="gathering-done">{done}</Text> : null}
      {canWrite ? (
        <View className="main-action">
          <Button type="primary" block size="large" onClick={() => setAdding(true)} data-testid="gathering-new">
            登记{GATHERING_LABELS[kind]}
          </Button>
        </View>
      ) : null}
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' ? (
        <>
          <Text className="section-title">
            本年{GATHERING_LABELS[kind]} · {list.data.items.length} 次
          </Text>
          {list.data.items.length === 0 ? <StateView kind="empty" title={`今年还没有${GATHERING_LABELS[kind]}记录`} /> : null}
          <View className="list-group">
            {list.data.items.map((g) => {
              const absent = g.attendance.filter((a) => a.status === 'absent');
              const late = g.attendance.filter((a) => a.status === 'late');
              return (
                <View key={g.id} className="list-row" data-testid={`gathering-${g.id}`}>
                  <View className="list-row__main">
                    <Text className="list-row__title">
                      {chineseDate(g.date)} {g.title}
                    </Text>
                    <Text className="list-row__sub">
                      应到 {g.attendance.length} 人 · 缺席 {absent.map((a) => a.name + (a.leave ? '(假)' : '')).join('、') || '无'} · 迟到 {late.map((a) => a.name + (a.leave ? '(假)' : '')).join('、') || '无'}
                    </Text>
                  </View>
                </View>
              );
            })}
          </View>
        </>
      ) : null}
    </View>
  );
}

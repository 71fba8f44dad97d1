import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { REVIEW_LEVEL_LABELS, type MonthlyReviewDto, type PersonDto } from '@kaoping/contracts';
import { Chips, LevelScore, levelInput, monthLabel, recentMonths, scoreText, type LevelValue } from '../../../../components/review-ui';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { listPeople } from '../../../../services/org.api';
import { monthlyReview, saveLeaderComment, saveMonthlyMeeting } from '../../../../services/reviews.api';
import { isoDate } from '../../../../utils/date';

type Tab = 'overview' | 'meeting' | 'comment';

function Overview({ data }: { data: MonthlyReviewDto }) {
  return (
    <View>
      <View className="card" data-testid="monthly-meeting">
        <Text className="rv__row-title">月度总结会</Text>
        {data.meeting ? (
          <>
            <Text className="rv__row-sub">
              {data.meeting.date} · 参会：{data.meeting.attendees} · 记录：{data.meeting.recordedByName}
            </Text>
            <Text className="rv__text">{data.meeting.summary}</Text>
          </>
        ) : (
          <Text className="rv__hint">本月会议尚未登记</Text>
        )}
      </View>
      <Text className="section-title">局领导点评 · 各处室当月均分</Text>
      {data.sections.map((s) => {
        const cs = data.comments.filter((c) => c.sectionId === s.sectionId);
        return (
          <View key={s.sectionId} className="card" data-testid={`monthly-section-${s.sectionId}`}>
            <View className="rv__row">
              <View className="rv__row-main">
                <Text className="rv__row-title">{s.sectionName}</Text>
                <Text className="rv__row-sub">{s.comments} 位局领导点评</Text>
              </View>
              <Text className={`rv__score${s.mean === null ? ' rv__score--none' : ''}`}>{scoreText(s.mean)}</Text>
            </View>
            {cs.map((c) => (
              <Text key={c.id} className="rv__text">
                {c.leaderName}（{c.level ? `${REVIEW_LEVEL_LABELS[c.level]} ` : ''}
                {c.score} 分{c.onBehalf ? `，${c.recordedByName}代录` : ''}）：{c.comment}
              </Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}

function MeetingForm({ month, data, onSaved }: { month: string; data: MonthlyReviewDto; onSaved: () => void }) {
  const [date, setDate] = useState(data.meeting?.date ?? isoDate());
  const [attendees, setAttendees] = useState(data.meeting?.attendees ?? '');
  const [summary, setSummary] = useState(data.meeting?.summary ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('会议日期格式为 YYYY-MM-DD');
    if (attendees.trim().length < 2) return setError('请填写参会人员');
    if (summary.trim().length < 2) return setError('请填写会议纪要');
    setBusy(true);
    setError(null);
    try {
      await saveMonthlyMeeting({ month, date, attendees: attendees.trim(), summary: summary.trim() });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="meeting-form">
      <Text className="rv__field">会议日期</Text>
      <Input className="rv__input" data-testid="meeting-date" value={date} placeholder="YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
      <Text className="rv__field">参会人员</Text>
      <Input className="rv__input" data-testid="meeting-attendees" value={attendees} maxlength={500} placeholder="局领导、考评办、机关各处室负责人" onInput={(e) => setAttendees(e.detail.value)} />
      <Text className="rv__field">会议纪要</Text>
      <Textarea className="rv__textarea" data-testid="meeting-summary" value={summary} maxlength={4000} placeholder="本月工作完成情况小结、局领导要求" onInput={(e) => setSummary(e.detail.value)} />
      {error ? <Text className="rv__error">{error}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="meeting-save">
          {data.meeting ? '修改会议记录' : '保存会议记录'}
        </Button>
      </View>
    </View>
  );
}

/** The office records a leader's comment given at the meeting (the record keeps who entered it). */
function BehalfForm({ month, data, leaders, onSaved }: { month: string; data: MonthlyReviewDto; leaders: PersonDto[]; onSaved: () => void }) {
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [value, setValue] = useState<LevelValue>({ level: null, score: '' });
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = async () => {
    if (!leaderId) return setError('请选择局领导');
    if (!sectionId) return setError('请选择处室');
    const v = levelInput(value);
    if (typeof v === 'string') return setError(v);
    if (comment.trim().length < 2) return setError('请填写点评内容');
    setBusy(true);
    setError(null);
    try {
      const c = await saveLeaderComment({ month, sectionId, leaderId, comment: comment.trim(), ...v });
      setDone(`已代录：${c.leaderName}对${c.sectionName}的点评（${c.score} 分）`);
      setSectionId(null);
      setComment('');
      setValue({ level: null, score: '' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const done_ = new Set(data.comments.filter((c) => c.leaderId === leaderId).map((c) => c.sectionId));
  return (
    <View className="card" data-testid="behalf-form">
      <Text className="rv__hint">局领导可在“局领导点评”中自行填写；会上口头点评的，由考评办代为录入（记录代录人）。局领导本人填写的点评不能代改。</Text>
      <Text className="rv__field">局领导</Text>
      <Chips testId="behalf-leader" value={leaderId} onChange={setLeaderId} options={leaders.map((p) => ({ key: p.id, label: p.name }))} />
      <Text className="rv__field">处室</Text>
      <Chips testId="behalf-section" value={sectionId} onChange={setSectionId} options={data.sections.map((s) => ({ key: s.sectionId, label: s.sectionName, done: done_.has(s.sectionId) }))} />
      <Text className="rv__field">等次</Text>
      <LevelScore testId="behalf-level" value={value} onChange={setValue} />
      <Text className="rv__field">点评内容</Text>
      <Textarea className="rv__textarea" data-testid="behalf-comment" value={comment} maxlength={2000} placeholder="按会议记录填写" onInput={(e) => setComment(e.detail.value)} />
      {error ? <Text className="rv__error">{error}</Text> : null}
      {done ? <Text className="rv__ok">{done}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="behalf-save">
          代为录入
        </Button>
      </View>
    </View>
  );
}

/** 月度总结会 (seed 000 五.(十)): the month's meeting record and the leaders' comments on each 机关 section. */
export default function ReviewMonthlyPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const months = recentMonths(3);
  const [month, setMonth] = useState(months[0]!);
  const [tab, setTab] = useState<Tab>('overview');
  const data = useAsync(() => monthlyReview(month), [month]);
  const leaders = useAsync(async () => (office ? (await listPeople()).filter((p) => p.role === 'leader') : []), [office]);
  useEffect(() => setTab('overview'), [month]);

  const body = () => {
    if (data.status === 'loading') return <StateView kind="loading" />;
    if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
    if (tab === 'meeting' && office) return <MeetingForm key={month} month={month} data={data.data} onSaved={() => { setTab('overview'); data.reload(); }} />;
    if (tab === 'comment' && office) {
      if (leaders.status === 'loading') return <StateView kind="loading" />;
      if (leaders.status !== 'success') return <StateView kind={leaders.status} description={leaders.error} onRetry={leaders.reload} />;
      return <BehalfForm key={month} month={month} data={data.data} leaders={leaders.data} onSaved={data.reload} />;
    }
    return <Overview data={data.data} />;
  };

  return (
    <View className="page">
      <Chips testId="monthly-month" value={month} onChange={setMonth} options={months.map((m) => ({ key: m, label: monthLabel(m) }))} />
      {office ? (
        <Chips
          testId="monthly-tab"
          value={tab}
          onChange={setTab}
          options={[
            { key: 'overview', label: '概览' },
            { key: 'meeting', label: '会议记录' },
            { key: 'comment', label: '代录点评' },
          ]}
        />
      ) : null}
      {body()}
    </View>
  );
}

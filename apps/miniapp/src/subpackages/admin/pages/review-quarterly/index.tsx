import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { TASK_STATUS_LABELS, type QuarterlyReviewDto, type SectionDto } from '@kaoping/contracts';
import { Chips, scoreText } from '../../../../components/review-ui';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { listPeople, listSections } from '../../../../services/org.api';
import { addTask, createQuarterlyReview, quarterlyReviews, REVIEW_ROUTES } from '../../../../services/reviews.api';
import { chineseDate, isoDate } from '../../../../utils/date';

type Tab = 'list' | 'record' | 'task';

function ReviewCard({ r }: { r: QuarterlyReviewDto }) {
  return (
    <View className="card" data-testid={`quarterly-${r.quarter}`}>
      <Text className="rv__row-title">
        {r.year} 年第 {r.quarter} 季度监察考评会
      </Text>
      <Text className="rv__row-sub">
        {chineseDate(r.date)} · 记录：{r.recordedByName}
      </Text>
      <Text className="rv__text">{r.summary}</Text>
      {r.sections.map((s) => (
        <View key={s.sectionId} className="rv__row">
          <View className="rv__row-main">
            <Text className="rv__row-title">{s.sectionName}</Text>
            <Text className="rv__row-sub">问题：{s.problems}</Text>
          </View>
          <Text className="rv__score">{scoreText(s.score)}</Text>
        </View>
      ))}
      {r.tasks.length > 0 ? <Text className="rv__field">整改任务 {r.tasks.filter((t) => t.status === 'done').length}/{r.tasks.length} 已完成</Text> : null}
      {r.tasks.map((t) => (
        <View key={t.id} className="rv__row">
          <View className="rv__row-main">
            <Text className="rv__row-title">
              {t.title}
              <Text className={`rv__tag${t.status === 'done' ? ' rv__tag--green' : ''}`}>{TASK_STATUS_LABELS[t.status]}</Text>
              {t.overdue ? <Text className="rv__tag rv__tag--red">{t.status === 'done' ? '逾期完成' : '已逾期'}</Text> : null}
            </Text>
            <Text className="rv__row-sub">
              {t.sectionName} · {t.ownerName} · 时限 {t.deadline}
              {t.followUp ? ` · ${t.followUp}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 登记会议: each 机关 section's problems and score (sections left blank are not recorded). */
function RecordForm({ sections, onSaved }: { sections: SectionDto[]; onSaved: () => void }) {
  const now = new Date();
  const current = Math.floor(now.getMonth() / 3) + 1;
  const [quarter, setQuarter] = useState(current);
  const [date, setDate] = useState(isoDate());
  const [summary, setSummary] = useState('');
  const [rows, setRows] = useState<Record<string, { score: string; problems: string }>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (id: string, patch: Partial<{ score: string; problems: string }>) => setRows((r) => ({ ...r, [id]: { ...{ score: '', problems: '' }, ...r[id], ...patch } }));
  const save = async () => {
    const filled = sections.filter((s) => (rows[s.id]?.score ?? '').trim() !== '');
    if (summary.trim().length < 2) return setError('请填写会议情况');
    if (filled.length === 0) return setError('请至少为一个处室打分');
    for (const s of filled) {
      const n = Number(rows[s.id]!.score);
      if (!Number.isInteger(n) || n < 0 || n > 100) return setError(`${s.name}：得分须为 0–100 的整数`);
    }
    setBusy(true);
    setError(null);
    try {
      await createQuarterlyReview({
        year: now.getFullYear(),
        quarter,
        date,
        summary: summary.trim(),
        sections: filled.map((s) => ({ sectionId: s.id, score: Number(rows[s.id]!.score), problems: rows[s.id]!.problems.trim() || '无' })),
      });
      void Taro.showToast({ title: '已登记', icon: 'success' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="quarterly-form">
      <Text className="rv__field">季度</Text>
      <Chips testId="quarterly-quarter" value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].filter((q) => q <= current).map((q) => ({ key: q, label: `第 ${q} 季度` }))} />
      <Text className="rv__field">会议日期</Text>
      <Input className="rv__input" data-testid="quarterly-date" value={date} placeholder="YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
      <Text className="rv__field">会议情况</Text>
      <Textarea className="rv__textarea" data-testid="quarterly-summary" value={summary} maxlength={4000} placeholder="分析工作情况，梳理存在问题，督促整改" onInput={(e) => setSummary(e.detail.value)} />
      <Text className="rv__field">各处室问题与得分（0–100；不填的处室不登记）</Text>
      {sections.map((s) => (
        <View key={s.id} className="rv__row">
          <Text style={{ width: '30%' }}>{s.name}</Text>
          <Input className="rv__input" style={{ width: '20%' }} type="number" data-testid={`quarterly-score-${s.id}`} placeholder="得分" value={rows[s.id]?.score ?? ''} onInput={(e) => set(s.id, { score: e.detail.value })} />
          <Input className="rv__input" style={{ width: '45%' }} data-testid={`quarterly-problems-${s.id}`} placeholder="存在问题" value={rows[s.id]?.problems ?? ''} onInput={(e) => set(s.id, { problems: e.detail.value })} />
        </View>
      ))}
      {error ? <Text className="rv__error">{error}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="quarterly-save">
          登记季度监察考评会
        </Button>
      </View>
    </View>
  );
}

/** 交办整改任务: section, owner (a person of that section), task, deadline; the owner is notified. */
function TaskForm({ review, sections, onSaved }: { review: QuarterlyReviewDto; sections: SectionDto[]; onSaved: () => void }) {
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const people = useAsync(() => (sectionId ? listPeople(sectionId) : Promise.resolve([])), [sectionId]);
  const save = async () => {
    if (!sectionId) return setError('请选择责任处室');
    if (!ownerId) return setError('请选择责任人');
    if (title.trim().length < 2) return setError('请填写整改任务');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return setError('整改时限格式为 YYYY-MM-DD');
    setBusy(true);
    setError(null);
    try {
      const t = await addTask(review.id, { sectionId, ownerId, title: title.trim(), deadline });
      setDone(`已交办：${t.ownerName}，${t.deadline} 前完成`);
      setTitle('');
      setOwnerId(null);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="task-form">
      <Text className="rv__hint">
        交办到 {review.year} 年第 {review.quarter} 季度监察考评会；责任人会收到通知，在“整改任务”中填写整改情况。
      </Text>
      <Text className="rv__field">责任处室</Text>
      <Chips testId="task-section" value={sectionId} onChange={(id) => { setSectionId(id); setOwnerId(null); }} options={sections.map((s) => ({ key: s.id, label: s.name }))} />
      {sectionId ? (
        <>
          <Text className="rv__field">责任人</Text>
          {people.status === 'success' ? (
            <Chips testId="task-owner" value={ownerId} onChange={setOwnerId} options={people.data.map((p) => ({ key: p.id, label: p.name }))} />
          ) : (
            <StateView kind={people.status} description={people.error} onRetry={people.reload} />
          )}
        </>
      ) : null}
      <Text className="rv__field">整改任务</Text>
      <Input className="rv__input" data-testid="task-title" value={title} maxlength={500} placeholder="例如：补齐二季度执法台账" onInput={(e) => setTitle(e.detail.value)} />
      <Text className="rv__field">整改时限</Text>
      <Input className="rv__input" data-testid="task-deadline" value={deadline} placeholder="YYYY-MM-DD" onInput={(e) => setDeadline(e.detail.value)} />
      {error ? <Text className="rv__error">{error}</Text> : null}
      {done ? <Text className="rv__ok">{done}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="task-save">
          交办整改任务
        </Button>
      </View>
    </View>
  );
}

/** 季度监察考评会 (seed 000 五.(十)): problems and scores per section, 整改任务 and their follow-up. Leaders read. */
export default function ReviewQuarterlyPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const year = new Date().getFullYear();
  const [tab, setTab] = useState<Tab>('list');
  const reviews = useAsync(() => quarterlyReviews(year), [year]);
  const sections = useAsync(async () => (await listSections()).filter((s) => s.category !== null), []);

  const body = () => {
    if (reviews.status === 'loading' || sections.status === 'loading') return <StateView kind="loading" />;
    if (reviews.status !== 'success') return <StateView kind={reviews.status} description={reviews.error} onRetry={reviews.reload} />;
    if (sections.status !== 'success') return <StateView kind={sections.status} description={sections.error} onRetry={sections.reload} />;
    if (tab === 'record' && office) return <RecordForm sections={sections.data} onSaved={() => { setTab('list'); reviews.reload(); }} />;
    if (tab === 'task' && office) {
      const latest = reviews.data[0];
      if (!latest) return <StateView kind="empty" title="请先登记本季度的监察考评会" />;
      return <TaskForm review={latest} sections={sections.data} onSaved={reviews.reload} />;
    }
    if (reviews.data.length === 0) return <StateView kind="empty" title={`${year} 年还没有季度监察考评会记录`} />;
    return reviews.data.map((r) => <ReviewCard key={r.id} r={r} />);
  };

  return (
    <View className="page">
      {office ? (
        <Chips
          testId="quarterly-tab"
          value={tab}
          onChange={setTab}
          options={[
            { key: 'list', label: '会议记录' },
            { key: 'record', label: '登记会议' },
            { key: 'task', label: '交办整改' },
          ]}
        />
      ) : null}
      {body()}
      <View className="rv__action">
        <Button fill="none" block size="large" onClick={() => void Taro.navigateTo({ url: REVIEW_ROUTES.tasks })}>
          查看全部整改任务 ›
        </Button>
      </View>
    </View>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { REVIEW_LEVEL_LABELS, type LeaderCommentDto } from '@kaoping/contracts';
import { Chips, LevelScore, levelInput, monthLabel, recentMonths, type LevelValue } from '../../../../components/review-ui';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { monthlyReview, saveLeaderComment } from '../../../../services/reviews.api';

/**
 * 局领导点评 (seed 000 五.(十)): at the 月度总结会 a leader comments on each 机关 section's work of the month. Pick a section,
 * a level (or a score), write the comment; saving again replaces the leader's comment for that section and month.
 */
export default function LeaderCommentPage() {
  const { me } = useSession();
  const months = recentMonths(2);
  const [month, setMonth] = useState(months[0]!);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [value, setValue] = useState<LevelValue>({ level: null, score: '' });
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const data = useAsync(() => monthlyReview(month), [month]);

  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const mine = new Map<string, LeaderCommentDto>(data.data.comments.filter((c) => c.leaderId === me?.id).map((c) => [c.sectionId, c]));
  const section = data.data.sections.find((s) => s.sectionId === sectionId) ?? null;

  const pick = (id: string) => {
    setSectionId(id);
    setError(null);
    setDone(null);
    const prior = mine.get(id);
    setValue(prior ? (prior.level ? { level: prior.level, score: '' } : { level: null, score: String(prior.score) }) : { level: null, score: '' });
    setComment(prior?.comment ?? '');
  };

  const submit = async () => {
    if (!section) return setError('请选择要点评的处室');
    const v = levelInput(value);
    if (typeof v === 'string') return setError(v);
    if (comment.trim().length < 2) return setError('请写下点评内容');
    setBusy(true);
    setError(null);
    try {
      const saved = await saveLeaderComment({ month, sectionId: section.sectionId, comment: comment.trim(), ...v });
      setDone(`已保存：${saved.sectionName} ${monthLabel(month)} ${saved.level ? REVIEW_LEVEL_LABELS[saved.level] : ''}${saved.score} 分`);
      setSectionId(null);
      setComment('');
      setValue({ level: null, score: '' });
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <Chips testId="lc-month" value={month} onChange={(m) => { setMonth(m); setSectionId(null); setDone(null); }} options={months.map((m, i) => ({ key: m, label: i === 0 ? '本月' : '上月', sub: monthLabel(m) }))} />
      <View className="card" data-testid="lc-form">
        <Text className="section-title" style={{ marginTop: 0 }}>
          点评处室（已点评 {mine.size}/{data.data.sections.length}）
        </Text>
        <Chips
          testId="lc-section"
          value={sectionId}
          onChange={pick}
          options={data.data.sections.map((s) => ({ key: s.sectionId, label: s.sectionName, sub: mine.has(s.sectionId) ? `已评 ${mine.get(s.sectionId)!.score}` : undefined, done: mine.has(s.sectionId) }))}
        />
        {section ? (
          <>
            <Text className="rv__field">{section.sectionName} · {monthLabel(month)}工作完成情况</Text>
            <LevelScore testId="lc-level" value={value} onChange={setValue} />
            <Text className="rv__field">点评</Text>
            <Textarea className="rv__textarea" data-testid="lc-comment" value={comment} maxlength={2000} placeholder="肯定成绩、指出不足、提出要求……" onInput={(e) => setComment(e.detail.value)} />
          </>
        ) : (
          <Text className="rv__hint">选择一个处室后填写等次和点评；已点评的处室可再次提交以修改。</Text>
        )}
        {error ? <Text className="rv__error" data-testid="lc-error">{error}</Text> : null}
        {done ? <Text className="rv__ok" data-testid="lc-done">{done}</Text> : null}
        <View className="rv__action">
          <Button type="primary" block size="large" loading={busy} disabled={!section} onClick={submit} data-testid="lc-submit">
            {section && mine.has(section.sectionId) ? '修改点评' : '提交点评'}
          </Button>
        </View>
      </View>
      <Text className="section-title">我本月的点评</Text>
      {mine.size === 0 ? <StateView kind="empty" title={`${monthLabel(month)}还没有点评`} /> : null}
      {[...mine.values()].map((c) => (
        <View key={c.id} className="card" data-testid={`lc-mine-${c.sectionId}`}>
          <View className="rv__row">
            <View className="rv__row-main">
              <Text className="rv__row-title">
                {c.sectionName}
                {c.level ? <Text className="rv__tag">{REVIEW_LEVEL_LABELS[c.level]}</Text> : null}
                {c.onBehalf ? <Text className="rv__tag rv__tag--amber">考评办代录</Text> : null}
              </Text>
            </View>
            <Text className="rv__score">{c.score}</Text>
          </View>
          <Text className="rv__text">{c.comment}</Text>
        </View>
      ))}
    </View>
  );
}

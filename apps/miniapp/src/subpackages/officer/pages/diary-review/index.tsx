import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DiaryCompletenessRow } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { diaryCompleteness, diaryMonth, reviewDiary } from '../../../../services/diary.api';
import { errorMessage } from '../../../../services/http';
import { chineseDate } from '../../../../utils/date';
import '../diary/index.scss';

function PersonDiary({ row, month, onDone }: { row: DiaryCompletenessRow; month: string; onDone: () => void }) {
  const entries = useAsync(() => diaryMonth(row.personId, month), [row.personId, month]);
  const [comment, setComment] = useState(row.review?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (entries.status === 'loading') return <StateView kind="loading" />;
  if (entries.status !== 'success') return <StateView kind={entries.status} description={entries.error} onRetry={entries.reload} />;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await reviewDiary(row.personId, month, comment.trim());
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="review-panel">
      <Text className="section-title">
        {row.name} · 已记 {row.written}/{row.workingDays} 天
      </Text>
      {entries.data.entries.length === 0 ? <Text className="muted">本月没有记录</Text> : null}
      {entries.data.entries.map((e) => (
        <View key={e.id} className="diary-page__entry">
          <Text className="diary-page__entry-date">{chineseDate(e.date)}</Text>
          <Text className="diary-page__entry-text">{e.content}</Text>
        </View>
      ))}
      {row.missing.length > 0 ? <Text className="diary-page__hint">未记：{row.missing.map((d) => d.slice(5)).join('、')}</Text> : null}
      <Textarea className="diary-page__textarea" data-testid="review-comment" value={comment} maxlength={500} placeholder="审阅意见（可不填）" onInput={(e) => setComment(e.detail.value)} />
      {error ? <Text className="diary-page__error">{error}</Text> : null}
      <View className="diary-page__action">
        <Button type="primary" block size="large" loading={busy} onClick={submit} data-testid="review-submit">
          标记已阅
        </Button>
      </View>
    </View>
  );
}

/** The chief's monthly review: completeness per person, then comment and mark reviewed. */
export default function DiaryReviewPage() {
  const data = useAsync(() => diaryCompleteness(), []);
  const [open, setOpen] = useState<string | null>(null);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const { people, month } = data.data;
  const current = people.find((p) => p.personId === open);
  return (
    <View className="page diary-page">
      <Text className="section-title">{month} 工作日记完成情况</Text>
      {people.length === 0 ? <StateView kind="empty" title="本处室暂无人员" /> : null}
      <View className="list-group">
        {people.map((p) => (
          <View key={p.personId} className="list-row" data-testid={`review-person-${p.personId}`} onClick={() => setOpen(p.personId)}>
            <View className="list-row__main">
              <Text className="list-row__title">
                {p.name}
                {p.review ? <Text className="badge">已阅</Text> : <Text className="badge badge--red">待审阅</Text>}
              </Text>
              <Text className="list-row__sub">
                已记 {p.written}/{p.workingDays} 个工作日 · 完成率 {Math.round(p.rate * 100)}%
              </Text>
            </View>
          </View>
        ))}
      </View>
      {current ? (
        <PersonDiary
          key={current.personId}
          row={current}
          month={month}
          onDone={() => {
            setOpen(null);
            data.reload();
          }}
        />
      ) : null}
    </View>
  );
}

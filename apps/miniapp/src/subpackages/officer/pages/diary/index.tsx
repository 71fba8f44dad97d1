import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DiaryVersionDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { diaryMonth, diaryReminders, diaryVersions, saveDiary } from '../../../../services/diary.api';
import { ApiError, errorMessage } from '../../../../services/http';
import { chineseDate, chineseDateTime } from '../../../../utils/date';
import './index.scss';

/** 工作日记: today's entry (the vague check's message inline), this month's history and each entry's versions. */
export default function DiaryPage() {
  const reminders = useAsync(() => diaryReminders(), []);
  const month = useAsync(() => diaryMonth(), []);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [versions, setVersions] = useState<Record<string, DiaryVersionDto[]>>({});

  if (reminders.status === 'loading' || month.status === 'loading') return <StateView kind="loading" />;
  if (reminders.status === 'offline' || month.status === 'offline') return <StateView kind="offline" onRetry={() => (reminders.reload(), month.reload())} />;
  if (reminders.status === 'error' || month.status === 'error')
    return <StateView kind="error" description={reminders.error ?? month.error} onRetry={() => (reminders.reload(), month.reload())} />;

  const today = reminders.data.today;
  const todayEntry = month.data.entries.find((e) => e.date === today);
  const text = draft ?? todayEntry?.content ?? '';
  const missing = reminders.data.missing;

  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await saveDiary(text);
      setSaved(true);
      setDraft(null);
      month.reload();
      reminders.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const showVersions = async (id: string) => {
    try {
      setVersions({ ...versions, [id]: await diaryVersions(id) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <View className="page diary-page">
      <View className="card">
        <Text className="diary-page__date">{chineseDate(today)}</Text>
        <Text className="diary-page__hint">写清：做了什么、为谁（对象或单位）、结果如何。不要只写“处理公务”“办理文件”。</Text>
        <Textarea
          className="diary-page__textarea"
          data-testid="diary-content"
          value={text}
          maxlength={2000}
          placeholder="例：上午到城东农贸市场检查占道经营，整改3户；下午起草《关于规范户外广告的通知》初稿，报处长审核"
          onInput={(e) => {
            setDraft(e.detail.value);
            setSaved(false);
          }}
        />
        {error ? (
          <Text className="diary-page__error" data-testid="diary-error">
            {error}
          </Text>
        ) : null}
        {saved ? (
          <Text className="diary-page__saved" data-testid="diary-saved">
            已保存今天的工作日记
          </Text>
        ) : null}
        <View className="diary-page__action">
          <Button type="primary" block size="large" loading={saving} disabled={!text.trim()} onClick={save} data-testid="diary-save">
            {todayEntry ? '保存修改' : '保存今天的日记'}
          </Button>
        </View>
      </View>

      {missing.length > 0 ? (
        <View className="notice notice--warning" data-testid="diary-missing">
          <Text>
            本月有 {missing.length} 个工作日未记：{missing.map((d) => d.slice(5)).join('、')}
          </Text>
        </View>
      ) : null}

      {month.data.review ? (
        <View className="card" data-testid="diary-review">
          <Text className="section-title">处长审阅</Text>
          <Text className="diary-page__entry-text">
            {month.data.review.reviewerName}：{month.data.review.comment ?? '已阅'}（{chineseDateTime(month.data.review.reviewedAt)}）
          </Text>
        </View>
      ) : null}

      <Text className="section-title">本月记录</Text>
      {month.data.entries.length === 0 ? (
        <StateView kind="empty" title="本月还没有记录" />
      ) : (
        <View className="card">
          {month.data.entries.map((e) => (
            <View key={e.id} className="diary-page__entry">
              <Text className="diary-page__entry-date">
                {chineseDate(e.date)}
                {e.version > 1 ? <Text className="badge">改过 {e.version - 1} 次</Text> : null}
              </Text>
              <Text className="diary-page__entry-text">{e.content}</Text>
              {e.version > 1 && !versions[e.id] ? (
                <Text className="diary-page__link" onClick={() => showVersions(e.id)}>
                  查看历史版本
                </Text>
              ) : null}
              {(versions[e.id] ?? []).map((v) => (
                <Text key={v.version} className="diary-page__version">
                  第 {v.version} 版 · {chineseDateTime(v.savedAt)}
                  {v.late ? '（事后修改）' : ''}：{v.content}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

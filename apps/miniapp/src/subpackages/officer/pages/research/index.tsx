import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { logResearch, researchOverview } from '../../../../services/ledgers.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import { PaceBar } from '../meetings/pace';
import '../diary/index.scss';
import '../meetings/index.scss';

/** 调研: the section's days against 30, and a form to log one's own days. */
export default function ResearchPage() {
  const data = useAsync(() => researchOverview(), []);
  const [date, setDate] = useState(isoDate());
  const [days, setDays] = useState('1');
  const [place, setPlace] = useState('');
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await logResearch({ date, days: Number(days), place, purpose });
      setPlace('');
      setPurpose('');
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <PaceBar pace={data.data.pace} label="调研天数" />
      <View className="card">
        <Text className="section-title">登记调研</Text>
        <Input className="form-input" value={date} placeholder="日期 YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
        <Input className="form-input" type="number" value={days} placeholder="天数" onInput={(e) => setDays(e.detail.value)} />
        <Input className="form-input" value={place} placeholder="地点（基层联系点）" onInput={(e) => setPlace(e.detail.value)} />
        <Input className="form-input" value={purpose} placeholder="目的与内容" onInput={(e) => setPurpose(e.detail.value)} />
        {error ? <Text className="diary-page__error">{error}</Text> : null}
        <View className="diary-page__action">
          <Button type="primary" block size="large" loading={busy} onClick={submit}>
            保存
          </Button>
        </View>
      </View>
      <Text className="section-title">本处室记录</Text>
      {data.data.logs.length === 0 ? <StateView kind="empty" title="今年还没有调研记录" /> : null}
      <View className="list-group">
        {data.data.logs.map((l) => (
          <View key={l.id} className="list-row">
            <View className="list-row__main">
              <Text className="list-row__title">
                {l.personName} · {l.days} 天 · {l.place}
              </Text>
              <Text className="list-row__sub">
                {chineseDate(l.date)} {l.purpose}
              </Text>
            </View>
          </View>
        ))}
      </View>
      <Text className="section-title">调研报告 · {data.data.reports.length} 篇</Text>
      {data.data.reports.map((r) => (
        <View key={r.id} className="card">
          <Text className="list-row__title">{r.title}</Text>
          <Text className="muted">
            {r.personName} · {chineseDate(r.date)}
          </Text>
        </View>
      ))}
    </View>
  );
}

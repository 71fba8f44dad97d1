import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { RATING_LEVELS, type RatingLevel } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { ratingSheet, saveRatings } from '../../../../services/records.api';
import '../records.scss';

/** 绩评定 (JI-1): a chief rates their staff, the leading group (office) the chiefs and deputies; the quota is checked on save. */
export default function RatingsPage() {
  const year = new Date().getFullYear();
  const sheet = useAsync(() => ratingSheet(year), [year]);
  const [draft, setDraft] = useState<Record<string, RatingLevel>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (sheet.status === 'success') setDraft(Object.fromEntries(sheet.data.rows.filter((r) => r.rating).map((r) => [r.personId, r.rating!])));
  }, [sheet.status, sheet.data]);

  if (sheet.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (sheet.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={sheet.reload} /></View>;
  if (sheet.status === 'error') return <View className="page"><StateView kind="error" description={sheet.error} onRetry={sheet.reload} /></View>;
  if (sheet.data.rows.length === 0) return <View className="page"><StateView kind="empty" title="没有需要您评定的人员" /></View>;

  const save = async () => {
    setBusy(true);
    setMsg(null);
    try {
      await saveRatings(year, Object.entries(draft).map(([personId, rating]) => ({ personId, rating })));
      setMsg({ ok: true, text: '已保存' });
    } catch (err) {
      setMsg({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page rec">
      <Text className="notice">{year} 年度“绩”评定：优秀、良好、一般、差。{sheet.data.quotaHints.join('；')}</Text>
      {sheet.data.rows.map((r) => (
        <View key={r.personId} className="rec__item" data-testid={`rating-${r.personId}`}>
          <Text className="rec__title">{r.name}</Text>
          <Text className="rec__meta">{r.sectionName} · {r.position}</Text>
          <View className="rec__chips">
            {RATING_LEVELS.map((l) => (
              <View key={l} className={`rec__chip${draft[r.personId] === l ? ' rec__chip--on' : ''}`} onClick={() => setDraft({ ...draft, [r.personId]: l })}>
                <Text>{l}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {msg && <Text className={`notice${msg.ok ? '' : ' notice--warning'}`} data-testid="rating-message">{msg.text}</Text>}
      <View className="main-action">
        <Button type="primary" block loading={busy} disabled={busy || Object.keys(draft).length === 0} onClick={save}>保存评定</Button>
      </View>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { HalfYearOpenedDto, HalfYearRoundDto } from '@kaoping/contracts';
import { Chips, scoreText } from '../../../../components/review-ui';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { halfYearRounds, openHalfYear } from '../../../../services/reviews.api';
import { isoDate } from '../../../../utils/date';

const halfName = (half: number) => (half === 1 ? '上半年' : '下半年');

function RoundCard({ r }: { r: HalfYearRoundDto }) {
  return (
    <View className="card" data-testid={`halfyear-${r.half}`}>
      <Text className="rv__row-title">
        {r.title}
        <Text className={`rv__tag${r.open ? ' rv__tag--green' : ''}`}>{r.open ? '打分中' : '已截止'}</Text>
      </Text>
      <Text className="rv__row-sub">
        {r.periodStart} 至 {r.periodEnd} · 局属单位完成 {r.completed}/{r.invited}
      </Text>
      <Text className="rv__hint">工作作风、工作效能两项星级（1–5 星折合 0–100 分）的平均；少于 {r.minGroupSize} 份不显示均分（计分仍用实际均分），答卷匿名保存。</Text>
      {r.results.map((x) => (
        <View key={x.sectionId} className="rv__row" data-testid={`halfyear-${r.half}-${x.sectionId}`}>
          <View className="rv__row-main">
            <Text className="rv__row-title">{x.sectionName}</Text>
            <Text className="rv__row-sub">{x.counted} 份有效</Text>
          </View>
          <Text className={`rv__score${x.mean === null ? ' rv__score--none' : ''}`}>{x.mean === null ? (x.counted > 0 ? '样本不足' : '暂无') : scoreText(x.mean)}</Text>
        </View>
      ))}
    </View>
  );
}

/** The links issued when a round opens: shown once, to hand to each unit head. */
function Issued({ opened }: { opened: HalfYearOpenedDto }) {
  return (
    <View className="card" data-testid="halfyear-issued">
      <Text className="rv__row-title">已发放 {opened.invitations.length} 个邀请链接</Text>
      <Text className="rv__hint">每个局属单位负责人一个一次性链接，只在此显示一次，请逐一复制转发（微信或短信）。遗失可在“满意度与测评”中重新生成。</Text>
      {opened.skipped.length > 0 ? <Text className="rv__error">以下单位目前没有负责人，未发放：{opened.skipped.join('、')}</Text> : null}
      {opened.invitations.map((i) => (
        <View
          key={i.id}
          className="rv__row"
          hoverClass="list-row--hover"
          data-testid={`halfyear-link-${i.id}`}
          onClick={() => void Taro.setClipboardData({ data: `${i.name}：${i.url}` }).then(() => Taro.showToast({ title: '链接已复制', icon: 'success' }))}
        >
          <View className="rv__row-main">
            <Text className="rv__row-title">{i.name}</Text>
            <Text className="rv__row-sub">邀请码 {i.code}</Text>
          </View>
          <Text className="rv__hint">复制</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 半年考评打分 (seed 000 五.(十)): each half-year the bureau's units (局属各单位) score every 机关 section's style and
 * efficiency. The office opens a round: a survey of group 局属各单位 with one invitation link per unit head; the heads
 * answer through the existing invitation flow; the result per section is the mean.
 */
export default function ReviewHalfYearPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const now = new Date();
  const year = now.getFullYear();
  const [half, setHalf] = useState<1 | 2>(now.getMonth() < 6 ? 1 : 2);
  const [closesOn, setClosesOn] = useState(isoDate(new Date(now.getTime() + 14 * 86_400_000)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<HalfYearOpenedDto | null>(null);
  const rounds = useAsync(() => halfYearRounds(year), [year]);

  const open = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn)) return setError('截止日期格式为 YYYY-MM-DD');
    setBusy(true);
    setError(null);
    try {
      setOpened(await openHalfYear({ year, half, closesOn }));
      rounds.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (rounds.status === 'loading') return <StateView kind="loading" />;
  if (rounds.status !== 'success') return <StateView kind={rounds.status} description={rounds.error} onRetry={rounds.reload} />;
  const started = new Set(rounds.data.map((r) => r.half));
  return (
    <View className="page">
      {opened ? <Issued opened={opened} /> : null}
      {office && !opened && !started.has(half) ? (
        <View className="card" data-testid="halfyear-form">
          <Text className="rv__row-title">发起半年考评打分</Text>
          <Text className="rv__hint">由局属各单位主要负责人对机关各处（室）的工作作风、效能打分。</Text>
          <Text className="rv__field">半年度</Text>
          <Chips testId="halfyear-half" value={half} onChange={setHalf} options={([1, 2] as const).filter((h) => h === 1 || now.getMonth() >= 6).map((h) => ({ key: h, label: `${year}年${halfName(h)}`, done: started.has(h) }))} />
          <Text className="rv__field">截止日期</Text>
          <Input className="rv__input" data-testid="halfyear-closes" value={closesOn} placeholder="YYYY-MM-DD" onInput={(e) => setClosesOn(e.detail.value)} />
          {error ? <Text className="rv__error">{error}</Text> : null}
          <View className="rv__action">
            <Button type="primary" block size="large" loading={busy} onClick={open} data-testid="halfyear-open">
              发起并生成邀请链接
            </Button>
          </View>
        </View>
      ) : null}
      {rounds.data.length === 0 ? <StateView kind="empty" title={`${year} 年还没有发起半年考评打分`} /> : rounds.data.map((r) => <RoundCard key={r.id} r={r} />)}
    </View>
  );
}

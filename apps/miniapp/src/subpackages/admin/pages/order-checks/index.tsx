import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ORDER_CHECK_KIND_LABELS, ORDER_CHECK_KINDS, ORDER_CHECK_STATUS_LABELS, type OrderCheckKind, type OrderCheckRoundSummaryDto } from '@kaoping/contracts';
import { BarChart } from '../../../../components/bar-chart';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createRound, listRounds, ORDER_CHECK_ROUTES, yearRanking } from '../../../../services/order-checks.api';
import { listSections } from '../../../../services/org.api';
import { DateField, Tabs, today } from '../wubi-shared';
import '../wubi.scss';
import '../order-checks.scss';

type Tab = 'rounds' | 'ranking' | 'new';

/**
 * 卫生秩序检查 (seed 000 五.(十二)): the office's rounds of the year (scoring / on file), the year's ranking as a bar
 * chart, and a new round. Leaders read. Results are a published ranking; they move no score.
 */
export default function OrderChecksPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const [year, setYear] = useState(new Date().getFullYear());
  const [tab, setTab] = useState<Tab>('rounds');
  const tabs: { key: Tab; label: string }[] = [
    { key: 'rounds', label: '检查轮次' },
    { key: 'ranking', label: '年度排名' },
    ...(office ? [{ key: 'new' as const, label: '新建检查' }] : []),
  ];
  return (
    <View className="page wr oc">
      <Tabs tabs={tabs} value={tab} onChange={setTab} testId="oc-tab" />
      {tab !== 'new' && (
        <View className="oc__year">
          <View className="oc__year-step" hoverClass="list-row--hover" data-testid="oc-year-prev" onClick={() => setYear(year - 1)}>
            <Text>‹</Text>
          </View>
          <Text className="oc__year-text" data-testid="oc-year">
            {year} 年
          </Text>
          <View className="oc__year-step" hoverClass="list-row--hover" data-testid="oc-year-next" onClick={() => setYear(year + 1)}>
            <Text>›</Text>
          </View>
        </View>
      )}
      {tab === 'rounds' && <Rounds year={year} />}
      {tab === 'ranking' && <YearRanking year={year} />}
      {tab === 'new' && office && <NewRound />}
    </View>
  );
}

function Rounds({ year }: { year: number }) {
  const data = useAsync(() => listRounds(year), [year]);
  useDidShow(() => data.reload());
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status === 'offline') return <StateView kind="offline" onRetry={data.reload} />;
  if (data.status === 'error') return <StateView kind="error" description={data.error} onRetry={data.reload} />;
  if (data.data.length === 0) return <StateView kind="empty" title={`${year} 年尚无检查`} description="局办公室定期检查各处（室）卫生和办公秩序，量化评比，结果登记备案" />;
  return (
    <View className="list-group">
      {data.data.map((r) => (
        <RoundRow key={r.id} r={r} />
      ))}
    </View>
  );
}

function RoundRow({ r }: { r: OrderCheckRoundSummaryDto }) {
  return (
    <View className="list-row" hoverClass="list-row--hover" data-testid={`oc-round-${r.round}`} onClick={() => void Taro.navigateTo({ url: `${ORDER_CHECK_ROUTES.round}?id=${encodeURIComponent(r.id)}` })}>
      <View className="list-row__main">
        <Text className="list-row__title">
          第 {r.round} 轮 · {ORDER_CHECK_KIND_LABELS[r.kind]} · {r.date}
        </Text>
        <Text className="list-row__sub">
          已评 {r.scoredCount}/{r.sectionCount} 个处室{r.average !== null ? ` · 平均 ${r.average} 分` : ''}
          {r.top ? ` · 第一名 ${r.top.sectionName}（${r.top.total}）` : ''}
        </Text>
      </View>
      <Text className={`oc__status oc__status--${r.status}`} data-testid={`oc-round-status-${r.round}`}>
        {ORDER_CHECK_STATUS_LABELS[r.status]}
      </Text>
      <Text className="list-row__arrow">›</Text>
    </View>
  );
}

function YearRanking({ year }: { year: number }) {
  const data = useAsync(() => yearRanking(year), [year]);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status === 'offline') return <StateView kind="offline" onRetry={data.reload} />;
  if (data.status === 'error') return <StateView kind="error" description={data.error} onRetry={data.reload} />;
  const y = data.data;
  if (y.rows.length === 0) return <StateView kind="empty" title={`${year} 年尚无已归档的检查`} description="归档后的检查轮次计入年度排名" />;
  return (
    <>
      <View className="card" data-testid="oc-year-ranking">
        <Text className="oc__card-title">{year} 年各处室平均得分（{y.rounds.length} 轮已归档检查）</Text>
        <BarChart rows={y.rows.map((r) => ({ key: r.sectionId, label: r.sectionName, value: r.average }))} max={100} testId="oc-year-chart" />
      </View>
      <View className="list-group">
        {y.rows.map((r) => (
          <View key={r.sectionId} className="list-row" data-testid={`oc-year-row-${r.sectionId}`}>
            <Text className="oc__rank">{r.rank}</Text>
            <View className="list-row__main">
              <Text className="list-row__title">{r.sectionName}</Text>
              <Text className="list-row__sub">
                参加 {r.rounds} 轮 · 各轮：{y.rounds.filter((x) => r.totals[x.id] !== undefined).map((x) => `第${x.round}轮 ${r.totals[x.id]}`).join('，')}
              </Text>
            </View>
            <Text className="oc__score">{r.average}</Text>
          </View>
        ))}
      </View>
      <Text className="muted">卫生秩序检查结果登记备案、公布排名，不计入个人考评分。</Text>
    </>
  );
}

function NewRound() {
  const sections = useAsync(listSections, []);
  const [kind, setKind] = useState<OrderCheckKind>('regular');
  const [date, setDate] = useState(today());
  const [inspectors, setInspectors] = useState('');
  const [notes, setNotes] = useState('');
  const [picked, setPicked] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (sections.status === 'loading') return <StateView kind="loading" />;
  if (sections.status === 'offline') return <StateView kind="offline" onRetry={sections.reload} />;
  if (sections.status === 'error') return <StateView kind="error" description={sections.error} onRetry={sections.reload} />;
  // 局机关各处(室) by default; other sections can be added
  const chosen = picked ?? sections.data.filter((s) => s.category !== null).map((s) => s.id);
  const toggle = (id: string) => setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);

  const submit = async () => {
    setError(null);
    if (inspectors.trim().length < 2) return setError('请填写检查人（至少 2 个字）');
    if (chosen.length === 0) return setError('请至少选择一个处室');
    setBusy(true);
    try {
      const round = await createRound({ kind, date, inspectors: inspectors.trim(), notes: notes.trim() || undefined, sectionIds: sections.data.filter((s) => chosen.includes(s.id)).map((s) => s.id) });
      void Taro.showToast({ title: '已开始', icon: 'success' });
      void Taro.navigateTo({ url: `${ORDER_CHECK_ROUTES.round}?id=${encodeURIComponent(round.id)}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="oc-new-form">
      <View className="card">
        <Text className="wr__field">检查方式</Text>
        <View className="wr__chips">
          {ORDER_CHECK_KINDS.map((k) => (
            <View key={k} className={`wr__chip${kind === k ? ' wr__chip--on' : ''}`} data-testid={`oc-kind-${k}`} onClick={() => setKind(k)}>
              <Text>{ORDER_CHECK_KIND_LABELS[k]}</Text>
            </View>
          ))}
        </View>
        <DateField label="检查日期" value={date} onChange={setDate} testId="oc-date" />
        <Text className="wr__field">检查人</Text>
        <Input className="wr__input" data-testid="oc-inspectors" placeholder="如：局办公室 李某某、张某某" value={inspectors} maxlength={100} onInput={(e) => setInspectors(e.detail.value)} />
        <Text className="wr__field">检查说明（可选）</Text>
        <Textarea className="wr__textarea" data-testid="oc-notes" placeholder="检查重点、范围" value={notes} maxlength={1000} onInput={(e) => setNotes(e.detail.value)} />
      </View>
      <Text className="section-title">受检处室（已选 {chosen.length} 个，默认机关各处室）</Text>
      <View className="card">
        <View className="wr__chips">
          {sections.data.map((s) => (
            <View key={s.id} className={`wr__chip${chosen.includes(s.id) ? ' wr__chip--on' : ''}`} data-testid={`oc-section-${s.id}`} onClick={() => toggle(s.id)}>
              <Text>{s.name}</Text>
            </View>
          ))}
        </View>
      </View>
      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      <View className="main-action">
        <Button type="primary" block loading={busy} disabled={busy} data-testid="oc-create" onClick={() => void submit()}>
          开始本轮检查
        </Button>
      </View>
    </View>
  );
}

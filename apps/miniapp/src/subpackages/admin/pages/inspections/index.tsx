import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { INSPECTION_KIND_LABELS, INSPECTION_KINDS, type InspectionKind, type InspectionRoundDto } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createInspection, listInspections } from '../../../../services/records.api';
import { DateField, loadWubiPeople, PhotoField, Tabs, today, type PickedPhoto } from '../wubi-shared';
import '../wubi.scss';

type Tab = 'list' | 'new';

/** 督查记录 (WB-D1..3): this year's rounds per kind with the "fewer than 2 rounds" warning; the office records a round. */
export default function InspectionsPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const year = new Date().getFullYear();
  const [tab, setTab] = useState<Tab>('list');
  const data = useAsync(() => listInspections(year), [year]);

  return (
    <View className="page wr">
      {office && (
        <Tabs
          tabs={[
            { key: 'list', label: `${year} 年督查` },
            { key: 'new', label: '录入一轮' },
          ]}
          value={tab}
          onChange={setTab}
          testId="insp-tab"
        />
      )}
      {tab === 'new' && office ? (
        <NewRound
          rounds={data.status === 'success' ? data.data.rounds : []}
          onSaved={() => {
            setTab('list');
            data.reload();
          }}
        />
      ) : (
        <>
          {data.status === 'loading' && <StateView kind="loading" />}
          {data.status === 'offline' && <StateView kind="offline" onRetry={data.reload} />}
          {data.status === 'error' && <StateView kind="error" description={data.error} onRetry={data.reload} />}
          {data.status === 'success' && (
            <>
              <Text className="notice">五比五评·督查：每类督查全年不少于 2 轮，按各轮得分计入参评科长的成绩。</Text>
              {INSPECTION_KINDS.map((kind) => (
                <KindCard key={kind} kind={kind} rounds={data.data.rounds.filter((r) => r.kind === kind)} warning={data.data.warnings.find((w) => w.startsWith(INSPECTION_KIND_LABELS[kind]))} />
              ))}
            </>
          )}
        </>
      )}
    </View>
  );
}

function KindCard({ kind, rounds, warning }: { kind: InspectionKind; rounds: InspectionRoundDto[]; warning?: string }) {
  return (
    <View className="card" data-testid={`kind-${kind}`}>
      <View className="wr__kind-head">
        <Text className="wr__kind-title">{INSPECTION_KIND_LABELS[kind]}</Text>
        <Text className="wr__kind-count" data-testid={`kind-count-${kind}`}>
          共 {rounds.length} 轮
        </Text>
      </View>
      {warning ? (
        <Text className="wr__warn" data-testid={`kind-warning-${kind}`}>
          {warning}
        </Text>
      ) : (
        <Text className="wr__ok">已达到全年 2 轮的要求</Text>
      )}
      {rounds.length === 0 && <Text className="wr__meta">今年尚未录入</Text>}
      {rounds.map((r) => (
        <View key={r.id} className="wr__round" data-testid={`round-${r.id}`}>
          <Text className="wr__round-title">
            第 {r.round} 轮 · {r.date}
          </Text>
          <Text className="wr__meta">督查人：{r.inspector}</Text>
          <View className="wr__scores">
            {r.scores.map((s) => (
              <View key={s.personId} className="wr__score-line">
                <Text>
                  {s.personName}
                  {s.sectionName ? `（${s.sectionName}）` : ''}
                </Text>
                <Text className="wr__score-val">{s.score}</Text>
              </View>
            ))}
          </View>
          {r.notes && <Text className="wr__text">{r.notes}</Text>}
          {(r.files ?? []).length > 0 && (
            <View className="wr__evidence">
              <EvidenceFiles files={r.files} />
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

function NewRound({ rounds, onSaved }: { rounds: InspectionRoundDto[]; onSaved: () => void }) {
  const people = useAsync(loadWubiPeople, []);
  const [kind, setKind] = useState<InspectionKind>('daily');
  const [date, setDate] = useState(today());
  const [inspector, setInspector] = useState('');
  const [notes, setNotes] = useState('');
  const [files, setFiles] = useState<PickedPhoto[]>([]);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (people.status === 'loading') return <StateView kind="loading" />;
  if (people.status === 'offline') return <StateView kind="offline" onRetry={people.reload} />;
  if (people.status === 'error') return <StateView kind="error" description={people.error} onRetry={people.reload} />;
  const heads = people.data.heads;
  if (heads.length === 0) return <StateView kind="empty" title="没有参评科长" description="请先在人员管理中设置五比五评参评科室的负责人" />;

  const sameYear = rounds.filter((r) => r.kind === kind && r.year === Number(date.slice(0, 4)));
  const nextRound = sameYear.length ? Math.max(...sameYear.map((r) => r.round)) + 1 : 1;

  const submit = async () => {
    setError(null);
    if (inspector.trim().length < 2) return setError('请填写督查人（至少 2 个字）');
    const entered = heads.filter((h) => (scores[h.id] ?? '').trim() !== '');
    if (entered.length === 0) return setError('请至少为一位参评科长打分');
    const bad = entered.find((h) => {
      const n = Number(scores[h.id]);
      return !Number.isFinite(n) || n < 0 || n > 100;
    });
    if (bad) return setError(`${bad.name}的得分应在 0–100 之间`);
    setBusy(true);
    try {
      await createInspection({
        kind,
        date,
        inspector: inspector.trim(),
        notes: notes.trim() || undefined,
        fileIds: files.map((f) => f.id),
        scores: entered.map((h) => ({ personId: h.id, score: Number(scores[h.id]) })),
      });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="inspection-form">
      <View className="card">
        <Text className="wr__field">督查类型</Text>
        <View className="wr__chips">
          {INSPECTION_KINDS.map((k) => (
            <View key={k} className={`wr__chip${kind === k ? ' wr__chip--on' : ''}`} data-testid={`insp-kind-${k}`} onClick={() => setKind(k)}>
              <Text>{INSPECTION_KIND_LABELS[k]}</Text>
            </View>
          ))}
        </View>
        <Text className="wr__hint" data-testid="insp-round">
          本次为{INSPECTION_KIND_LABELS[kind]}第 {nextRound} 轮（按类型自动编号）
        </Text>
        <DateField label="督查日期" value={date} onChange={setDate} testId="insp-date" />
        <Text className="wr__field">督查人</Text>
        <Input className="wr__input" data-testid="insp-inspector" placeholder="如：局督查组 王某某" value={inspector} maxlength={60} onInput={(e) => setInspector(e.detail.value)} />
        <Text className="wr__field">督查情况（可选）</Text>
        <Textarea className="wr__textarea" data-testid="insp-notes" placeholder="督查内容、发现的问题" value={notes} maxlength={1000} onInput={(e) => setNotes(e.detail.value)} />
        <Text className="wr__field">现场照片（可选）</Text>
        <PhotoField files={files} onChange={setFiles} onError={setError} label="添加照片" testId="insp-photo" />
      </View>

      <Text className="section-title">参评科长得分（0–100）</Text>
      <View className="card">
        {heads.map((h) => (
          <View key={h.id} className="wr__score-row">
            <View className="wr__score-name">
              <Text>{h.name}</Text>
              <Text className="wr__score-section">{h.sectionName}</Text>
            </View>
            <Input
              className="wr__score-input"
              type="digit"
              data-testid={`insp-score-${h.id}`}
              placeholder="分数"
              value={scores[h.id] ?? ''}
              maxlength={5}
              onInput={(e) => {
                const v = e.detail.value;
                setScores((s) => ({ ...s, [h.id]: v }));
              }}
            />
          </View>
        ))}
        <Text className="wr__hint">留空表示本轮未督查该科室。</Text>
      </View>

      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      <View className="main-action">
        <Button type="primary" block loading={busy} disabled={busy} data-testid="insp-submit" onClick={() => void submit()}>
          保存本轮督查
        </Button>
      </View>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { EFFICIENCY_SYSTEM_KINDS, EFFICIENCY_SYSTEM_LABELS, LEDGER_VERSION_STATUS_LABELS, SYSTEM_STATE_LABELS, type EfficiencySystemKind, type SystemDetailDto, type SystemVersionDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { decideSystemVersion, getSystem, submitSystem, withdrawSystemVersion } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { chineseDate, isoDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const HINTS: Partial<Record<EfficiencySystemKind, string>> = {
  first_inquiry: '写明首问责任人的范围、当场办理与引导转办的要求。',
  time_limit: '逐项列出办理事项及办结时限（工作日），不能按期办结的处理办法。',
  service_pledge: '逐条列出对服务对象的承诺，可选择批准后对外公示。',
  substitute: '写明 AB 岗的对应关系和替代履职的要求。',
  refusal_filing: '写明不予办理事项须说明理由、登记报备的要求。',
  accountability: '写明失职情形及追究办法。',
  post_responsibility: '写明各岗位的职责和工作标准。',
};

function VersionText({ v, title, testId }: { v: SystemVersionDto; title: string; testId: string }) {
  return (
    <View className="card" data-testid={testId}>
      <Text className="section-title">
        {title} · 第 {v.seq} 版 · {chineseDate(v.effectiveFrom)}起
        <Text className={`badge ${v.status === 'approved' ? 'badge--green' : v.status === 'pending' ? '' : 'badge--grey'}`}>{LEDGER_VERSION_STATUS_LABELS[v.status]}</Text>
        {v.publish ? <Text className="badge badge--grey">{v.publishedAt ? '已公示' : '批准后公示'}</Text> : null}
      </Text>
      <Text className="gv__body">{v.content}</Text>
      {v.items.map((i, n) => (
        <Text key={n} className="gv__item">
          {n + 1}. {i.matter}
          {i.limitDays ? `：${i.limitDays} 个工作日内办结` : ''}
          {i.detail ? `（${i.detail}）` : ''}
        </Text>
      ))}
      <Text className="gv__hint">
        {v.submittedByName}提交{v.decidedByName ? ` · ${v.decidedByName}审核` : ''}
        {v.decisionNote ? ` · 意见：${v.decisionNote}` : ''}
      </Text>
    </View>
  );
}

interface ItemRow {
  matter: string;
  limitDays: string;
  detail: string;
}

/** The chief's form: a new system, or a revision of one (starting from the text in force). */
function SystemForm({ kind, base, onSaved }: { kind: EfficiencySystemKind; base: SystemDetailDto | null; onSaved: (saved: SystemDetailDto) => void }) {
  const start = base?.pending ?? base?.current ?? null;
  const [name, setName] = useState(base?.kind === 'other' ? base.name : '');
  const [content, setContent] = useState(start?.content ?? '');
  const [items, setItems] = useState<ItemRow[]>(start?.items.map((i) => ({ matter: i.matter, limitDays: i.limitDays ? String(i.limitDays) : '', detail: i.detail ?? '' })) ?? []);
  const [effectiveFrom, setEffectiveFrom] = useState(isoDate());
  const [publish, setPublish] = useState(start?.publish ?? (kind === 'service_pledge' || kind === 'time_limit'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setItem = (n: number, patch: Partial<ItemRow>) => setItems((rows) => rows.map((r, i) => (i === n ? { ...r, ...patch } : r)));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await submitSystem({
        kind,
        ...(kind === 'other' ? { name: name.trim() } : {}),
        content: content.trim(),
        items: items
          .filter((r) => r.matter.trim())
          .map((r) => ({ matter: r.matter.trim(), ...(r.limitDays ? { limitDays: Number(r.limitDays) } : {}), ...(r.detail.trim() ? { detail: r.detail.trim() } : {}) })),
        effectiveFrom,
        publish,
      });
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="system-form">
      <Text className="section-title">{base ? '提交修订' : `建立${EFFICIENCY_SYSTEM_LABELS[kind]}`}</Text>
      {HINTS[kind] ? <Text className="gv__hint">{HINTS[kind]}</Text> : null}
      {kind === 'other' ? (
        <>
          <Text className="gv__field">制度名称</Text>
          <Input className="gv__input" value={name} maxlength={60} data-testid="system-name" onInput={(e) => setName(e.detail.value)} />
        </>
      ) : null}
      <Text className="gv__field">制度正文</Text>
      <Textarea className="gv__textarea" value={content} maxlength={5000} data-testid="system-content" onInput={(e) => setContent(e.detail.value)} />
      <Text className="gv__field">{kind === 'time_limit' ? '办理事项及办结时限' : kind === 'service_pledge' ? '承诺内容' : '条目（可不填）'}</Text>
      {items.map((r, n) => (
        <View key={n} className="gv__row">
          <Input className="gv__input" value={r.matter} placeholder={kind === 'service_pledge' ? '承诺' : '事项'} maxlength={200} data-testid={`system-item-${n}`} onInput={(e) => setItem(n, { matter: e.detail.value })} />
          {kind === 'time_limit' ? (
            <Input className="gv__input" style={{ width: '30%' }} type="number" value={r.limitDays} placeholder="工作日" data-testid={`system-item-days-${n}`} onInput={(e) => setItem(n, { limitDays: e.detail.value })} />
          ) : null}
        </View>
      ))}
      <Text className="gv__link" data-testid="system-item-add" onClick={() => setItems((rows) => [...rows, { matter: '', limitDays: '', detail: '' }])}>
        ＋ 添加一条
      </Text>
      <Text className="gv__field">生效日期</Text>
      <Picker mode="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.detail.value)}>
        <View className="gv__picker">
          <Text>{effectiveFrom}</Text>
        </View>
      </Picker>
      <Text className="gv__field">批准后对外公示</Text>
      <View className="gv__chips">
        <View className={`gv__chip ${publish ? 'gv__chip--on' : ''}`} data-testid="system-publish-yes" onClick={() => setPublish(true)}>
          公示
        </View>
        <View className={`gv__chip ${!publish ? 'gv__chip--on' : ''}`} data-testid="system-publish-no" onClick={() => setPublish(false)}>
          仅内部
        </View>
      </View>
      {error ? <Text className="gv__error" data-testid="system-error">{error}</Text> : null}
      <View className="gv__action">
        <Button type="primary" block size="large" loading={busy} disabled={content.trim().length < 10} onClick={submit} data-testid="system-submit">
          提交审核
        </Button>
      </View>
    </View>
  );
}

/** One system: the text in force, a revision under review (the office decides here), the history, the chief's form. */
export default function GovSystemPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const [id, setId] = useState(params.id ?? '');
  const kindParam = EFFICIENCY_SYSTEM_KINDS.find((k) => k === params.kind);
  const { me } = useSession();
  const item = useAsync(() => (id ? getSystem(id) : Promise.resolve(null)), [id]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (item.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (item.status === 'error' || item.status === 'offline') return <View className="page"><StateView kind={item.status} description={item.error} onRetry={item.reload} /></View>;
  const s = item.data;
  const kind = s?.kind ?? kindParam;
  if (!kind) return <View className="page"><StateView kind="error" description="未指定制度" /></View>;
  const canEdit = s ? s.canEdit : me?.role === 'chief' || me?.role === 'office';
  const run = async (fn: () => Promise<SystemDetailDto>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      setDone(message);
      setNote('');
      if (r.id !== id) setId(r.id);
      else item.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const history = s ? s.versions.filter((v) => v.id !== s.current?.id && v.id !== s.pending?.id) : [];
  return (
    <View className="page">
      <Text className="section-title">
        {s ? `${s.sectionName} · ${s.name}` : EFFICIENCY_SYSTEM_LABELS[kind]}
        {s ? <Text className="badge">{SYSTEM_STATE_LABELS[s.state]}</Text> : null}
      </Text>
      {done ? <Text className="gv__ok" data-testid="system-done">{done}</Text> : null}
      {error ? <Text className="gv__error">{error}</Text> : null}
      {s?.current ? <VersionText v={s.current} title="现行文本" testId="system-current" /> : null}
      {s?.pending ? (
        <View>
          <VersionText v={s.pending} title="待审核" testId="system-pending" />
          {me?.role === 'office' ? (
            <View className="card">
              <Textarea className="gv__textarea" value={note} maxlength={500} placeholder="审核意见（退回时必填）" data-testid="system-review-note" onInput={(e) => setNote(e.detail.value)} />
              <View className="gv__action">
                <Button type="primary" block size="large" loading={busy} onClick={() => run(() => decideSystemVersion(s.pending!.id, 'approved', note.trim() || undefined), '已批准')} data-testid="system-approve">
                  批准{s.pending.publish ? '并公示' : ''}
                </Button>
              </View>
              <View className="gv__action">
                <Button block size="large" disabled={busy} onClick={() => run(() => decideSystemVersion(s.pending!.id, 'rejected', note.trim()), '已退回')} data-testid="system-reject">
                  退回修改
                </Button>
              </View>
            </View>
          ) : s.canEdit ? (
            <Text className="gv__link" onClick={() => run(() => withdrawSystemVersion(s.pending!.id), '已撤回')} data-testid="system-withdraw">
              撤回待审核版本
            </Text>
          ) : null}
        </View>
      ) : null}
      {canEdit && !s?.pending ? <SystemForm key={`${id}-${s?.versions.length ?? 0}`} kind={kind} base={s} onSaved={(saved) => {
            setDone('已提交考评办审核');
            if (saved.id !== id) setId(saved.id);
            else item.reload();
          }}
        /> : null}
      {history.length ? <Text className="section-title">历次版本</Text> : null}
      <View className="list-group">
        {history.map((v) => (
          <View key={v.id} className="list-row">
            <View className="list-row__main">
              <Text className="list-row__title">
                第 {v.seq} 版 · {chineseDate(v.effectiveFrom)}起<Text className="badge badge--grey">{LEDGER_VERSION_STATUS_LABELS[v.status]}</Text>
              </Text>
              <Text className="list-row__sub">{v.decisionNote ?? v.content.slice(0, 40)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { LedgerSpotCheckDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createLedgerSpotCheck, listGatherings, listLedgerSpotChecks } from '../../../../services/ledgers.api';
import { listPeople, listSections } from '../../../../services/org.api';
import { chineseDate } from '../../../../utils/date';
import '../ledger-ui.scss';

type Kind = 'section' | 'branch';
const KIND_LABELS: Record<Kind, string> = { section: '处务会记录', branch: '支部工作记录本' };
const QUARTERS = [1, 2, 3, 4];

/** What the ledger holds for the target in the quarter, so the office sees it before writing findings. */
function QuarterLedger({ kind, targetId, year, quarter }: { kind: Kind; targetId: string; year: number; quarter: number }) {
  const data = useAsync(() => listGatherings(kind, year, kind === 'section' ? { sectionId: targetId } : { secretaryId: targetId }), [kind, targetId, year]);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
  const to = `${year}-${String(quarter * 3).padStart(2, '0')}`;
  const items = data.data.items.filter((g) => g.date.slice(0, 7) >= from && g.date.slice(0, 7) <= to);
  const recorded = items.filter((g) => g.recorded).length;
  return (
    <View data-testid="ledger-quarter">
      <Text className="lp__hint">
        本季度登记 {items.length} 次，有记录 {recorded} 次{data.data.pace ? ` · 全年 ${data.data.pace.message}` : ''}
      </Text>
      {items.map((g) => (
        <View key={g.id} className="lp__entry">
          <Text className="lp__entry-date">
            {chineseDate(g.date)} {g.title}
            {g.recorded ? null : <Text className="badge badge--red">无记录</Text>}
          </Text>
          {g.minutes ? <Text className="lp__entry-text">{g.minutes}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** 考评办季度抽查: each quarter, a section's 处务会 record and a branch's 支部工作记录本, with findings. */
export default function LedgerCheckPage() {
  const { me } = useSession();
  const canWrite = me?.role === 'office';
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [quarter, setQuarter] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [kind, setKind] = useState<Kind>('section');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [findings, setFindings] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sections = useAsync(() => listSections(), []);
  const secretaries = useAsync(async () => (await listPeople()).filter((p) => p.branchSecretary), []);
  const checks = useAsync(() => listLedgerSpotChecks(year), [year]);

  if (sections.status === 'loading' || secretaries.status === 'loading') return <StateView kind="loading" />;
  if (sections.status !== 'success') return <StateView kind={sections.status} description={sections.error} onRetry={sections.reload} />;
  if (secretaries.status !== 'success') return <StateView kind={secretaries.status} description={secretaries.error} onRetry={secretaries.reload} />;
  const targets = kind === 'section' ? sections.data.map((s) => ({ id: s.id, name: s.name })) : secretaries.data.map((p) => ({ id: p.id, name: `${p.name}（${p.sectionName ?? ''}支部书记）` }));
  const target = targets.find((t) => t.id === targetId) ?? null;

  const save = async () => {
    if (!target) return setError(kind === 'section' ? '请选择处室' : '请选择支部书记');
    if (findings.trim().length < 2) return setError('请写明抽查发现');
    setBusy(true);
    setError(null);
    try {
      const c = await createLedgerSpotCheck({ kind, targetId: target.id, year, quarter, findings: findings.trim() });
      setDone(`已登记：${c.targetName} ${c.year} 年第 ${c.quarter} 季度${KIND_LABELS[c.kind]}抽查`);
      setFindings('');
      setTargetId(null);
      checks.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const byQuarter = (list: LedgerSpotCheckDto[]) => QUARTERS.map((q) => ({ q, rows: list.filter((c) => c.quarter === q) })).filter((g) => g.rows.length > 0).reverse();

  return (
    <View className="page">
      <View className="lp__tabs">
        {[now.getFullYear(), now.getFullYear() - 1].map((y) => (
          <View key={y} className={`lp__tab ${year === y ? 'lp__tab--on' : ''}`} onClick={() => setYear(y)} data-testid={`ledger-year-${y}`}>
            {y} 年
          </View>
        ))}
      </View>
      {canWrite ? (
        <View className="card" data-testid="ledger-form">
          <Text className="section-title">登记季度抽查</Text>
          <View className="lp__tabs">
            {(['section', 'branch'] as const).map((k) => (
              <View
                key={k}
                className={`lp__tab ${kind === k ? 'lp__tab--on' : ''}`}
                data-testid={`ledger-kind-${k}`}
                onClick={() => {
                  setKind(k);
                  setTargetId(null);
                }}
              >
                {KIND_LABELS[k]}
              </View>
            ))}
          </View>
          <Picker mode="selector" range={QUARTERS.map((q) => `第 ${q} 季度`)} value={quarter - 1} onChange={(e) => setQuarter(Number(e.detail.value) + 1)}>
            <View className="lp__picker">
              <Text className="lp__picker-label">季度</Text>
              <Text className="lp__picker-value">
                {year} 年第 {quarter} 季度
              </Text>
            </View>
          </Picker>
          <Picker mode="selector" range={targets.map((t) => t.name)} onChange={(e) => setTargetId(targets[Number(e.detail.value)]?.id ?? null)}>
            <View className="lp__picker" data-testid="ledger-target">
              <Text className="lp__picker-label">{kind === 'section' ? '处室' : '支部'}</Text>
              <Text className="lp__picker-value">{target?.name ?? '请选择'}</Text>
            </View>
          </Picker>
          {target ? <QuarterLedger kind={kind} targetId={target.id} year={year} quarter={quarter} /> : null}
          <Textarea
            className="lp__textarea"
            data-testid="ledger-findings"
            value={findings}
            maxlength={2000}
            placeholder={kind === 'section' ? '处务会是否按时召开、记录是否完整（传达、总结、布置）……' : '支部活动是否每月开展、记录本是否及时完整、党费收缴……'}
            onInput={(e) => setFindings(e.detail.value)}
          />
          {error ? <Text className="lp__error" data-testid="ledger-error">{error}</Text> : null}
          {done ? <Text className="lp__ok" data-testid="ledger-done">{done}</Text> : null}
          <View className="lp__action">
            <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="ledger-save">
              登记抽查结果
            </Button>
          </View>
        </View>
      ) : null}
      {checks.status === 'loading' ? <StateView kind="loading" /> : null}
      {checks.status === 'error' || checks.status === 'offline' ? <StateView kind={checks.status} description={checks.error} onRetry={checks.reload} /> : null}
      {checks.status === 'success' && checks.data.length === 0 ? <StateView kind="empty" title={`${year} 年还没有季度抽查记录`} /> : null}
      {checks.status === 'success'
        ? byQuarter(checks.data).map(({ q, rows }) => (
            <View key={q}>
              <Text className="section-title">
                第 {q} 季度 · {rows.length} 项
              </Text>
              <View className="list-group">
                {rows.map((c) => (
                  <View key={c.id} className="list-row" data-testid={`ledger-check-${c.kind}-${c.targetId}`}>
                    <View className="list-row__main">
                      <Text className="list-row__title">
                        {c.targetName}
                        <Text className="badge">{KIND_LABELS[c.kind]}</Text>
                      </Text>
                      <Text className="list-row__sub">有记录 {c.recordsFound} 次 · {c.findings}</Text>
                    </View>
                  </View>
                ))}
              </View>
            </View>
          ))
        : null}
    </View>
  );
}

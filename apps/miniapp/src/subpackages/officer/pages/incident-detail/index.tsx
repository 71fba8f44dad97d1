import Taro, { useDidShow } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { APPEAL_STATUS_LABELS, INCIDENT_STATUS_LABELS, VARIANT_LABELS } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { platform } from '../../../../platform';
import { errorMessage } from '../../../../services/http';
import { appealIncident, decideAppeal, dismissIncident, evidenceUrl, getIncident, uploadEvidence, verifyIncident } from '../../../../services/records.api';
import '../records.scss';

/** An instant in the phone's local time, "YYYY-MM-DD HH:mm". */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ACTIONS: Record<string, string> = { record: '记录', verify: '核实', dismiss: '撤销', appeal: '申诉', 'appeal-upheld': '申诉成立', 'appeal-rejected': '申诉驳回' };

/** One incident: facts, cost, evidence, every transition; the person's 申诉 form; the office's decisions. */
export default function IncidentDetailPage() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const { me } = useSession();
  const item = useAsync(() => getIncident(id), [id]);
  useDidShow(() => item.reload());
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [appealFiles, setAppealFiles] = useState<string[]>([]);

  if (item.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (item.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={item.reload} /></View>;
  if (item.status === 'error') return <View className="page"><StateView kind="error" description={item.error} onRetry={item.reload} /></View>;
  const i = item.data;
  const office = me?.role === 'office';
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setText('');
      item.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const addAppealPhoto = async () => {
    try {
      const photo = await platform.choosePhoto();
      if (!photo) return;
      setBusy(true);
      const fileId = await uploadEvidence(photo);
      setAppealFiles((f) => [...f, fileId]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page rec">
      <View className="card">
        <View className="rec__item-head">
          <Text className="rec__title" data-testid="incident-rule">{i.rule}{i.variant ? `（${VARIANT_LABELS[i.variant] ?? i.variant}）` : ''}</Text>
          <Text className="badge" data-testid="incident-status">{i.appealStatus === 'open' ? APPEAL_STATUS_LABELS.open : INCIDENT_STATUS_LABELS[i.status]}</Text>
        </View>
        <Text className="rec__text">{i.ruleText}</Text>
        <Text className="rec__cost">{i.cost}</Text>
        <Text className="rec__meta">当事人：{i.personName}（{i.sectionName}） · {i.date}</Text>
        <Text className="rec__text">{i.description}</Text>
        <Text className="rec__meta">{i.counted ? '计入成绩' : i.appealStatus === 'open' ? '申诉期间暂不计分' : '不计分'}</Text>
      </View>

      <Text className="section-title">证据（{i.fileIds.length}）</Text>
      <View className="card" data-testid="incident-evidence">
        <EvidenceFiles files={i.files ?? []} pdfUrl={(f) => evidenceUrl(i.id, f.id)} emptyText="未附证据" />
      </View>

      <Text className="section-title">流转记录</Text>
      <View className="card">
        {i.transitions.map((t, n) => (
          <Text key={n} className="rec__meta">{localTime(t.at)} {t.actorName} {ACTIONS[t.action] ?? t.action}{t.note ? `：${t.note}` : ''}</Text>
        ))}
        {i.appeals.map((a) => (
          <View key={a.id} data-testid="appeal-item">
            <Text className="rec__text">申诉理由：{a.reason}（{APPEAL_STATUS_LABELS[a.status]}{a.decisionNote ? `：${a.decisionNote}` : ''}）</Text>
            {(a.files ?? []).length > 0 && (
              <View className="rec__appeal-files">
                <EvidenceFiles files={a.files} pdfUrl={(f) => evidenceUrl(i.id, f.id)} testId="appeal-evidence" />
              </View>
            )}
          </View>
        ))}
      </View>

      {i.canAppeal && i.personId === me?.id && (
        <View className="card">
          <Text className="rec__title">申诉（{i.appealDeadline} 前）</Text>
          <Textarea className="rec__textarea" data-testid="appeal-reason" placeholder="申诉理由：请说明事实与依据" value={text} onInput={(e) => setText(e.detail.value)} />
          <View className="rec__photos rec__appeal-files">
            {appealFiles.map((f, n) => (
              <Text key={f} className="badge">照片 {n + 1}</Text>
            ))}
            <Button size="small" disabled={busy || appealFiles.length >= 9} data-testid="appeal-add-photo" onClick={() => void addAppealPhoto()}>添加证据照片</Button>
          </View>
          <View className="main-action">
            <Button type="primary" block loading={busy} data-testid="appeal-submit" onClick={() => run(async () => { await appealIncident(i.id, text.trim(), appealFiles); setAppealFiles([]); })}>提交申诉</Button>
          </View>
        </View>
      )}
      {office && i.status === 'pending' && (
        <View className="rec__actions">
          <Button type="primary" loading={busy} data-testid="detail-verify" onClick={() => run(() => verifyIncident(i.id))}>核实计分</Button>
          <Button loading={busy} onClick={() => run(() => dismissIncident(i.id))}>撤销</Button>
        </View>
      )}
      {office && i.appealStatus === 'open' && (
        <View className="card">
          <Text className="rec__title">处理申诉</Text>
          <Textarea className="rec__textarea" data-testid="decision-note" placeholder="处理意见" value={text} onInput={(e) => setText(e.detail.value)} />
          <View className="rec__actions">
            <Button type="primary" loading={busy} onClick={() => run(() => decideAppeal(i.id, 'upheld', text.trim()))}>申诉成立（撤销）</Button>
            <Button loading={busy} onClick={() => run(() => decideAppeal(i.id, 'rejected', text.trim()))}>驳回</Button>
          </View>
        </View>
      )}
      {error && <Text className="notice notice--warning">{error}</Text>}
    </View>
  );
}

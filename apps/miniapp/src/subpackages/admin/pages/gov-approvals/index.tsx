import { useDidShow } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { APPLICATION_STATUS_LABELS, type ActivityApplicationDto, type OverlapGroupDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { applicationOverlaps, decideApplication, listApplications, mergeApplications } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

function period(a: ActivityApplicationDto): string {
  return a.endDate !== a.plannedDate ? `${chineseDate(a.plannedDate)}至${chineseDate(a.endDate)}` : chineseDate(a.plannedDate);
}

/** A suggested merge: pick the application to keep, write the note to the applicants, merge. */
function OverlapCard({ group, onDone }: { group: OverlapGroupDto; onDone: (message: string) => void }) {
  const [primaryId, setPrimaryId] = useState(group.ids[0]!);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      const kept = await mergeApplications({ primaryId, mergedIds: group.ids.filter((id) => id !== primaryId), note: note.trim() });
      onDone(`已合并为“${kept.title}”（${kept.sectionName}组织），已通知各申请处室`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid={`overlap-${group.ids[0]}`}>
      <Text className="section-title">可能重叠 · 建议合并</Text>
      <Text className="gv__warn">{group.reason}</Text>
      <Text className="gv__field">保留（统一组织）的申请</Text>
      <View className="gv__chips">
        {group.applications.map((a) => (
          <View key={a.id} className={`gv__chip ${primaryId === a.id ? 'gv__chip--on' : ''}`} data-testid={`overlap-primary-${a.id}`} onClick={() => setPrimaryId(a.id)}>
            {a.sectionName}：{a.title}（{period(a)}）
          </View>
        ))}
      </View>
      <Textarea className="gv__textarea" value={note} maxlength={500} placeholder="合并说明（将告知各申请处室）" data-testid={`overlap-note-${group.ids[0]}`} onInput={(e) => setNote(e.detail.value)} />
      {error ? <Text className="gv__error">{error}</Text> : null}
      <View className="gv__action">
        <Button type="primary" block size="large" loading={busy} disabled={note.trim().length < 2} onClick={merge} data-testid={`overlap-merge-${group.ids[0]}`}>
          合并这 {group.ids.length} 项
        </Button>
      </View>
    </View>
  );
}

function PendingCard({ a, onDone }: { a: ActivityApplicationDto; onDone: (message: string) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'approved' | 'rejected') => {
    if (decision === 'rejected' && !note.trim()) {
      setError('不予批准时请写明原因');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await decideApplication(a.id, decision, note.trim() || undefined);
      onDone(decision === 'approved' ? `已批准“${a.title}”` : `“${a.title}”未予批准，已通知${a.sectionName}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid={`approval-${a.id}`}>
      <Text className="section-title">
        {a.sectionName} · {a.kindLabel} · {a.title}
      </Text>
      <Text className="gv__hint">
        {period(a)} · 对象：{a.targetUnits.join('、')} · 预计 {a.expectedAttendees} 人
      </Text>
      <Text className="gv__body">{a.reason}</Text>
      <Textarea className="gv__textarea" value={note} maxlength={500} placeholder="审批意见（不予批准时必填）" onInput={(e) => setNote(e.detail.value)} />
      {error ? <Text className="gv__error">{error}</Text> : null}
      <View className="gv__row">
        <Button type="primary" size="large" style={{ flex: 1 }} loading={busy} onClick={() => decide('approved')} data-testid={`approval-approve-${a.id}`}>
          批准
        </Button>
        <Button size="large" style={{ flex: 1 }} disabled={busy} onClick={() => decide('rejected')} data-testid={`approval-reject-${a.id}`}>
          不予批准
        </Button>
      </View>
    </View>
  );
}

/** 会议、检查、评比审批: suggested merges first, then each pending application; the decided ones below. */
export default function GovApprovalsPage() {
  const [tab, setTab] = useState<'pending' | 'done'>('pending');
  const overlaps = useAsync(applicationOverlaps, []);
  const list = useAsync(() => listApplications(), []);
  const [done, setDone] = useState<string | null>(null);
  useDidShow(() => {
    overlaps.reload();
    list.reload();
  });
  const finish = (message: string) => {
    setDone(message);
    overlaps.reload();
    list.reload();
  };
  const pending = list.status === 'success' ? list.data.filter((a) => a.status === 'pending') : [];
  const decided = list.status === 'success' ? list.data.filter((a) => a.status !== 'pending') : [];
  return (
    <View className="page">
      <View className="gv__tabs">
        <View className={`gv__tab ${tab === 'pending' ? 'gv__tab--on' : ''}`} data-testid="approvals-tab-pending" onClick={() => setTab('pending')}>
          待审批 {pending.length || ''}
        </View>
        <View className={`gv__tab ${tab === 'done' ? 'gv__tab--on' : ''}`} data-testid="approvals-tab-done" onClick={() => setTab('done')}>
          已处理
        </View>
      </View>
      {done ? <Text className="gv__ok" data-testid="approvals-done">{done}</Text> : null}
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {tab === 'pending' && list.status === 'success' ? (
        <View>
          {overlaps.status === 'success'
            ? overlaps.data.groups.map((g) => <OverlapCard key={g.ids.join('-')} group={g} onDone={finish} />)
            : null}
          {overlaps.status === 'error' || overlaps.status === 'offline' ? <StateView kind={overlaps.status} title="重叠提示加载失败" description={overlaps.error} onRetry={overlaps.reload} /> : null}
          {pending.length === 0 ? <StateView kind="empty" title="没有待审批的申请" /> : pending.map((a) => <PendingCard key={a.id} a={a} onDone={finish} />)}
        </View>
      ) : null}
      {tab === 'done' && list.status === 'success' ? (
        decided.length === 0 ? (
          <StateView kind="empty" title="暂无已处理的申请" />
        ) : (
          <View className="list-group">
            {decided.map((a) => (
              <View key={a.id} className="list-row" data-testid={`decided-${a.id}`}>
                <View className="list-row__main">
                  <Text className="list-row__title">
                    {a.sectionName} · {a.title}
                    <Text className={`badge ${a.status === 'approved' ? 'badge--green' : a.status === 'rejected' ? 'badge--red' : 'badge--grey'}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
                  </Text>
                  <Text className="list-row__sub">
                    {period(a)}
                    {a.mergedFrom.length ? ` · 并入 ${a.mergedFrom.map((m) => m.title).join('、')}` : ''}
                    {a.mergedIntoTitle ? ` · 并入“${a.mergedIntoTitle}”` : ''}
                    {a.decisionNote ? ` · ${a.decisionNote}` : ''}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        )
      ) : null}
    </View>
  );
}

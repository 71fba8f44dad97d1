import Taro from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { BREAK_STATUS_LABELS, COORDINATION_STATUS_LABELS, type CoordinationDto, type PersonDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { acknowledgeCoordination, clearBreak, completeCoordination, confirmBreak, getCoordination } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { getSectionMembers } from '../../../../services/org.api';
import { chineseDate, chineseDateTime, isoDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const INCIDENT_DETAIL = '/subpackages/officer/pages/incident-detail/index';

async function membersOf(sectionIds: string[]): Promise<PersonDto[]> {
  const lists = await Promise.all(sectionIds.map((id) => getSectionMembers(id, isoDate())));
  return lists.flatMap((m) => [m.chief, ...m.deputies, ...m.staff].filter((p): p is PersonDto => !!p));
}

function PersonPicker({ people, value, onChange, placeholder, testId }: { people: PersonDto[]; value: string; onChange: (id: string) => void; placeholder: string; testId: string }) {
  const index = people.findIndex((p) => p.id === value);
  return (
    <Picker mode="selector" range={people.map((p) => `${p.name}（${p.sectionName ?? ''}）`)} value={Math.max(0, index)} onChange={(e) => onChange(people[Number(e.detail.value)]?.id ?? '')}>
      <View className="gv__picker" data-testid={testId}>
        <Text>{index >= 0 ? people[index]!.name : placeholder}</Text>
        <Text className="muted">›</Text>
      </View>
    </Picker>
  );
}

/** The actions open to the caller: sign for it (naming the 经办人), complete it, or — the office — confirm or clear a break. */
function Actions({ r, onDone }: { r: CoordinationDto; onDone: (message: string) => void }) {
  const { me } = useSession();
  const office = me?.role === 'office';
  const people = useAsync(() => (r.canAcknowledge ? membersOf([r.toSectionId]) : office && r.canReview ? membersOf([r.toSectionId, r.fromSectionId]) : Promise.resolve([])), [r.id, r.canAcknowledge, r.canReview]);
  const [personId, setPersonId] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setText('');
      onDone(message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const list = people.status === 'success' ? people.data : [];
  const err = error ? <Text className="gv__error" data-testid="coordination-action-error">{error}</Text> : null;
  if (r.canAcknowledge) {
    return (
      <View className="card">
        <Text className="section-title">签收</Text>
        <Text className="gv__field">经办人（默认本人）</Text>
        <PersonPicker people={list} value={personId} onChange={setPersonId} placeholder="本人" testId="coordination-handler" />
        {err}
        <View className="gv__action">
          <Button type="primary" block size="large" loading={busy} onClick={() => run(() => acknowledgeCoordination(r.id, personId || undefined), '已签收')} data-testid="coordination-acknowledge">
            签收并交经办人办理
          </Button>
        </View>
      </View>
    );
  }
  if (r.canComplete) {
    return (
      <View className="card">
        <Text className="section-title">办结</Text>
        <Textarea className="gv__textarea" value={text} maxlength={1000} placeholder="办理结果" data-testid="coordination-result" onInput={(e) => setText(e.detail.value)} />
        {err}
        <View className="gv__action">
          <Button type="primary" block size="large" loading={busy} disabled={text.trim().length < 2} onClick={() => run(() => completeCoordination(r.id, text.trim()), '已办结，已通知发起处室')} data-testid="coordination-complete">
            办结
          </Button>
        </View>
      </View>
    );
  }
  if (office && r.canReview) {
    return (
      <View className="card" data-testid="coordination-review">
        <Text className="section-title">考评办核查</Text>
        <Text className="gv__hint">认定脱节断档将按 JI-2“处室衔接脱节断档”记录考评事件（待核实，可申诉）：经办人 −5，处长、副处长各 −2。</Text>
        <Text className="gv__field">责任人（默认：接收处室经办人；未指定经办人时为接收处室处长）</Text>
        <PersonPicker people={list} value={personId} onChange={setPersonId} placeholder="按默认" testId="coordination-responsible" />
        <Textarea className="gv__textarea" value={text} maxlength={500} placeholder="认定理由或核查说明" data-testid="coordination-review-note" onInput={(e) => setText(e.detail.value)} />
        {err}
        <View className="gv__action">
          <Button type="primary" block size="large" loading={busy} disabled={text.trim().length < 5} onClick={() => run(() => confirmBreak(r.id, text.trim(), personId || undefined), '已认定脱节断档，考评事件待核实')} data-testid="coordination-confirm-break">
            认定脱节断档
          </Button>
        </View>
        {r.breakStatus === 'awaiting' ? (
          <View className="gv__action">
            <Button block size="large" disabled={busy || text.trim().length < 2} onClick={() => run(() => clearBreak(r.id, text.trim()), '已核查为不属脱节')} data-testid="coordination-clear">
              不属脱节
            </Button>
          </View>
        ) : null}
      </View>
    );
  }
  return null;
}

/** One coordination record with its history and the caller's next step. */
export default function GovCoordinationDetailPage() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const item = useAsync(() => getCoordination(id), [id]);
  const [done, setDone] = useState<string | null>(null);
  if (item.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (item.status === 'error' || item.status === 'offline') return <View className="page"><StateView kind={item.status} description={item.error} onRetry={item.reload} /></View>;
  const r = item.data;
  return (
    <View className="page">
      {done ? <Text className="gv__ok" data-testid="coordination-done">{done}</Text> : null}
      <View className="card" data-testid="coordination-card">
        <Text className="section-title">
          {r.matter}
          <Text className={`badge ${r.status === 'completed' ? 'badge--green' : ''}`}>{COORDINATION_STATUS_LABELS[r.status]}</Text>
          {r.overdue ? <Text className="badge badge--red">逾期</Text> : null}
          {r.late ? <Text className="badge badge--red">逾期办结</Text> : null}
        </Text>
        <Text className="gv__body">{r.detail}</Text>
        <Text className="gv__hint">
          {r.fromSectionName} → {r.toSectionName} · 办结时限 {chineseDate(r.deadline)}
        </Text>
        <Text className="gv__hint">
          联系人 {r.contactName} {r.contactPhone} · {r.createdByName}发起于 {chineseDateTime(r.createdAt)}
        </Text>
        {r.handlerName ? <Text className="gv__hint">经办人 {r.handlerName}{r.acknowledgedAt ? ` · ${chineseDateTime(r.acknowledgedAt)}签收` : ''}</Text> : null}
        {r.completedOn ? <Text className="gv__hint">{chineseDate(r.completedOn)}办结：{r.result}</Text> : null}
        {r.breakStatus ? (
          <Text className={r.breakStatus === 'cleared' ? 'gv__ok' : 'gv__warn'} data-testid="coordination-break">
            {BREAK_STATUS_LABELS[r.breakStatus]}
            {r.responsiblePersonName ? `：责任人 ${r.responsiblePersonName}` : ''}
            {r.breakNote ? `。${r.breakNote}` : ''}
          </Text>
        ) : null}
        {r.incidentId ? (
          <Text className="gv__link" onClick={() => void Taro.navigateTo({ url: `${INCIDENT_DETAIL}?id=${r.incidentId}` })} data-testid="coordination-incident">
            查看考评事件（JI-2） ›
          </Text>
        ) : null}
      </View>
      <Actions
        key={`${r.status}-${r.breakStatus ?? ''}`}
        r={r}
        onDone={(m) => {
          setDone(m);
          item.reload();
        }}
      />
    </View>
  );
}

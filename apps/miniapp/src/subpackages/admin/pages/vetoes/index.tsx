import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { VETO_REASON_LABELS, VETO_REASONS, type PersonDto, type VetoReason } from '@kaoping/contracts';
import wubiScheme from '@seeds/schemes/wubi.json';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { createVeto, listVetoes } from '../../../../services/records.api';
import { DateField, loadWubiPeople, PersonPicker, PhotoField, Tabs, today, type PickedPhoto } from '../wubi-shared';
import '../wubi.scss';

type Tab = 'list' | 'new';

const CONSEQUENCE = '一票否决：该科室负责人年度等次为不称职';

/** The full clause of each reason (seed 002 附件2 四), from the scheme. */
const CLAUSES = new Map((wubiScheme.rules as { id: string; text: string }[]).filter((r) => r.id.startsWith('WB-V')).map((r) => [r.id.slice(3), r.text]));

/** 一票否决 (WB-V1..V5), office only: the year's vetoes and the form, with the consequence spelt out. */
export default function VetoesPage() {
  const year = new Date().getFullYear();
  const [tab, setTab] = useState<Tab>('list');
  const data = useAsync(() => listVetoes(year), [year]);

  return (
    <View className="page wr">
      <Tabs
        tabs={[
          { key: 'list', label: `${year} 年记录` },
          { key: 'new', label: '录入否决' },
        ]}
        value={tab}
        onChange={setTab}
        testId="veto-tab"
      />
      {tab === 'new' ? (
        <NewVeto
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
          {data.status === 'success' && data.data.length === 0 && <StateView kind="empty" title={`${year} 年没有一票否决记录`} />}
          {data.status === 'success' &&
            data.data.map((v) => (
              <View key={v.id} className="card" data-testid={`veto-${v.id}`}>
                <View className="wr__c-head">
                  <Text className="wr__c-name">
                    {v.personName} · {v.reason} {VETO_REASON_LABELS[v.reason]}
                  </Text>
                </View>
                <Text className="wr__meta">{v.date}</Text>
                <Text className="wr__text">{v.description}</Text>
                {(v.files ?? []).length > 0 && (
                  <View className="wr__evidence">
                    <EvidenceFiles files={v.files} />
                  </View>
                )}
                <Text className="wr__consequence">{CONSEQUENCE}</Text>
              </View>
            ))}
        </>
      )}
    </View>
  );
}

function NewVeto({ onSaved }: { onSaved: () => void }) {
  const people = useAsync(loadWubiPeople, []);
  const [reason, setReason] = useState<VetoReason | null>(null);
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [date, setDate] = useState(today());
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (people.status === 'loading') return <StateView kind="loading" />;
  if (people.status === 'offline') return <StateView kind="offline" onRetry={people.reload} />;
  if (people.status === 'error') return <StateView kind="error" description={people.error} onRetry={people.reload} />;

  const submit = async () => {
    setError(null);
    if (!reason) return setError('请选择否决情形');
    if (!person) return setError('请选择涉及的人员');
    if (description.trim().length < 4) return setError('请填写情况说明（至少 4 个字）');
    const ok = await Taro.showModal({ title: '确认一票否决', content: `${person.name}（${person.sectionName}）：${VETO_REASON_LABELS[reason]}。${CONSEQUENCE}。`, confirmText: '确认录入', confirmColor: '#c8161d' });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      await createVeto({ personId: person.id, reason, date, description: description.trim(), fileIds: files.map((f) => f.id) });
      void Taro.showToast({ title: '已录入', icon: 'success' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="veto-form">
      <Text className="section-title">否决情形</Text>
      <View>
        {VETO_REASONS.map((r) => (
          <View key={r} className={`wr__reason${reason === r ? ' wr__reason--on' : ''}`} data-testid={`veto-reason-${r}`} onClick={() => setReason(r)}>
            <Text className="wr__reason-code">{r}</Text>
            <Text>{VETO_REASON_LABELS[r]}</Text>
            {reason === r && CLAUSES.get(r) && <Text className="wr__hint">{CLAUSES.get(r)}</Text>}
          </View>
        ))}
      </View>
      <Text className="section-title">涉及人员（参评科室的科长或科员）</Text>
      <View className="card">
        <PersonPicker people={people.data.people} value={person} onChange={setPerson} testId="veto-person" />
      </View>
      <Text className="section-title">情况与证据</Text>
      <View className="card">
        <DateField label="认定日期" value={date} onChange={setDate} testId="veto-date" />
        <Text className="wr__field">情况说明</Text>
        <Textarea className="wr__textarea" data-testid="veto-description" placeholder="处分决定、通报或查实情况" value={description} maxlength={1000} onInput={(e) => setDescription(e.detail.value)} />
        <Text className="wr__field">证据（处分决定、通报等，可选）</Text>
        <PhotoField files={files} onChange={setFiles} onError={setError} label="添加证据" testId="veto-evidence" />
      </View>
      <Text className="wr__consequence" data-testid="veto-consequence">
        {CONSEQUENCE}
        {person ? `（${person.sectionName}）` : ''}
      </Text>
      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      <View className="main-action">
        <Button type="danger" block loading={busy} disabled={busy} data-testid="veto-submit" onClick={() => void submit()}>
          录入一票否决
        </Button>
      </View>
    </View>
  );
}

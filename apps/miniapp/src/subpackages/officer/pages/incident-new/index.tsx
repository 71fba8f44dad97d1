import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { formatCost, listRules, loadScheme, previewRuleCost } from '@kaoping/scoring';
import { INCIDENT_RULES, VARIANT_LABELS, type PersonDto } from '@kaoping/contracts';
import jiguanScheme from '@seeds/schemes/jiguan.json';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { platform } from '../../../../platform';
import { errorMessage } from '../../../../services/http';
import { listPeople } from '../../../../services/org.api';
import { createIncident, uploadEvidence } from '../../../../services/records.api';
import '../records.scss';

const scheme = loadScheme(jiguanScheme);
const RULES = listRules(scheme).filter((r) => (INCIDENT_RULES as readonly string[]).includes(r.id));

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 记录考评事件: rule (grouped by dimension), person, date, facts, evidence photos, and the live cost preview. */
export default function IncidentNewPage() {
  const people = useAsync(() => listPeople(), []);
  const [rule, setRule] = useState<string | null>(null);
  const [variant, setVariant] = useState<string | undefined>();
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [search, setSearch] = useState('');
  const [date, setDate] = useState(today());
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<{ id: string; preview: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const groups = useMemo(() => {
    const out: { label: string; rules: typeof RULES }[] = [];
    for (const r of RULES) {
      let g = out.find((x) => x.label === r.dimensionLabel);
      if (!g) out.push((g = { label: r.dimensionLabel, rules: [] }));
      g.rules.push(r);
    }
    return out;
  }, []);
  const ruleDef = scheme.rules.find((r) => r.id === rule);
  const variants = Object.keys(ruleDef?.variants ?? {});
  const cost = useMemo(() => {
    if (!rule) return '';
    try {
      return formatCost(previewRuleCost(scheme, rule, variant ?? (variants[0] as string | undefined)));
    } catch {
      return '';
    }
  }, [rule, variant, variants]);

  if (people.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (people.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={people.reload} /></View>;
  if (people.status === 'error') return <View className="page"><StateView kind="error" description={people.error} onRetry={people.reload} /></View>;

  const matches = people.data.filter((p) => p.sectionId && (!search || p.name.includes(search) || p.id === search)).slice(0, search ? 20 : 8);

  const addPhoto = async () => {
    try {
      const photo = await platform.choosePhoto();
      if (!photo) return;
      setBusy(true);
      const id = await uploadEvidence(photo);
      setFiles((f) => [...f, { id, preview: photo.preview }]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setError(null);
    if (!rule) return setError('请选择考评细则');
    if (!person) return setError('请选择当事人');
    if (description.trim().length < 4) return setError('请填写事实经过（至少 4 个字）');
    setBusy(true);
    try {
      const created = await createIncident({ rule, variant: variants.length ? (variant ?? variants[0]) : undefined, personId: person.id, date, description: description.trim(), fileIds: files.map((f) => f.id) });
      void Taro.showToast({ title: '已记录，待核实', icon: 'success' });
      void Taro.redirectTo({ url: `/subpackages/officer/pages/incident-detail/index?id=${created.id}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page rec">
      <Text className="section-title">1. 考评细则</Text>
      {groups.map((g) => (
        <View key={g.label} className="card rec__group">
          <Text className="rec__group-title">{g.label}</Text>
          <View className="rec__chips">
            {g.rules.map((r) => (
              <View key={r.id} data-testid={`rule-${r.id}`} className={`rec__chip${rule === r.id ? ' rec__chip--on' : ''}`} onClick={() => { setRule(r.id); setVariant(undefined); }}>
                <Text>{r.id}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {rule && (
        <View className="card" data-testid="rule-preview">
          <Text className="rec__rule-text">{ruleDef?.text}</Text>
          {variants.length > 1 && (
            <View className="rec__chips">
              {variants.map((v) => (
                <View key={v} className={`rec__chip${(variant ?? variants[0]) === v ? ' rec__chip--on' : ''}`} onClick={() => setVariant(v)}>
                  <Text>{VARIANT_LABELS[v] ?? v}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className="rec__cost" data-testid="cost-preview">扣分：{cost || '—'}</Text>
        </View>
      )}

      <Text className="section-title">2. 当事人</Text>
      <View className="card">
        {person ? (
          <View className="rec__picked">
            <Text data-testid="picked-person">{person.name}（{person.sectionName}）</Text>
            <Text className="rec__link" onClick={() => setPerson(null)}>更换</Text>
          </View>
        ) : (
          <>
            <Input className="rec__input" data-testid="person-search" placeholder="输入姓名搜索" value={search} onInput={(e) => setSearch(e.detail.value)} />
            {matches.map((p) => (
              <View key={p.id} className="list-row" data-testid={`person-${p.id}`} onClick={() => setPerson(p)}>
                <Text className="list-row__title">{p.name}</Text>
                <Text className="muted">{p.sectionName}</Text>
              </View>
            ))}
            {matches.length === 0 && <Text className="muted">没有找到，请换个关键字</Text>}
          </>
        )}
      </View>

      <Text className="section-title">3. 发生日期与事实</Text>
      <View className="card">
        <Input className="rec__input" data-testid="incident-date" value={date} placeholder="YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
        <Textarea className="rec__textarea" data-testid="incident-description" placeholder="事实经过：时间、地点、经过、影响" value={description} maxlength={1000} onInput={(e) => setDescription(e.detail.value)} />
      </View>

      <Text className="section-title">4. 证据照片（可选）</Text>
      <View className="card rec__photos">
        {files.map((f, i) => (
          <Text key={f.id} className="badge">照片 {i + 1}</Text>
        ))}
        <Button size="small" disabled={busy || files.length >= 9} onClick={addPhoto}>添加照片</Button>
      </View>

      {error && <Text className="notice notice--warning" data-testid="form-error">{error}</Text>}
      <View className="main-action">
        <Button type="primary" block loading={busy} disabled={busy} data-testid="incident-submit" onClick={submit}>
          提交（待考评办核实）
        </Button>
      </View>
    </View>
  );
}

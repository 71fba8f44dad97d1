import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { COMMENDATION_LEVEL_LABELS, COMMENDATION_LEVELS, type CommendationDto, type CommendationLevel, type PersonDto } from '@kaoping/contracts';
import wubiScheme from '@seeds/schemes/wubi.json';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { createCommendation, listCommendations } from '../../../../services/records.api';
import { DateField, loadWubiPeople, PersonPicker, PhotoField, Tabs, today, type PickedPhoto } from '../wubi-shared';
import '../wubi.scss';

type Tab = 'list' | 'new';

/** Points per level (WB-B1), from the scheme: city 0.5, provincial 3, central 5. */
const B1 = (wubiScheme.rules as { id: string; variants?: Record<string, { chief: number }> }[]).find((r) => r.id === 'WB-B1')?.variants ?? {};
function levelPoints(level: CommendationLevel): number {
  return B1[level]?.chief ?? 0;
}

interface MatterGroup {
  matter: string;
  items: CommendationDto[];
  /** The higher-level commendation that counts (WB-B1); null when only 本单位 ones. */
  counted: CommendationDto | null;
}

/** Same matter at several levels counts once, at the highest (本单位 WB-B2 is scored on its own). */
function groupByMatter(rows: CommendationDto[]): MatterGroup[] {
  const groups = new Map<string, CommendationDto[]>();
  for (const c of rows) groups.set(c.matter, [...(groups.get(c.matter) ?? []), c]);
  return [...groups].map(([matter, items]) => {
    const upper = items.filter((c) => c.level !== 'unit');
    const counted = upper.reduce<CommendationDto | null>((best, c) => (!best || levelPoints(c.level) > levelPoints(best.level) ? c : best), null);
    return { matter, items, counted };
  });
}

/** 表彰加分 (WB-B1/B2): the year's commendations grouped by matter; the office records one. Leaders read. */
export default function CommendationsPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const year = new Date().getFullYear();
  const [tab, setTab] = useState<Tab>('list');
  const data = useAsync(() => listCommendations(year), [year]);

  return (
    <View className="page wr">
      {office && (
        <Tabs
          tabs={[
            { key: 'list', label: `${year} 年表彰` },
            { key: 'new', label: '录入表彰' },
          ]}
          value={tab}
          onChange={setTab}
          testId="comm-tab"
        />
      )}
      {tab === 'new' && office ? (
        <NewCommendation
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
          {data.status === 'success' && data.data.length === 0 && <StateView kind="empty" title={`${year} 年暂无表彰记录`} description={office ? '点上方“录入表彰”添加' : undefined} />}
          {data.status === 'success' && data.data.length > 0 && (
            <>
              <Text className="notice">同一事项受到不同层次表彰的，就高计算，不重复加分；以年度文号为准。</Text>
              {groupByMatter(data.data).map((g) => (
                <View key={g.matter} className="card" data-testid={`matter-${g.matter}`}>
                  <Text className="wr__matter">{g.matter}</Text>
                  {g.items.map((c) => {
                    const counts = c.level === 'unit' || g.counted?.id === c.id;
                    return (
                      <View key={c.id} className="wr__c-row" data-testid={`commendation-${c.id}`}>
                        <View className="wr__c-head">
                          <Text className="wr__c-name">
                            {c.personName} · {COMMENDATION_LEVEL_LABELS[c.level]}
                          </Text>
                          <Text className={counts ? 'wr__counted' : 'wr__not-counted'}>{counts ? `计 +${c.level === 'unit' ? (c.points ?? 0) : levelPoints(c.level)} 分` : '同事项不重复计分'}</Text>
                        </View>
                        <Text className="wr__meta">
                          {c.date}
                          {c.docNo ? ` · ${c.docNo}` : ''}
                        </Text>
                        {c.reason && <Text className="wr__text">加分理由：{c.reason}</Text>}
                        {(c.files ?? []).length > 0 && (
                          <View className="wr__evidence">
                            <EvidenceFiles files={c.files} />
                          </View>
                        )}
                      </View>
                    );
                  })}
                </View>
              ))}
            </>
          )}
        </>
      )}
    </View>
  );
}

function NewCommendation({ onSaved }: { onSaved: () => void }) {
  const people = useAsync(loadWubiPeople, []);
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [matter, setMatter] = useState('');
  const [level, setLevel] = useState<CommendationLevel>('city');
  const [docNo, setDocNo] = useState('');
  const [date, setDate] = useState(today());
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (people.status === 'loading') return <StateView kind="loading" />;
  if (people.status === 'offline') return <StateView kind="offline" onRetry={people.reload} />;
  if (people.status === 'error') return <StateView kind="error" description={people.error} onRetry={people.reload} />;
  const unit = level === 'unit';

  const submit = async () => {
    setError(null);
    if (!person) return setError('请选择受表彰的人员');
    if (matter.trim().length < 2) return setError('请填写表彰事项');
    if (!unit && docNo.trim().length < 2) return setError('请填写表彰文件的文号');
    const n = Number(points);
    if (unit && (!points.trim() || !Number.isFinite(n) || n < 0.1 || n > 10)) return setError('本单位表彰请填写加分（0.1–10）');
    if (unit && reason.trim().length < 2) return setError('本单位表彰请填写加分理由');
    setBusy(true);
    try {
      await createCommendation({
        personId: person.id,
        level,
        matter: matter.trim(),
        docNo: docNo.trim() || undefined,
        date,
        points: unit ? n : undefined,
        reason: unit ? reason.trim() : undefined,
        fileIds: files.map((f) => f.id),
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
    <View data-testid="commendation-form">
      <Text className="section-title">受表彰人员（参评科室的科长或科员）</Text>
      <View className="card">
        <PersonPicker people={people.data.people} value={person} onChange={setPerson} testId="comm-person" />
      </View>
      <Text className="section-title">表彰内容</Text>
      <View className="card">
        <Text className="wr__field">表彰事项</Text>
        <Input className="wr__input" data-testid="comm-matter" placeholder="如：全国文明城市创建" value={matter} maxlength={200} onInput={(e) => setMatter(e.detail.value)} />
        <Text className="wr__hint">同一事项请用相同名称：不同层次的表彰只按最高一次计分。</Text>
        <Text className="wr__field">表彰级别</Text>
        <View className="wr__chips">
          {COMMENDATION_LEVELS.map((l) => (
            <View key={l} className={`wr__chip${level === l ? ' wr__chip--on' : ''}`} data-testid={`comm-level-${l}`} onClick={() => setLevel(l)}>
              <Text>
                {COMMENDATION_LEVEL_LABELS[l]}
                {l === 'unit' ? '' : ` +${levelPoints(l)}`}
              </Text>
            </View>
          ))}
        </View>
        <Text className="wr__field">文号{unit ? '（可选）' : ''}</Text>
        <Input className="wr__input" data-testid="comm-docno" placeholder="如：皖政〔2024〕12号" value={docNo} maxlength={60} onInput={(e) => setDocNo(e.detail.value)} />
        {unit && (
          <>
            <Text className="wr__field">加分（酌情，0.1–10）</Text>
            <Input className="wr__input" type="digit" data-testid="comm-points" placeholder="如：0.5" value={points} maxlength={4} onInput={(e) => setPoints(e.detail.value)} />
            <Text className="wr__field">加分理由</Text>
            <Textarea className="wr__textarea" data-testid="comm-reason" placeholder="所在单位获表彰，与本人承担工作的关联" value={reason} maxlength={500} onInput={(e) => setReason(e.detail.value)} />
          </>
        )}
        <DateField label="表彰日期" value={date} onChange={setDate} testId="comm-date" />
        <Text className="wr__field">表彰文件扫描件（可选）</Text>
        <PhotoField files={files} onChange={setFiles} onError={setError} label="添加扫描件" testId="comm-scan" />
      </View>
      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      <View className="main-action">
        <Button type="primary" block loading={busy} disabled={busy} data-testid="comm-submit" onClick={() => void submit()}>
          保存表彰
        </Button>
      </View>
    </View>
  );
}

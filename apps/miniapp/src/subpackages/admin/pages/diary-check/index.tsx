import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DiarySpotCheckDto, SectionDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { createDiarySpotCheck, diaryMonth, listDiarySpotChecks, recordSpotCheckFindings } from '../../../../services/diary.api';
import { errorMessage } from '../../../../services/http';
import { listSections } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import '../ledger-ui.scss';

const SIZES = [1, 2, 3, 5, 10];

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return isoDate(d).slice(0, 7);
}

/** One sampled person's entries for the month. */
function SampleEntries({ personId, month }: { personId: string; month: string }) {
  const data = useAsync(() => diaryMonth(personId, month), [personId, month]);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  if (data.data.entries.length === 0) return <StateView kind="empty" title="本月没有工作日记" />;
  return (
    <View data-testid="spot-entries">
      {data.data.entries.map((e) => (
        <View key={e.id} className="lp__entry">
          <Text className="lp__entry-date">
            {chineseDate(e.date)}
            {e.version > 1 ? <Text className="badge badge--grey">改过 {e.version - 1} 次</Text> : null}
          </Text>
          <Text className="lp__entry-text">{e.content}</Text>
        </View>
      ))}
    </View>
  );
}

/** A drawn check: the sample, each person's entries, and the findings (one main action: 保存抽查发现). */
function CheckDetail({ check, canWrite, onBack, onSaved }: { check: DiarySpotCheckDto; canWrite: boolean; onBack: () => void; onSaved: () => void }) {
  const [person, setPerson] = useState(check.sample[0]?.personId ?? null);
  const [findings, setFindings] = useState(check.findings ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (findings.trim().length < 2) {
      setError('请写明抽查发现，例如：抽查 2 人，1 人漏记 3 天，内容具体');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await recordSpotCheckFindings(check.id, findings.trim());
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page" data-testid="spot-detail">
      <Text className="lp__link" onClick={onBack} data-testid="spot-back">
        ‹ 返回抽查列表
      </Text>
      <View className="card">
        <Text className="section-title">
          {check.sectionName} · {check.month} · 随机抽取 {check.sample.length} 人
        </Text>
        {check.sample.map((s) => (
          <View key={s.personId} className={`lp__person ${person === s.personId ? 'lp__person--on' : ''}`} data-testid={`spot-person-${s.personId}`} onClick={() => setPerson(s.personId)}>
            <Text>{s.name}</Text>
            <Text className={s.written < s.workingDays ? 'badge badge--red' : 'badge badge--green'}>
              已记 {s.written}/{s.workingDays} 个工作日
            </Text>
          </View>
        ))}
      </View>
      {person ? (
        <View className="card">
          <Text className="section-title">{check.sample.find((s) => s.personId === person)?.name} 的工作日记</Text>
          <SampleEntries personId={person} month={check.month} />
        </View>
      ) : null}
      <View className="card">
        <Text className="section-title">抽查发现</Text>
        {canWrite ? (
          <>
            <Textarea
              className="lp__textarea"
              data-testid="spot-findings"
              value={findings}
              maxlength={2000}
              placeholder="是否每天记、内容是否具体（做了什么、为谁、结果如何）、是否事后补记……"
              onInput={(e) => setFindings(e.detail.value)}
            />
            {error ? <Text className="lp__error">{error}</Text> : null}
            {check.recordedAt ? <Text className="lp__hint">已于 {chineseDate(check.recordedAt.slice(0, 10))} 登记，可修改后重新保存</Text> : null}
            <View className="lp__action">
              <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="spot-findings-save">
                保存抽查发现
              </Button>
            </View>
          </>
        ) : (
          <Text className="lp__body">{check.findings ?? '考评办尚未登记抽查发现'}</Text>
        )}
      </View>
    </View>
  );
}

/** 考评办工作日记抽查: pick a section and month, draw people at random, read their diaries, record findings. */
export default function DiaryCheckPage() {
  const { me } = useSession();
  const canWrite = me?.role === 'office';
  const sections = useAsync(() => listSections(), []);
  const checks = useAsync(() => listDiarySpotChecks(), []);
  const [month, setMonth] = useState(lastMonth());
  const [section, setSection] = useState<SectionDto | null>(null);
  const [size, setSize] = useState(2);
  const [open, setOpen] = useState<DiarySpotCheckDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (sections.status === 'loading' || checks.status === 'loading') return <StateView kind="loading" />;
  if (sections.status !== 'success') return <StateView kind={sections.status} description={sections.error} onRetry={sections.reload} />;
  if (checks.status !== 'success') return <StateView kind={checks.status} description={checks.error} onRetry={checks.reload} />;
  if (open) {
    return (
      <CheckDetail
        key={open.id}
        check={open}
        canWrite={canWrite}
        onBack={() => {
          setOpen(null);
          checks.reload();
        }}
        onSaved={() => {
          setOpen(null);
          checks.reload();
        }}
      />
    );
  }
  const draw = async () => {
    if (!section) {
      setError('请先选择要抽查的处室');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setOpen(await createDiarySpotCheck(section.id, month, size));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const list = checks.data;
  return (
    <View className="page">
      {canWrite ? (
        <View className="card" data-testid="spot-form">
          <Text className="section-title">随机抽查工作日记</Text>
          <Picker mode="date" fields="month" value={`${month}-01`} end={isoDate()} onChange={(e) => setMonth(e.detail.value.slice(0, 7))}>
            <View className="lp__picker" data-testid="spot-month">
              <Text className="lp__picker-label">月份</Text>
              <Text className="lp__picker-value">{month}</Text>
            </View>
          </Picker>
          <Text className="lp__hint">处室</Text>
          <View className="lp__chips">
            {sections.data.map((s) => (
              <View key={s.id} className={`lp__chip ${section?.id === s.id ? 'lp__chip--on' : ''}`} data-testid={`spot-section-${s.id}`} onClick={() => setSection(s)}>
                {s.name}
              </View>
            ))}
          </View>
          <Text className="lp__hint">随机抽取人数</Text>
          <View className="lp__chips">
            {SIZES.map((n) => (
              <View key={n} className={`lp__chip lp__chip--small ${size === n ? 'lp__chip--on' : ''}`} data-testid={`spot-size-${n}`} onClick={() => setSize(n)}>
                {n} 人
              </View>
            ))}
          </View>
          {error ? <Text className="lp__error" data-testid="spot-error">{error}</Text> : null}
          <View className="lp__action">
            <Button type="primary" block size="large" loading={busy} onClick={draw} data-testid="spot-draw">
              随机抽取并查看日记
            </Button>
          </View>
        </View>
      ) : null}
      <Text className="section-title">抽查记录 · {list.length} 次</Text>
      {list.length === 0 ? <StateView kind="empty" title="还没有抽查记录" description={canWrite ? '选择月份和处室后随机抽取' : undefined} /> : null}
      <View className="list-group">
        {list.map((c) => (
          <View key={c.id} className="list-row" hoverClass="list-row--hover" data-testid={`spot-check-${c.sectionId}-${c.month}`} onClick={() => setOpen(c)}>
            <View className="list-row__main">
              <Text className="list-row__title">
                {c.month} {c.sectionName}
                {c.findings ? <Text className="badge badge--green">已登记</Text> : <Text className="badge badge--red">待登记发现</Text>}
              </Text>
              <Text className="list-row__sub">抽取：{c.sample.map((s) => `${s.name}（${s.written}/${s.workingDays}）`).join('、')}</Text>
              {c.findings ? <Text className="list-row__sub">发现：{c.findings}</Text> : null}
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

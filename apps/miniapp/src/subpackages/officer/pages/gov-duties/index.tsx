import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { LEDGER_VERSION_STATUS_LABELS, type DutyVersionDto, type SectionDutiesDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { decideDuties, getDuties, submitDuties, withdrawDuties } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { listSections } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

function VersionCard({ v, title, testId }: { v: DutyVersionDto; title: string; testId: string }) {
  return (
    <View className="card" data-testid={testId}>
      <Text className="section-title">
        {title} · 第 {v.seq} 版 · {chineseDate(v.effectiveFrom)}起施行
        <Text className={`badge ${v.status === 'approved' ? 'badge--green' : v.status === 'pending' ? '' : 'badge--grey'}`}>{LEDGER_VERSION_STATUS_LABELS[v.status]}</Text>
      </Text>
      <Text className="gv__field">定职能</Text>
      {v.duties.map((d, i) => (
        <Text key={i} className="gv__item">
          {i + 1}. {d}
        </Text>
      ))}
      {v.structure ? (
        <>
          <Text className="gv__field">定机构</Text>
          <Text className="gv__body">{v.structure}</Text>
        </>
      ) : null}
      <Text className="gv__field">定编制</Text>
      <Text className="gv__body">
        处长（主任）{v.staffing.chief} 名，副处长（副主任）{v.staffing.deputy} 名，工作人员 {v.staffing.staff} 名
      </Text>
      {v.note ? <Text className="gv__hint">说明：{v.note}</Text> : null}
      <Text className="gv__hint">
        {v.submittedByName}提交{v.decidedByName ? ` · ${v.decidedByName}审核` : ''}
        {v.decisionNote ? ` · 意见：${v.decisionNote}` : ''}
      </Text>
    </View>
  );
}

/** The section's 三定 (定职能、定机构、定编制): the version in force, the history, a new version (chief: for approval; office: at once). */
function DutiesView({ data, onDone, isOffice }: { data: SectionDutiesDto; onDone: (message: string) => void; isOffice: boolean }) {
  const base = data.pending ?? data.current;
  const [effectiveFrom, setEffectiveFrom] = useState(isoDate());
  const [duties, setDuties] = useState(base ? base.duties.join('\n') : '');
  const [structure, setStructure] = useState(base?.structure ?? '');
  const [staffing, setStaffing] = useState({ chief: String(base?.staffing.chief ?? 1), deputy: String(base?.staffing.deputy ?? 1), staff: String(base?.staffing.staff ?? 0) });
  const [note, setNote] = useState('');
  const [reviewNote, setReviewNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone(message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    run(
      () =>
        submitDuties({
          sectionId: data.sectionId,
          effectiveFrom,
          duties: duties.split('\n').map((d) => d.trim()).filter(Boolean),
          structure: structure.trim() || undefined,
          staffing: { chief: Number(staffing.chief), deputy: Number(staffing.deputy), staff: Number(staffing.staff) },
          note: note.trim() || undefined,
        }),
      isOffice ? '已登记，按生效日期施行' : '已提交考评办审核',
    );
  const h = data.headcount;
  const older = data.history.filter((v) => v.id !== data.current?.id && v.id !== data.pending?.id);
  return (
    <View>
      {error ? <Text className="gv__error" data-testid="duties-error">{error}</Text> : null}
      {data.current ? <VersionCard v={data.current} title="现行三定" testId="duties-current" /> : <StateView kind="empty" title="尚未登记三定职责" description={data.canEdit ? '请在下方登记本处室的职能、机构和编制' : undefined} />}
      {data.current ? (
        <Text className="gv__hint">
          实有人数：处长 {h.chief}、副处长 {h.deputy}、工作人员 {h.staff}
          {h.staff > data.current.staffing.staff || h.deputy > data.current.staffing.deputy ? '（超出编制）' : ''}
        </Text>
      ) : null}
      {data.pending ? (
        <View>
          <VersionCard v={data.pending} title="待审核" testId="duties-pending" />
          {isOffice ? (
            <View className="card">
              <Textarea className="gv__textarea" data-testid="duties-review-note" value={reviewNote} maxlength={500} placeholder="审核意见（退回时必填）" onInput={(e) => setReviewNote(e.detail.value)} />
              <View className="gv__action">
                <Button type="primary" block size="large" loading={busy} onClick={() => run(() => decideDuties(data.pending!.id, 'approved', reviewNote.trim() || undefined), '已批准')} data-testid="duties-approve">
                  批准
                </Button>
              </View>
              <View className="gv__action">
                <Button block size="large" disabled={busy} onClick={() => run(() => decideDuties(data.pending!.id, 'rejected', reviewNote.trim()), '已退回')} data-testid="duties-reject">
                  退回修改
                </Button>
              </View>
            </View>
          ) : data.canEdit ? (
            <Text className="gv__link" onClick={() => run(() => withdrawDuties(data.pending!.id), '已撤回')} data-testid="duties-withdraw">
              撤回待审核版本
            </Text>
          ) : null}
        </View>
      ) : null}
      {data.canEdit && (isOffice || !data.pending) ? (
        <View className="card" data-testid="duties-form">
          <Text className="section-title">{isOffice ? '登记新版本（直接生效）' : '提交新版本（考评办审核后施行）'}</Text>
          <Text className="gv__field">生效日期</Text>
          <Picker mode="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.detail.value)}>
            <View className="gv__picker">
              <Text>{effectiveFrom}</Text>
            </View>
          </Picker>
          <Text className="gv__field">定职能（每行一项职责）</Text>
          <Textarea className="gv__textarea" data-testid="duties-items" value={duties} maxlength={8000} onInput={(e) => setDuties(e.detail.value)} />
          <Text className="gv__field">定机构（内设机构、岗位）</Text>
          <Input className="gv__input" value={structure} maxlength={1000} onInput={(e) => setStructure(e.detail.value)} />
          <Text className="gv__field">定编制：处长 / 副处长 / 工作人员</Text>
          <View className="gv__row">
            {(['chief', 'deputy', 'staff'] as const).map((k) => (
              <Input key={k} className="gv__input" type="number" value={staffing[k]} data-testid={`duties-staffing-${k}`} onInput={(e) => setStaffing((s) => ({ ...s, [k]: e.detail.value }))} />
            ))}
          </View>
          <Text className="gv__field">说明（依据文号、修订原因）</Text>
          <Input className="gv__input" value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
          <View className="gv__action">
            <Button type="primary" block size="large" loading={busy} disabled={!duties.trim()} onClick={submit} data-testid="duties-submit">
              {isOffice ? '登记' : '提交审核'}
            </Button>
          </View>
        </View>
      ) : null}
      {older.length ? <Text className="section-title">历史版本</Text> : null}
      <View className="list-group">
        {older.map((v) => (
          <View key={v.id} className="list-row">
            <View className="list-row__main">
              <Text className="list-row__title">
                第 {v.seq} 版 · {chineseDate(v.effectiveFrom)}起
                <Text className="badge badge--grey">{LEDGER_VERSION_STATUS_LABELS[v.status]}</Text>
              </Text>
              <Text className="list-row__sub">
                职责 {v.duties.length} 项 · 编制 {v.staffing.chief + v.staffing.deputy + v.staffing.staff} 名{v.decisionNote ? ` · ${v.decisionNote}` : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 三定职责. Chiefs: their own section; the office and leaders pick a section. */
export default function GovDutiesPage() {
  const { me } = useSession();
  const bureau = me?.role === 'office' || me?.role === 'leader';
  const [sectionId, setSectionId] = useState<string | undefined>(Taro.getCurrentInstance().router?.params.sectionId || undefined);
  const sections = useAsync(() => (bureau ? listSections() : Promise.resolve([])), [bureau]);
  const wanted = sectionId ?? (bureau ? (sections.status === 'success' ? sections.data[0]?.id : undefined) : undefined);
  const data = useAsync(() => (bureau && !wanted ? new Promise<never>(() => undefined) : getDuties(wanted)), [wanted, bureau]);
  const list = sections.status === 'success' ? sections.data : [];
  const [done, setDone] = useState<string | null>(null);
  return (
    <View className="page">
      {done ? (
        <Text className="gv__ok" data-testid="duties-done">
          {done}
        </Text>
      ) : null}
      {bureau && list.length ? (
        <Picker mode="selector" range={list.map((s) => s.name)} value={Math.max(0, list.findIndex((s) => s.id === wanted))} onChange={(e) => { setDone(null); setSectionId(list[Number(e.detail.value)]?.id); }}>
          <View className="gv__picker" data-testid="duties-section">
            <Text>{list.find((s) => s.id === wanted)?.name ?? '选择处室'}</Text>
            <Text className="muted">切换处室 ›</Text>
          </View>
        </Picker>
      ) : null}
      {bureau && (sections.status === 'error' || sections.status === 'offline') ? <StateView kind={sections.status} description={sections.error} onRetry={sections.reload} /> : null}
      {data.status === 'loading' && sections.status !== 'error' && sections.status !== 'offline' ? <StateView kind="loading" /> : null}
      {data.status === 'error' || data.status === 'offline' ? <StateView kind={data.status} description={data.error} onRetry={data.reload} /> : null}
      {data.status === 'success' ? <DutiesView key={data.data.sectionId + (data.data.pending?.id ?? '') + (data.data.current?.id ?? '')} data={data.data} onDone={(m) => { setDone(m); data.reload(); }} isOffice={me?.role === 'office'} /> : null}
    </View>
  );
}

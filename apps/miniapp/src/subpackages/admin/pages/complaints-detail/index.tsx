import Taro, { useRouter } from '@tarojs/taro';
import { Image, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintDto, type PersonDto, type SectionDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { apiBase } from '../../../../services/http';
import { getComplaint, listComplaints, moveComplaint, type WorkflowStep } from '../../../../services/complaints.api';
import { listPeople, listSections } from '../../../../services/org.api';
import '../complaints/complaints.scss';

function dateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function inDays(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function Select<T extends { id: string; name: string }>(props: { label: string; items: T[]; value: string | undefined; onChange: (id: string) => void; testId: string; placeholder: string }) {
  const index = Math.max(0, props.items.findIndex((i) => i.id === props.value));
  return (
    <View>
      <Text className="cw__field">{props.label}</Text>
      <Picker mode="selector" range={props.items.map((i) => i.name)} value={index} onChange={(e) => props.onChange(props.items[Number(e.detail.value)]!.id)}>
        <View className="cw__input list-row" data-testid={props.testId}>
          <Text>{props.items.find((i) => i.id === props.value)?.name ?? props.placeholder}</Text>
        </View>
      </Picker>
    </View>
  );
}

/** One complaint with its history and the one next step of the 监察室 workflow. */
export default function ComplaintDetailPage() {
  const { me } = useSession();
  const id = useRouter().params?.id ?? '';
  const [reloadTick, setReloadTick] = useState(0);
  const item = useAsync(() => getComplaint(id), [id, reloadTick]);
  const sections = useAsync(listSections, []);
  const [sectionId, setSectionId] = useState<string | undefined>();
  const [people, setPeople] = useState<PersonDto[]>([]);
  const [personId, setPersonId] = useState<string | undefined>();
  const [deadline, setDeadline] = useState(inDays(7));
  const [text, setText] = useState('');
  const [mergeInto, setMergeInto] = useState<string | undefined>();
  const [others, setOthers] = useState<ComplaintDto[]>([]);
  const [pending, setPending] = useState(false);

  const c = item.status === 'success' ? item.data : null;
  useEffect(() => {
    if (!c) return;
    setSectionId((s) => s ?? c.assignedSectionId ?? c.sectionId ?? undefined);
    setPersonId((p) => p ?? c.personId ?? undefined);
  }, [c]);
  useEffect(() => {
    const s = sectionId ?? c?.assignedSectionId;
    if (!s || me?.role !== 'office') return;
    listPeople(s).then(setPeople, () => setPeople([]));
  }, [sectionId, c?.assignedSectionId, me?.role]);
  useEffect(() => {
    if (me?.role !== 'office' || !c || !['received', 'assigned', 'investigated'].includes(c.status)) return;
    listComplaints({}).then((all) => setOthers(all.filter((o) => o.id !== c.id && o.status !== 'merged' && o.status !== 'replied')), () => setOthers([]));
  }, [c?.id, c?.status, me?.role]);

  if (item.status === 'loading') return <StateView kind="loading" />;
  if (item.status === 'offline') return <StateView kind="offline" onRetry={item.reload} />;
  if (item.status === 'error' || !c) return <StateView kind="error" description={item.error} onRetry={item.reload} />;

  const act = async (step: WorkflowStep) => {
    setPending(true);
    try {
      await moveComplaint(c.id, step);
      setText('');
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setReloadTick((t) => t + 1);
    } catch {
      // http.ts showed the API's message (e.g. 409 naming the current status)
    } finally {
      setPending(false);
    }
  };

  const office = me?.role === 'office';
  const sectionItems: SectionDto[] = sections.status === 'success' ? sections.data : [];
  const personItems = people.map((p) => ({ id: p.id, name: `${p.name}${p.position === 'chief' ? '（处长）' : p.position === 'deputy' ? '（副处长）' : ''}` }));

  return (
    <View className="page cw">
      <View className={`cw__item ${c.overdue ? 'cw__item--overdue' : ''}`}>
        <View>
          <Text className="badge" data-testid="complaint-status">
            {COMPLAINT_STATUS_LABELS[c.status]}
          </Text>
          <Text className="badge badge--grey">{COMPLAINT_CATEGORY_LABELS[c.category]}</Text>
          {c.overdue && <Text className="badge badge--red">超期</Text>}
        </View>
        <Text className="cw__content" data-testid="complaint-content">
          {c.content}
        </Text>
        <Text className="cw__meta">
          {dateTime(c.receivedAt)} · {COMPLAINT_SOURCE_LABELS[c.source]}
          {c.ticketNo ? ` · 工单 ${c.ticketNo}` : ''}
        </Text>
        {c.sectionName && <Text className="cw__meta">涉及处室：{c.sectionName}{c.officerHint ? `（${c.officerHint}）` : ''}</Text>}
        {c.personName && <Text className="cw__meta">被投诉人：{c.personName}</Text>}
        {c.assignedSectionName && <Text className="cw__meta">承办：{c.assignedSectionName}，时限 {c.deadline}</Text>}
        {c.address && <Text className="cw__meta">地点：{c.address}</Text>}
        {c.photoUrls.length > 0 && (
          <View className="cw__photos" data-testid="complaint-photos">
            {c.photoUrls.map((url) => (
              <Image
                key={url}
                className="cw__photo"
                src={`${apiBase()}${url}`}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls: c.photoUrls.map((u) => `${apiBase()}${u}`), current: `${apiBase()}${url}` })}
              />
            ))}
          </View>
        )}
        {office && (c.contactName || c.contactPhone) && (
          <Text className="cw__meta">
            投诉人：{c.contactName ?? ''} {c.contactPhone ?? ''}
          </Text>
        )}
        {c.findings && <Text className="cw__meta">调查情况：{c.findings}</Text>}
        {c.reply && <Text className="cw__meta">答复：{c.reply}</Text>}
      </View>

      {c.costs.length > 0 && (
        <View className="cw__item">
          <Text className="section-title">{c.outcome === 'verified' ? '查实，计入考评' : '如查实，将计入考评'}</Text>
          {c.costs.map((k) => (
            <Text key={k.rule} className="cw__cost" data-testid="complaint-cost">
              {k.rule} {k.cost}
            </Text>
          ))}
        </View>
      )}

      {office && (c.status === 'received' || c.status === 'assigned') && (
        <View className="cw__item">
          <Text className="section-title">{c.status === 'received' ? '交办' : '重新交办'}</Text>
          <Select label="承办处室" items={sectionItems} value={sectionId} onChange={setSectionId} testId="assign-section" placeholder="请选择处室" />
          <Text className="cw__field">办结时限</Text>
          <Picker mode="date" value={deadline} start={inDays(0)} onChange={(e) => setDeadline(e.detail.value)}>
            <View className="cw__input list-row">
              <Text>{deadline}</Text>
            </View>
          </Picker>
          <View className="main-action">
            <Button type="primary" block loading={pending} disabled={!sectionId} onClick={() => void act({ action: 'assign', body: { sectionId: sectionId!, deadline } })} data-testid="action-assign">
              交办
            </Button>
          </View>
        </View>
      )}

      {office && c.status === 'assigned' && (
        <View className="cw__item">
          <Text className="section-title">提交调查结果</Text>
          <Select label="被投诉人" items={personItems} value={personId} onChange={setPersonId} testId="investigate-person" placeholder="请选择（查实后据此扣分）" />
          <Text className="cw__field">调查情况（内部，不对投诉人显示）</Text>
          <Textarea className="cw__textarea" maxlength={2000} value={text} onInput={(e) => setText(e.detail.value)} data-testid="investigate-findings" />
          <View className="main-action">
            <Button type="primary" block loading={pending} disabled={text.trim().length < 2} onClick={() => void act({ action: 'investigate', body: { findings: text.trim(), personId } })} data-testid="action-investigate">
              提交调查结果
            </Button>
          </View>
        </View>
      )}

      {office && c.status === 'investigated' && (
        <View className="cw__item">
          <Text className="section-title">认定</Text>
          {!c.personId && <Select label="被投诉人" items={personItems} value={personId} onChange={setPersonId} testId="conclude-person" placeholder="查实需指定被投诉人" />}
          <View className="main-action">
            <Button type="danger" block loading={pending} onClick={() => void act({ action: 'conclude', body: { outcome: 'verified', personId: c.personId ? undefined : personId } })} data-testid="action-verify">
              认定查实
            </Button>
          </View>
          <View className="main-action">
            <Button block fill="outline" loading={pending} onClick={() => void act({ action: 'conclude', body: { outcome: 'unfounded' } })} data-testid="action-dismiss">
              认定不属实
            </Button>
          </View>
        </View>
      )}

      {office && (c.status === 'verified' || c.status === 'unfounded') && (
        <View className="cw__item">
          <Text className="section-title">答复投诉人（凭查询码可见）</Text>
          <Textarea className="cw__textarea" maxlength={1000} value={text} onInput={(e) => setText(e.detail.value)} data-testid="reply-text" />
          <View className="main-action">
            <Button type="primary" block loading={pending} disabled={text.trim().length < 2} onClick={() => void act({ action: 'reply', body: { reply: text.trim() } })} data-testid="action-reply">
              答复并办结
            </Button>
          </View>
        </View>
      )}

      {office && others.length > 0 && (
        <View className="cw__item">
          <Text className="section-title">重复投诉</Text>
          <Select label="合并到" items={others.map((o) => ({ id: o.id, name: `${o.content.slice(0, 18)}（${COMPLAINT_STATUS_LABELS[o.status]}）` }))} value={mergeInto} onChange={setMergeInto} testId="merge-into" placeholder="选择保留的那一件" />
          <View className="main-action">
            <Button block fill="outline" disabled={!mergeInto} loading={pending} onClick={() => void act({ action: 'merge', body: { intoId: mergeInto! } })}>
              合并为重复件
            </Button>
          </View>
        </View>
      )}

      {c.history && c.history.length > 0 && (
        <View className="cw__item">
          <Text className="section-title">办理记录</Text>
          {c.history.map((h, i) => (
            <Text key={i} className="cw__meta">
              {dateTime(h.at)} {COMPLAINT_STATUS_LABELS[h.to]} {h.actorName ?? ''} {h.note ? `：${h.note}` : ''}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

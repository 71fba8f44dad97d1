import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  INVITEE_KIND_LABELS,
  RESPONSE_FLAG_LABELS,
  RESPONSE_STATUS_LABELS,
  SURVEY_GROUPS,
  SURVEY_GROUP_LABELS,
  type InvitationIssuedDto,
  type InviteeKind,
  type SurveyDto,
  type SurveyGroup,
} from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { platform } from '../../../../platform';
import { errorMessage, freshToken } from '../../../../services/http';
import {
  createSurvey,
  flaggedResponses,
  importUrl,
  invite,
  listInvitations,
  listSurveys,
  qrLink,
  qrSheetUrl,
  qrUrl,
  reviewResponse,
  surveyResults,
} from '../../../../services/surveys.api';
import './index.scss';
import { openDownload, uploadFile } from '../../../../services/transfer';

type Tab = 'list' | 'create' | 'review';
const KIND_BY_LABEL: Record<string, InviteeKind> = Object.fromEntries(Object.entries(INVITEE_KIND_LABELS).map(([k, v]) => [v, k as InviteeKind]));

/** The office's survey desk: surveys, QR codes, invitations, results, flagged answers. */
export default function SurveysAdminPage() {
  const [tab, setTab] = useState<Tab>('list');
  const [open, setOpen] = useState<SurveyDto | null>(null);
  if (open) return <SurveyDetail survey={open} onBack={() => setOpen(null)} />;
  return (
    <View className="page">
      <View className="sv-tabs">
        {(['list', 'create', 'review'] as Tab[]).map((t) => (
          <View key={t} className={`sv-tab ${tab === t ? 'sv-tab--on' : ''}`} onClick={() => setTab(t)}>
            <Text>{{ list: '问卷', create: '新建', review: '待审核（拉票线索）' }[t]}</Text>
          </View>
        ))}
      </View>
      {tab === 'list' ? <SurveyList onOpen={setOpen} /> : null}
      {tab === 'create' ? <CreateForm onDone={() => setTab('list')} /> : null}
      {tab === 'review' ? <Review /> : null}
    </View>
  );
}

function SurveyList({ onOpen }: { onOpen: (s: SurveyDto) => void }) {
  const list = useAsync(listSurveys, []);
  if (list.status === 'loading') return <StateView kind="loading" />;
  if (list.status === 'offline') return <StateView kind="offline" onRetry={list.reload} />;
  if (list.status === 'error') return <StateView kind="error" description={list.error} onRetry={list.reload} />;
  if (list.data.length === 0) return <StateView kind="empty" title="还没有问卷" />;
  return (
    <View>
      {list.data.map((s) => (
        <View key={s.id} className="card sv-item" onClick={() => onOpen(s)} data-testid={`survey-${s.id}`}>
          <Text className="sv-item__title">{s.title}</Text>
          <Text className="sv-item__meta">
            {SURVEY_GROUP_LABELS[s.group]} · {s.periodStart} 至 {s.periodEnd} · {s.targets.length} 个对象 · 答卷 {s.responses}
            {s.held ? ` · 待审核 ${s.held}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const year = new Date().getFullYear();
  const [title, setTitle] = useState(`${year}年度服务对象满意度测评`);
  const [group, setGroup] = useState<SurveyGroup>('service_recipient');
  const [start, setStart] = useState(`${year}-12-01`);
  const [end, setEnd] = useState(`${year + 1}-02-28`);
  const [questions, setQuestions] = useState('服务态度\n办事效率\n依法规范\n*总体评价\n?意见建议');
  const [sections, setSections] = useState('jdk,csglk,zfzd,zhzx,ylc,hwc,gyc');
  const [pending, setPending] = useState(false);
  const save = async () => {
    setPending(true);
    try {
      await createSurvey({
        title,
        group,
        year,
        periodStart: start,
        periodEnd: end,
        questions: questions
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l, i) => ({ id: `q${i + 1}`, type: l.startsWith('*') ? 'stars' : l.startsWith('?') ? 'text' : 'choice', text: l.replace(/^[*?]/, '') })),
        sectionIds: sections.split(/[,，\s]+/).filter(Boolean),
      });
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onDone();
    } catch {
      /* the toast shows the API's message */
    } finally {
      setPending(false);
    }
  };
  return (
    <View className="card">
      <Text className="sv-label">标题</Text>
      <Input className="sv-input" value={title} onInput={(e) => setTitle(e.detail.value)} />
      <Text className="sv-label">答卷人群</Text>
      <View className="sv-chips">
        {SURVEY_GROUPS.map((g) => (
          <View key={g} className={`sv-chip ${g === group ? 'sv-chip--on' : ''}`} onClick={() => setGroup(g)}>
            <Text>{SURVEY_GROUP_LABELS[g]}</Text>
          </View>
        ))}
      </View>
      <Text className="sv-label">周期（开始 / 结束，YYYY-MM-DD）</Text>
      <Input className="sv-input" value={start} onInput={(e) => setStart(e.detail.value)} />
      <Input className="sv-input" value={end} onInput={(e) => setEnd(e.detail.value)} />
      <Text className="sv-label">题目（每行一题；* 开头为星级题，? 开头为文字题，其余为 满意/基本满意/不满意 单选）</Text>
      <Textarea className="sv-textarea" value={questions} onInput={(e) => setQuestions(e.detail.value)} />
      <Text className="sv-label">评价对象处室编号（逗号分隔）</Text>
      <Input className="sv-input" value={sections} onInput={(e) => setSections(e.detail.value)} />
      <View className="main-action">
        <Button type="primary" block size="large" loading={pending} onClick={() => void save()}>
          创建问卷
        </Button>
      </View>
    </View>
  );
}

function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View className="sv-bars">
      {rows.map((r) => (
        <View key={r.label} className="sv-bar">
          <Text className="sv-bar__label">{r.label}</Text>
          <View className="sv-bar__track">
            <View className="sv-bar__fill" style={{ width: `${(r.count / max) * 100}%` }} />
          </View>
          <Text className="sv-bar__n">{r.count}</Text>
        </View>
      ))}
    </View>
  );
}

function SurveyDetail({ survey, onBack }: { survey: SurveyDto; onBack: () => void }) {
  const results = useAsync(() => surveyResults(survey.id), [survey.id]);
  const [qr, setQr] = useState<{ sectionId: string; sectionName: string; url: string; img: string } | null>(null);
  const [issued, setIssued] = useState<InvitationIssuedDto[]>([]);
  const [names, setNames] = useState('');
  const invitations = useAsync(() => (survey.group === 'service_recipient' ? Promise.resolve([]) : listInvitations(survey.id)), [survey.id, issued.length]);

  const showQr = async (sectionId: string, sectionName: string) => {
    try {
      const link = await qrLink(survey.id, sectionId);
      const res = await Taro.request({ url: qrUrl(survey.id, sectionId), header: { Authorization: `Bearer ${(await freshToken()) ?? ''}` }, responseType: 'arraybuffer' });
      const img = `data:image/png;base64,${Taro.arrayBufferToBase64(res.data as ArrayBuffer)}`;
      setQr({ sectionId, sectionName, url: link.url, img });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
  };
  const sendInvites = async () => {
    const rows = names
      .split('\n')
      .map((l) => l.split(/[,，\s]+/).filter(Boolean))
      .filter((r) => r.length >= 2)
      .map(([name, kind, phone]) => ({ name: name!, kind: KIND_BY_LABEL[kind!] ?? kind!, ...(phone ? { phone } : {}) }));
    if (rows.length === 0) return;
    try {
      setIssued(await invite(survey.id, rows));
      setNames('');
    } catch {
      /* toast */
    }
  };
  const importExcel = async () => {
    const file = await platform.chooseFile(['xlsx']);
    if (!file) return;
    const res = await uploadFile(file, importUrl(survey.id));
    if (res.statusCode === 201) setIssued(res.body as InvitationIssuedDto[]);
    else void Taro.showToast({ title: (res.body as { message?: string })?.message ?? '导入失败', icon: 'none' });
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="sv-item__title">{survey.title}</Text>
        <Text className="sv-item__meta">
          {SURVEY_GROUP_LABELS[survey.group]} · {survey.periodStart} 至 {survey.periodEnd}
        </Text>
      </View>
      {results.status === 'success' ? (
        <>
          <View className="card">
            <Text className="sv-h">各评价对象（均分 0–100）</Text>
            {results.data.targets.map((t) => (
              <View key={t.sectionId} className="sv-row">
                <Text className="sv-row__name">
                  {t.sectionName}
                  {t.headName ? `（${t.headName}）` : ''}
                </Text>
                <Text className="sv-row__mean">{t.mean === null ? `样本<${results.data.minGroupSize}` : t.mean}</Text>
                <Text className="sv-row__n">
                  有效 {t.counted} · 待审 {t.held} · 剔除 {t.rejected}
                </Text>
                {survey.group === 'service_recipient' ? (
                  <Text className="sv-link" onClick={() => void showQr(t.sectionId, t.sectionName)}>
                    二维码
                  </Text>
                ) : null}
              </View>
            ))}
            <Text className="sv-note">少于 {results.data.minGroupSize} 份的对象只显示份数，不显示均分（保护答卷人匿名）；计分仍使用实际均分。</Text>
          </View>
          <View className="card">
            <Text className="sv-h">每日答卷数</Text>
            <Bars rows={results.data.timeline.map((d) => ({ label: d.date.slice(5), count: d.count }))} />
          </View>
          <View className="card">
            <Text className="sv-h">分数分布（有效答卷）</Text>
            <Bars rows={results.data.distribution.map((d) => ({ label: d.band, count: d.count }))} />
          </View>
        </>
      ) : (
        <StateView kind={results.status === 'loading' ? 'loading' : results.status === 'offline' ? 'offline' : 'error'} description={results.error} onRetry={results.reload} />
      )}
      {qr ? (
        <View className="card sv-qr">
          <Text className="sv-h">{qr.sectionName}</Text>
          <Image className="sv-qr__img" src={qr.img} mode="aspectFit" />
          <Text className="sv-note">{qr.url}</Text>
          <Button block fill="outline" onClick={() => void openDownload(qrSheetUrl(survey.id, qr.sectionId), `${qr.sectionName}-二维码.html`)}>
            下载 A4 打印页
          </Button>
        </View>
      ) : null}
      {survey.group !== 'service_recipient' ? (
        <View className="card">
          <Text className="sv-h">邀请名单</Text>
          {invitations.status === 'success'
            ? invitations.data.map((i) => (
                <View key={i.id} className="sv-row">
                  <Text className="sv-row__name">
                    {i.name} · {INVITEE_KIND_LABELS[i.kind]}
                  </Text>
                  <Text className="sv-row__n">{i.completedOn ? `已完成 ${i.completedOn}` : `已评 ${i.answered}/${i.total}`}</Text>
                </View>
              ))
            : null}
          {issued.map((i) => (
            <View key={i.id} className="sv-issued">
              <Text>
                {i.name}：{i.url}
              </Text>
            </View>
          ))}
          <Text className="sv-label">添加名单（每行：姓名 类别 电话；类别如 人大代表、政协委员、党代表、对口部门、分管联系市领导）</Text>
          <Textarea className="sv-textarea" value={names} onInput={(e) => setNames(e.detail.value)} />
          <View className="main-action">
            <Button type="primary" block onClick={() => void sendInvites()}>
              生成邀请链接
            </Button>
          </View>
          <View className="main-action">
            <Button block fill="outline" onClick={() => void importExcel()}>
              从 Excel 导入（姓名、类别、电话）
            </Button>
          </View>
        </View>
      ) : null}
      <View className="main-action">
        <Button block fill="outline" onClick={onBack}>
          返回
        </Button>
      </View>
    </View>
  );
}

function Review() {
  const list = useAsync(flaggedResponses, []);
  if (list.status === 'loading') return <StateView kind="loading" />;
  if (list.status === 'offline') return <StateView kind="offline" onRetry={list.reload} />;
  if (list.status === 'error') return <StateView kind="error" description={list.error} onRetry={list.reload} />;
  if (list.data.length === 0) return <StateView kind="empty" title="没有被标记的答卷" />;
  const act = async (id: string, d: 'accept' | 'reject') => {
    try {
      await reviewResponse(id, d);
      list.reload();
    } catch {
      /* toast */
    }
  };
  return (
    <View>
      <Text className="sv-note">被标记的答卷不计入均分，直到审核：计入或剔除。剔除的答卷作为“以不正当手段拉票”（WB-V4）的线索留存。</Text>
      {list.data.map((r) => (
        <View key={r.id} className="card">
          <Text className="sv-item__title">
            {r.sectionName} · {r.createdOn}
          </Text>
          <Text className="sv-item__meta">
            {r.surveyTitle} · {r.flags.map((f) => RESPONSE_FLAG_LABELS[f]).join('、')} · 得分 {r.score ?? '—'} · 用时 {r.durationSeconds ?? '—'} 秒 · {RESPONSE_STATUS_LABELS[r.status]}
          </Text>
          {r.status === 'held' ? (
            <View className="sv-actions">
              <Button size="small" type="primary" onClick={() => void act(r.id, 'accept')}>
                计入
              </Button>
              <Button size="small" fill="outline" onClick={() => void act(r.id, 'reject')}>
                剔除
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { INNOVATION_STATUS_LABELS, REVIEW_LEVEL_LABELS, type InnovationDto } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { Chips, LevelScore, levelInput, type LevelValue } from '../../../../components/review-ui';
import { PhotoField, type PickedPhoto } from '../../../../components/photo-field';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { assessInnovation, fileInnovation, listInnovations } from '../../../../services/reviews.api';
import { chineseDate } from '../../../../utils/date';

type Tab = 'list' | 'file';

/** The chief's 申报 form: one main action. */
function FileForm({ onFiled }: { onFiled: () => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (title.trim().length < 2) return setError('请填写创新事项');
    if (description.trim().length < 10) return setError('请写明做法与成效（至少 10 个字）');
    setBusy(true);
    setError(null);
    try {
      await fileInnovation({ title: title.trim(), description: description.trim(), fileIds: files.map((f) => f.id) });
      void Taro.showToast({ title: '已申报，等待考评办评定', icon: 'none' });
      onFiled();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="inno-form">
      <Text className="rv__field">创新事项</Text>
      <Input className="rv__input" data-testid="inno-title" value={title} maxlength={100} placeholder="例如：夜市“潮汐摊区”管理" onInput={(e) => setTitle(e.detail.value)} />
      <Text className="rv__field">做法与成效</Text>
      <Textarea className="rv__textarea" data-testid="inno-description" value={description} maxlength={4000} placeholder="怎么做的、解决了什么问题、成效如何（可附数据）" onInput={(e) => setDescription(e.detail.value)} />
      <Text className="rv__field">佐证材料（照片，可选）</Text>
      <PhotoField files={files} onChange={setFiles} onError={setError} label="照片" testId="inno-photo" />
      {error ? <Text className="rv__error" data-testid="inno-error">{error}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={submit} data-testid="inno-submit">
          申报工作创新
        </Button>
      </View>
    </View>
  );
}

/** The office's assessment of one entry. */
function AssessForm({ entry, onDone }: { entry: InnovationDto; onDone: () => void }) {
  const [value, setValue] = useState<LevelValue>(entry.level ? { level: entry.level, score: '' } : { level: null, score: entry.score === null ? '' : String(entry.score) });
  const [text, setText] = useState(entry.assessment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = levelInput(value);
    if (typeof v === 'string') return setError(v);
    if (text.trim().length < 2) return setError('请写评定意见');
    setBusy(true);
    setError(null);
    try {
      await assessInnovation(entry.id, { ...v, assessment: text.trim() });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid={`inno-assess-form-${entry.id}`}>
      <Text className="rv__field">评定等次</Text>
      <LevelScore testId={`inno-level-${entry.id}`} value={value} onChange={setValue} />
      <Text className="rv__field">评定意见</Text>
      <Textarea className="rv__textarea" data-testid={`inno-assessment-${entry.id}`} value={text} maxlength={2000} placeholder="创新性、实效、可推广性" onInput={(e) => setText(e.detail.value)} />
      {error ? <Text className="rv__error">{error}</Text> : null}
      <View className="rv__action">
        <Button type="primary" block size="large" loading={busy} onClick={submit} data-testid={`inno-assess-${entry.id}`}>
          {entry.status === 'assessed' ? '重新评定' : '评定'}
        </Button>
      </View>
    </View>
  );
}

/**
 * 工作创新: a chief files the section's innovations with evidence; the office assesses each (level or score). The
 * section's yearly 工作创新 component is its best assessed entry. Staff and chiefs see their section's, the office and
 * leaders every section's.
 */
export default function InnovationsPage() {
  const { me } = useSession();
  const year = new Date().getFullYear();
  const [tab, setTab] = useState<Tab>('list');
  const [assessing, setAssessing] = useState<string | null>(null);
  const list = useAsync(() => listInnovations({ year }), [year]);
  const canFile = me?.role === 'chief';
  const canAssess = me?.role === 'office';

  const body = () => {
    if (list.status === 'loading') return <StateView kind="loading" />;
    if (list.status !== 'success') return <StateView kind={list.status} description={list.error} onRetry={list.reload} />;
    if (list.data.length === 0) return <StateView kind="empty" title={`${year} 年还没有工作创新`} description={canFile ? '点“申报”填写本处室的创新做法' : undefined} />;
    const rows = canAssess ? [...list.data].sort((a, b) => (a.status === b.status ? 0 : a.status === 'submitted' ? -1 : 1)) : list.data;
    return rows.map((e) => (
      <View key={e.id} className="card" data-testid={`inno-${e.id}`}>
        <View className="rv__row">
          <View className="rv__row-main">
            <Text className="rv__row-title">
              {e.title}
              <Text className={`rv__tag${e.status === 'assessed' ? ' rv__tag--green' : ' rv__tag--amber'}`}>{INNOVATION_STATUS_LABELS[e.status]}</Text>
            </Text>
            <Text className="rv__row-sub">
              {e.sectionName} · {e.filedByName} · {chineseDate(e.date)}
            </Text>
          </View>
          {e.score !== null ? <Text className="rv__score">{e.score}</Text> : null}
        </View>
        <Text className="rv__text">{e.description}</Text>
        <EvidenceFiles files={e.files} testId={`inno-files-${e.id}`} />
        {e.status === 'assessed' ? (
          <Text className="rv__hint">
            考评办评定（{e.assessedByName}，{chineseDate(e.assessedOn ?? '')}）：{e.level ? `${REVIEW_LEVEL_LABELS[e.level]}，` : ''}
            {e.assessment}
          </Text>
        ) : null}
        {canAssess && assessing !== e.id ? (
          <View className="rv__action">
            <Button type="primary" fill="outline" block size="large" onClick={() => setAssessing(e.id)} data-testid={`inno-open-${e.id}`}>
              {e.status === 'assessed' ? '修改评定' : '评定'}
            </Button>
          </View>
        ) : null}
        {canAssess && assessing === e.id ? (
          <AssessForm
            entry={e}
            onDone={() => {
              setAssessing(null);
              list.reload();
            }}
          />
        ) : null}
      </View>
    ));
  };

  return (
    <View className="page">
      {canFile ? (
        <Chips testId="inno-tab" value={tab} onChange={setTab} options={[{ key: 'list', label: '本处室创新' }, { key: 'file', label: '申报' }]} />
      ) : null}
      {tab === 'file' && canFile ? (
        <FileForm
          onFiled={() => {
            setTab('list');
            list.reload();
          }}
        />
      ) : (
        body()
      )}
    </View>
  );
}

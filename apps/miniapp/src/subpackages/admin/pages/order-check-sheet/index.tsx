import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { OrderCheckItemDto, OrderCheckRoundDto, OrderCheckSheetDto } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { getRound, saveSheet } from '../../../../services/order-checks.api';
import { PhotoField, type PickedPhoto } from '../wubi-shared';
import '../wubi.scss';
import '../order-checks.scss';

interface Line {
  points: number;
  note: string;
}

/** A section's 卫生秩序 score sheet: per item a deduction (0.5 steps) with what was found, photos, the total. */
export default function OrderCheckSheetPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const roundId = params.round ?? '';
  const sectionId = params.section ?? '';
  const { me } = useSession();
  const data = useAsync(() => getRound(roundId), [roundId]);

  if (data.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (data.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={data.reload} /></View>;
  if (data.status === 'error') return <View className="page"><StateView kind="error" description={data.error} onRetry={data.reload} /></View>;
  const sheet = data.data.sheets.find((s) => s.sectionId === sectionId);
  if (!sheet) return <View className="page"><StateView kind="empty" title="本轮检查不包括该处室" /></View>;
  return (
    <View className="page wr oc">
      <SheetForm round={data.data} sheet={sheet} editable={me?.role === 'office'} onSaved={data.reload} />
    </View>
  );
}

function SheetForm({ round, sheet, editable, onSaved }: { round: OrderCheckRoundDto; sheet: OrderCheckSheetDto; editable: boolean; onSaved: () => void }) {
  const closed = round.status === 'closed';
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setLines(Object.fromEntries(sheet.deductions.map((d) => [d.itemId, { points: d.points, note: d.note }])));
    setNotes(sheet.notes ?? '');
    setPhotos([]);
    setReason('');
  }, [sheet]);

  const off = Object.values(lines).reduce((s, l) => s + l.points, 0);
  const total = Math.max(0, round.sheet.max - off);
  const setPoints = (item: OrderCheckItemDto, delta: number) => {
    const cur = lines[item.id] ?? { points: 0, note: '' };
    const points = Math.min(item.max, Math.max(0, cur.points + delta));
    setLines({ ...lines, [item.id]: { ...cur, points } });
  };

  const submit = async () => {
    setError(null);
    const deductions = round.sheet.items.filter((it) => (lines[it.id]?.points ?? 0) > 0).map((it) => ({ itemId: it.id, points: lines[it.id]!.points, note: lines[it.id]!.note.trim() }));
    const noNote = deductions.find((d) => d.note.length < 2);
    if (noNote) return setError(`请写明“${round.sheet.items.find((it) => it.id === noNote.itemId)?.label}”的扣分原因`);
    if (closed && reason.trim().length < 4) return setError('本轮已归档：请填写更正理由（至少 4 个字）');
    setBusy(true);
    try {
      await saveSheet(round.id, sheet.sectionId, {
        deductions,
        notes: notes.trim() || undefined,
        fileIds: [...sheet.fileIds, ...photos.map((p) => p.id)],
        ...(closed ? { reason: reason.trim() } : {}),
      });
      void Taro.showToast({ title: closed ? '已更正' : '已保存', icon: 'success' });
      onSaved();
      if (!closed) void Taro.navigateBack();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="oc-sheet-form">
      <View className="card">
        <Text className="oc__head">{sheet.sectionName}</Text>
        <Text className="oc__meta">
          第 {round.round} 轮 · {round.date} · {round.sheet.title}
        </Text>
        <View className="oc__total">
          <Text className="oc__meta">{sheet.recordedByName ? `${sheet.recordedByName} 评分` : '尚未评分'}{sheet.rank ? ` · 本轮第 ${sheet.rank} 名` : ''}</Text>
          <Text className="oc__total-num" data-testid="oc-sheet-total">
            {total}
          </Text>
        </View>
      </View>

      {closed && editable && <Text className="notice notice--warning">本轮已归档。修改即为更正：须填写更正理由，更正前的内容与理由一并留档。</Text>}

      <View className="card">
        {round.sheet.items.map((it) => {
          const line = lines[it.id] ?? { points: 0, note: '' };
          return (
            <View key={it.id} className="oc__item" data-testid={`oc-item-${it.id}`}>
              <View className="oc__item-head">
                <Text className="oc__item-label">
                  {it.label}
                  <Text className="oc__item-group">
                    {it.group} · 满分 {it.max}
                  </Text>
                </Text>
                {editable ? (
                  <View className="oc__stepper">
                    <View className="oc__step-btn" hoverClass="list-row--hover" data-testid={`oc-minus-${it.id}`} onClick={() => setPoints(it, -0.5)}>
                      <Text>−</Text>
                    </View>
                    <Text className={`oc__step-val${line.points === 0 ? ' oc__step-val--zero' : ''}`} data-testid={`oc-points-${it.id}`}>
                      {line.points === 0 ? '不扣' : `−${line.points}`}
                    </Text>
                    <View className="oc__step-btn" hoverClass="list-row--hover" data-testid={`oc-plus-${it.id}`} onClick={() => setPoints(it, 0.5)}>
                      <Text>＋</Text>
                    </View>
                  </View>
                ) : (
                  <Text className={`oc__step-val${line.points === 0 ? ' oc__step-val--zero' : ''}`}>{line.points === 0 ? '不扣' : `−${line.points}`}</Text>
                )}
              </View>
              <Text className="oc__item-std">{it.standard}</Text>
              {line.points > 0 &&
                (editable ? (
                  <Input
                    className="wr__input"
                    data-testid={`oc-note-${it.id}`}
                    placeholder="扣分原因（发现的问题）"
                    value={line.note}
                    maxlength={200}
                    onInput={(e) => setLines({ ...lines, [it.id]: { ...line, note: e.detail.value } })}
                  />
                ) : (
                  <Text className="wr__text">{line.note}</Text>
                ))}
            </View>
          );
        })}
      </View>

      <View className="card">
        <Text className="wr__field">现场照片</Text>
        <EvidenceFiles files={sheet.files} emptyText={editable ? undefined : '无照片'} testId="oc-sheet-files" />
        {editable && <PhotoField files={photos} onChange={setPhotos} onError={setError} label="拍照或从相册选择" testId="oc-photo" />}
        <Text className="wr__field">检查情况说明（可选）</Text>
        {editable ? (
          <Textarea className="wr__textarea" data-testid="oc-sheet-notes" placeholder="总体情况、需整改的事项" value={notes} maxlength={1000} onInput={(e) => setNotes(e.detail.value)} />
        ) : (
          <Text className="wr__text">{sheet.notes ?? '—'}</Text>
        )}
        {closed && editable && (
          <>
            <Text className="wr__field">更正理由</Text>
            <Textarea className="wr__textarea" data-testid="oc-reason" placeholder="如：复核发现第二项扣分有误" value={reason} maxlength={500} onInput={(e) => setReason(e.detail.value)} />
          </>
        )}
      </View>

      {sheet.corrections.length > 0 && (
        <View className="card" data-testid="oc-corrections">
          <Text className="wr__field">更正记录</Text>
          {sheet.corrections.map((c, i) => (
            <Text key={i} className="oc__correction">
              {c.at.slice(0, 10)} {c.byName}：{c.beforeTotal} → {c.afterTotal}，理由：{c.reason}
            </Text>
          ))}
        </View>
      )}

      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      {editable && (
        <View className="main-action">
          <Button type="primary" block loading={busy} disabled={busy} data-testid="oc-sheet-save" onClick={() => void submit()}>
            {closed ? '保存更正' : `保存评分（${total} 分）`}
          </Button>
        </View>
      )}
    </View>
  );
}

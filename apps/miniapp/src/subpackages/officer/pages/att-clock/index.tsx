import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { DAY_STATUS_LABELS, PUNCH_FLAG_LABELS, PUNCH_TYPE_LABELS, type PunchDto, type PunchType, type SiteDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { platform } from '../../../../platform';
import type { PlatformLocation, PlatformPhoto } from '../../../../platform/types';
import { ATTENDANCE_ROUTES, attendanceApi, punchQueue } from '../../../../services/attendance.api';
import { ApiError, errorMessage } from '../../../../services/http';
import { newIdempotencyKey, type FailedRequest, type QueuedRequest } from '../../../../services/offline-queue';
import './index.scss';
import { uploadPhoto } from '../../../../services/transfer';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

function distance(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function nearestSite(sites: SiteDto[], pos: PlatformLocation | null): { site: SiteDto; metres: number } | null {
  if (!pos) return null;
  let best: { site: SiteDto; metres: number } | null = null;
  for (const site of sites) {
    const metres = distance(pos, site);
    if (!best || metres < best.metres) best = { site, metres };
  }
  return best;
}

type Loc = { status: 'locating' } | { status: 'ok'; pos: PlatformLocation } | { status: 'error'; message: string };
type Outcome = { kind: 'success'; punch: PunchDto } | { kind: 'queued'; item: QueuedRequest } | { kind: 'refused'; message: string; outside: boolean };

function useQueue() {
  const [state, setState] = useState<{ pending: QueuedRequest[]; failed: FailedRequest[] }>({ pending: punchQueue.pending(), failed: punchQueue.failed() });
  useEffect(() => {
    const update = () => setState({ pending: punchQueue.pending(), failed: punchQueue.failed() });
    const unsubscribe = punchQueue.subscribe(update);
    void punchQueue.drain(); // the app retries on reconnect and show (app.ts); try once more on opening the page
    update();
    return unsubscribe;
  }, []);
  return state;
}

function PunchRow({ p }: { p: PunchDto }) {
  return (
    <View className="att-row" data-testid="punch-row">
      <View className="att-row__main">
        <Text className="att-row__title">
          {PUNCH_TYPE_LABELS[p.type]} {p.localTime}
        </Text>
        <Text className="att-row__sub">{p.field ? `外勤：${p.note ?? ''}` : (p.siteName ?? '考勤点')}</Text>
        <View>
          {p.flags.map((f) => (
            <Text key={f} className="att-flag">
              {PUNCH_FLAG_LABELS[f]}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}

export default function ClockPage() {
  const today = useAsync(attendanceApi.today, []);
  const [loc, setLoc] = useState<Loc>({ status: 'locating' });
  const [now, setNow] = useState(new Date());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldMode, setFieldMode] = useState(false);
  const [photo, setPhoto] = useState<PlatformPhoto | null>(null);
  const [note, setNote] = useState('');
  const queue = useQueue();

  const locate = useCallback(async (): Promise<PlatformLocation | null> => {
    setLoc({ status: 'locating' });
    try {
      const pos = await platform.getLocation();
      setLoc({ status: 'ok', pos });
      return pos;
    } catch (err) {
      setLoc({ status: 'error', message: (err as Error).message });
      return null;
    }
  }, []);

  useEffect(() => {
    void locate();
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, [locate]);
  useDidShow(() => void punchQueue.drain());

  if (today.status === 'loading') return <StateView kind="loading" />;
  if (today.status === 'offline') return <StateView kind="offline" onRetry={today.reload} />;
  if (today.status === 'error') return <StateView kind="error" description={today.error} onRetry={today.reload} />;
  const data = today.data;
  const hasIn = data.punches.some((p) => p.type === 'in') || queue.pending.some((q) => (q.body as { type?: string }).type === 'in');
  const type: PunchType = hasIn ? 'out' : 'in';
  const pos = loc.status === 'ok' ? loc.pos : null;
  const near = nearestSite(data.sites, pos);
  const inside = !!near && near.metres <= near.site.radius;

  async function submit(field: boolean) {
    setBusy(true);
    setOutcome(null);
    try {
      const position = (await locate()) ?? pos;
      if (!position) return;
      let photoFileId: string | undefined;
      if (field) {
        if (!photo) throw new Error('请先拍摄现场照片');
        if (!note.trim()) throw new Error('请填写外勤说明（地点和事由）');
        photoFileId = (await uploadPhoto(photo, attendanceApi.fileUrl())).id;
      }
      const tapped = new Date();
      const req = {
        type,
        latitude: position.latitude,
        longitude: position.longitude,
        accuracy: position.accuracy,
        clientTime: tapped.toISOString(),
        idempotencyKey: newIdempotencyKey('punch'),
        deviceId: platform.deviceId(),
        ...(await platform.wifiBssid().then((bssid) => (bssid ? { bssid } : {}))),
        ...(field ? { field: true, photoFileId, note: note.trim() } : {}),
      };
      const res = await attendanceApi.clockIn(req, `${PUNCH_TYPE_LABELS[type]} ${hhmm(tapped)}`);
      if (res.queued) {
        setOutcome({ kind: 'queued', item: res.item });
      } else {
        setOutcome({ kind: 'success', punch: res.data });
        setFieldMode(false);
        setPhoto(null);
        setNote('');
        void Taro.showToast({ title: '打卡成功', icon: 'success' });
        today.reload();
      }
    } catch (err) {
      const outside = err instanceof ApiError && (err.code === 'ATTENDANCE_OUTSIDE_FENCE' || err.code === 'ATTENDANCE_NO_SITE');
      setOutcome({ kind: 'refused', message: err instanceof ApiError || err instanceof Error ? err.message : errorMessage(err), outside });
    } finally {
      setBusy(false);
    }
  }

  async function takePhoto() {
    const p = await platform.takePhoto();
    if (p) setPhoto(p);
  }

  const record = data.record;
  return (
    <View className="page clock-page">
      <View className="card">
        <View className="clock-page__head">
          <Text className="clock-page__date">{data.date}</Text>
          {record && (
            <Text className={`att-status att-status--${record.status}`} data-testid="today-status">
              {record.holidayName ?? DAY_STATUS_LABELS[record.status]}
            </Text>
          )}
        </View>
        <Text className="clock-page__schedule">
          {data.schedule ? `上班 ${data.schedule.startTime} · 下班 ${data.schedule.endTime}` : '未设置作息时间'}
          {data.workday ? '' : ' · 今天不是工作日'}
        </Text>
      </View>

      {queue.pending.length > 0 && (
        <View className="notice notice--warning" data-testid="queued-notice">
          已离线保存 {queue.pending.length} 条打卡，联网后自动提交：{queue.pending.map((q) => q.label).join('、')}
        </View>
      )}
      {queue.failed.map((f) => (
        <View key={f.id} className="notice notice--warning" data-testid="failed-notice">
          {f.label} 未能提交：{f.error.message}
          <Text className="clock-page__link" onClick={() => punchQueue.dismissFailed(f.id)}>
            知道了
          </Text>
        </View>
      ))}

      {outcome?.kind === 'success' && (
        <View className="notice" data-testid="clock-success">
          <Text className="clock-page__result">
            {PUNCH_TYPE_LABELS[outcome.punch.type]}成功 {outcome.punch.localTime}
          </Text>
          {outcome.punch.field ? '外勤打卡已提交，处长可查看照片和说明。' : `地点：${outcome.punch.siteName ?? ''}`}
        </View>
      )}
      {outcome?.kind === 'queued' && (
        <View className="notice notice--warning" data-testid="clock-queued">
          已离线保存，联网后自动提交（{outcome.item.label}）
        </View>
      )}
      {outcome?.kind === 'refused' && (
        <View className="notice notice--warning" data-testid="clock-refused">
          {outcome.message}
        </View>
      )}

      {!fieldMode ? (
        <View className="card">
          <View className="clock-page__button-wrap">
            <View
              className={`clock-page__button ${busy || loc.status === 'locating' ? 'clock-page__button--disabled' : ''}`}
              data-testid="clock-button"
              hoverClass="none"
              onClick={() => !busy && void submit(false)}
            >
              <Text className="clock-page__button-text">{busy ? '提交中…' : PUNCH_TYPE_LABELS[type]}</Text>
              <Text className="clock-page__button-time">{hhmm(now)}</Text>
            </View>
          </View>
          <View
            className={`clock-page__location ${pos ? (inside ? 'clock-page__location--ok' : 'clock-page__location--out') : ''}`}
            data-testid="location-status"
          >
            {loc.status === 'locating' && '正在定位…'}
            {loc.status === 'error' && loc.message}
            {pos && near && (inside ? `已进入考勤范围：${near.site.name}（约 ${Math.round(near.metres)} 米）` : `不在考勤范围内：距${near.site.name}约 ${Math.round(near.metres)} 米`)}
            {pos && !near && '本处室尚未设置考勤点'}
            {pos && ` · 定位精度约 ${Math.round(pos.accuracy)} 米`}
          </View>
          <Text className="clock-page__link" onClick={() => void locate()}>
            重新定位
          </Text>
          <Text className="clock-page__link" data-testid="field-entry" onClick={() => setFieldMode(true)}>
            {outcome?.kind === 'refused' && outcome.outside ? '在外执行任务？改用外勤打卡' : '外勤打卡（拍照 + 说明）'}
          </Text>
        </View>
      ) : (
        <View className="card" data-testid="field-form">
          <Text className="clock-page__result">外勤打卡 · {PUNCH_TYPE_LABELS[type]}</Text>
          <Text className="muted">须现场拍照并说明地点和事由，提交后处长可查看。</Text>
          {photo ? (
            <Image className="clock-page__photo" src={photo.preview} mode="aspectFill" data-testid="field-photo" onClick={() => void takePhoto()} />
          ) : (
            <View className="att-actions">
              <Button block type="primary" fill="outline" size="large" data-testid="take-photo" onClick={() => void takePhoto()}>
                拍摄现场照片
              </Button>
            </View>
          )}
          <Textarea
            className="clock-page__textarea"
            placeholder="说明：如“城北夜市占道经营巡查”"
            maxlength={200}
            value={note}
            data-testid="field-note"
            onInput={(e) => setNote(e.detail.value)}
          />
          <View className="att-actions">
            <Button block type="primary" size="large" disabled={busy} data-testid="field-submit" onClick={() => void submit(true)}>
              {busy ? '提交中…' : '提交外勤打卡'}
            </Button>
          </View>
          <Text className="clock-page__link" onClick={() => setFieldMode(false)}>
            返回普通打卡
          </Text>
        </View>
      )}

      <Text className="section-title">今日打卡</Text>
      {data.punches.length === 0 ? (
        <View className="card">
          <Text className="muted">今天还没有打卡记录</Text>
        </View>
      ) : (
        <View className="list-group">
          {data.punches.map((p) => (
            <PunchRow key={p.id} p={p} />
          ))}
        </View>
      )}
      <Text className="clock-page__link" onClick={() => void Taro.navigateTo({ url: ATTENDANCE_ROUTES.month })}>
        查看我的考勤月历
      </Text>
    </View>
  );
}

import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ComplaintTrack } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { ApiError, OfflineError, errorMessage } from '../../../../services/http';
import { trackComplaint } from '../../../../services/complaints.api';
import './index.scss';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'found'; data: ComplaintTrack } | { kind: 'error'; message: string } | { kind: 'offline' };

function time(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Enter the tracking code → status timeline and the final reply. Nothing else is shown. */
export default function TrackPage() {
  const router = useRouter();
  const [code, setCode] = useState(router.params?.code ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const query = async (value = code) => {
    const c = value.trim().toUpperCase().replace(/[\s-]/g, '');
    if (c.length < 6) return setState({ kind: 'error', message: '请输入完整的查询码' });
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'found', data: await trackComplaint(c) });
    } catch (err) {
      if (err instanceof OfflineError) setState({ kind: 'offline' });
      else setState({ kind: 'error', message: err instanceof ApiError ? err.message : errorMessage(err) });
    }
  };

  useEffect(() => {
    if (router.params?.code) void query(router.params.code);
  }, []);

  return (
    <View className="page track">
      <Text className="section-title">查询码</Text>
      <Input
        className="track__input"
        placeholder="提交投诉时获得的 12 位查询码"
        maxlength={20}
        value={code}
        onInput={(e) => setCode(e.detail.value)}
        onConfirm={() => void query()}
        data-testid="track-code-input"
      />
      <View className="main-action">
        <Button type="primary" block size="large" loading={state.kind === 'loading'} onClick={() => void query()} data-testid="track-submit">
          查询进度
        </Button>
      </View>

      {state.kind === 'offline' && <StateView kind="offline" onRetry={() => void query()} />}
      {state.kind === 'error' && <StateView kind="error" title="未查到" description={state.message} />}
      {state.kind === 'found' && (
        <View data-testid="track-result">
          <Text className="section-title">办理进度</Text>
          <View className="card">
            <Text className="track__status" data-testid="track-status">
              {state.data.statusLabel}
            </Text>
            {state.data.timeline.map((s) => (
              <View key={s.status} className="track__step">
                <View className="track__dot" />
                <View>
                  <Text className="track__step-label">{s.label}</Text>
                  <Text className="track__step-time">{time(s.at)}</Text>
                </View>
              </View>
            ))}
          </View>
          <Text className="section-title">答复</Text>
          <View className="card">
            <Text className="track__reply" data-testid="track-reply">
              {state.data.reply ?? '尚未答复，办结后将在此显示答复内容。'}
            </Text>
          </View>
          <View className="main-action">
            <Button block fill="none" onClick={() => void Taro.setClipboardData({ data: state.data.trackingCode })}>
              复制查询码
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

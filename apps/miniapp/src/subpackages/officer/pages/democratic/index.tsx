import Taro from '@tarojs/taro';
import { Slider, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ASPECTS, ASPECT_LABELS, DEMOCRATIC_GROUP_LABELS, type Aspect } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { democraticTasks, rateCadre } from '../../../../services/surveys.api';

const START: Record<Aspect, number> = { de: 90, neng: 90, qin: 90, ji: 90, lian: 90 };

/** 民主测评: the cadres the caller rates, five aspects 0–100 each; anonymous. */
export default function DemocraticPage() {
  const tasks = useAsync(democraticTasks, []);
  const [current, setCurrent] = useState<{ campaignId: string; personId: string; name: string } | null>(null);
  const [scores, setScores] = useState<Record<Aspect, number>>(START);
  const [pending, setPending] = useState(false);

  if (tasks.status === 'loading') return <StateView kind="loading" />;
  if (tasks.status === 'offline') return <StateView kind="offline" onRetry={tasks.reload} />;
  if (tasks.status === 'error') return <StateView kind="error" description={tasks.error} onRetry={tasks.reload} />;
  if (tasks.data.length === 0) return <StateView kind="empty" title="暂无民主测评任务" description="年底测评开始后，待打分的同志会显示在这里。" />;

  if (current) {
    const send = async () => {
      setPending(true);
      try {
        await rateCadre({ campaignId: current.campaignId, targetId: current.personId, aspects: scores });
        void Taro.showToast({ title: '已提交', icon: 'success' });
        setCurrent(null);
        tasks.reload();
      } catch (err) {
        void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      } finally {
        setPending(false);
      }
    };
    return (
      <View className="page" data-testid="democratic-form">
        <Text style={{ display: 'block', fontSize: '22px', fontWeight: 700, margin: '12px 4px' }}>为 {current.name} 打分</Text>
        {ASPECTS.map((a) => (
          <View key={a} className="card">
            <Text style={{ fontSize: '17px' }}>
              {ASPECT_LABELS[a]}：{scores[a]} 分
            </Text>
            <Slider min={0} max={100} step={1} value={scores[a]} blockSize={28} onChanging={(e) => setScores((s) => ({ ...s, [a]: e.detail.value }))} onChange={(e) => setScores((s) => ({ ...s, [a]: e.detail.value }))} />
          </View>
        ))}
        <Text style={{ display: 'block', fontSize: '13px', color: '#86909c', margin: '8px 4px' }}>匿名打分：任何人都看不到您给谁打了多少分，结果只按组汇总。</Text>
        <View className="main-action">
          <Button type="primary" block size="large" loading={pending} onClick={() => void send()} data-testid="democratic-submit">
            提交打分
          </Button>
        </View>
        <View className="main-action">
          <Button block size="large" fill="outline" onClick={() => setCurrent(null)}>
            返回名单
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="page" data-testid="democratic-list">
      {tasks.data.map((t) => {
        const done = t.targets.filter((x) => x.done).length;
        return (
          <View key={t.campaignId}>
            <View className="card">
              <Text style={{ display: 'block', fontSize: '18px', fontWeight: 700 }}>{t.title}</Text>
              <Text style={{ display: 'block', fontSize: '14px', color: '#4e5969', marginTop: '6px' }}>
                您所在测评组：{DEMOCRATIC_GROUP_LABELS[t.group]} · 进度 {done}/{t.targets.length} · 截止 {t.closesOn}
              </Text>
            </View>
            {t.targets.map((p) => (
              <View
                key={p.personId}
                className="card"
                style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', minHeight: '52px', opacity: p.done ? 0.6 : 1 }}
                onClick={() => {
                  if (p.done) return;
                  setScores(START);
                  setCurrent({ campaignId: t.campaignId, personId: p.personId, name: p.name });
                }}
              >
                <Text style={{ fontSize: '16px' }}>
                  {p.name} <Text style={{ color: '#86909c', fontSize: '13px' }}>{[p.sectionName, p.position].filter(Boolean).join(' ')}</Text>
                </Text>
                <Text style={{ color: p.done ? '#00a870' : '#0b3d91' }}>{p.done ? '已打分' : '打分 ›'}</Text>
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

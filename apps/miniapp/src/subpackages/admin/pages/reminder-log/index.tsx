import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { REMINDER_KIND_LABELS, WECHAT_OUTCOME_LABELS, WECHAT_OUTCOMES, type WechatOutcome } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { listReminderDeliveries, runReminderSweep } from '../../../../services/reminders.api';
import './index.scss';

const BADGE: Record<WechatOutcome, string> = { sent: 'badge--green', refused: 'badge--red', failed: 'badge--red', disabled: 'badge--grey', pending: '' };

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 提醒发送记录 (office): every reminder with its in-app notice and what happened to its WeChat message. */
export default function ReminderLogPage() {
  const [outcome, setOutcome] = useState<WechatOutcome | undefined>(undefined);
  const list = useAsync(() => listReminderDeliveries({ outcome, limit: 200 }), [outcome]);
  const [running, setRunning] = useState(false);

  const sweep = async () => {
    const { confirm } = await Taro.showModal({
      title: '立即检查到期提醒',
      content: '与定时任务相同：每条提醒同一事项只发送一次，已发送的不会重复发送。',
      confirmText: '检查',
      cancelText: '取消',
    });
    if (!confirm) return;
    setRunning(true);
    try {
      const r = await runReminderSweep();
      void Taro.showModal({
        title: '检查完成',
        content: `到期 ${r.due} 项：新发送 ${r.created} 条（微信已发送 ${r.wechat.sent}、拒收 ${r.wechat.refused}、失败 ${r.wechat.failed}、仅站内 ${r.wechat.disabled}），此前已发送 ${r.duplicates} 条，已关闭提醒 ${r.turnedOff} 条。`,
        showCancel: false,
        confirmText: '知道了',
      });
      list.reload();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setRunning(false);
    }
  };

  const counts = list.status === 'success' ? list.data.counts : null;
  const total = counts ? WECHAT_OUTCOMES.reduce((n, o) => n + counts[o], 0) : null;
  const chip = (value: WechatOutcome | undefined, label: string, n: number | null) => (
    <Text
      key={value ?? 'all'}
      className={`reminder-log__filter${outcome === value ? ' reminder-log__filter--on' : ''}`}
      data-testid={`reminder-filter-${value ?? 'all'}`}
      onClick={() => setOutcome(value)}
    >
      {label}
      {n === null ? '' : ` ${n}`}
    </Text>
  );

  return (
    <View className="page reminder-log">
      <Text className="notice">到期提醒先写入站内消息；已绑定微信并订阅的人员另收到微信服务通知。“仅站内”说明未发微信的原因（未订阅、未绑定或未配置模板）。</Text>
      <View className="main-action reminder-log__action">
        <Button type="primary" block size="large" loading={running} onClick={() => void sweep()} data-testid="reminder-sweep">
          立即检查到期提醒
        </Button>
      </View>
      <View className="reminder-log__filters">
        {chip(undefined, '全部', total)}
        {WECHAT_OUTCOMES.map((o) => chip(o, WECHAT_OUTCOME_LABELS[o], counts ? counts[o] : null))}
      </View>

      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' && list.data.items.length === 0 && <StateView kind="empty" title="暂无提醒记录" description="定时任务或“立即检查”发出的提醒会显示在这里。" />}
      {list.status === 'success' &&
        list.data.items.map((r) => (
          <View key={r.id} className="card" data-testid={`reminder-${r.id}`}>
            <View className="reminder-log__head">
              <Text className="reminder-log__title">{r.title}</Text>
              <Text className={`badge ${BADGE[r.wechatOutcome]}`}>{WECHAT_OUTCOME_LABELS[r.wechatOutcome]}</Text>
            </View>
            <Text className="reminder-log__meta">
              {r.personName} · {REMINDER_KIND_LABELS[r.kind]} · {when(r.createdAt)}
              {r.attempts > 1 ? ` · 尝试 ${r.attempts} 次` : ''}
            </Text>
            <Text className="reminder-log__body">{r.body}</Text>
            {r.wechatDetail && <Text className="reminder-log__detail">{r.wechatDetail}</Text>}
          </View>
        ))}

    </View>
  );
}

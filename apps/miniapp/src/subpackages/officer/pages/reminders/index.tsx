import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ReminderKindSettingDto, ReminderSettingsDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { platform } from '../../../../platform';
import { errorMessage } from '../../../../services/http';
import { getReminderSettings, recordConsent, setReminderEnabled } from '../../../../services/reminders.api';
import { templatesToRequest } from './subscribe';
import './index.scss';

function wechatText(k: ReminderKindSettingDto, longTerm: boolean): string {
  switch (k.wechat) {
    case 'subscribed':
      return longTerm || k.remaining === null ? '微信提醒：已订阅' : `微信提醒：已订阅，还可收到 ${k.remaining} 条`;
    case 'not_subscribed':
      return '微信提醒：未订阅（仅站内消息）';
    case 'not_bound':
      return '微信提醒：未绑定微信（仅站内消息）';
    default:
      return '仅站内消息';
  }
}

/**
 * 提醒设置: which reminders I get (today's diary, approvals, appeals, surveys, the monthly report, meeting pace),
 * each on or off; in the mini-program, 订阅微信提醒 asks WeChat for consent so reminders also arrive as WeChat
 * service notifications. In the browser (H5) only in-app notices are possible.
 */
export default function ReminderSettingsPage() {
  const loaded = useAsync(getReminderSettings, []);
  const [settings, setSettings] = useState<ReminderSettingsDto | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.status === 'success') setSettings(loaded.data);
  }, [loaded.status, loaded.data]);

  if (loaded.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (loaded.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={loaded.reload} /></View>;
  if (loaded.status === 'error') return <View className="page"><StateView kind="error" description={loaded.error} onRetry={loaded.reload} /></View>;
  if (!settings) return <View className="page"><StateView kind="loading" /></View>;
  if (settings.kinds.length === 0) return <View className="page"><StateView kind="empty" title="暂无可设置的提醒" /></View>;

  const toggle = async (k: ReminderKindSettingDto) => {
    if (busy) return;
    setBusy(k.kind);
    try {
      setSettings(await setReminderEnabled(k.kind, !k.enabled));
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const ids = templatesToRequest(settings);
  const subscribe = async () => {
    setBusy('subscribe');
    try {
      const result = await platform.requestSubscribe(ids);
      if (!result) return;
      setSettings(await recordConsent(result.accepted, result.rejected));
      void Taro.showToast({ title: result.accepted.length ? '已订阅微信提醒' : '未订阅，仍会收到站内消息', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: err instanceof Error && !('code' in err) ? err.message : errorMessage(err), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const weapp = platform.name === 'weapp';
  return (
    <View className="page reminders">
      <Text className="notice">到期事项（今日工作日记、待审批的请假、申诉截止、测评截止、月报签字、会议进度）会以站内消息提醒您。每类提醒同一事项每天最多一次。</Text>
      {!weapp && (
        <Text className="notice notice--warning" data-testid="reminders-h5-hint">
          微信消息提醒需要在微信小程序中订阅。在浏览器中只能收到站内消息（首页“消息通知”）。
        </Text>
      )}
      {weapp && !settings.bound && <Text className="notice notice--warning">您还没有用微信登录绑定账号，只能收到站内消息。</Text>}

      <Text className="section-title">提醒类别（点按开启或关闭）</Text>
      <View className="list-group">
        {settings.kinds.map((k) => (
          <View key={k.kind} className="list-row reminders__row" hoverClass="list-row--hover" data-testid={`reminder-toggle-${k.kind}`} onClick={() => void toggle(k)}>
            <View className="list-row__main">
              <Text className="list-row__title">{k.label}</Text>
              <Text className="list-row__sub">{k.description}</Text>
              {k.enabled && <Text className="list-row__sub">{wechatText(k, settings.longTerm)}</Text>}
            </View>
            <Text className={`badge reminders__state ${k.enabled ? 'badge--green' : 'badge--grey'}`} data-testid={`reminder-state-${k.kind}`}>
              {busy === k.kind ? '…' : k.enabled ? '已开启' : '已关闭'}
            </Text>
          </View>
        ))}
      </View>

      {weapp && settings.bound && ids.length > 0 && (
        <View className="main-action">
          <Button type="primary" block size="large" loading={busy === 'subscribe'} onClick={() => void subscribe()} data-testid="subscribe-wechat">
            订阅微信提醒
          </Button>
          <Text className="reminders__hint">
            {settings.longTerm ? '订阅一次即可长期收到微信提醒，可随时在微信“设置—订阅消息”中关闭。' : '微信规定：每订阅一次，可收到一条微信提醒；用完后再点一次即可继续接收。'}
          </Text>
        </View>
      )}
    </View>
  );
}

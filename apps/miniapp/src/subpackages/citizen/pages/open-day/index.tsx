import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MOBILE_PATTERN, OPEN_DAY_AUDIENCE_LABELS, type MyRegistrationDto, type OpenDayAudience } from '@kaoping/contracts';
import { OpenDayCard } from '../../../../components/progress-board';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { ApiError, OfflineError, errorMessage } from '../../../../services/http';
import { PUBLICITY_ROUTES, publicOpenDay, registerOpenDay, saveRegistration } from '../../../../services/publicity.api';
import { RegistrationTicket } from '../my-registration/ticket';
import './index.scss';

/** Registration for a 公众开放日: name, mobile, who one is; the answer is the check-in code (and its QR). */
export default function OpenDayPage() {
  const router = useRouter();
  const id = router.params?.id ?? '';
  const event = useAsync(() => publicOpenDay(id), [id]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [audience, setAudience] = useState<OpenDayAudience | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<MyRegistrationDto | null>(null);

  if (!id) return <StateView kind="error" title="缺少活动" description="请从进度公示页面进入报名" />;
  if (done) {
    return (
      <View className="page open-day" data-testid="registration-done">
        <Text className="notice">{done.created ? '报名成功！' : '您已报名过本次活动，以下是您的报名信息。'}活动当天请向工作人员出示报名码签到。</Text>
        <RegistrationTicket registration={done} />
        <View className="main-action">
          <Button type="primary" block size="large" onClick={() => void Taro.redirectTo({ url: PUBLICITY_ROUTES.mine })} data-testid="go-mine">
            我的报名
          </Button>
        </View>
      </View>
    );
  }
  if (event.status === 'loading') return <StateView kind="loading" />;
  if (event.status === 'offline') return <StateView kind="offline" onRetry={event.reload} />;
  if (event.status === 'error') return <StateView kind="error" description={event.error} onRetry={event.reload} />;
  const od = event.data;
  const open = od.status === 'open';

  const trimmedName = name.trim();
  const phoneOk = MOBILE_PATTERN.test(phone.trim());
  const canSubmit = open && trimmedName.length >= 2 && phoneOk && !!audience && !pending;

  const submit = async () => {
    if (trimmedName.length < 2) return setError('请填写姓名');
    if (!phoneOk) return setError('请填写 11 位手机号');
    if (!audience) return setError('请选择您的身份');
    setPending(true);
    setError(null);
    try {
      const result = await registerOpenDay(id, { name: trimmedName, phone: phone.trim(), audience, organisation: organisation.trim() || undefined });
      saveRegistration(result, phone.trim());
      setDone(result);
    } catch (err) {
      setError(err instanceof OfflineError ? '网络不可用，尚未报名，请检查网络后重试' : err instanceof ApiError ? err.message : errorMessage(err));
      if (err instanceof ApiError && (err.code === 'OPEN_DAY_FULL' || err.code === 'OPEN_DAY_CLOSED')) event.reload();
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="page open-day">
      <OpenDayCard openDay={od} />
      {!open ? (
        <StateView kind="empty" title={od.statusLabel} description="本次活动暂不能报名，请关注后续开放日活动" />
      ) : (
        <View className="card">
          <Text className="open-day__label">姓名</Text>
          <Input className="open-day__input" placeholder="请填写真实姓名" maxlength={20} value={name} onInput={(e) => setName(e.detail.value)} data-testid="reg-name" />
          <Text className="open-day__label">手机号</Text>
          <Input className="open-day__input" type="number" placeholder="11 位手机号，用于查询报名" maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} data-testid="reg-phone" />
          <Text className="open-day__label">身份</Text>
          <View className="open-day__chips">
            {od.audiences.map((a) => (
              <View key={a} className={`open-day__chip ${audience === a ? 'open-day__chip--on' : ''}`} onClick={() => setAudience(a)} data-testid={`reg-audience-${a}`}>
                {OPEN_DAY_AUDIENCE_LABELS[a]}
              </View>
            ))}
          </View>
          <Text className="open-day__label">
            单位或店铺<Text className="open-day__optional">（可不填）</Text>
          </Text>
          <Input className="open-day__input" placeholder="如：新华社区、老街小吃店" maxlength={100} value={organisation} onInput={(e) => setOrganisation(e.detail.value)} data-testid="reg-org" />
          <Text className="open-day__hint">手机号只用于本次活动的报名和签到，仅局考评办可见。</Text>
          {error ? (
            <Text className="open-day__error" data-testid="reg-error">
              {error}
            </Text>
          ) : null}
          <View className="main-action">
            <Button type="primary" block size="large" loading={pending} disabled={!canSubmit} onClick={() => void submit()} data-testid="reg-submit">
              提交报名
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

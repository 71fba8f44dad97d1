import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { CHECKIN_CODE_PATTERN, MOBILE_PATTERN, type MyRegistrationDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { ApiError, OfflineError, errorMessage } from '../../../../services/http';
import { lookupRegistration, savedRegistrations } from '../../../../services/publicity.api';
import { RegistrationTicket } from './ticket';
import './index.scss';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'found'; data: MyRegistrationDto } | { kind: 'error'; message: string } | { kind: 'offline' };

/** 我的报名: registrations made on this device, or any of one's own by phone + code. Shows the code large. */
export default function MyRegistrationPage() {
  const saved = savedRegistrations();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const query = async (p = phone, c = code) => {
    const ph = p.trim();
    const cd = c.trim().toUpperCase().replace(/[\s-]/g, '');
    if (!MOBILE_PATTERN.test(ph)) return setState({ kind: 'error', message: '请填写报名时的 11 位手机号' });
    if (!CHECKIN_CODE_PATTERN.test(cd)) return setState({ kind: 'error', message: '请填写 8 位报名码' });
    // (a registration opened from this device's list does not put the phone number on screen)
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'found', data: await lookupRegistration(ph, cd) });
    } catch (err) {
      if (err instanceof OfflineError) setState({ kind: 'offline' });
      else setState({ kind: 'error', message: err instanceof ApiError ? err.message : errorMessage(err) });
    }
  };

  useEffect(() => {
    // the latest registration made on this device opens at once
    const first = saved[0];
    if (first) void query(first.phone, first.code);
  }, []);

  return (
    <View className="page my-reg">
      {state.kind === 'found' && <RegistrationTicket registration={state.data} />}
      {state.kind === 'loading' && <StateView kind="loading" />}
      {state.kind === 'offline' && <StateView kind="offline" onRetry={() => void query()} />}
      {state.kind === 'error' && <StateView kind="error" title="未查到" description={state.message} />}

      {saved.length > 1 && (
        <>
          <Text className="section-title">本机的报名</Text>
          <View className="list-group">
            {saved.map((s) => (
              <View key={s.code} className="list-row" hoverClass="list-row--hover" onClick={() => void query(s.phone, s.code)}>
                <View className="list-row__main">
                  <Text className="list-row__title">{s.title}</Text>
                  <Text className="list-row__sub">
                    {s.startsLocal} · 报名码 {s.code}
                  </Text>
                </View>
                <Text className="list-row__arrow">›</Text>
              </View>
            ))}
          </View>
        </>
      )}

      <Text className="section-title">凭手机号和报名码查询</Text>
      <View className="card">
        <Input className="my-reg__input" type="number" placeholder="报名时填写的手机号" maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} data-testid="lookup-phone" />
        <Input className="my-reg__input my-reg__input--code" placeholder="8 位报名码" maxlength={12} value={code} onInput={(e) => setCode(e.detail.value)} data-testid="lookup-code" />
        <View className="main-action">
          <Button type="primary" block size="large" loading={state.kind === 'loading'} onClick={() => void query()} data-testid="lookup-submit">
            查询报名
          </Button>
        </View>
        <Text className="my-reg__hint">只能查询本人的报名：手机号和报名码须同时正确。</Text>
      </View>
    </View>
  );
}

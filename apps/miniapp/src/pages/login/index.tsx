import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import type { LoginResult, Persona } from '@kaoping/contracts';
import { PersonaPicker } from '../../components/persona-picker';
import { StateView } from '../../components/state-view';
import { BindForm } from './bind-form';
import { platform } from '../../platform';
import {
  acceptLogin,
  bindInviteCode,
  loginAsCitizen,
  devLogin,
  listPersonas,
  wechatLogin,
} from '../../services/auth.api';
import { ApiError, OfflineError, errorMessage } from '../../services/http';
import { ROUTES } from '../../services/routes';
import './index.scss';

type Screen =
  | { kind: 'loading'; text: string }
  | { kind: 'personas'; personas: Persona[] }
  | { kind: 'no-demo' }
  | { kind: 'bind'; bindToken: string }
  | { kind: 'error'; message: string; retry: () => void }
  | { kind: 'offline'; retry: () => void };

function toast(message: string) {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

export default function LoginPage() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading', text: '正在准备登录…' });
  const [pendingPersona, setPendingPersona] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const [bindError, setBindError] = useState<string | null>(null);
  const [citizenPending, setCitizenPending] = useState(false);

  const enter = useCallback((result: LoginResult): boolean => {
    if (!acceptLogin(result)) return false;
    void Taro.reLaunch({ url: ROUTES.home });
    return true;
  }, []);

  const failWith = useCallback((err: unknown, retry: () => void) => {
    setScreen(err instanceof OfflineError ? { kind: 'offline', retry } : { kind: 'error', message: errorMessage(err), retry });
  }, []);

  /** H5: demo login when the API allows it, otherwise guidance to open in WeChat. */
  const loadPersonas = useCallback(async () => {
    setScreen({ kind: 'loading', text: '正在加载演示身份…' });
    try {
      const personas = await listPersonas();
      setScreen({ kind: 'personas', personas });
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 404) setScreen({ kind: 'no-demo' });
      else failWith(err, () => void loadPersonas());
    }
  }, [failWith]);

  /** Weapp: wx.login → code → our API: a session, or a bind token for a first login. */
  const signInWithWechat = useCallback(async () => {
    setScreen({ kind: 'loading', text: '正在通过微信登录…' });
    let code: string | null;
    try {
      code = await platform.login();
    } catch {
      setScreen({ kind: 'error', message: '微信登录失败，请稍后重试', retry: () => void signInWithWechat() });
      return;
    }
    if (!code) {
      setScreen({ kind: 'no-demo' });
      return;
    }
    try {
      const result = await wechatLogin(code);
      if (result.kind === 'bind') {
        setBindError(null);
        setScreen({ kind: 'bind', bindToken: result.token });
      } else if (!enter(result)) {
        setScreen({ kind: 'error', message: '登录结果无效，请重试', retry: () => void signInWithWechat() });
      }
    } catch (err) {
      failWith(err, () => void signInWithWechat());
    }
  }, [enter, failWith]);

  const start = useCallback(() => {
    if (platform.name === 'weapp') void signInWithWechat();
    else void loadPersonas();
  }, [loadPersonas, signInWithWechat]);

  useEffect(() => {
    start();
  }, [start]);

  const pickPersona = async (persona: Persona) => {
    setPendingPersona(persona.personId);
    try {
      const result = await devLogin(persona.personId);
      if (!enter(result)) toast('登录结果无效，请重试');
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setPendingPersona(null);
    }
  };

  const bind = async (inviteCode: string, bindToken: string) => {
    setBinding(true);
    setBindError(null);
    try {
      const result = await bindInviteCode(inviteCode, bindToken);
      if (!enter(result)) setBindError('绑定结果无效，请重试');
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 401) {
        // The bind token is short-lived: start over with a fresh WeChat login.
        toast('绑定已超时，请重新登录');
        void signInWithWechat();
      } else {
        setBindError(errorMessage(err));
      }
    } finally {
      setBinding(false);
    }
  };

  const enterAsCitizen = async () => {
    setCitizenPending(true);
    try {
      const result = await loginAsCitizen();
      if (!enter(result)) toast('登录结果无效，请重试');
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setCitizenPending(false);
    }
  };

  const citizenEntry = (label: string, primary: boolean) => (
    <View className={primary ? 'main-action' : 'login-page__citizen'}>
      <Button
        type={primary ? 'primary' : 'default'}
        fill={primary ? 'solid' : 'outline'}
        block
        size="large"
        loading={citizenPending}
        disabled={citizenPending}
        onClick={() => void enterAsCitizen()}
        data-testid="citizen-entry"
      >
        {label}
      </Button>
      <Text className="login-page__citizen-hint">市民无需注册，可匿名参与满意度评价等服务</Text>
    </View>
  );

  return (
    <View className="page login-page">
      <View className="login-page__banner">
        <Text className="login-page__brand">考评</Text>
        <Text className="login-page__org">城管执法局绩效考评系统</Text>
      </View>

      {screen.kind === 'loading' && <StateView kind="loading" title={screen.text} />}

      {screen.kind === 'error' && (
        <View className="card">
          <StateView kind="error" title="登录失败" description={screen.message} onRetry={screen.retry} />
        </View>
      )}

      {screen.kind === 'offline' && (
        <View className="card">
          <StateView kind="offline" onRetry={screen.retry} />
        </View>
      )}

      {screen.kind === 'personas' &&
        (screen.personas.length === 0 ? (
          <View className="card">
            <StateView kind="empty" title="暂无演示身份" description="请先导入演示数据，或联系管理员" onRetry={() => void loadPersonas()} />
          </View>
        ) : (
          <View>
            <Text className="notice notice--warning">演示环境：无需密码，选择一个身份即可体验。正式环境请在微信中登录。</Text>
            <PersonaPicker personas={screen.personas} pendingId={pendingPersona} onPick={(p) => void pickPersona(p)} />
          </View>
        ))}

      {screen.kind === 'no-demo' && (
        <View className="card login-page__guide">
          <Text className="login-page__guide-title">请在微信中打开</Text>
          <Text className="login-page__guide-text">
            本局干部职工请在微信中搜索并打开“考评”小程序，首次登录时输入考评办发放的邀请码完成绑定。
          </Text>
          {citizenEntry('市民入口', true)}
        </View>
      )}

      {screen.kind === 'bind' && (
        <BindForm
          submitting={binding}
          error={bindError}
          onSubmit={(code) => void bind(code, screen.bindToken)}
        />
      )}

      {(screen.kind === 'personas' || screen.kind === 'bind' || screen.kind === 'error' || screen.kind === 'offline') &&
        citizenEntry('我是市民', false)}
    </View>
  );
}

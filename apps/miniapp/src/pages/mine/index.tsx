import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ProfileCard } from '../../components/profile-card';
import { StateView } from '../../components/state-view';
import { TabBar } from '../../components/tab-bar';
import { useSession } from '../../hooks/use-session';
import { logout as endSession } from '../../services/auth.api';
import { ROUTES } from '../../services/routes';
import { positionLabel, roleLabel } from '../../utils/labels';
import './index.scss';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="mine-page__row">
      <Text className="mine-page__label">{label}</Text>
      <Text className="mine-page__value">{value}</Text>
    </View>
  );
}

export default function MinePage() {
  const { me } = useSession();

  const logout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需要重新登录才能使用。确定退出吗？',
      confirmText: '退出',
      confirmColor: '#c8161d',
      cancelText: '取消',
    });
    if (!confirm) return;
    endSession();
    void Taro.reLaunch({ url: ROUTES.login });
  };

  if (!me) {
    return (
      <View className="page">
        <StateView kind="loading" title="正在进入登录…" />
      </View>
    );
  }

  const isPerson = me.kind === 'person';
  return (
    <View className="page page--with-tabbar mine-page">
      <ProfileCard me={me} />

      <View className="card mine-page__details">
        <Row label="身份" value={roleLabel(me.role)} />
        {isPerson && <Row label="处室" value={me.sectionName ?? '—'} />}
        {isPerson && <Row label="职务" value={positionLabel(me.position) ?? '—'} />}
        {isPerson && <Row label="支部书记" value={me.branchSecretary ? '是' : '否'} />}
        {me.kind === 'citizen' && <Row label="登录方式" value="本设备匿名登录" />}
      </View>

      <Text className="mine-page__hint">个人信息由考评办（监察室）维护，如有错误请联系考评办更正。</Text>

      {isPerson && (
        <View className="list-group mine-page__links">
          <View className="list-row" hoverClass="list-row--hover" data-testid="mine-reminders" onClick={() => void Taro.navigateTo({ url: ROUTES.officerReminders })}>
            <View className="list-row__main">
              <Text className="list-row__title">提醒设置</Text>
              <Text className="list-row__sub">选择接收哪些提醒，订阅微信提醒</Text>
            </View>
            <Text className="list-row__arrow">›</Text>
          </View>
        </View>
      )}

      <View className="main-action">
        <Button type="danger" fill="outline" block size="large" onClick={() => void logout()} data-testid="logout">
          退出登录
        </Button>
      </View>

      <TabBar role={me.role} active="mine" />
    </View>
  );
}

import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Success } from '@nutui/icons-react-taro';
import { useState } from 'react';
import { SURVEY_GROUP_LABELS } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { invitationHome, invitationToken, openInvitation } from '../../../../services/surveys.api';
import './index.scss';

/** An invitation link (`?code=`) opens a session; then the sections to evaluate, one at a time. */
export default function RepresentativeHomePage() {
  const { params } = useRouter();
  const code = params.code ? decodeURIComponent(params.code) : '';
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((n) => n + 1));
  const home = useAsync(async () => {
    // the code opens a session once; later visits (back from a form) use the session
    if (code && !invitationToken()) return openInvitation(code);
    if (invitationToken()) {
      try {
        return await invitationHome();
      } catch (err) {
        if (code) return openInvitation(code);
        throw err;
      }
    }
    if (code) return openInvitation(code);
    throw new Error('请通过考评办发送的邀请链接或二维码进入');
  }, [code, tick]);

  if (home.status === 'loading') return <StateView kind="loading" />;
  if (home.status === 'offline') return <StateView kind="offline" onRetry={home.reload} />;
  if (home.status === 'error') return <StateView kind="error" title="无法打开邀请" description={home.error} />;
  const h = home.data;
  const left = h.sections.filter((s) => !s.done).length;

  if (left === 0) {
    return (
      <View className="page rep-done" data-testid="rep-done">
        <Success size={72} color="#00a870" />
        <Text className="rep-done__title">评价已全部完成，感谢您的支持！</Text>
        <Text className="rep-done__text">您的评价以匿名方式汇总，不会向被评价单位显示您的姓名和具体意见。</Text>
      </View>
    );
  }

  return (
    <View className="page rep-home" data-testid="rep-home">
      <View className="rep-home__head">
        <Text className="rep-home__title">{h.title}</Text>
        <Text className="rep-home__lead">
          {SURVEY_GROUP_LABELS[h.group]} · 待评价 {left} 个单位 · 截止 {h.periodEnd}
        </Text>
      </View>
      {h.sections.map((s) => (
        <View
          key={s.sectionId}
          className={`card rep-home__item ${s.done ? 'rep-home__item--done' : ''}`}
          onClick={() => (s.done ? undefined : void Taro.navigateTo({ url: `/subpackages/representative/pages/form/index?sectionId=${s.sectionId}` }))}
          data-testid={`rep-section-${s.sectionId}`}
        >
          <Text className="rep-home__name">{s.sectionName}</Text>
          <Text className={s.done ? 'rep-home__state rep-home__state--done' : 'rep-home__state'}>{s.done ? '已评价' : '去评价 ›'}</Text>
        </View>
      ))}
      <Text className="rep-home__note">匿名评价：考评办只能看到您是否已完成，看不到您的具体评价。</Text>
    </View>
  );
}

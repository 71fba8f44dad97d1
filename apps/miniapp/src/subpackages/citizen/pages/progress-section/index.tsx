import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { BoardView, OpenDayCard, ProgressBar } from '../../../../components/progress-board';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { PUBLICITY_ROUTES, publicSection } from '../../../../services/publicity.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import './index.scss';

/** One section's approved progress board (tasks, progress timeline, problems solved) and its open days. Public. */
export default function ProgressSectionPage() {
  const router = useRouter();
  const sectionId = router.params?.sectionId ?? '';
  const [year, setYear] = useState<number | undefined>(undefined);
  const data = useAsync(() => publicSection(sectionId, year), [sectionId, year]);

  useEffect(() => {
    if (data.status === 'success') void Taro.setNavigationBarTitle({ title: data.data.sectionName });
  }, [data.status]);

  if (!sectionId) return <StateView kind="error" title="缺少处室" description="请从进度公示列表进入" />;
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status === 'offline') return <StateView kind="offline" onRetry={data.reload} />;
  if (data.status === 'error') return <StateView kind="error" description={data.error} onRetry={data.reload} />;
  const d = data.data;

  return (
    <View className="page progress-section">
      <View className="card progress-section__hero">
        <Text className="progress-section__name" data-testid="progress-section-name">
          {d.sectionName}
        </Text>
        <Text className="progress-section__sub">
          “五比五评”参评单位{d.wubiType ? ` · ${d.wubiType}` : ''} · {d.year} 年度
        </Text>
        {d.board ? (
          <>
            <Text className="progress-section__label">年度重点工作总体进度</Text>
            <ProgressBar percent={d.board.averagePercent} testId="progress-overall" />
            <Text className="progress-section__sub">{chineseDate(isoDate(new Date(d.board.publishedAt)))} 经考评办审核公示</Text>
          </>
        ) : null}
        {d.years.length > 1 ? (
          <View className="progress-section__years">
            {d.years.map((y) => (
              <View key={y} className={`progress-section__year ${y === d.year ? 'progress-section__year--on' : ''}`} onClick={() => setYear(y)}>
                {y} 年
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {d.openDays.length > 0 && (
        <>
          <Text className="section-title">公众开放日</Text>
          {d.openDays.map((od) => (
            <OpenDayCard key={od.id} openDay={od}>
              <View className="main-action">
                <Button
                  type="primary"
                  block
                  size="large"
                  disabled={od.status !== 'open'}
                  onClick={() => void Taro.navigateTo({ url: `${PUBLICITY_ROUTES.register}?id=${od.id}` })}
                  data-testid={`register-${od.id}`}
                >
                  {od.status === 'open' ? '我要报名' : od.statusLabel}
                </Button>
              </View>
            </OpenDayCard>
          ))}
        </>
      )}

      {d.board ? <BoardView content={d.board} /> : <StateView kind="empty" title={`${d.year} 年度进展尚未公示`} description="处室填报、考评办审核后在此公开" />}

      <View className="main-action">
        <Button block fill="none" onClick={() => void Taro.navigateTo({ url: PUBLICITY_ROUTES.mine })}>
          查看我的开放日报名
        </Button>
      </View>
    </View>
  );
}

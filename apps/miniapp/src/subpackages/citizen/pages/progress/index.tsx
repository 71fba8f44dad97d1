import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ProgressBar } from '../../../../components/progress-board';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { PUBLICITY_ROUTES, publicSections } from '../../../../services/publicity.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import './index.scss';

/** 进度公示: the sections taking part in 五比五评, each with its approved yearly tasks and progress (public). */
export default function ProgressListPage() {
  const list = useAsync(() => publicSections(), []);
  return (
    <View className="page progress-list">
      <Text className="notice">参加“五比五评”的科室（二级机构）按年度公示重点工作进展和为群众解决问题的情况，内容经局考评办审核后发布，欢迎监督。</Text>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="暂无参评单位" />
        ) : (
          list.data.map((s) => (
            <View
              key={s.sectionId}
              className="card progress-list__item"
              hoverClass="list-row--hover"
              onClick={() => void Taro.navigateTo({ url: `${PUBLICITY_ROUTES.section}?sectionId=${s.sectionId}` })}
              data-testid={`progress-section-${s.sectionId}`}
            >
              <View className="progress-list__head">
                <Text className="progress-list__name">{s.sectionName}</Text>
                {s.wubiType ? <Text className="badge">{s.wubiType}</Text> : null}
                {s.upcomingOpenDays > 0 ? <Text className="badge badge--green">开放日报名中</Text> : null}
              </View>
              {s.published ? (
                <>
                  <ProgressBar percent={s.averagePercent} />
                  <Text className="progress-list__meta">
                    {s.year} 年 · 重点工作 {s.taskCount} 项 · 为群众解决问题 {s.problemCount} 个
                    {s.publishedAt ? ` · ${chineseDate(isoDate(new Date(s.publishedAt)))}更新` : ''}
                  </Text>
                </>
              ) : (
                <Text className="progress-list__meta">{s.year} 年度进展尚未公示</Text>
              )}
            </View>
          ))
        ))}
      <View className="main-action">
        <Button block size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: PUBLICITY_ROUTES.mine })} data-testid="go-my-registration">
          我的开放日报名
        </Button>
      </View>
    </View>
  );
}

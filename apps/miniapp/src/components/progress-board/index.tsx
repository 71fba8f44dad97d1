import { Text, View } from '@tarojs/components';
import type { BoardContent, OpenDayDto } from '@kaoping/contracts';
import { OPEN_DAY_AUDIENCE_LABELS } from '@kaoping/contracts';
import type { ReactNode } from 'react';
import { chineseDate } from '../../utils/date';
import './index.scss';

/** A horizontal progress bar with its percent. */
export function ProgressBar({ percent, testId }: { percent: number; testId?: string }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <View className="pb-bar" data-testid={testId}>
      <View className="pb-bar__track">
        <View className={`pb-bar__fill ${p >= 100 ? 'pb-bar__fill--done' : ''}`} style={{ width: `${p}%` }} />
      </View>
      <Text className="pb-bar__value">{p}%</Text>
    </View>
  );
}

/**
 * A board's key tasks (progress bar, timeline of dated notes) and the problems solved for the public. Used by the
 * public page, the section's editor preview and the office's review.
 */
export function BoardView({ content, taskActions }: { content: BoardContent; taskActions?: (taskId: string) => ReactNode }) {
  return (
    <View className="pb">
      <Text className="section-title">年度重点工作（{content.tasks.length} 项）</Text>
      {content.tasks.length === 0 ? (
        <View className="card">
          <Text className="muted">尚未填写年度重点工作</Text>
        </View>
      ) : (
        content.tasks.map((task, i) => (
          <View key={task.id} className="card pb-task" data-testid="board-task">
            <Text className="pb-task__title">
              {i + 1}. {task.title}
            </Text>
            {task.description ? <Text className="pb-task__desc">{task.description}</Text> : null}
            <ProgressBar percent={task.percent} testId="board-task-progress" />
            {task.updates.length ? (
              <View className="pb-timeline">
                {task.updates.map((u, j) => (
                  <View key={u.id} className="pb-timeline__item">
                    <View className={`pb-timeline__dot ${j === 0 ? 'pb-timeline__dot--latest' : ''}`} />
                    <View className="pb-timeline__body">
                      <Text className="pb-timeline__date">
                        {chineseDate(u.date)} · 完成 {u.percent}%
                      </Text>
                      <Text className="pb-timeline__text">{u.text}</Text>
                    </View>
                  </View>
                ))}
              </View>
            ) : (
              <Text className="pb-task__none">暂无进展记录</Text>
            )}
            {taskActions ? taskActions(task.id) : null}
          </View>
        ))
      )}
      <Text className="section-title">为群众解决的问题（{content.problems.length} 个）</Text>
      {content.problems.length === 0 ? (
        <View className="card">
          <Text className="muted">暂无</Text>
        </View>
      ) : (
        <View className="card">
          {content.problems.map((p) => (
            <View key={p.id} className="pb-problem" data-testid="board-problem">
              <View className="pb-problem__head">
                <Text className="pb-problem__title">{p.title}</Text>
                <Text className="badge badge--green">已解决</Text>
              </View>
              <Text className="pb-problem__solution">{p.solution}</Text>
              <Text className="pb-problem__date">{chineseDate(p.solvedOn)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** An open day's essentials: time, place, seats, status. */
export function OpenDayCard({ openDay, children }: { openDay: OpenDayDto; children?: ReactNode }) {
  const od = openDay;
  return (
    <View className="card pb-openday" data-testid={`open-day-${od.id}`}>
      <View className="pb-openday__head">
        <Text className="pb-openday__title">{od.title}</Text>
        <Text className={`badge ${od.status === 'open' ? 'badge--green' : od.status === 'full' ? 'badge--red' : 'badge--grey'}`}>{od.statusLabel}</Text>
      </View>
      <Text className="pb-openday__line">时间：{od.startsLocal}</Text>
      <Text className="pb-openday__line">地点：{od.place}</Text>
      <Text className="pb-openday__line">对象：{od.audiences.map((a) => OPEN_DAY_AUDIENCE_LABELS[a]).join('、')}</Text>
      <Text className="pb-openday__line">
        名额：{od.capacity} 人，剩余 {od.remaining} 人 · 报名截止 {od.deadlineLocal}
      </Text>
      {od.description ? <Text className="pb-openday__desc">{od.description}</Text> : null}
      {children}
    </View>
  );
}

import { useDidShow } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { TASK_STATUS_LABELS, type RectificationTaskDto } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { Chips } from '../../../../components/review-ui';
import { PhotoField, type PickedPhoto } from '../../../../components/photo-field';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { completeTask, listTasks } from '../../../../services/reviews.api';
import { chineseDate } from '../../../../utils/date';

type Filter = 'open' | 'done';

/** One task: what, who, by when; open tasks of the caller (owner, the section's chief, the office) get the 整改完成 form. */
function TaskCard({ task, canFinish, onDone }: { task: RectificationTaskDto; canFinish: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (note.trim().length < 2) return setError('请写明整改落实情况');
    setBusy(true);
    setError(null);
    try {
      await completeTask(task.id, { followUp: note.trim(), fileIds: files.map((f) => f.id) });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid={`task-${task.id}`}>
      <Text className="rv__row-title">
        {task.title}
        <Text className={`rv__tag${task.status === 'done' ? ' rv__tag--green' : ''}`}>{TASK_STATUS_LABELS[task.status]}</Text>
        {task.overdue ? <Text className="rv__tag rv__tag--red">{task.status === 'done' ? '逾期完成' : '已逾期'}</Text> : null}
      </Text>
      <Text className="rv__row-sub">
        {task.sectionName} · 责任人 {task.ownerName} · 时限 {chineseDate(task.deadline)} · {task.year} 年第 {task.quarter} 季度监察考评会
      </Text>
      {task.status === 'done' ? (
        <>
          <Text className="rv__text">
            {chineseDate(task.doneOn ?? '')} {task.doneByName}：{task.followUp}
          </Text>
          <EvidenceFiles files={task.files} testId={`task-files-${task.id}`} />
        </>
      ) : canFinish && !open ? (
        <View className="rv__action">
          <Button type="primary" fill="outline" block size="large" onClick={() => setOpen(true)} data-testid={`task-open-${task.id}`}>
            填写整改情况
          </Button>
        </View>
      ) : null}
      {open && task.status === 'open' ? (
        <View>
          <Text className="rv__field">整改落实情况</Text>
          <Textarea className="rv__textarea" data-testid={`task-note-${task.id}`} value={note} maxlength={2000} placeholder="做了什么、结果如何、怎样防止反弹……" onInput={(e) => setNote(e.detail.value)} />
          <Text className="rv__field">佐证照片（可选）</Text>
          <PhotoField files={files} onChange={setFiles} onError={setError} label="照片" testId={`task-photo-${task.id}`} />
          {error ? <Text className="rv__error">{error}</Text> : null}
          <View className="rv__action">
            <Button type="primary" block size="large" loading={busy} onClick={submit} data-testid={`task-done-${task.id}`}>
              整改完成
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 整改任务 from the 季度监察考评会: staff see the tasks they own, chiefs their section's, the office and leaders all.
 * The owner (or the section's chief, or the office) marks a task done with what was done and evidence photos.
 */
export default function ReviewTasksPage() {
  const { me } = useSession();
  const [filter, setFilter] = useState<Filter>('open');
  const tasks = useAsync(() => listTasks({ status: filter }), [filter]);
  useDidShow(() => tasks.reload());
  const canFinish = (t: RectificationTaskDto) => !!me && (t.ownerId === me.id || me.role === 'office' || (me.role === 'chief' && me.sectionId === t.sectionId));
  return (
    <View className="page">
      <Chips testId="tasks-filter" value={filter} onChange={setFilter} options={[{ key: 'open', label: '整改中' }, { key: 'done', label: '已完成' }]} />
      {tasks.status === 'loading' ? <StateView kind="loading" /> : null}
      {tasks.status === 'error' || tasks.status === 'offline' ? <StateView kind={tasks.status} description={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.status === 'success' && tasks.data.length === 0 ? (
        <StateView kind="empty" title={filter === 'open' ? '没有待整改的任务' : '还没有完成的整改任务'} description="季度监察考评会交办的整改任务会出现在这里" />
      ) : null}
      {tasks.status === 'success'
        ? tasks.data.map((t) => <TaskCard key={t.id} task={t} canFinish={canFinish(t)} onDone={tasks.reload} />)
        : null}
    </View>
  );
}

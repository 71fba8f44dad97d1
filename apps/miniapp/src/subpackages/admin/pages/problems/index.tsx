import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { createProblem, listProblems, problemStats, solveProblem } from '../../../../services/complaints.api';
import { listSections } from '../../../../services/org.api';
import '../complaints/complaints.scss';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 问题清单 → 任务 → 责任处室 → 时限 → 解决; solved per section this month against the 1–2 target. */
export default function ProblemsPage() {
  const { me } = useSession();
  const month = today().slice(0, 7);
  const list = useAsync(listProblems, []);
  const stats = useAsync(() => (me?.role === 'office' || me?.role === 'leader' ? problemStats(month) : Promise.resolve(null)), [me?.role]);
  const sections = useAsync(listSections, []);
  const [title, setTitle] = useState('');
  const [task, setTask] = useState('');
  const [sectionIndex, setSectionIndex] = useState(0);
  const [deadline, setDeadline] = useState(today());
  const [pending, setPending] = useState(false);
  const sectionList = sections.status === 'success' ? sections.data : [];

  const add = async () => {
    const section = sectionList[sectionIndex];
    if (!section) return;
    setPending(true);
    try {
      await createProblem({ title: title.trim(), task: task.trim(), sectionId: section.id, deadline });
      setTitle('');
      setTask('');
      list.reload();
      stats.reload();
    } catch {
      // toast shown by http.ts
    } finally {
      setPending(false);
    }
  };

  const solve = async (id: string) => {
    try {
      await solveProblem(id, '已解决');
      list.reload();
      stats.reload();
    } catch {
      // toast shown by http.ts
    }
  };

  return (
    <View className="page cw">
      {stats.status === 'success' && stats.data && (
        <View className="cw__item">
          <Text className="section-title">
            {month} 各处室解决问题数（目标每月 {stats.data.target.min}–{stats.data.target.max} 个）
          </Text>
          {stats.data.sections.map((s) => (
            <View key={s.sectionId} className="cw__stat">
              <Text>{s.sectionName}</Text>
              <Text className={s.met ? '' : 'cw__cost'}>
                已解决 {s.solved} · 在办 {s.open}
              </Text>
            </View>
          ))}
        </View>
      )}
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="问题清单暂无内容" />
        ) : (
          list.data.map((p) => (
            <View key={p.id} className={`cw__item ${p.overdue ? 'cw__item--overdue' : ''}`}>
              <View>
                <Text className={`badge ${p.status === 'solved' ? 'badge--green' : ''}`}>{p.status === 'solved' ? '已解决' : '在办'}</Text>
                {p.overdue && <Text className="badge badge--red">超期</Text>}
              </View>
              <Text className="cw__content">{p.title}</Text>
              <Text className="cw__meta">任务：{p.task}</Text>
              <Text className="cw__meta">
                责任处室：{p.sectionName} · 时限 {p.deadline}
                {p.solvedOn ? ` · ${p.solvedOn} 解决` : ''}
              </Text>
              {p.status === 'open' && (me?.role === 'office' || (me?.role === 'chief' && me.sectionId === p.sectionId)) && (
                <View className="main-action">
                  <Button block fill="outline" onClick={() => void solve(p.id)}>
                    标记已解决
                  </Button>
                </View>
              )}
            </View>
          ))
        ))}
      {me?.role === 'office' && (
        <View className="cw__item">
          <Text className="section-title">列入问题清单</Text>
          <Text className="cw__field">问题</Text>
          <Input className="cw__input" maxlength={200} value={title} onInput={(e) => setTitle(e.detail.value)} />
          <Text className="cw__field">任务</Text>
          <Textarea className="cw__textarea" maxlength={1000} value={task} onInput={(e) => setTask(e.detail.value)} />
          <Text className="cw__field">责任处室</Text>
          <Picker mode="selector" range={sectionList.map((s) => s.name)} value={sectionIndex} onChange={(e) => setSectionIndex(Number(e.detail.value))}>
            <View className="cw__input list-row">
              <Text>{sectionList[sectionIndex]?.name ?? '加载中…'}</Text>
            </View>
          </Picker>
          <Text className="cw__field">时限</Text>
          <Picker mode="date" value={deadline} onChange={(e) => setDeadline(e.detail.value)}>
            <View className="cw__input list-row">
              <Text>{deadline}</Text>
            </View>
          </Picker>
          <View className="main-action">
            <Button type="primary" block loading={pending} disabled={title.trim().length < 2 || task.trim().length < 2 || !sectionList.length} onClick={() => void add()}>
              列入清单
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

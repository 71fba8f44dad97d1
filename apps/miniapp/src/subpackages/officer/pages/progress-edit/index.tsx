import Taro from '@tarojs/taro';
import { Input, Picker, Slider, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { BOARD_LIMITS, type BoardDto } from '@kaoping/contracts';
import { ProgressBar } from '../../../../components/progress-board';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { listProblems } from '../../../../services/complaints.api';
import { ApiError, errorMessage } from '../../../../services/http';
import { getBoard, saveBoard, submitBoard } from '../../../../services/publicity.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import { contentOf, draftOf, newItemId, type Draft } from './board-draft';
import './index.scss';

/** A note being written for one task. */
interface NoteForm {
  taskId: string;
  date: string;
  percent: number;
  text: string;
}

/**
 * 进度公示填报 for the section's chief and deputies: yearly key tasks with dated progress notes, problems solved for
 * the public; save a draft, then submit it to the office. The approved version stays public until the next approval.
 */
export default function ProgressEditPage() {
  const { me } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const sectionId = me?.sectionId ?? '';
  const loaded = useAsync(() => (sectionId ? getBoard(sectionId, year) : Promise.resolve(null)), [sectionId, year]);
  const solved = useAsync(() => (sectionId ? listProblems().then((list) => list.filter((p) => p.status === 'solved' && p.sectionId === sectionId)) : Promise.resolve([])), [sectionId]);
  const [board, setBoard] = useState<BoardDto | null>(null);
  const [draft, setDraft] = useState<Draft>({ tasks: [], problems: [] });
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [note, setNote] = useState<NoteForm | null>(null);
  const [taskTitle, setTaskTitle] = useState('');
  const [taskDesc, setTaskDesc] = useState('');
  const [problemTitle, setProblemTitle] = useState('');
  const [problemSolution, setProblemSolution] = useState('');
  const [problemDate, setProblemDate] = useState(isoDate());
  const [linkIndex, setLinkIndex] = useState(0);

  useEffect(() => {
    if (loaded.status === 'success' && loaded.data) {
      setBoard(loaded.data);
      setDraft(draftOf(loaded.data.draft));
      setDirty(false);
    }
  }, [loaded.status, loaded.data]);

  const change = (next: Draft) => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
  };

  if (!me) return <StateView kind="loading" />;
  if (!sectionId) return <StateView kind="empty" title="您不属于任何处室" />;
  if (loaded.status === 'loading' && !board) return <StateView kind="loading" />;
  if (loaded.status === 'offline') return <StateView kind="offline" onRetry={loaded.reload} />;
  if (loaded.status === 'error' && loaded.error.includes('未参加')) return <StateView kind="empty" title="本处室无需填报" description={loaded.error} />;
  if (loaded.status === 'error') return <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />;
  if (!board) return <StateView kind="loading" />;

  const content = contentOf(draft);
  const editable = board.canEdit;
  const today = isoDate();
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31` < today ? `${year}-12-31` : today;

  const save = async () => {
    setBusy(true);
    try {
      const next = await saveBoard(sectionId, year, { revision: board.revision, ...draft });
      setBoard(next);
      setDraft(draftOf(next.draft));
      setDirty(false);
      setMessage({ ok: true, text: next.published ? '草稿已保存。公众仍看到已公示的版本，提交审核通过后更新。' : '草稿已保存，确认无误后请提交考评办审核。' });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError && err.code === 'CONFLICT' ? `${err.message}（您的修改尚未保存）` : errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const next = await submitBoard(sectionId, year, board.revision);
      setBoard(next);
      setMessage({ ok: true, text: '已提交考评办审核，审核通过后向公众公示。' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const addTask = () => {
    if (taskTitle.trim().length < 2) return setMessage({ ok: false, text: '请填写重点工作名称（至少 2 个字）' });
    change({ ...draft, tasks: [...draft.tasks, { id: newItemId(), title: taskTitle.trim(), ...(taskDesc.trim() ? { description: taskDesc.trim() } : {}), updates: [] }] });
    setTaskTitle('');
    setTaskDesc('');
  };

  const removeTask = (id: string) => {
    void Taro.showModal({ title: '删除这项重点工作？', content: '它的进展记录也会一并删除（保存后生效）。' }).then((r) => {
      if (r.confirm) change({ ...draft, tasks: draft.tasks.filter((t) => t.id !== id) });
    });
  };

  // (inputs update the note through functional updates: a late input event from the textarea losing focus must not
  // bring back a note that was just added)
  const addNote = () => {
    if (!note) return;
    if (note.text.trim().length < 2) return setMessage({ ok: false, text: '请填写进展情况' });
    change({ ...draft, tasks: draft.tasks.map((t) => (t.id === note.taskId ? { ...t, updates: [...t.updates, { id: newItemId(), date: note.date, percent: note.percent, text: note.text.trim() }] } : t)) });
    setNote(null);
  };

  const removeNote = (taskId: string, noteId: string) => {
    change({ ...draft, tasks: draft.tasks.map((t) => (t.id === taskId ? { ...t, updates: t.updates.filter((u) => u.id !== noteId) } : t)) });
  };

  const addProblem = () => {
    if (problemTitle.trim().length < 2 || problemSolution.trim().length < 2) return setMessage({ ok: false, text: '请填写问题和解决情况' });
    change({ ...draft, problems: [...draft.problems, { id: newItemId(), title: problemTitle.trim(), solution: problemSolution.trim(), solvedOn: problemDate }] });
    setProblemTitle('');
    setProblemSolution('');
  };

  const solvedList = (solved.status === 'success' ? solved.data : []).filter((p) => p.solvedOn?.startsWith(`${year}-`) && !draft.problems.some((x) => x.problemId === p.id));
  const importProblem = () => {
    const p = solvedList[linkIndex];
    if (!p) return;
    change({ ...draft, problems: [...draft.problems, { id: newItemId(), title: p.title, solution: p.solution ?? '已解决', solvedOn: p.solvedOn!, problemId: p.id }] });
    setLinkIndex(0);
  };

  const mainAction = dirty
    ? { label: editable ? '保存草稿' : '该年度不能修改', run: save, disabled: !editable }
    : (board.status === 'draft' || board.status === 'returned') && editable
      ? { label: draft.tasks.length ? '提交考评办审核' : '请先添加年度重点工作', run: submit, disabled: !draft.tasks.length }
      : {
          label: !editable ? `${year} 年度的公示只能查看` : board.status === 'submitted' ? '已提交，等待考评办审核（修改会撤回提交）' : board.status === 'approved' ? '已公示。修改后可再次提交审核' : '请先添加年度重点工作并保存',
          run: async () => undefined,
          disabled: true,
        };

  return (
    <View className="page pe">
      <View className="card">
        <View className="pe__head">
          <Text className="pe__section">{board.sectionName}</Text>
          <Text className={`badge ${board.status === 'approved' ? 'badge--green' : board.status === 'returned' ? 'badge--red' : ''}`} data-testid="board-status">
            {dirty ? '有未保存的修改' : board.statusLabel}
          </Text>
        </View>
        <View className="pe__years">
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <View key={y} className={`pe__year ${y === year ? 'pe__year--on' : ''}`} onClick={() => !dirty && setYear(y)}>
              {y} 年
            </View>
          ))}
        </View>
        {board.returnReason ? <Text className="notice notice--warning">考评办退回意见：{board.returnReason}</Text> : null}
        {board.published && board.unpublishedChanges ? <Text className="pe__hint">公众目前看到的是 {chineseDate(isoDate(new Date(board.publishedAt!)))} 审核通过的版本。</Text> : null}
        {!editable ? <Text className="pe__hint">{year} 年度的公示只能查看，不能修改。</Text> : null}
      </View>

      <Text className="section-title">年度重点工作（{draft.tasks.length}/{BOARD_LIMITS.tasks}）</Text>
      {content.tasks.map((task, i) => (
        <View key={task.id} className="card" data-testid="edit-task">
          <View className="pe__task-head">
            <Text className="pe__task-title">
              {i + 1}. {task.title}
            </Text>
            {editable ? (
              <Text className="pe__link pe__link--danger" onClick={() => removeTask(task.id)}>
                删除
              </Text>
            ) : null}
          </View>
          {task.description ? <Text className="pe__desc">{task.description}</Text> : null}
          <ProgressBar percent={task.percent} />
          {task.updates.map((u) => (
            <View key={u.id} className="pe__note">
              <View className="pe__note-main">
                <Text className="pe__note-date">
                  {chineseDate(u.date)} · {u.percent}%
                </Text>
                <Text className="pe__note-text">{u.text}</Text>
              </View>
              {editable ? (
                <Text className="pe__link pe__link--danger" onClick={() => removeNote(task.id, u.id)}>
                  删除
                </Text>
              ) : null}
            </View>
          ))}
          {editable && note?.taskId === task.id ? (
            <View key="note-form" className="pe__form" data-testid="note-form">
              <Picker mode="date" value={note.date} start={yearStart} end={yearEnd} onChange={(e) => setNote((n) => (n ? { ...n, date: e.detail.value } : n))}>
                <View className="pe__input pe__picker">进展日期：{note.date}</View>
              </Picker>
              <Text className="pe__label">完成 {note.percent}%</Text>
              <Slider min={0} max={100} step={5} value={note.percent} activeColor="#1661d8" onChange={(e) => setNote((n) => (n ? { ...n, percent: e.detail.value } : n))} />
              <Textarea className="pe__textarea" placeholder="本次进展：做了什么、效果如何" maxlength={BOARD_LIMITS.updateText} value={note.text} onInput={(e) => setNote((n) => (n ? { ...n, text: e.detail.value } : n))} data-testid="note-text" />
              <View className="pe__row">
                <Button fill="outline" onClick={() => setNote(null)}>
                  取消
                </Button>
                <Button type="primary" onClick={addNote} data-testid="note-add">
                  添加进展
                </Button>
              </View>
            </View>
          ) : editable && task.updates.length < BOARD_LIMITS.updatesPerTask ? (
            // (its own key: a fresh node, so the click that adds a note cannot land on it as the form closes)
            <View key="note-open" className="pe__add" onClick={() => setNote({ taskId: task.id, date: today.startsWith(`${year}-`) ? today : yearEnd, percent: task.percent, text: '' })} data-testid="note-open">
              + 记录进展
            </View>
          ) : null}
        </View>
      ))}
      {editable && draft.tasks.length < BOARD_LIMITS.tasks ? (
        <View className="card">
          <Text className="pe__label">新增年度重点工作</Text>
          <Input className="pe__input" placeholder="工作名称" maxlength={BOARD_LIMITS.taskTitle} value={taskTitle} onInput={(e) => setTaskTitle(e.detail.value)} data-testid="task-title" />
          <Textarea className="pe__textarea" placeholder="目标与措施（可不填）" maxlength={BOARD_LIMITS.taskDescription} value={taskDesc} onInput={(e) => setTaskDesc(e.detail.value)} />
          <View className="pe__add" onClick={addTask} data-testid="task-add">
            + 添加这项工作
          </View>
        </View>
      ) : null}

      <Text className="section-title">为群众解决的问题（{draft.problems.length}）</Text>
      {content.problems.length > 0 && (
        <View className="card">
          {content.problems.map((p) => (
            <View key={p.id} className="pe__note">
              <View className="pe__note-main">
                <Text className="pe__note-text">{p.title}</Text>
                <Text className="pe__note-date">
                  {chineseDate(p.solvedOn)} · {p.solution}
                </Text>
              </View>
              {editable ? (
                <Text className="pe__link pe__link--danger" onClick={() => change({ ...draft, problems: draft.problems.filter((x) => x.id !== p.id) })}>
                  删除
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
      {editable && draft.problems.length < BOARD_LIMITS.problems ? (
        <View className="card">
          {solvedList.length > 0 && (
            <>
              <Text className="pe__label">从问题清单导入（本处室已解决）</Text>
              <Picker mode="selector" range={solvedList.map((p) => p.title)} value={linkIndex} onChange={(e) => setLinkIndex(Number(e.detail.value))}>
                <View className="pe__input pe__picker">{solvedList[linkIndex]?.title ?? '请选择'}</View>
              </Picker>
              <View className="pe__add" onClick={importProblem}>
                + 导入
              </View>
            </>
          )}
          <Text className="pe__label">新增一条</Text>
          <Input className="pe__input" placeholder="群众反映的问题" maxlength={BOARD_LIMITS.problemTitle} value={problemTitle} onInput={(e) => setProblemTitle(e.detail.value)} />
          <Textarea className="pe__textarea" placeholder="解决情况" maxlength={BOARD_LIMITS.problemSolution} value={problemSolution} onInput={(e) => setProblemSolution(e.detail.value)} />
          <Picker mode="date" value={problemDate} start={yearStart} end={yearEnd} onChange={(e) => setProblemDate(e.detail.value)}>
            <View className="pe__input pe__picker">解决日期：{problemDate}</View>
          </Picker>
          <View className="pe__add" onClick={addProblem}>
            + 添加
          </View>
        </View>
      ) : null}

      {message ? (
        <Text className={message.ok ? 'notice' : 'notice notice--warning'} data-testid="board-message">
          {message.text}
        </Text>
      ) : null}
      {mainAction.disabled && !busy ? (
        <Text className="pe__status" data-testid="board-main-status">
          {mainAction.label}
        </Text>
      ) : (
        <View className="main-action pe__sticky">
          <Button type="primary" block size="large" loading={busy} disabled={busy} onClick={() => void mainAction.run()} data-testid="board-main-action">
            {mainAction.label}
          </Button>
        </View>
      )}
    </View>
  );
}

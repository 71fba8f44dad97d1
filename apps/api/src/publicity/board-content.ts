/** Pure helpers of the 进度公示 content: turning an edit into stored rows, and rows into what pages show. */
import type { BoardContent, BoardProblem, BoardTask } from '@kaoping/contracts';

export interface UpdateRow {
  key: string;
  date: string;
  percent: number;
  text: string;
}

/** A task as stored (either stage), without row identity. */
export interface TaskRow {
  key: string;
  sortOrder: number;
  title: string;
  description: string | null;
  /** Oldest first (stable for notes of the same day). */
  updates: UpdateRow[];
}

export interface ProblemRow {
  key: string;
  sortOrder: number;
  title: string;
  solution: string;
  solvedOn: string;
  problemId: string | null;
}

export interface BoardEdit {
  tasks: { id?: string; title: string; description?: string; updates: { id?: string; date: string; percent: number; text: string }[] }[];
  problems: { id?: string; title: string; solution: string; solvedOn: string; problemId?: string }[];
}

export interface EditProblem {
  field: string;
  message: string;
}

/**
 * Rows for an edit: ids kept (or made with `newId`), notes sorted by date, dates checked against the board's year
 * and today. Returns the first problem found instead, naming the field (`tasks.2.updates.0.date`).
 */
export function rowsFromEdit(edit: BoardEdit, year: number, today: string, newId: () => string): { tasks: TaskRow[]; problems: ProblemRow[] } | EditProblem {
  const seen = new Set<string>();
  const keyOf = (id: string | undefined, field: string): string | EditProblem => {
    const key = id ?? newId();
    if (seen.has(key)) return { field, message: `${field} 编号重复` };
    seen.add(key);
    return key;
  };
  const dateProblem = (date: string, field: string, what: string): EditProblem | null => {
    if (!date.startsWith(`${year}-`)) return { field, message: `${what}必须在 ${year} 年内` };
    if (date > today) return { field, message: `${what}不能晚于今天（${today}）` };
    return null;
  };
  const tasks: TaskRow[] = [];
  for (const [i, t] of edit.tasks.entries()) {
    const key = keyOf(t.id, `tasks.${i}.id`);
    if (typeof key !== 'string') return key;
    const updates: UpdateRow[] = [];
    for (const [j, u] of t.updates.entries()) {
      const ukey = keyOf(u.id, `tasks.${i}.updates.${j}.id`);
      if (typeof ukey !== 'string') return ukey;
      const bad = dateProblem(u.date, `tasks.${i}.updates.${j}.date`, '进展日期');
      if (bad) return bad;
      updates.push({ key: ukey, date: u.date, percent: u.percent, text: u.text });
    }
    // oldest first; notes of one day keep the order they were given in
    const ordered = updates.map((u, idx) => ({ u, idx })).sort((a, b) => (a.u.date === b.u.date ? a.idx - b.idx : a.u.date < b.u.date ? -1 : 1)).map((x) => x.u);
    tasks.push({ key, sortOrder: i, title: t.title, description: t.description ? t.description : null, updates: ordered });
  }
  const problems: ProblemRow[] = [];
  for (const [i, p] of edit.problems.entries()) {
    const key = keyOf(p.id, `problems.${i}.id`);
    if (typeof key !== 'string') return key;
    const bad = dateProblem(p.solvedOn, `problems.${i}.solvedOn`, '解决日期');
    if (bad) return bad;
    problems.push({ key, sortOrder: i, title: p.title, solution: p.solution, solvedOn: p.solvedOn, problemId: p.problemId ?? null });
  }
  return { tasks, problems };
}

export function isEditProblem(v: unknown): v is EditProblem {
  return !!v && typeof v === 'object' && 'field' in v && 'message' in v;
}

/** A task's percent complete: that of its latest note, 0 without one. */
export function taskPercent(updates: readonly UpdateRow[]): number {
  return updates.length ? updates[updates.length - 1]!.percent : 0;
}

/** The rounded mean of the tasks' percents (0 for no tasks). */
export function averagePercent(tasks: readonly { percent: number }[]): number {
  if (!tasks.length) return 0;
  return Math.round(tasks.reduce((s, t) => s + t.percent, 0) / tasks.length);
}

export function sameTask(a: TaskRow, b: TaskRow): boolean {
  return (
    a.sortOrder === b.sortOrder &&
    a.title === b.title &&
    (a.description ?? null) === (b.description ?? null) &&
    a.updates.length === b.updates.length &&
    a.updates.every((u, i) => {
      const v = b.updates[i]!;
      return u.key === v.key && u.date === v.date && u.percent === v.percent && u.text === v.text;
    })
  );
}

export function sameProblem(a: ProblemRow, b: ProblemRow): boolean {
  return a.sortOrder === b.sortOrder && a.title === b.title && a.solution === b.solution && a.solvedOn === b.solvedOn && (a.problemId ?? null) === (b.problemId ?? null);
}

/** What pages show: items in order, notes newest first, each task's percent. `problemId` only for staff views. */
export function contentOf(tasks: readonly TaskRow[], problems: readonly ProblemRow[], withProblemIds: boolean): BoardContent {
  const bySort = <T extends { sortOrder: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    tasks: bySort(tasks).map(
      (t): BoardTask => ({
        id: t.key,
        title: t.title,
        description: t.description,
        percent: taskPercent(t.updates),
        updates: [...t.updates].reverse().map((u) => ({ id: u.key, date: u.date, percent: u.percent, text: u.text })),
      }),
    ),
    problems: bySort(problems).map(
      (p): BoardProblem => ({
        id: p.key,
        title: p.title,
        solution: p.solution,
        solvedOn: p.solvedOn,
        ...(withProblemIds ? { problemId: p.problemId } : {}),
      }),
    ),
  };
}

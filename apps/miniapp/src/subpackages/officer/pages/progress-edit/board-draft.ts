import type { BoardContent, BoardTask } from '@kaoping/contracts';
import type { BoardInput } from '../../../../services/publicity.api';

/** The editor's working copy of a board: what `PUT /api/publicity/boards/…` takes (ids kept). */
export type Draft = Omit<BoardInput, 'revision'>;

let counter = 0;
/** An id for a new item (letters, digits, dashes: what the API accepts). */
export function newItemId(): string {
  counter += 1;
  return `n${Date.now().toString(36)}-${counter}`;
}

export function draftOf(content: BoardContent): Draft {
  return {
    tasks: content.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      // oldest first, as they were written
      updates: [...t.updates].reverse().map((u) => ({ id: u.id, date: u.date, percent: u.percent, text: u.text })),
    })),
    problems: content.problems.map((p) => ({ id: p.id, title: p.title, solution: p.solution, solvedOn: p.solvedOn, ...(p.problemId ? { problemId: p.problemId } : {}) })),
  };
}

/** What the page shows for a working copy: notes newest first, a task's percent that of its latest note. */
export function contentOf(d: Draft): BoardContent {
  return {
    tasks: d.tasks.map((t): BoardTask => {
      const ordered = t.updates.map((u, i) => ({ u, i })).sort((a, b) => (a.u.date === b.u.date ? a.i - b.i : a.u.date < b.u.date ? -1 : 1)).map((x) => x.u);
      const latest = ordered[ordered.length - 1];
      return {
        id: t.id ?? '',
        title: t.title,
        description: t.description ?? null,
        percent: latest ? latest.percent : 0,
        updates: [...ordered].reverse().map((u) => ({ id: u.id ?? '', date: u.date, percent: u.percent, text: u.text })),
      };
    }),
    problems: d.problems.map((p) => ({ id: p.id ?? '', title: p.title, solution: p.solution, solvedOn: p.solvedOn, problemId: p.problemId ?? null })),
  };
}

import { averagePercent, contentOf, isEditProblem, rowsFromEdit, sameTask, taskPercent } from './board-content.js';
import { makeCheckInCode } from './open-days.service.js';

describe('进度公示 content', () => {
  let n = 0;
  const newId = () => `id${++n}`;

  it('keeps given ids, makes new ones, sorts notes oldest first (same day: as given), percent of the latest', () => {
    const rows = rowsFromEdit(
      {
        tasks: [
          {
            id: 'keep',
            title: '任务',
            updates: [
              { date: '2026-05-01', percent: 60, text: '五月' },
              { date: '2026-03-01', percent: 20, text: '三月' },
              { date: '2026-05-01', percent: 65, text: '五月第二次' },
            ],
          },
        ],
        problems: [{ title: '问题', solution: '解决', solvedOn: '2026-04-01' }],
      },
      2026,
      '2026-06-10',
      newId,
    );
    if (isEditProblem(rows)) throw new Error(rows.message);
    expect(rows.tasks[0]!.key).toBe('keep');
    expect(rows.tasks[0]!.updates.map((u) => u.text)).toEqual(['三月', '五月', '五月第二次']);
    expect(taskPercent(rows.tasks[0]!.updates)).toBe(65);
    expect(rows.problems[0]!.key).toMatch(/^id\d+$/);
    const content = contentOf(rows.tasks, rows.problems, false);
    expect(content.tasks[0]!.updates.map((u) => u.text)).toEqual(['五月第二次', '五月', '三月']);
    expect(content.problems[0]).not.toHaveProperty('problemId');
    expect(contentOf(rows.tasks, rows.problems, true).problems[0]).toHaveProperty('problemId', null);
  });

  it('names the first bad field: another year, a future date, a repeated id', () => {
    const base = { problems: [] };
    expect(rowsFromEdit({ ...base, tasks: [{ title: 't', updates: [{ date: '2025-12-31', percent: 1, text: 'x' }] }] }, 2026, '2026-06-10', newId)).toEqual({ field: 'tasks.0.updates.0.date', message: '进展日期必须在 2026 年内' });
    expect(rowsFromEdit({ ...base, tasks: [{ title: 't', updates: [{ date: '2026-06-11', percent: 1, text: 'x' }] }] }, 2026, '2026-06-10', newId)).toEqual({ field: 'tasks.0.updates.0.date', message: '进展日期不能晚于今天（2026-06-10）' });
    expect(rowsFromEdit({ ...base, tasks: [{ id: 'a', title: 't', updates: [{ id: 'a', date: '2026-01-01', percent: 1, text: 'x' }] }] }, 2026, '2026-06-10', newId)).toMatchObject({ field: 'tasks.0.updates.0.id' });
  });

  it('averages, and compares rows by content and order', () => {
    expect(averagePercent([])).toBe(0);
    expect(averagePercent([{ percent: 45 }, { percent: 30 }])).toBe(38);
    const a = { key: 'k', sortOrder: 0, title: 't', description: null, updates: [{ key: 'u', date: '2026-01-01', percent: 5, text: 'x' }] };
    expect(sameTask(a, { ...a })).toBe(true);
    expect(sameTask(a, { ...a, sortOrder: 1 })).toBe(false);
    expect(sameTask(a, { ...a, updates: [{ ...a.updates[0]!, percent: 6 }] })).toBe(false);
  });

  it('check-in codes: 8 characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(makeCheckInCode()).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    let k = 0;
    expect(makeCheckInCode(() => k++ % 31)).toBe('ABCDEFGH');
  });
});

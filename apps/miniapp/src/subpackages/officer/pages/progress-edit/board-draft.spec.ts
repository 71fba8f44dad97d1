import { contentOf, draftOf, newItemId } from './board-draft';

describe('the board editor’s working copy', () => {
  const content = {
    tasks: [
      {
        id: 't1',
        title: '专项督查',
        description: null,
        percent: 45,
        updates: [
          { id: 'u2', date: '2026-05-20', percent: 45, text: '第二次' },
          { id: 'u1', date: '2026-03-15', percent: 20, text: '第一次' },
        ],
      },
    ],
    problems: [{ id: 'p1', title: '噪音', solution: '已调整', solvedOn: '2026-05-08', problemId: null }],
  };

  it('round-trips: what the API sends comes back the same, notes oldest first in the copy', () => {
    const draft = draftOf(content);
    expect(draft.tasks[0]!.updates.map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(draft.tasks[0]).not.toHaveProperty('description');
    expect(draft.problems[0]).not.toHaveProperty('problemId');
    expect(contentOf(draft)).toEqual(content);
  });

  it('a note added for an earlier day does not become the latest; percent follows the latest date', () => {
    const draft = draftOf(content);
    draft.tasks[0]!.updates.push({ id: 'u3', date: '2026-04-01', percent: 30, text: '补记' });
    const shown = contentOf(draft).tasks[0]!;
    expect(shown.percent).toBe(45);
    expect(shown.updates.map((u) => u.id)).toEqual(['u2', 'u3', 'u1']);
  });

  it('new item ids are unique and what the API accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newItemId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,36}$/);
  });
});

import { checkDeductions, loadScoreSheet, parseScoreSheet, sheetTotal } from './score-sheet.js';
import { mean, rankBy } from './ranking.js';

describe('卫生秩序 score sheet', () => {
  it('the seeded sheet is valid and totals 100 over hygiene and office order', () => {
    const sheet = loadScoreSheet();
    expect(sheet.max).toBe(100);
    expect(new Set(sheet.items.map((i) => i.group))).toEqual(new Set(['卫生', '办公秩序']));
    expect(sheet.items.map((i) => i.label)).toEqual(expect.arrayContaining(['办公桌面整洁', '物品摆放有序', '无卫生死角', '着装仪表', '工作纪律']));
  });

  it('names every problem of a broken sheet', () => {
    expect(() => parseScoreSheet({ version: '1', title: 't', items: [{ id: 'a', group: 'g', label: 'l', max: 0, standard: 's' }, { id: 'a', group: '', label: 'l', max: 5, standard: 's' }] })).toThrow(
      /items\[0\]\.max.*items\[1\]\.id “a”重复.*items\[1\]\.group/,
    );
    expect(() => parseScoreSheet({})).toThrow(/version.*title.*items/);
  });

  it('totals are full marks less deductions, never below zero', () => {
    const sheet = parseScoreSheet({ version: '1', title: 't', items: [{ id: 'a', group: 'g', label: 'A', max: 10, standard: 's' }, { id: 'b', group: 'g', label: 'B', max: 5, standard: 's' }] });
    expect(sheetTotal(sheet, [])).toBe(15);
    expect(sheetTotal(sheet, [{ points: 2.5 }, { points: 5 }])).toBe(7.5);
    expect(sheetTotal(sheet, [{ points: 10 }, { points: 5 }, { points: 3 }])).toBe(0);
  });

  it('deductions: known item, once per item, within its maximum, in halves', () => {
    const sheet = loadScoreSheet();
    expect(checkDeductions(sheet, [{ itemId: 'desk', points: 2, note: '杂乱' }])).toBeNull();
    expect(checkDeductions(sheet, [{ itemId: 'nope', points: 2, note: 'x' }])).toMatchObject({ field: 'deductions.0.itemId' });
    expect(checkDeductions(sheet, [{ itemId: 'desk', points: 2, note: 'x' }, { itemId: 'desk', points: 1, note: 'y' }])).toMatchObject({ field: 'deductions.1.itemId' });
    expect(checkDeductions(sheet, [{ itemId: 'appearance', points: 16, note: 'x' }])).toMatchObject({ field: 'deductions.0.points', message: expect.stringContaining('15') });
    expect(checkDeductions(sheet, [{ itemId: 'desk', points: 1.3, note: 'x' }])).toMatchObject({ field: 'deductions.0.points' });
  });
});

describe('ranking', () => {
  it('highest first; equal scores share a place', () => {
    const rows = [
      { id: 'a', v: 90 },
      { id: 'b', v: 95 },
      { id: 'c', v: 90 },
      { id: 'd', v: 80 },
    ];
    expect(rankBy(rows, (r) => r.v, (x, y) => x.id.localeCompare(y.id)).map((r) => `${r.id}${r.rank}`)).toEqual(['b1', 'a2', 'c2', 'd4']);
    expect(mean([90, 95, 80])).toBe(88.33);
    expect(mean([])).toBeNull();
  });
});

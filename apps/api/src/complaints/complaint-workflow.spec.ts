import { actionsFrom, isOverdue, makeTrackingCode, normaliseTrackingCode, safeCell, transition, TRACKING_CODE_PATTERN } from './complaint-workflow.js';
import { parseCsv, parseLocalDateTime } from './complaint-import.service.js';

describe('complaint workflow (pure)', () => {
  it('allows the documented path and refuses the rest, naming the current status', () => {
    expect(transition('received', 'assign')).toEqual({ ok: true, to: 'assigned' });
    expect(transition('assigned', 'investigate')).toEqual({ ok: true, to: 'investigated' });
    expect(transition('investigated', 'verify')).toEqual({ ok: true, to: 'verified' });
    expect(transition('investigated', 'dismiss')).toEqual({ ok: true, to: 'unfounded' });
    expect(transition('verified', 'reply')).toEqual({ ok: true, to: 'replied' });
    const refused = transition('received', 'reply');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('已受理');
    expect(transition('replied', 'merge').ok).toBe(false);
    expect(actionsFrom('replied')).toEqual([]);
    expect(actionsFrom('received')).toEqual(['assign', 'merge']);
  });

  it('judges 限时办结 by bureau-zone dates', () => {
    expect(isOverdue('assigned', '2026-06-12', '2026-06-12')).toBe(false);
    expect(isOverdue('assigned', '2026-06-12', '2026-06-13')).toBe(true);
    expect(isOverdue('replied', '2026-06-12', '2026-06-20', '2026-06-11')).toBe(false);
    expect(isOverdue('replied', '2026-06-12', '2026-06-20', '2026-06-13')).toBe(true);
    expect(isOverdue('received', null, '2026-06-13')).toBe(false);
  });

  it('makes unambiguous tracking codes and reads them back forgivingly', () => {
    let n = 0;
    const code = makeTrackingCode((max) => n++ % max);
    expect(code).toMatch(TRACKING_CODE_PATTERN);
    expect(code).not.toMatch(/[01ILO]/);
    expect(normaliseTrackingCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
  });

  it('never lets user text become a spreadsheet formula', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('+86 138')).toBe("'+86 138");
    expect(safeCell('-x')).toBe("'-x");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('普通文本')).toBe('普通文本');
    expect(safeCell(null)).toBe('');
  });

  it('parses CSV with quotes, BOM and CRLF, and local times in the bureau zone', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",2\r\n\r\n')).toEqual([['a', 'b'], ['x, "y"', '2']]);
    expect(parseLocalDateTime('2026-06-01 09:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-06-01T01:00:00.000Z');
    expect(parseLocalDateTime('2026/6/2', 'Asia/Shanghai')?.toISOString()).toBe('2026-06-01T16:00:00.000Z');
    expect(parseLocalDateTime('2026-02-30 10:00', 'Asia/Shanghai')).toBeNull();
  });
});

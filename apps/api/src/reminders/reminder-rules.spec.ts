import { closingSoon, daysLeft, diaryDue, inWindow, monthStart, previousMonth, whenLeft } from './reminder-rules.js';
import { kindsFor } from './reminders.service.js';

describe('reminder rules', () => {
  it('delivers only inside the window (start inclusive, end exclusive)', () => {
    expect(inWindow('08:59', '09:00-20:00')).toBe(false);
    expect(inWindow('09:00', '09:00-20:00')).toBe(true);
    expect(inWindow('19:59', '09:00-20:00')).toBe(true);
    expect(inWindow('20:00', '09:00-20:00')).toBe(false);
    expect(inWindow('23:59', '00:00-24:00')).toBe(true);
  });

  it('reminds of the diary from the configured time on', () => {
    expect(diaryDue('16:59', '17:00')).toBe(false);
    expect(diaryDue('17:00', '17:00')).toBe(true);
  });

  it('a deadline is closing when it is today, tomorrow or the day after', () => {
    expect(closingSoon('2025-09-15', '2025-09-14')).toBe(false);
    expect(closingSoon('2025-09-15', '2025-09-15')).toBe(true);
    expect(closingSoon('2025-09-15', '2025-09-17')).toBe(true);
    expect(closingSoon('2025-09-15', '2025-09-18')).toBe(false);
    expect(closingSoon('2025-12-31', '2026-01-02')).toBe(true);
    expect(closingSoon('2025-09-15', null)).toBe(false);
    expect(daysLeft('2024-02-28', '2024-03-01')).toBe(2);
    expect(['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-20'].map((d) => whenLeft('2025-09-15', d))).toEqual(['今天', '明天', '后天', '5 天后']);
  });

  it('months: the previous one across a year, and the first day of this one', () => {
    expect(previousMonth('2025-01-03')).toBe('2024-12');
    expect(previousMonth('2025-10-01')).toBe('2025-09');
    expect(monthStart('2025-09-15')).toBe('2025-09-01');
  });

  it('lists the kinds that apply to a person', () => {
    const base = { role: 'staff' as const, position: 'staff' as const, sectionId: 'zf1', branchSecretary: false };
    expect(kindsFor(base)).toEqual(['diary', 'incident', 'survey']);
    expect(kindsFor({ ...base, branchSecretary: true })).toEqual(['diary', 'incident', 'survey', 'meeting_pace']);
    expect(kindsFor({ ...base, role: 'chief', position: 'chief' })).toEqual(['diary', 'leave_approval', 'incident', 'survey', 'monthly_report', 'meeting_pace']);
    expect(kindsFor({ ...base, role: 'chief', position: 'deputy' })).toEqual(['diary', 'incident', 'survey']);
    expect(kindsFor({ role: 'office', position: null, sectionId: null, branchSecretary: false })).toEqual(['leave_approval', 'incident', 'survey']);
    expect(kindsFor({ role: 'leader', position: null, sectionId: null, branchSecretary: false })).toEqual(['incident', 'survey']);
  });
});

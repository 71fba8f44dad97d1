import { pace } from './pace.js';

describe('pace against a yearly target', () => {
  it('warns from September when behind: "14/24，进度落后"', () => {
    expect(pace(14, 24, 2026, '2026-09-01')).toMatchObject({ behind: true, expected: 16, message: '14/24，进度落后' });
  });
  it('does not warn before September, however short', () => {
    expect(pace(2, 24, 2026, '2026-08-31')).toMatchObject({ behind: false, message: '2/24' });
  });
  it('does not warn when on pace', () => {
    expect(pace(16, 24, 2026, '2026-09-01')).toMatchObject({ behind: false });
    expect(pace(18, 24, 2026, '2026-10-01')).toMatchObject({ behind: false, expected: 18 });
    expect(pace(17, 24, 2026, '2026-10-01')).toMatchObject({ behind: true });
  });
  it('a past year is judged against the whole target', () => {
    expect(pace(23, 24, 2025, '2026-01-05')).toMatchObject({ behind: true, message: '23/24，全年未达标' });
    expect(pace(24, 24, 2025, '2026-01-05')).toMatchObject({ behind: false, message: '24/24，已完成' });
  });
  it('works for 12 支部活动 and 30 调研 days', () => {
    expect(pace(7, 12, 2026, '2026-11-15').behind).toBe(true);
    expect(pace(30, 30, 2026, '2026-09-15')).toMatchObject({ behind: false, message: '30/30，已完成' });
  });
});

import { localDate } from './time.js';

describe('localDate judges the calendar day in the bureau zone, not the server zone', () => {
  it('puts 2024-03-04T17:30Z on 2024-03-05 in Asia/Shanghai (UTC+8) and on 2024-03-04 in UTC', () => {
    const instant = new Date('2024-03-04T17:30:00Z');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2024-03-05');
    expect(localDate(instant, 'UTC')).toBe('2024-03-04');
  });
});

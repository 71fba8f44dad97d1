/**
 * Named scenarios for QIN-1: 上班时间晚于规定时间20分钟的，下班时间早于规定时间15分钟的，每次扣当事人1分 (六.(三).1).
 * Reading: late when clockIn ≥ scheduledIn + 20 min, early when clockOut ≤ scheduledOut − 15 min; each is −1.
 * An approved leave of any type, a field assignment (外勤) or a trip spanning the date covers it.
 */
import { bureau, person, run } from '../helpers';
import type { AttendanceInput } from '../../src';

const row = (date: string, clockIn: string | null, clockOut: string | null): AttendanceInput => ({
  personId: 's1',
  date,
  scheduledIn: '08:30',
  scheduledOut: '17:30',
  clockIn,
  clockOut,
});

describe('QIN-1 thresholds (20 / 15 minutes)', () => {
  it('08:50 is 20 min late → −1; 08:49 → 0; 17:15 is 15 min early → −1; 17:16 → 0; late and early the same day → −2', () => {
    const r = run(
      bureau({
        attendance: [
          row('2024-03-04', '08:50', '17:30'), // −1
          row('2024-03-05', '08:49', '17:30'), // 0
          row('2024-03-06', '08:30', '17:15'), // −1
          row('2024-03-07', '08:30', '17:16'), // 0
          row('2024-03-08', '09:00', '17:00'), // −1 −1
        ],
      }),
    );
    const qin = person(r, 's1').dimensions.qin;
    expect(qin.score).toBe(96);
    expect(qin.items).toEqual([
      { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-04' },
      { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-06' },
      { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-08' },
      { rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-08' },
    ]);
    // No cascade: 每次扣当事人1分.
    expect(person(r, 'c1').dimensions.qin.items).toEqual([]);
  });

  it('covered by an approved leave, a field assignment or a trip: no QIN-1', () => {
    const r = run(
      bureau({
        attendance: [row('2024-03-04', '10:00', '17:30'), row('2024-03-05', '10:00', '17:30'), row('2024-03-06', '10:00', '12:00')],
        leaves: [
          { personId: 's1', type: 'field', from: '2024-03-04', to: '2024-03-04' },
          { personId: 's1', type: 'trip', from: '2024-03-05', to: '2024-03-05' },
          { personId: 's1', type: 'sick', from: '2024-03-06', to: '2024-03-06' },
        ],
      }),
    );
    expect(person(r, 's1').dimensions.qin.items).toEqual([]);
  });

  it('a missing punch is not a late arrival: flagged, not deducted', () => {
    const r = run(bureau({ attendance: [row('2024-03-04', null, '17:30'), row('2024-03-05', '09:00', null)] }));
    const p = person(r, 's1');
    expect(p.dimensions.qin.items).toEqual([{ rule: 'QIN-1', points: -1, source: 'attendance:s1:2024-03-05' }]);
    expect(p.flags).toEqual(['attendance:missing-punch:2024-03-04', 'attendance:missing-punch:2024-03-05', 'minzhu:not-rated']);
  });
});

/**
 * Named scenarios for QIN-3: 一个月之内请假办私事多于3天时间的，每多一天扣当事人1分（婚假、产假、病假、探亲假、公休假、丧假除外）
 * (六.(三).3). Working days = Monday–Friday minus `holidays`, plus `workdays` (调休); per calendar month.
 */
import { bureau, person, run } from '../helpers';

const MAY_DAY = { holidays: ['2024-05-01', '2024-05-02', '2024-05-03'], workdays: ['2024-05-11'] };

describe('QIN-3 personal leave per calendar month', () => {
  it('2024-05-06 … 05-11: Mon–Fri (5) + Saturday 05-11 (调休 workday) = 6 days → 3 over → −3', () => {
    const r = run(bureau({ ...MAY_DAY, leaves: [{ personId: 's1', type: 'personal', from: '2024-05-06', to: '2024-05-11' }] }));
    expect(person(r, 's1').dimensions.qin.items).toEqual([{ rule: 'QIN-3', points: -3, source: 'leaves:s1:2024-05' }]);
  });

  it('2024-04-29 … 05-08 spans two months: April 29, 30 = 2 days; May 1–3 holidays, 4–5 weekend, 6–8 = 3 days → nothing', () => {
    const r = run(bureau({ ...MAY_DAY, leaves: [{ personId: 's1', type: 'personal', from: '2024-04-29', to: '2024-05-08' }] }));
    expect(person(r, 's1').dimensions.qin.items).toEqual([]);
  });

  it('two personal leaves in May (3 + 2 days) → 5 days → −2; sick, marriage … annual, funeral, field, trip never count', () => {
    const r = run(
      bureau({
        ...MAY_DAY,
        leaves: [
          { personId: 's1', type: 'personal', from: '2024-05-06', to: '2024-05-08' },
          { personId: 's1', type: 'personal', from: '2024-05-13', to: '2024-05-14' },
          { personId: 's1', type: 'sick', from: '2024-05-20', to: '2024-05-31' },
          { personId: 's2', type: 'marriage', from: '2024-06-03', to: '2024-06-14' },
          { personId: 's2', type: 'annual', from: '2024-07-01', to: '2024-07-12' },
          { personId: 's2', type: 'funeral', from: '2024-08-01', to: '2024-08-09' },
          { personId: 's2', type: 'family_visit', from: '2024-09-02', to: '2024-09-13' },
          { personId: 'd1', type: 'maternity', from: '2024-03-01', to: '2024-06-30' },
          { personId: 'd1', type: 'trip', from: '2024-09-02', to: '2024-09-13' },
          { personId: 'd1', type: 'field', from: '2024-10-08', to: '2024-10-18' },
        ],
      }),
    );
    expect(person(r, 's1').dimensions.qin.items).toEqual([{ rule: 'QIN-3', points: -2, source: 'leaves:s1:2024-05' }]);
    expect(person(r, 's2').dimensions.qin.items).toEqual([]);
    expect(person(r, 'd1').dimensions.qin.items).toEqual([]);
  });

  it('a leave across the year boundary counts only its days inside the year', () => {
    // 2024-12-26 (Thu) … 2025-01-03: inside 2024 = 26, 27, 30, 31 = 4 days → −1.
    const r = run(bureau({ leaves: [{ personId: 's1', type: 'personal', from: '2024-12-26', to: '2025-01-03' }] }));
    expect(person(r, 's1').dimensions.qin.items).toEqual([{ rule: 'QIN-3', points: -1, source: 'leaves:s1:2024-12' }]);
  });
});

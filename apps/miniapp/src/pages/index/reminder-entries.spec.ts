import type { Me, Role } from '@kaoping/contracts';
import { ROUTES } from '../../services/routes';
import { entriesFor } from './entries';

const me = (role: Role): Me => ({ kind: 'person', id: 'p1', name: '测试', role, position: role === 'chief' ? 'chief' : role === 'leader' ? null : 'staff', sectionId: role === 'leader' ? null : 'zf1', sectionName: role === 'leader' ? null : '执法一处', branchSecretary: false });

describe('reminder entries', () => {
  it('only the office gets 提醒发送记录, under 管理', () => {
    const log = entriesFor(me('office')).find((e) => e.key === 'reminder-log');
    expect(log).toMatchObject({ group: 'admin', title: '提醒发送记录', url: ROUTES.adminReminderLog });
    for (const role of ['staff', 'chief', 'leader'] as const) expect(entriesFor(me(role)).some((e) => e.key === 'reminder-log')).toBe(false);
  });
});

import type { Me, Role } from '@kaoping/contracts';
import { entriesFor } from './entries';

function me(role: Role, sectionId: string | null): Me {
  return { kind: 'person', id: 'p1', name: '测试', role, position: role === 'chief' ? 'chief' : 'staff', sectionId, sectionName: sectionId ? '执法一处' : null, branchSecretary: false };
}
const urls = (role: Role, sectionId: string | null) => Object.fromEntries(entriesFor(me(role, sectionId)).map((e) => [e.key, e.url]));

describe('home entries: 五比五评三年周期 and 卫生秩序检查', () => {
  it('the office and leaders get the cycle planner and the office checks', () => {
    for (const role of ['office', 'leader'] as const) {
      const u = urls(role, null);
      expect(u['wubi-cycle']).toBe('/subpackages/admin/pages/wubi-cycle/index');
      expect(u['order-checks']).toBe('/subpackages/admin/pages/order-checks/index');
      expect(u['my-order-checks']).toBeUndefined();
    }
  });
  it('chiefs and staff of a section see their own section’s results only', () => {
    for (const role of ['chief', 'staff'] as const) {
      const u = urls(role, 'zf1');
      expect(u['my-order-checks']).toBe('/subpackages/officer/pages/order-checks/index');
      expect(u['order-checks']).toBeUndefined();
      expect(u['wubi-cycle']).toBeUndefined();
    }
    expect(urls('staff', null)['my-order-checks']).toBeUndefined();
  });
});

import type { Me, Role } from '@kaoping/contracts';
import { ENTRY_GROUPS, groupEntries } from '../../components/entry-list/groups';
import { entriesFor } from './entries';

function me(role: Role, extra: Partial<Me> = {}): Me {
  const person = role !== 'citizen' && role !== 'representative';
  return {
    kind: person ? 'person' : (role as 'citizen' | 'representative'),
    id: 'p1',
    name: '测试',
    role,
    position: role === 'chief' ? 'chief' : person && role !== 'leader' ? 'staff' : null,
    sectionId: role === 'leader' || !person ? null : 'zf1',
    sectionName: role === 'leader' || !person ? null : '执法一处',
    branchSecretary: false,
    ...extra,
  };
}

/** key → group title, for one role. */
function groupsOf(role: Role, extra?: Partial<Me>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of groupEntries(entriesFor(me(role, extra)))) for (const e of s.entries) out[e.key] = s.title;
  return out;
}

describe('home entries in groups', () => {
  it('the office home: every entry in a group, the new records pages under 考评, tools under 管理', () => {
    const g = groupsOf('office', { sectionId: 'kpb', sectionName: '考评办' });
    expect(g).toMatchObject({
      notices: '日常',
      section: '日常',
      diary: '日常',
      'att-clock': '考勤',
      'att-month': '考勤',
      'att-admin': '考勤',
      'att-approvals': '考勤',
      meetings: '台账',
      research: '台账',
      integrity: '台账',
      rules: '考评',
      incidents: '考评',
      'incident-import': '考评',
      inspections: '考评',
      commendations: '考评',
      vetoes: '考评',
      ratings: '考评',
      leaderboard: '考评',
      'my-score': '考评',
      complaints: '管理',
      surveys: '管理',
      audit: '管理',
      people: '管理',
    });
    // group headers in the fixed order, none empty, nothing lost or duplicated
    const sections = groupEntries(entriesFor(me('office', { sectionId: 'kpb', sectionName: '考评办' })));
    expect(sections.map((s) => s.title)).toEqual(['日常', '考勤', '台账', '考评', '管理']);
    const keys = sections.flatMap((s) => s.entries.map((e) => e.key));
    expect(keys).toHaveLength(entriesFor(me('office', { sectionId: 'kpb', sectionName: '考评办' })).length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('staff: no office tools; a chief gets section tools; a leader reads inspections and commendations but not vetoes', () => {
    const staff = groupsOf('staff');
    expect(staff).toMatchObject({ notices: '日常', 'att-clock': '考勤', integrity: '台账', incidents: '考评' });
    for (const k of ['inspections', 'commendations', 'vetoes', 'incident-import', 'audit', 'people', 'complaints', 'leaderboard']) expect(staff[k]).toBeUndefined();

    const chief = groupsOf('chief');
    expect(chief).toMatchObject({ 'diary-review': '日常', 'att-section': '考勤', 'att-approvals': '考勤', ratings: '考评', complaints: '管理' });
    expect(chief.inspections).toBeUndefined();

    const leader = groupsOf('leader');
    expect(leader).toMatchObject({ inspections: '考评', commendations: '考评', surveys: '管理', 'att-admin': '考勤' });
    expect(leader.vetoes).toBeUndefined();
    expect(leader['incident-import']).toBeUndefined();
  });

  it('citizens and representatives: one 服务 group, no 消息通知', () => {
    expect(groupEntries(entriesFor(me('citizen'))).map((s) => s.title)).toEqual(['服务']);
    expect(groupEntries(entriesFor(me('representative'))).map((s) => s.title)).toEqual(['服务']);
    expect(groupsOf('citizen').notices).toBeUndefined();
  });

  it('every group is known and keeps the entries in their order', () => {
    const all = entriesFor(me('office'));
    for (const e of all) expect(ENTRY_GROUPS).toContain(e.group);
    const daily = groupEntries(all).find((s) => s.group === 'daily')!;
    expect(daily.entries.map((e) => e.key)).toEqual(all.filter((e) => e.group === 'daily').map((e) => e.key));
  });
});

import type { Me, Role } from '@kaoping/contracts';
import { entriesFor } from './entries';

function me(role: Role): Me {
  return {
    kind: 'person',
    id: 'p1',
    name: '测试',
    role,
    position: role === 'chief' ? 'chief' : role === 'leader' ? null : 'staff',
    sectionId: role === 'leader' ? null : 'zf1',
    sectionName: role === 'leader' ? null : '执法一处',
    branchSecretary: false,
  };
}

const keys = (role: Role) => entriesFor(me(role)).map((e) => e.key).filter((k) => k.startsWith('gov-'));

describe('home entries of the duty and system ledgers', () => {
  it('a chief maintains the section: duties, systems, applications, coordination', () => {
    expect(keys('chief')).toEqual(['gov-duties', 'gov-systems', 'gov-applications', 'gov-coordination']);
  });
  it('staff read duties and systems and handle coordination given to them', () => {
    expect(keys('staff')).toEqual(['gov-duties', 'gov-systems', 'gov-coordination']);
  });
  it('the office reviews, approves (with merges) and confirms breaks', () => {
    expect(keys('office')).toEqual(['gov-duties', 'gov-systems', 'gov-coordination', 'gov-ledgers', 'gov-approvals', 'gov-coordination-review']);
  });
  it('leaders read', () => {
    expect(keys('leader')).toEqual(['gov-duties', 'gov-systems', 'gov-ledgers']);
  });
});

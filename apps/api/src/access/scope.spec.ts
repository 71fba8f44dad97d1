import type { Principal } from './principal.js';
import { canReadPerson, canReadSection, peopleScope } from './scope.js';

const person = (role: 'staff' | 'chief' | 'office' | 'leader', id = 'me', sectionId: string | null = 'zf1'): Principal => ({
  kind: 'person',
  id,
  name: '测试',
  role,
  sectionId,
  sectionName: '执法一处',
  position: role === 'chief' ? 'chief' : 'staff',
  branchSecretary: false,
});

describe('data scope', () => {
  const colleague = { id: 'other', sectionId: 'zf1' };
  const stranger = { id: 'far', sectionId: 'zf2' };

  it('staff read only themselves', () => {
    expect(peopleScope(person('staff'))).toEqual({ kind: 'self', personId: 'me' });
    expect(canReadPerson(person('staff'), { id: 'me', sectionId: 'zf1' })).toBe(true);
    expect(canReadPerson(person('staff'), colleague)).toBe(false);
  });

  it('chiefs read their own section only', () => {
    expect(canReadPerson(person('chief'), colleague)).toBe(true);
    expect(canReadPerson(person('chief'), stranger)).toBe(false);
    expect(canReadSection(person('chief'), 'zf2')).toBe(false);
  });

  it('office and leaders read the whole bureau', () => {
    for (const role of ['office', 'leader'] as const) {
      expect(canReadPerson(person(role, 'x', 'jcs'), stranger)).toBe(true);
      expect(canReadSection(person(role, 'x', null), 'zf2')).toBe(true);
    }
  });

  it('citizens and representatives read no staff records', () => {
    const citizen: Principal = { kind: 'citizen', id: 'c', role: 'citizen' };
    const rep: Principal = { kind: 'representative', id: 'r', role: 'representative' };
    expect(canReadPerson(citizen, stranger)).toBe(false);
    expect(canReadSection(rep, 'zf1')).toBe(false);
  });
});

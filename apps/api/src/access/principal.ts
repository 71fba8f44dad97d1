import type { Position, Role, StaffRole } from '@kaoping/contracts';

/** Who is calling, resolved from the token (and, for staff, from today's membership). */
export type Principal =
  | {
      kind: 'person';
      id: string;
      name: string;
      role: StaffRole;
      sectionId: string | null;
      sectionName: string | null;
      position: Position | null;
      branchSecretary: boolean;
    }
  | { kind: 'citizen'; id: string; role: 'citizen' }
  | { kind: 'representative'; id: string; role: 'representative' };

export type PersonPrincipal = Extract<Principal, { kind: 'person' }>;

/** A person's access role: an explicit bureau-wide role, else their position today. */
export function staffRole(accessRole: 'office' | 'leader' | null, position: Position | null): StaffRole {
  if (accessRole) return accessRole;
  return position === 'chief' || position === 'deputy' ? 'chief' : 'staff';
}

export function isRole(p: Principal, ...roles: Role[]): boolean {
  return roles.includes(p.role);
}

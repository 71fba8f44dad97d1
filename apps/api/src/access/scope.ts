import { DomainError } from '../common/errors/domain-error.js';
import type { Principal } from './principal.js';

/**
 * Data scope, in one place: a staff member sees their own records, a chief their section,
 * the office and the leaders the whole bureau. External personas see no staff records.
 */
export type PeopleScope = { kind: 'all' } | { kind: 'section'; sectionId: string } | { kind: 'self'; personId: string } | { kind: 'none' };

export function peopleScope(p: Principal): PeopleScope {
  if (p.kind !== 'person') return { kind: 'none' };
  switch (p.role) {
    case 'office':
    case 'leader':
      return { kind: 'all' };
    case 'chief':
      return p.sectionId ? { kind: 'section', sectionId: p.sectionId } : { kind: 'self', personId: p.id };
    case 'staff':
      return { kind: 'self', personId: p.id };
  }
}

/** May `p` read records of the person `target` (whose section today is `target.sectionId`)? */
export function canReadPerson(p: Principal, target: { id: string; sectionId: string | null }): boolean {
  const scope = peopleScope(p);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'section':
      return target.sectionId === scope.sectionId || target.id === (p as { id: string }).id;
    case 'self':
      return target.id === scope.personId;
    case 'none':
      return false;
  }
}

export function assertCanReadPerson(p: Principal, target: { id: string; sectionId: string | null }): void {
  if (!canReadPerson(p, target)) throw DomainError.forbidden('无权查看该人员的信息');
}

/** May `p` read section-level records (members, ledgers) of `sectionId`? Staff and chiefs: their own section. */
export function canReadSection(p: Principal, sectionId: string): boolean {
  if (p.kind !== 'person') return false;
  if (p.role === 'office' || p.role === 'leader') return true;
  return p.sectionId === sectionId;
}

export function assertCanReadSection(p: Principal, sectionId: string): void {
  if (!canReadSection(p, sectionId)) throw DomainError.forbidden('无权查看其他处室的信息');
}

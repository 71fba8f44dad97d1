import { POSITION_LABELS, ROLE_LABELS, type Me, type Position, type Role } from '@kaoping/contracts';

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

export function positionLabel(position: Position | null | undefined): string | null {
  return position ? POSITION_LABELS[position] : null;
}

/** "执法一处 · 处长（主任）" or whatever of it is known. */
export function sectionLine(me: Pick<Me, 'sectionName' | 'position'>): string {
  return [me.sectionName, positionLabel(me.position)].filter(Boolean).join(' · ');
}

export function isStaffRole(role: Role): boolean {
  return role === 'staff' || role === 'chief' || role === 'office' || role === 'leader';
}

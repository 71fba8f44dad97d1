import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';

/** Loads one row by id for an update inside a transaction (row-locked on MySQL; SQLite serialises writers). */
export async function lockOrNull<T extends ObjectLiteral>(ds: DataSource, em: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  const qb = em.getRepository(entity).createQueryBuilder('x').where('x.id = :id', { id });
  if (ds.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return qb.getOne();
}

/** `lockOrNull`, with NOT_FOUND naming `id` when there is no such row. */
export async function lockOne<T extends ObjectLiteral>(ds: DataSource, em: EntityManager, entity: EntityTarget<T>, id: string, what: string): Promise<T> {
  const row = await lockOrNull(ds, em, entity, id);
  if (!row) throw DomainError.notFound(what, 'id');
  return row;
}

/** A chief (or deputy) of the section, or an office member who belongs to it: may act for the section. */
export function actsForSection(user: PersonPrincipal, sectionId: string): boolean {
  return (user.role === 'chief' || user.role === 'office') && user.sectionId === sectionId;
}

/** Office and leaders read the whole bureau. */
export function isBureau(user: PersonPrincipal): boolean {
  return user.role === 'office' || user.role === 'leader';
}

export function iso(d: Date | null | undefined): string | null {
  return d ? new Date(d).toISOString() : null;
}

/** The approved version in force on `today`: the latest `effectiveFrom` on or before it, ties broken by `seq`. */
export function inForce<T extends { status: string; effectiveFrom: string; seq: number }>(rows: T[], today: string): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.status !== 'approved' || r.effectiveFrom > today) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.seq > best.seq)) best = r;
  }
  return best;
}

import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { bumpFactsGeneration } from '../scoring/facts-generation.js';

/**
 * Inserts an anonymous answer (survey response, 民主测评 score) WITHOUT entity listeners: the audit log records the
 * actor of every audited write, and an answer next to its writer's id is exactly what anonymity forbids. The scores
 * are still marked stale (facts generation), as the audit subscriber would have done.
 */
export async function insertAnonymous<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  await em.createQueryBuilder().insert().into(target).values(row).callListeners(false).execute();
}

/**
 * Marks the scores stale after the answer's transaction committed: the generation row is one hot row, and bumping it
 * inside every answer's transaction would serialise all submissions on its lock. Bumping after the commit is still
 * safe: any score computed before the bump is seen as stale. Callers bump on a repeat that found the answer already
 * stored as well, since a first attempt may have died between its commit and its bump (the phone then retries).
 */
export async function markFactsChanged(em: EntityManager): Promise<void> {
  await bumpFactsGeneration(em);
}

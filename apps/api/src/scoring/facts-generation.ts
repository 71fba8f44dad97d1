import type { EntityManager } from 'typeorm';
import { ScoreState } from './score.entities.js';

export const FACTS_KEY = 'facts';
export const computedKey = (scheme: string, year: number) => `computed:${scheme}:${year}`;

/** Marks every stored score stale: one counter, bumped inside the writing transaction. */
export async function bumpFactsGeneration(em: EntityManager): Promise<void> {
  const res = await em
    .createQueryBuilder()
    .update(ScoreState)
    .set({ generation: () => 'generation + 1' })
    .where('name = :name', { name: FACTS_KEY })
    .callListeners(false)
    .execute();
  if (res.affected) return;
  try {
    await em.createQueryBuilder().insert().into(ScoreState).values({ name: FACTS_KEY, generation: 1, error: null, computedAt: null }).callListeners(false).execute();
  } catch {
    await em.createQueryBuilder().update(ScoreState).set({ generation: () => 'generation + 1' }).where('name = :name', { name: FACTS_KEY }).callListeners(false).execute();
  }
}

export async function factsGeneration(em: EntityManager): Promise<number> {
  const row = await em.getRepository(ScoreState).findOneBy({ name: FACTS_KEY });
  return row?.generation ?? 0;
}

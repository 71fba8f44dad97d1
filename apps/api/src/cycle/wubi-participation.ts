import type { EntityManager } from 'typeorm';
import { Section } from '../org/section.entity.js';
import { WubiCycleEntry } from './cycle.entities.js';

export interface WubiParticipation {
  year: number;
  /** `plan`: a saved three-year cycle covers the year; `default`: no plan, every listed section takes part. */
  source: 'plan' | 'default';
  startYear: number | null;
  /** Ids of the sections whose heads are 五比五评 subjects that year. */
  sectionIds: Set<string>;
}

/**
 * Who takes part in 五比五评 in `year`: the sections the saved cycle plan names for that year (still listed, i.e. with a
 * 五比五评 type), or — when no plan covers the year — every listed section (附件1), as before cycles were planned.
 * The one place the scoring service, the records module and the pages ask.
 */
export async function wubiParticipation(em: EntityManager, year: number): Promise<WubiParticipation> {
  const listed = new Set((await em.getRepository(Section).find()).filter((s) => s.wubiType !== null).map((s) => s.id));
  const entries = await em.getRepository(WubiCycleEntry).findBy({ year });
  if (entries.length === 0) return { year, source: 'default', startYear: null, sectionIds: listed };
  return { year, source: 'plan', startYear: entries[0]!.startYear, sectionIds: new Set(entries.map((e) => e.sectionId).filter((id) => listed.has(id))) };
}

/** Shorthand: the participating section ids of `year`. */
export async function wubiSectionIds(em: EntityManager, year: number): Promise<Set<string>> {
  return (await wubiParticipation(em, year)).sectionIds;
}

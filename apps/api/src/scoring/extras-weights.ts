import type { Scheme } from '@kaoping/scoring';
import type { SchemeId } from '@kaoping/contracts';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { schemeById } from './scheme-files.js';

/**
 * The office's weights of the jiguan extra components (附加项权重, seed 000 七.(一)). The scheme file ships weight 0
 * (the document gives none); a row here replaces the file's weight of one component when scores are computed.
 * A write marks every score stale (the audit subscriber bumps the facts generation).
 */
@Entity('scheme_extras_weights')
export class ExtrasWeight {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  scheme!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  component!: string;

  /** Share of the total, 0–1. */
  @Column({ type: 'double' })
  weight!: number;

  @Column({ type: 'varchar', length: 40 })
  updatedById!: string;

  @Column({ type: 'datetime' })
  updatedAt!: Date;
}

/** The scheme with the office's weights applied (a copy: the cached scheme file is never changed). */
export function withExtrasWeights(scheme: Scheme, rows: { component: string; weight: number }[]): Scheme {
  if (rows.length === 0 || scheme.total.extras.length === 0) return scheme;
  const byId = new Map(rows.map((r) => [r.component, r.weight]));
  return {
    ...scheme,
    total: { ...scheme.total, extras: scheme.total.extras.map((e) => (byId.has(e.id) ? { ...e, weight: byId.get(e.id)! } : e)) },
  };
}

/** The scheme to score with: the file (`schemeById`) plus the stored extras weights. */
export async function effectiveScheme(em: EntityManager, id: SchemeId): Promise<Scheme> {
  const base = schemeById(id);
  if (base.total.extras.length === 0) return base;
  const rows = await em.getRepository(ExtrasWeight).findBy({ scheme: id });
  return withExtrasWeights(base, rows);
}

/** One extra component of a chief's or deputy's total, as stored with the result (dimension key `_extras`). */
export interface ExtraItem {
  rule: string;
  label: string;
  weight: number;
  score: number | null;
  /** w × (score − mean of the dimensions): together they are total − mean (before rounding). */
  points: number;
  source: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * How the extra components moved a person's total, from the input the library scored and the scheme it used:
 * total = (1 − Σw)·mean + Σ w·extra = mean + Σ w·(extra − mean), over the components that have a score. Every component
 * of the scheme is listed for the positions it applies to (weight 0 included, so a chief sees what feeds the score);
 * nothing for anyone else.
 */
export function explainExtras(
  scheme: Scheme,
  input: { year: number; people?: { id: string; position: string }[]; extras?: { personId: string; component: string; score: number }[] },
  person: { personId: string; dimensions: Record<string, { score: number }> },
): ExtraItem[] {
  const position = input.people?.find((p) => p.id === person.personId)?.position;
  const defs = scheme.total.extras.filter((e) => position && (e.positions as string[]).includes(position));
  if (defs.length === 0) return [];
  const dims = Object.values(person.dimensions).map((d) => d.score);
  const mean = dims.length ? dims.reduce((s, v) => s + v, 0) / dims.length : 0;
  return defs.map((e) => {
    const values = (input.extras ?? []).filter((x) => x.personId === person.personId && x.component === e.id).map((x) => x.score);
    const score = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
    return {
      rule: e.id,
      label: e.label,
      weight: e.weight,
      score: score === null ? null : round2(score),
      points: score === null || e.weight === 0 ? 0 : round2(e.weight * (score - mean)),
      source: `reviews:${e.id}:${person.personId}:${input.year}`,
    };
  });
}

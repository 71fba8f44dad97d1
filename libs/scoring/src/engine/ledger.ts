/**
 * Collects every point moved (items) and every flag, per person, then closes each dimension so that
 * `base + Σ items = score` holds, clamping at the floor with an explicit `FLOOR` item.
 */
import type { DimensionDef, Scheme } from '../scheme/scheme-types';
import type { DimensionResult, ScoreItem } from '../types';
import { clean } from './numbers';

/** Rule id of the item that lifts a dimension back to its floor. */
export const FLOOR_RULE = 'FLOOR';

interface PersonLedger {
  dims: Map<string, ScoreItem[]>;
  flags: Set<string>;
}

export class Ledger {
  private readonly byPerson = new Map<string, PersonLedger>();
  private readonly ruleOrder = new Map<string, number>();

  constructor(scheme: Scheme) {
    scheme.rules.forEach((r, i) => this.ruleOrder.set(r.id, i));
    this.ruleOrder.set(FLOOR_RULE, scheme.rules.length);
  }

  private of(personId: string): PersonLedger {
    let l = this.byPerson.get(personId);
    if (!l) this.byPerson.set(personId, (l = { dims: new Map(), flags: new Set() }));
    return l;
  }

  add(personId: string, dimension: string, item: ScoreItem): void {
    item.points = clean(item.points);
    const l = this.of(personId);
    let items = l.dims.get(dimension);
    if (!items) l.dims.set(dimension, (items = []));
    items.push(item);
  }

  flag(personId: string, flag: string): void {
    this.of(personId).flags.add(flag);
  }

  hasItems(personId: string, dimension: string): boolean {
    return (this.byPerson.get(personId)?.dims.get(dimension)?.length ?? 0) > 0;
  }

  flags(personId: string): string[] {
    return [...(this.byPerson.get(personId)?.flags ?? [])].sort();
  }

  /** Items of a dimension in a stable order (scheme rule order, then source), whatever the order of the facts. */
  sortedItems(personId: string, dimension: string): ScoreItem[] {
    const items = (this.byPerson.get(personId)?.dims.get(dimension) ?? []).slice();
    if (items.length < 2) return items;
    const order = this.ruleOrder;
    const rank = new Map<string, number>();
    for (const it of items) if (!rank.has(it.rule)) rank.set(it.rule, order.get(it.rule) ?? 1e9);
    items.sort((a, b) => {
      const ra = rank.get(a.rule) as number;
      const rb = rank.get(b.rule) as number;
      if (ra !== rb) return ra - rb;
      if (a.source !== b.source) return a.source < b.source ? -1 : 1;
      const ca = a.cascadeFrom ?? '';
      const cb = b.cascadeFrom ?? '';
      if (ca !== cb) return ca < cb ? -1 : 1;
      return a.points - b.points;
    });
    return items;
  }

  /** Closes a dimension: score = base + Σ items, with a FLOOR item when the sum falls below the floor. */
  close(personId: string, def: DimensionDef): DimensionResult {
    const items = this.sortedItems(personId, def.id);
    let sum = def.base;
    for (const it of items) sum += it.points;
    if (def.floor !== null && sum < def.floor) {
      const lift = clean(def.floor - sum);
      items.push({ rule: FLOOR_RULE, points: lift, source: `floor:${personId}:${def.id}` });
      sum += lift;
    }
    return { base: def.base, score: clean(sum), items };
  }
}

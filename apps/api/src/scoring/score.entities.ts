import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person's stored score for a scheme and year, with the scheme version and the hash of the input it came from. */
@Entity('score_results')
@Index(['scheme', 'year', 'personId'], { unique: true })
export class ScoreResult {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 16 })
  scheme!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  schemeVersion!: string;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'double' })
  total!: number;

  @Column({ type: 'varchar', length: 8 })
  grade!: string;

  @Column({ type: 'double', default: 0 })
  bonus!: number;

  @Column({ type: 'simple-json' })
  flags!: string[];

  /** `{ [dimension]: { base, score, items[] } }` plus `bonusItems` under the key `_bonus`. */
  @Column({ type: 'text', transformer: { to: (v: unknown) => JSON.stringify(v), from: (v: string) => (v ? JSON.parse(v) : {}) } })
  dimensions!: Record<string, unknown>;

  @Column({ type: 'datetime' })
  computedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  inputHash!: string;
}

/**
 * Generation counters: `facts` goes up on every write of anything a facts provider may read (via the audit
 * subscriber, inside the writing transaction); `computed:<scheme>:<year>` is the facts generation the stored results
 * were computed at, and the last error. Stored results are stale when their generation is behind `facts`.
 */
@Entity('score_state')
export class ScoreState {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @Column({ type: 'datetime', nullable: true })
  computedAt!: Date | null;
}

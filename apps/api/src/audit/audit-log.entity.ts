import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only, hash-chained log of every write: `hash = sha256(prevHash + canonical JSON of the row)`.
 * `at` is kept as the exact ISO string that was hashed.
 */
@Entity('audit_log')
@Index(['entity', 'entityId'])
@Index(['actor'])
@Index(['at'])
export class AuditLog {
  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  /** `p039` (a person), `citizen:<id>`, `representative:<id>` or `system`. */
  @Column({ type: 'varchar', length: 80 })
  actor!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  /** insert | update | delete | update-bulk | delete-bulk */
  @Column({ type: 'varchar', length: 16 })
  action!: string;

  /** The table name. */
  @Column({ type: 'varchar', length: 60 })
  entity!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** The chain head (one row, id 1): locked `FOR UPDATE` by each append so concurrent writers never fork the chain. */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A single-use, expiring code the office issues to one person so they can bind their WeChat account. */
@Entity('invite_codes')
export class InviteCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Index()
  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  /** sha256 of the code; the code itself is shown once and never stored. */
  @Column({ type: 'varchar', length: 64, unique: true })
  codeHash!: string;

  @Column({ type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'varchar', length: 40 })
  createdById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token of a session (only its sha256 is kept). Every refresh rotates it: the used token is marked and a
 * new one issued in the same family. A rotated token presented again means it was copied: the whole family (the
 * session) is revoked. Logout revokes the family too.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** The session: every token rotated from the same login shares it. */
  @Index()
  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** Whose session: an access-token kind and its subject (person id, citizen id). */
  @Column({ type: 'varchar', length: 16 })
  kind!: 'person' | 'citizen';

  @Column({ type: 'varchar', length: 40 })
  subject!: string;

  @Column({ type: 'datetime' })
  createdAt!: Date;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt!: Date;

  /** When it was exchanged for a new pair (rotated); presenting it again revokes the family. */
  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}

import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An uploaded file: bytes on disk (UPLOAD_DIR/<id>), metadata here. Unclaimed until a record refers to it. */
@Entity('files')
@Index(['ownerKind', 'ownerId'])
export class StoredFile {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** person | citizen | representative */
  @Column({ type: 'varchar', length: 16 })
  ownerKind!: string;

  @Column({ type: 'varchar', length: 40 })
  ownerId!: string;

  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** What the file was attached to (e.g. `attendance:field`, `complaint`), once claimed. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  purpose!: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedAt!: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

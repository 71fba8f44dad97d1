import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An anonymous member of the public, known only by a hash of their openid or device token. */
@Entity('citizens')
export class Citizen {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 8 })
  via!: 'openid' | 'device';

  @Column({ type: 'varchar', length: 64, unique: true })
  subjectHash!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

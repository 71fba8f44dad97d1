import type { PunchFlag, PunchType } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One clock-in or clock-out. Never edited; flags are shown to the chief and the office. */
@Entity('attendance_punches')
@Index(['personId', 'idempotencyKey'], { unique: true })
@Index(['personId', 'at'])
@Index(['sectionId', 'localDate'])
@Index(['deviceId'])
export class Punch {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  /** The person's section on the day (null for people without one). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  sectionId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  type!: PunchType;

  /** The instant that counts (UTC): server time, or the phone's time for an accepted offline sync. */
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  /** When the server received it (UTC). */
  @Column({ type: 'datetime', precision: 3 })
  receivedAt!: Date;

  /** The phone's clock when the user tapped (UTC). */
  @Column({ type: 'datetime', precision: 3 })
  clientAt!: Date;

  /** receivedAt − clientAt, seconds. */
  @Column({ type: 'int' })
  skewSeconds!: number;

  /** Bureau-zone date of `at`. */
  @Column({ type: 'date' })
  localDate!: string;

  @Column({ type: 'double' })
  latitude!: number;

  @Column({ type: 'double' })
  longitude!: number;

  @Column({ type: 'double' })
  accuracy!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId!: string | null;

  /** Metres to the nearest site of the section. */
  @Column({ type: 'int', nullable: true })
  distance!: number | null;

  @Column({ type: 'boolean', default: false })
  field!: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  photoFileId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 64 })
  deviceId!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  bssid!: string | null;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ type: 'simple-json' })
  flags!: PunchFlag[];
}

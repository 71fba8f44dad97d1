import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A work site (考勤点): a point in gcj02 with a radius, shared by one or more sections. */
@Entity('attendance_sites')
export class AttendanceSite {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** gcj02 (WeChat `getLocation` type gcj02). */
  @Column({ type: 'double' })
  latitude!: number;

  @Column({ type: 'double' })
  longitude!: number;

  /** Metres. */
  @Column({ type: 'int' })
  radius!: number;

  /** Sections that clock in here (JSON array of ids). */
  @Column({ type: 'simple-json' })
  sectionIds!: string[];

  /** Wi-Fi BSSIDs of the site (lower case); empty → not checked. */
  @Column({ type: 'simple-json' })
  bssids!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

import type { MonthCounts, ReportStatus } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The monthly attendance report of a section (seed 000 五.(一)): generated, then signed by the chief. */
@Entity('attendance_reports')
@Index(['sectionId', 'month'], { unique: true })
export class MonthlyReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  /** YYYY-MM. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Column({ type: 'datetime' })
  generatedAt!: Date;

  @Column({ type: 'simple-json' })
  rows!: { personId: string; personName: string; counts: MonthCounts }[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  signedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  signedAt!: Date | null;
}

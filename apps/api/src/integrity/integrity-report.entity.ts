import { randomUUID } from 'node:crypto';
import type { IntegrityReviewBody, IntegrityStatus } from '@kaoping/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * 年度述廉报告 (seed 000 五.七): reviewed by 政治处/监察室 (chiefs and deputies: 局党委会, recorded by the office);
 * once approved it is filed in the person's 廉政档案. Readable only by the person and the office.
 */
@Entity('integrity_reports')
@Index(['personId', 'year'], { unique: true })
export class IntegrityReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 16 })
  status!: IntegrityStatus;

  /** Who must approve it: 政治处、监察室 (general cadres) or 局党委会 (chiefs and deputies). */
  @Column({ type: 'varchar', length: 24 })
  reviewBody!: IntegrityReviewBody;

  @Column({ type: 'datetime', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reviewerId!: string | null;

  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt!: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

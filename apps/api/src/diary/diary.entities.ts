import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** 工作日记: one entry per person and day (seed 000 五.三). */
@Entity('diary_entries')
@Index(['personId', 'date'], { unique: true })
export class DiaryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  /** Section on the entry's date (for the chief's review and the office's sample). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  sectionId!: string | null;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  content!: string;

  /** 1 for the first text; +1 for each edit made after the entry's day. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** Earlier texts of an entry, kept when it is edited after its day. */
@Entity('diary_versions')
@Index(['entryId', 'version'], { unique: true })
export class DiaryVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  entryId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  content!: string;

  /** When this text was saved (UTC). */
  @Column({ type: 'datetime' })
  savedAt!: Date;

  /** Saved after the entry's own day. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;
}

/** The chief's monthly review of a person's diary. */
@Entity('diary_reviews')
@Index(['personId', 'month'], { unique: true })
export class DiaryReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 40 })
  reviewerId!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'datetime' })
  reviewedAt!: Date;
}

/** The office's spot check of a section's diaries for a month: a random sample and the findings. */
@Entity('diary_spot_checks')
@Index(['sectionId', 'month'], { unique: true })
export class DiarySpotCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /** Person ids drawn at random. */
  @Column({ type: 'simple-json' })
  sample!: string[];

  @Column({ type: 'varchar', length: 40 })
  checkerId!: string;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  recordedAt!: Date | null;
}

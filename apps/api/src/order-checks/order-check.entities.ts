import { randomUUID } from 'node:crypto';
import type { OrderCheckDeductionDto, OrderCheckKind, OrderCheckSheetDefDto, OrderCheckStatus } from '@kaoping/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A round of 卫生秩序 checks (seed 000 五.(十二)), numbered per year; keeps the score sheet it was scored on. */
@Entity('order_check_rounds')
@Index(['year', 'round'], { unique: true })
export class OrderCheckRound {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrderCheckKind;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  inspectors!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;

  /** The sections checked in this round. */
  @Column({ type: 'simple-json' })
  sectionIds!: string[];

  /** The score sheet as it was when the round began (a later edit of the seed file does not rewrite history). */
  @Column({ type: 'simple-json' })
  sheet!: OrderCheckSheetDefDto;

  @Column({ type: 'varchar', length: 12 })
  status!: OrderCheckStatus;

  @Column({ type: 'varchar', length: 40 })
  createdBy!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  closedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt!: Date | null;
}

/** One section's score sheet in a round: deductions per item with notes, photos, the total. */
@Entity('order_check_sheets')
@Index(['roundId', 'sectionId'], { unique: true })
export class OrderCheckSheet {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  roundId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'simple-json' })
  deductions!: OrderCheckDeductionDto[];

  @Column({ type: 'double' })
  total!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  recordedBy!: string;

  @Column({ type: 'datetime' })
  recordedAt!: Date;
}

/** A change to a sheet after its round was closed (on file): who, when, why, and the totals before and after. */
@Entity('order_check_corrections')
@Index(['sheetId'])
export class OrderCheckCorrection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  sheetId!: string;

  @Column({ type: 'varchar', length: 36 })
  roundId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'double' })
  beforeTotal!: number;

  @Column({ type: 'double' })
  afterTotal!: number;

  @Column({ type: 'simple-json' })
  before!: { deductions: OrderCheckDeductionDto[]; notes: string | null; fileIds: string[] };

  @Column({ type: 'varchar', length: 40 })
  correctedBy!: string;

  @Column({ type: 'datetime' })
  correctedAt!: Date;
}

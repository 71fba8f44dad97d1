import type { LeaveStatus, LeaveType } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A leave, field-work or business-trip request (请假/外勤/出差), approved by the chief (a chief's own: the office). */
@Entity('attendance_leaves')
@Index(['personId', 'fromDate'])
@Index(['sectionId', 'status'])
export class LeaveRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  sectionId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  type!: LeaveType;

  @Column({ type: 'datetime' })
  startAt!: Date;

  @Column({ type: 'datetime' })
  endAt!: Date;

  /** Bureau-zone dates of startAt / endAt (inclusive). */
  @Column({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date' })
  toDate!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: LeaveStatus;

  @Column({ type: 'varchar', length: 8 })
  approver!: 'chief' | 'office';

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

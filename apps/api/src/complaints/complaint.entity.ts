import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintCategory, ComplaintOutcome, ComplaintSource, ComplaintStatus } from '@kaoping/contracts';

/** A 行政效能投诉 from the public form, a hotline work order (12319/12345) or entered by the 监察室. */
@Entity('complaints')
@Index(['status'])
@Index(['receivedAt'])
@Index(['personId'])
@Index(['citizenId'])
export class Complaint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** Random, unguessable; the complainant's only key to the status and the reply. */
  @Column({ type: 'varchar', length: 16, unique: true })
  trackingCode!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: ComplaintSource;

  /** Hotline work-order number (工单编号); unique when given. */
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  ticketNo!: string | null;

  @Column({ type: 'varchar', length: 16 })
  category!: ComplaintCategory;

  @Column({ type: 'varchar', length: 16 })
  status!: ComplaintStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: ComplaintOutcome | null;

  @Column({ type: 'text' })
  content!: string;

  /** The section complained about (given by the complainant or set by the office). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  sectionId!: string | null;

  /** The person complained about, once known. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  personId!: string | null;

  /** What the complainant said about the officer (name, badge number …). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  officerHint!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  assignedSectionId!: string | null;

  /** 限时办结: date (bureau zone) by which it must be closed. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ type: 'double', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double', nullable: true })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  /** The anonymous citizen who submitted it (public form), if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  citizenId!: string | null;

  /** Ids of files in `files` (EXIF stripped by the upload module). */
  @Column({ type: 'simple-json' })
  photoFileIds!: string[];

  /** Internal investigation notes: office and the people who handle it only. */
  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  /** Final reply to the complainant (shown with the tracking code). */
  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;

  /** When it was received (a hotline order: its own time). */
  @Column({ type: 'datetime' })
  receivedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  concludedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** Every transition, kept: who, when, from → to, and a note. */
@Entity('complaint_history')
@Index(['complaintId', 'seq'])
export class ComplaintHistory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  complaintId!: string;

  /** 1, 2, 3 … per complaint: the order of transitions (several may share a second). */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: ComplaintStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: ComplaintStatus;

  /** A person id (office), or null for the public form / import by the system. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'datetime' })
  at!: Date;
}

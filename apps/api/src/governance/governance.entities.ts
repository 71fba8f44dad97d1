import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ActivityKind, ApplicationStatus, CoordinationStatus, EfficiencySystemKind, LedgerVersionStatus, StaffingDto, SystemItemDto } from '@kaoping/contracts';

/**
 * 三定 (定职能、定机构、定编制) of a section, one row per version. A version is never edited once decided: the one in
 * force on a day is the approved version with the latest `effectiveFrom` on or before it (ties: the higher `seq`).
 */
@Entity('duty_versions')
@Index(['sectionId', 'seq'], { unique: true })
@Index(['sectionId', 'status'])
export class DutyVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'simple-json' })
  duties!: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  structure!: string | null;

  @Column({ type: 'simple-json' })
  staffing!: StaffingDto;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: LedgerVersionStatus;

  @Column({ type: 'varchar', length: 40 })
  submittedBy!: string;

  @Column({ type: 'datetime' })
  submittedAt!: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;
}

/** 效能制度 of a section: one per required kind, any number of `other` ones (by name). Texts live in versions. */
@Entity('efficiency_systems')
@Index(['sectionId', 'kind', 'name'], { unique: true })
export class EfficiencySystem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: EfficiencySystemKind;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** One text of a system (content, items, effective date, publication), submitted by a chief, reviewed by the office. */
@Entity('efficiency_system_versions')
@Index(['systemId', 'seq'], { unique: true })
@Index(['status'])
export class EfficiencySystemVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  systemId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'simple-json' })
  items!: SystemItemDto[];

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'boolean', default: false })
  publish!: boolean;

  @Column({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status!: LedgerVersionStatus;

  @Column({ type: 'varchar', length: 40 })
  submittedBy!: string;

  @Column({ type: 'datetime' })
  submittedAt!: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;
}

/** 会议、检查、评比考核 aimed at subordinate units, reported to the office beforehand (五.(八)). */
@Entity('activity_applications')
@Index(['status', 'plannedDate'])
@Index(['sectionId', 'plannedDate'])
export class ActivityApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'simple-json' })
  targetUnits!: string[];

  @Column({ type: 'date' })
  plannedDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ type: 'int' })
  expectedAttendees!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ApplicationStatus;

  @Column({ type: 'varchar', length: 40 })
  appliedBy!: string;

  @Column({ type: 'datetime' })
  appliedAt!: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;

  /** Set on an application merged into another. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;

  /** Set on the application the others were merged into. */
  @Column({ type: 'simple-json' })
  mergedFromIds!: string[];

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** 处室衔接: a matter one section hands to another, acknowledged and completed by the receiver (五.(六)). */
@Entity('coordination_records')
@Index(['fromSectionId', 'createdAt'])
@Index(['toSectionId', 'status'])
@Index(['deadline'])
export class CoordinationRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  fromSectionId!: string;

  @Column({ type: 'varchar', length: 40 })
  toSectionId!: string;

  @Column({ type: 'varchar', length: 200 })
  matter!: string;

  @Column({ type: 'varchar', length: 1000 })
  detail!: string;

  /** Last day (bureau zone, inclusive) to acknowledge and complete. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'varchar', length: 40 })
  contactName!: string;

  @Column({ type: 'varchar', length: 20 })
  contactPhone!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CoordinationStatus;

  @Column({ type: 'varchar', length: 40 })
  createdBy!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  /** 经办人 in the receiving section. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  handlerId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'date', nullable: true })
  acknowledgedOn!: string | null;

  @Column({ type: 'datetime', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  result!: string | null;

  /** null (nothing decided) | confirmed | cleared — decided by the office only; "awaiting" is computed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  breakStatus!: 'confirmed' | 'cleared' | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  breakNote!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  breakDecidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  breakDecidedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  responsiblePersonId!: string | null;

  /** The JI-2 incident recorded when the break was confirmed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @Index({ unique: true })
  incidentId!: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

export const GOVERNANCE_ENTITIES = [DutyVersion, EfficiencySystem, EfficiencySystemVersion, ActivityApplication, CoordinationRecord];

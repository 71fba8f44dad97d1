import { randomUUID } from 'node:crypto';
import type { AttendanceStatus, GatheringKind } from '@kaoping/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One gathering with an attendance list: 处务会 (section, DE-2), 支部活动 (branch, DE-1/NP-4/NP-5),
 * 全局干部职工大会 (bureau, DE-3), 集体活动 (collective, DE-4).
 */
@Entity('gatherings')
@Index(['kind', 'date'])
@Index(['sectionId', 'date'])
export class Gathering {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 16 })
  kind!: GatheringKind;

  /** 处务会: the section. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  sectionId!: string | null;

  /** 支部活动: the branch secretary who holds it. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  secretaryId!: string | null;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  /** 会议记录 / 支部工作记录本 entry. */
  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'varchar', length: 40 })
  recordedById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** Who was expected at a gathering, and how they attended. */
@Entity('gathering_attendance')
@Index(['gatheringId', 'personId'], { unique: true })
@Index(['personId'])
export class GatheringAttendance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  gatheringId!: string;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  /** Absent or late with approved leave: no DE deduction. */
  @Column({ type: 'boolean', default: false })
  leave!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;
}

/** The office's quarterly spot check of a 处务会 ledger or a branch record book. */
@Entity('ledger_spot_checks')
@Index(['kind', 'targetId', 'year', 'quarter'], { unique: true })
export class LedgerSpotCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** section (处务会记录) | branch (支部工作记录本). */
  @Column({ type: 'varchar', length: 16 })
  kind!: 'section' | 'branch';

  /** Section id, or the branch secretary's person id. */
  @Column({ type: 'varchar', length: 40 })
  targetId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  quarter!: number;

  @Column({ type: 'int' })
  recordsFound!: number;

  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'varchar', length: 40 })
  checkerId!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** Party-dues follow-up: a member behind with dues and the secretary's chasing (NP-6 evidence). */
@Entity('dues_follow_ups')
@Index(['secretaryId', 'chasedOn'])
export class DuesFollowUp {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  secretaryId!: string;

  @Column({ type: 'varchar', length: 40 })
  memberId!: string;

  @Column({ type: 'int' })
  monthsUnpaid!: number;

  @Column({ type: 'date' })
  chasedOn!: string;

  @Column({ type: 'varchar', length: 300 })
  note!: string;

  @Column({ type: 'boolean', default: false })
  settled!: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 下基层调研: days logged by a person for their section (NB-10). */
@Entity('research_logs')
@Index(['sectionId', 'date'])
@Index(['personId', 'date'])
export class ResearchLog {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  days!: number;

  @Column({ type: 'varchar', length: 100 })
  place!: string;

  @Column({ type: 'varchar', length: 300 })
  purpose!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 调研报告 (NB-11): text and/or uploaded files. */
@Entity('research_reports')
@Index(['personId', 'date'])
export class ResearchReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

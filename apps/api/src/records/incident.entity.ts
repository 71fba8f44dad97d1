import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AppealStatus, IncidentStatus } from '@kaoping/contracts';

/** 考评事件: one recorded case of an event rule (DE-*, NB-*, NP-*, QIN-2/4, JI-2..4, LIAN-1) against a person. */
@Entity('incidents')
@Index(['personId', 'date'])
@Index(['status', 'date'])
export class Incident {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 16 })
  scheme!: string;

  @Column({ type: 'varchar', length: 16 })
  rule!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  variant!: string | null;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  /** The person's section on the incident date (a snapshot for scope and lists). */
  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  /** pending | verified | dismissed */
  @Column({ type: 'varchar', length: 16 })
  status!: IncidentStatus;

  /** null | open | upheld | rejected — an open appeal freezes the incident (not counted). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  appealStatus!: AppealStatus | null;

  /** Last day (bureau zone, inclusive) on which the person may appeal; set on verification. */
  @Column({ type: 'date', nullable: true })
  appealDeadline!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  recordedBy!: string;

  /** manual | import */
  @Column({ type: 'varchar', length: 16, default: 'manual' })
  origin!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** Every status change of an incident, in order (kept forever). */
@Entity('incident_transitions')
@Index(['incidentId', 'step'])
export class IncidentTransition {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  incidentId!: string;

  /** 1, 2, 3 … within the incident (instants may tie). */
  @Column({ type: 'int', default: 1 })
  step!: number;

  /** record | verify | dismiss | appeal | appeal-upheld | appeal-rejected */
  @Column({ type: 'varchar', length: 24 })
  action!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: string;

  @Column({ type: 'varchar', length: 40 })
  actorId!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'datetime' })
  at!: Date;
}

/** 申诉: the person's appeal against a verified incident. */
@Entity('appeals')
@Index(['incidentId'])
@Index(['status'])
export class Appeal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  incidentId!: string;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  /** open | upheld | rejected */
  @Column({ type: 'varchar', length: 16 })
  status!: AppealStatus;

  @Column({ type: 'datetime' })
  submittedAt!: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;
}

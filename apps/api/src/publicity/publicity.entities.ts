import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OpenDayAudience } from '@kaoping/contracts';

/** Which copy of a board's content a row belongs to: the section's working draft, or what the public sees. */
export type BoardStage = 'draft' | 'published';

/** The draft's workflow state (the published copy, if any, stays public whatever it is). */
export type BoardWorkflow = 'draft' | 'submitted' | 'returned' | 'approved';

/**
 * A participating section's 进度公示 for a year (seed 002 五.(二) "定期…公示工作进展情况", 六.3). The content lives in
 * `publicity_tasks` and `publicity_problems`, one row per item and stage: the section edits the draft, the office
 * approves it, and approval copies the draft over the published stage in one transaction.
 */
@Entity('publicity_boards')
@Index(['sectionId', 'year'], { unique: true })
export class PublicityBoard {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: BoardWorkflow;

  /** Bumped on every saved edit; saves and reviews name the revision they saw. */
  @Column({ type: 'int' })
  revision!: number;

  /** The revision the public sees; null before the first approval. */
  @Column({ type: 'int', nullable: true })
  publishedRevision!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason!: string | null;

  @Column({ type: 'datetime', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  submittedById!: string | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reviewedById!: string | null;

  @Column({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'varchar', length: 40 })
  updatedById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** A progress note inside a task row (kept with its task: a task and its notes are edited together). */
export interface StoredUpdate {
  key: string;
  date: string;
  percent: number;
  text: string;
}

/** A yearly key task (年度重点工作) with its dated progress notes, in one stage of a board. */
@Entity('publicity_tasks')
@Index(['boardId', 'stage', 'key'], { unique: true })
export class PublicityTask {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  boardId!: string;

  @Column({ type: 'varchar', length: 10 })
  stage!: BoardStage;

  /** Stable across edits and stages (the editor's id of the task). */
  @Column({ type: 'varchar', length: 36 })
  key!: string;

  @Column({ type: 'int' })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  /** At most 40 notes of at most 300 characters: fits a MySQL TEXT column. */
  @Column({ type: 'simple-json' })
  updates!: StoredUpdate[];
}

/** A problem the section solved for the public (群众反映问题解决情况), in one stage of a board. */
@Entity('publicity_problems')
@Index(['boardId', 'stage', 'key'], { unique: true })
export class PublicityProblem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  boardId!: string;

  @Column({ type: 'varchar', length: 10 })
  stage!: BoardStage;

  @Column({ type: 'varchar', length: 36 })
  key!: string;

  @Column({ type: 'int' })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  solution!: string;

  @Column({ type: 'date' })
  solvedOn!: string;

  /** The 问题清单 entry it came from, if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  problemId!: string | null;
}

/** 公众开放日 (seed 002 五.(七)): an event of a participating section that the public registers for. */
@Entity('open_days')
@Index(['sectionId', 'startsAt'])
export class OpenDay {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'datetime' })
  startsAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'int' })
  capacity!: number;

  /**
   * Registrations so far. Raised only by a conditional UPDATE (`… WHERE registeredCount < capacity`), so parallel
   * registrations can never overbook: the database serialises them on this row.
   */
  @Column({ type: 'int', default: 0 })
  registeredCount!: number;

  @Column({ type: 'datetime' })
  registrationDeadline!: Date;

  @Column({ type: 'simple-json' })
  audiences!: OpenDayAudience[];

  @Column({ type: 'boolean', default: false })
  cancelled!: boolean;

  @Column({ type: 'varchar', length: 40 })
  createdById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** One registration: one per phone number and open day; the code is what the registrant shows at the door. */
@Entity('open_day_registrations')
@Index(['openDayId', 'phone'], { unique: true })
export class OpenDayRegistration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  openDayId!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: OpenDayAudience;

  @Column({ type: 'varchar', length: 100, nullable: true })
  organisation!: string | null;

  @Column({ type: 'varchar', length: 8, unique: true })
  code!: string;

  @Column({ type: 'datetime', nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  checkedInById!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

export const PUBLICITY_ENTITIES = [PublicityBoard, PublicityTask, PublicityProblem, OpenDay, OpenDayRegistration];

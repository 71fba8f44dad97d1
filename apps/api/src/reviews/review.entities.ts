import { randomUUID } from 'node:crypto';
import type { InnovationStatus, ReviewLevel, TaskStatus } from '@kaoping/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** 月度总结会 (seed 000 五.(十)): the leading-group office's monthly meeting, one per month. */
@Entity('review_monthly_meetings')
@Index('uq_review_monthly_meeting', ['month'], { unique: true })
export class MonthlyMeeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 500 })
  attendees!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 40 })
  recordedById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 局领导点评: one leader's comment on one 机关 section's work in one month (one per leader × section × month). */
@Entity('review_leader_comments')
@Index('uq_review_leader_comment', ['month', 'sectionId', 'leaderId'], { unique: true })
export class LeaderComment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 40 })
  leaderId!: string;

  /** Given as a level (score from the level), or null when a score was given directly. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  level!: ReviewLevel | null;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'text' })
  comment!: string;

  /** The leader, or the office member who recorded it on the leader's behalf. */
  @Column({ type: 'varchar', length: 40 })
  recordedById!: string;

  @Column({ type: 'datetime' })
  updatedAt!: Date;
}

/** 季度监察考评会: one per quarter. */
@Entity('review_quarterly_reviews')
@Index('uq_review_quarterly', ['year', 'quarter'], { unique: true })
export class QuarterlyReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  quarter!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 40 })
  recordedById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A section's problems found at a quarterly review and its score for the quarter (0–100). */
@Entity('review_quarterly_sections')
@Index('uq_review_quarterly_section', ['reviewId', 'sectionId'], { unique: true })
export class QuarterlySection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  reviewId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'text' })
  problems!: string;

  @Column({ type: 'int' })
  score!: number;
}

/** 整改任务 from a quarterly review: owner, deadline, follow-up. Overdue is judged on read (bureau zone). */
@Entity('review_rectification_tasks')
@Index(['ownerId', 'status'])
@Index(['sectionId', 'status'])
export class RectificationTask {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  reviewId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 40 })
  ownerId!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: TaskStatus;

  @Column({ type: 'date', nullable: true })
  doneOn!: string | null;

  @Column({ type: 'text', nullable: true })
  followUp!: string | null;

  /** Evidence photos/PDFs (files module, purpose `rectification`). */
  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  doneById!: string | null;

  @Column({ type: 'varchar', length: 40 })
  createdById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 半年考评打分: a half-year round, backed by a survey of group `unit` (anonymous answers live in the survey tables). */
@Entity('review_half_year_rounds')
@Index('uq_review_half_year', ['year', 'half'], { unique: true })
export class HalfYearRound {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  half!: number;

  @Column({ type: 'varchar', length: 36 })
  surveyId!: string;

  @Column({ type: 'varchar', length: 40 })
  openedById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 工作创新: an entry filed by a section, assessed by the office. */
@Entity('review_innovations')
@Index(['sectionId', 'year'])
export class InnovationEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  filedById!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: InnovationStatus;

  @Column({ type: 'varchar', length: 12, nullable: true })
  level!: ReviewLevel | null;

  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  assessment!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  assessedById!: string | null;

  @Column({ type: 'date', nullable: true })
  assessedOn!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

export const REVIEW_ENTITIES = [MonthlyMeeting, LeaderComment, QuarterlyReview, QuarterlySection, RectificationTask, HalfYearRound, InnovationEntry];

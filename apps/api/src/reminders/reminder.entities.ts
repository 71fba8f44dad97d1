import type { ReminderKind, WechatOutcome } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One reminder delivered to one person: its in-app notice and what happened to its WeChat message. The unique
 * key (person, kind, subject, due date) makes a reminder go out once, however many sweeps (or API instances) find
 * it due.
 */
@Entity('reminders')
@Index('uq_reminder_once', ['personId', 'kind', 'subject', 'dueDate'], { unique: true })
@Index('ix_reminder_created', ['createdAt'])
export class Reminder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReminderKind;

  /** What it is about: a date, an incident or campaign id, `<section>:<month>` … */
  @Column({ type: 'varchar', length: 80 })
  subject!: string;

  /** The day it counts for, bureau zone (today; a deadline for once-only reminders; the month's first day for monthly ones). */
  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  body!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  noticeId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  wechatOutcome!: WechatOutcome;

  @Column({ type: 'varchar', length: 200, nullable: true })
  wechatDetail!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  /** When the WeChat outcome became final. */
  @Column({ type: 'datetime', nullable: true })
  deliveredAt!: Date | null;
}

/** A person turned a reminder kind off (no row: on). */
@Entity('reminder_settings')
@Index('uq_reminder_setting', ['personId', 'kind'], { unique: true })
export class ReminderSetting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReminderKind;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/**
 * A person's consent to one subscription-message template (wx.requestSubscribeMessage). WeChat grants one message
 * per accepted request for a one-time template, so `credits` counts the accepted requests not yet used; a
 * long-term template needs only `accepted`. A refusal (or 43101 when sending) clears both.
 */
@Entity('wechat_consents')
@Index('uq_wechat_consent', ['personId', 'templateId'], { unique: true })
export class WechatConsent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'boolean', default: false })
  accepted!: boolean;

  @Column({ type: 'int', default: 0 })
  credits!: number;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  refusedAt!: Date | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

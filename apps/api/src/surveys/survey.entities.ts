import type { DemocraticRaterGroup, InviteeKind, ResponseFlag, ResponseStatus, SurveyAudience, SurveyQuestion } from '@kaoping/contracts';
import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A survey definition: questions, the answer scale (label → 0–100), the rated sections, the period, the respondent group. */
@Entity('surveys')
export class Survey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 80 })
  title!: string;

  /** The wubi evaluation groups, or `unit` (半年考评打分 of the 机关 sections by the bureau's units). */
  @Column({ type: 'varchar', length: 24 })
  group!: SurveyAudience;

  /** The appraisal year the answers count for (综合评价 runs December to February of the next year). */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date' })
  periodStart!: string;

  /** Inclusive; QR tokens and invitations expire at the end of this day (bureau time). */
  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'simple-json' })
  questions!: SurveyQuestion[];

  /** choice label → 0–100; stars use the scheme's star scale. */
  @Column({ type: 'simple-json' })
  scale!: Record<string, number>;

  @Column({ type: 'simple-json' })
  starScale!: Record<string, number>;

  /** Rated sections (the section and its head). */
  @Column({ type: 'simple-json' })
  sectionIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  createdById!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * One answer sheet for one target. Anonymous: `respondentHash` is an HMAC (server secret) of the citizen or invitation id;
 * there is no person id, no openid and no link to the invitation row.
 */
@Entity('survey_responses')
@Index('uq_survey_response_respondent', ['surveyId', 'sectionId', 'respondentHash'], { unique: true })
@Index('ix_survey_response_target_time', ['surveyId', 'sectionId', 'createdAt'])
export class SurveyResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  surveyId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 64 })
  respondentHash!: string;

  /** The client's idempotency key: the same key answers the same result. */
  @Column({ type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ type: 'simple-json' })
  answers!: { questionId: string; value: string }[];

  /** Mean of the scored questions, 0–100; null when no question is scored. */
  @Column({ type: 'double', nullable: true })
  score!: number | null;

  @Column({ type: 'int', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'simple-json' })
  flags!: ResponseFlag[];

  /** counted → in the mean; held → flagged, waiting for the office; rejected → out for good (possible 拉票 evidence). */
  @Column({ type: 'varchar', length: 12 })
  status!: ResponseStatus;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'datetime' })
  createdAt!: Date;
}

/** A citizen's voluntary contact for follow-up, kept apart from the answers (no link to the response). */
@Entity('survey_follow_ups')
export class SurveyFollowUp {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  surveyId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 60 })
  contact!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A named invitee (两代表一委员, counterpart, city leader). Holds the identity and progress, never the answers. */
@Entity('survey_invitations')
export class SurveyInvitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  surveyId!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: InviteeKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** sha256 of the single-use code; the code itself is shown once. */
  @Column({ type: 'varchar', length: 64, unique: true })
  codeHash!: string;

  /** Sections answered so far (a count, not which: the order would tell). */
  @Column({ type: 'int', default: 0 })
  answered!: number;

  /** Set when every section is answered; the code is then used up. Date only (a time would match the answer's). */
  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 民主测评: a year-end campaign. */
@Entity('democratic_campaigns')
export class DemocraticCampaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 80 })
  title!: string;

  /** The day the membership snapshot (who rates whom, positions) is taken. */
  @Column({ type: 'date' })
  asOf!: string;

  @Column({ type: 'date' })
  closesOn!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A rater of a campaign and their group; progress only. */
@Entity('democratic_raters')
@Index('uq_democratic_rater', ['campaignId', 'personId'], { unique: true })
export class DemocraticRater {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  campaignId!: string;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 16 })
  group!: DemocraticRaterGroup;

  /** Target person ids, fixed at the snapshot. */
  @Column({ type: 'simple-json' })
  targetIds!: string[];

  @Column({ type: 'int', default: 0 })
  rated!: number;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;
}

/** One rater's five aspect scores for one cadre. Anonymous: `raterHash` only. */
@Entity('democratic_scores')
@Index('uq_democratic_score', ['campaignId', 'targetId', 'raterHash'], { unique: true })
export class DemocraticScore {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  campaignId!: string;

  @Column({ type: 'varchar', length: 40 })
  targetId!: string;

  /** The target's position at the snapshot: staff → aspects; chief/deputy → group + mean. */
  @Column({ type: 'varchar', length: 8 })
  targetPosition!: 'chief' | 'deputy' | 'staff';

  @Column({ type: 'varchar', length: 16 })
  group!: DemocraticRaterGroup;

  @Column({ type: 'varchar', length: 64 })
  raterHash!: string;

  @Column({ type: 'int' }) de!: number;
  @Column({ type: 'int' }) neng!: number;
  @Column({ type: 'int' }) qin!: number;
  @Column({ type: 'int' }) ji!: number;
  @Column({ type: 'int' }) lian!: number;
}

export const SURVEY_ENTITIES = [Survey, SurveyResponse, SurveyFollowUp, SurveyInvitation, DemocraticCampaign, DemocraticRater, DemocraticScore];

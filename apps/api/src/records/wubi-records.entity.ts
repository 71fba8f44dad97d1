import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CommendationLevel, InspectionKind, RatingLevel, VetoReason } from '@kaoping/contracts';

/** A round of 日常督查 / 专项督查 / 随机暗访 (WB-D1..3): numbered per year and kind. */
@Entity('inspection_rounds')
@Index(['year', 'kind', 'round'], { unique: true })
export class InspectionRound {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: InspectionKind;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 60 })
  inspector!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  recordedBy!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A section head's 0–100 score in one inspection round. */
@Entity('inspection_scores')
@Index(['roundId', 'personId'], { unique: true })
export class InspectionScore {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  roundId!: string;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'double' })
  score!: number;
}

/** 绩 rating (JI-1) of a person for a year. */
@Entity('ratings')
@Index(['year', 'personId'], { unique: true })
export class Rating {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 8 })
  rating!: RatingLevel;

  @Column({ type: 'varchar', length: 40 })
  ratedBy!: string;

  @Column({ type: 'datetime' })
  ratedAt!: Date;
}

/** 表彰 (WB-B1 by level; WB-B2 `unit` with discretionary points). */
@Entity('commendations')
@Index(['personId', 'date'])
export class Commendation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: CommendationLevel;

  /** 事项: commendations of one matter count once, at the highest level. */
  @Column({ type: 'varchar', length: 200 })
  matter!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  docNo!: string | null;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'double', nullable: true })
  points!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  recordedBy!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** 一票否决 (WB-V1..V5). */
@Entity('vetoes')
@Index(['personId', 'date'])
export class Veto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @Column({ type: 'varchar', length: 4 })
  reason!: VetoReason;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column({ type: 'varchar', length: 40 })
  recordedBy!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProblemStatus } from '@kaoping/contracts';

/** 问题清单 row: problem → task (任务清单) → responsible section (责任清单) → deadline (时限清单) → solved. */
@Entity('problems')
@Index(['sectionId', 'solvedOn'])
export class Problem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  task!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProblemStatus;

  @Column({ type: 'date', nullable: true })
  solvedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  solution!: string | null;

  /** Hotline items and complaints the problem was drawn from. */
  @Column({ type: 'simple-json' })
  complaintIds!: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

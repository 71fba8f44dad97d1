import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A saved three-year 五比五评 cycle (seed 002 二): `startYear` … `startYear + 2`. Cycles never overlap. */
@Entity('wubi_cycles')
export class WubiCycle {
  @PrimaryColumn({ type: 'int' })
  startYear!: number;

  @Column({ type: 'varchar', length: 40 })
  updatedBy!: string;

  @Column({ type: 'datetime' })
  updatedAt!: Date;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A listed section taking part in 五比五评 in one year of a cycle. A year appears in at most one cycle. */
@Entity('wubi_cycle_entries')
@Index(['year', 'sectionId'], { unique: true })
@Index(['startYear'])
export class WubiCycleEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int' })
  startYear!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;
}

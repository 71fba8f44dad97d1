import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Position } from '@kaoping/contracts';
import { Person } from './person.entity.js';
import { Section } from './section.entity.js';

/** Who held which position in which section, from `from` to `to` (inclusive; open-ended when `to` is null). */
@Entity('memberships')
@Index(['sectionId', 'position', 'from'])
@Index(['personId', 'from'])
export class Membership {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 40 })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sectionId' })
  section?: Relation<Section>;

  @Column({ type: 'varchar', length: 16 })
  position!: Position;

  @Column({ type: 'date' })
  from!: string;

  @Column({ type: 'date', nullable: true })
  to!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

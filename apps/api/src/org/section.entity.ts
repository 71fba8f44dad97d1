import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SectionCategory, WubiType } from '@kaoping/contracts';

/** 处室 / 科室 / 二级机构. */
@Entity('sections')
export class Section {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  name!: string;

  /** 业务类 business | 党务类 party; null for sections outside the jiguan scheme. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  category!: SectionCategory | null;

  /** 五比五评 type; null when the section does not take part. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  wubiType!: WubiType | null;

  /** Must do 30 days of 下基层调研 a year (NB-10/NB-11). */
  @Column({ type: 'boolean', default: false })
  researchRequired!: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A bureau cadre or worker. Section and position come from effective-dated memberships. */
@Entity('people')
export class Person {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** 支部书记. */
  @Column({ type: 'boolean', default: false })
  branchSecretary!: boolean;

  /** Bureau-wide access beyond the position: office (领导小组办公室/监察室/政治处) or leader (局领导). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  accessRole!: 'office' | 'leader' | null;

  /** Shown first on the demo persona picker. */
  @Column({ type: 'boolean', default: false })
  featured!: boolean;

  /** WeChat openid once bound with an invitation code. */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  openid!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A section's working hours (default 08:30–17:30, Monday–Friday). */
@Entity('attendance_schedules')
export class WorkSchedule {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  sectionId!: string;

  /** HH:MM, bureau time. */
  @Column({ type: 'varchar', length: 5 })
  startTime!: string;

  @Column({ type: 'varchar', length: 5 })
  endTime!: string;

  /** ISO weekdays, 1 = Monday. */
  @Column({ type: 'simple-json' })
  weekdays!: number[];

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

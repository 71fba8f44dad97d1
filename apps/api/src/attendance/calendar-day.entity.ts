import type { CalendarKind } from '@kaoping/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An exception to the weekly schedule: a statutory holiday, or an adjusted working day (调休). */
@Entity('attendance_calendar')
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CalendarKind;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

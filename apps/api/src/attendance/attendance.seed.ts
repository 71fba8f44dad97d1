import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { REPO_ROOT } from '../config/paths.js';
import { CalendarDay } from './calendar-day.entity.js';
import { WorkSchedule } from './schedule.entity.js';
import { AttendanceSite } from './site.entity.js';
import { daysBetween } from './zoned-time.js';

interface CalendarFile {
  year: number;
  holidays: { name: string; from: string; to: string }[];
  workdays: { name: string; date: string }[];
}
interface AttendanceFile {
  sites: { id: string; name: string; latitude: number; longitude: number; radius: number; sectionIds: string[]; bssids: string[] }[];
  schedules: { sectionIds: string[]; startTime: string; endTime: string; weekdays: number[] }[];
}

export const CALENDAR_DIR = resolve(REPO_ROOT, 'seeds/calendar');
export const DEMO_ATTENDANCE_FILE = resolve(REPO_ROOT, 'seeds/demo/attendance.json');

/** The official PRC work calendar (seeds/calendar/cn-<year>.json): holidays and 调休 working days. Idempotent. */
export async function seedWorkCalendar(ds: DataSource, dir = CALENDAR_DIR): Promise<number> {
  const rows: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [];
  for (const f of readdirSync(dir).filter((n) => /^cn-\d{4}\.json$/.test(n)).sort()) {
    const cal = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CalendarFile;
    for (const h of cal.holidays) for (const date of daysBetween(h.from, h.to)) rows.push({ date, kind: 'holiday', name: h.name });
    for (const w of cal.workdays) rows.push({ date: w.date, kind: 'workday', name: w.name });
  }
  await ds.transaction(async (em) => {
    const repo = em.getRepository(CalendarDay);
    for (const r of rows) if (!(await repo.findOneBy({ date: r.date }))) await repo.insert(repo.create(r));
  });
  return rows.length;
}

/** Demo sites and schedules (seeds/demo/attendance.json). Idempotent: rows matched by id / section. */
export async function seedDemoAttendance(ds: DataSource, file = DEMO_ATTENDANCE_FILE): Promise<void> {
  await seedWorkCalendar(ds);
  const data = JSON.parse(readFileSync(file, 'utf8')) as AttendanceFile;
  await ds.transaction(async (em) => {
    const sites = em.getRepository(AttendanceSite);
    for (const s of data.sites) if (!(await sites.findOneBy({ id: s.id }))) await sites.insert(sites.create({ ...s, active: true }));
    const schedules = em.getRepository(WorkSchedule);
    for (const s of data.schedules) {
      for (const sectionId of s.sectionIds) {
        if (!(await schedules.findOneBy({ sectionId }))) {
          await schedules.insert(schedules.create({ sectionId, startTime: s.startTime, endTime: s.endTime, weekdays: s.weekdays }));
        }
      }
    }
  });
}

import type { DataSource } from 'typeorm';
import { localDate } from '../common/time.js';
import { Membership } from '../org/membership.entity.js';
import { CalendarDay } from './calendar-day.entity.js';
import { Punch } from './punch.entity.js';
import { AttendanceSite } from './site.entity.js';
import { addDays, daysBetween, isoWeekday, zonedInstant } from './zoned-time.js';

const DEMO_ZONE = 'Asia/Shanghai';
/** Whose month the demo fills: 执法一处, so a newcomer sees a lived-in 我的考勤 and 本处考勤. */
const DEMO_SECTION = 'zf1';

/** A small deterministic hash so the same person and day always get the same minutes. */
function pick(seed: string, n: number): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return Math.abs(h) % n;
}

const pad = (m: number) => String(m).padStart(2, '0');

/**
 * Clock-ins of 执法一处 for the working days of the current month before today (bureau time): mostly on time, an
 * occasional late arrival (≥ 20 min) or early departure, now and then a missing evening punch. Idempotent (fixed
 * idempotency keys); days already filled are left alone.
 */
export async function seedDemoPunches(ds: DataSource, now = new Date()): Promise<void> {
  const today = localDate(now, DEMO_ZONE);
  const first = `${today.slice(0, 8)}01`;
  if (first >= today) return;
  const site = (await ds.getRepository(AttendanceSite).find()).find((s) => (s.sectionIds as string[]).includes(DEMO_SECTION));
  if (!site) return;
  const calendar = new Map((await ds.getRepository(CalendarDay).find()).map((c) => [c.date, c.kind]));
  const days = daysBetween(first, addDays(today, -1)).filter((d) => calendar.get(d) === 'workday' || (calendar.get(d) !== 'holiday' && isoWeekday(d) <= 5));
  const members = (await ds.getRepository(Membership).find({ where: { sectionId: DEMO_SECTION } })).filter((m) => m.from <= today && (m.to === null || m.to >= today));
  const repo = ds.getRepository(Punch);
  await ds.transaction(async (em) => {
    const punches = em.getRepository(Punch);
    for (const m of members) {
      for (const day of days) {
        const key = `demo-${m.personId}-${day}`;
        if (await repo.findOneBy({ personId: m.personId, idempotencyKey: `${key}-in` })) continue;
        const r = pick(key, 100);
        const inMinute = r < 8 ? 8 * 60 + 52 + (r % 6) : 8 * 60 + 10 + (r % 19); // ~8 % late by 22–27 minutes
        const outMinute = r >= 94 ? 17 * 60 + 5 : 17 * 60 + 31 + (r % 20); // ~6 % leave 25 minutes early
        const times: ['in' | 'out', number][] = r >= 90 && r < 94 ? [['in', inMinute]] : [['in', inMinute], ['out', outMinute]];
        for (const [type, minute] of times) {
          const at = zonedInstant(day, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, DEMO_ZONE);
          await punches.insert(
            punches.create({
              personId: m.personId,
              sectionId: DEMO_SECTION,
              type,
              at,
              receivedAt: at,
              clientAt: at,
              skewSeconds: 0,
              localDate: day,
              latitude: site.latitude + (pick(`${key}${type}lat`, 60) - 30) / 1e5,
              longitude: site.longitude + (pick(`${key}${type}lng`, 60) - 30) / 1e5,
              accuracy: 10 + pick(`${key}${type}acc`, 15),
              siteId: site.id,
              distance: 15 + pick(`${key}${type}d`, 60),
              field: false,
              photoFileId: null,
              note: null,
              deviceId: `demo-device-${m.personId}`,
              bssid: null,
              idempotencyKey: `${key}-${type}`,
              flags: [],
            }),
          );
        }
      }
    }
  });
}

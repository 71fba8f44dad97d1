import type { DataSource } from 'typeorm';
import { Section } from '../org/section.entity.js';
import { WubiCycle, WubiCycleEntry } from './cycle.entities.js';

/**
 * Demo three-year cycle 2024–2026 covering all seven listed sections: 2024 the two 科室 and the 支队, 2025 the four
 * 二级机构 of public service, 2026 all seven (the demo's inspections and surveys of the current year name every head).
 * Idempotent: left alone once any cycle touching these years is on file.
 */
export const DEMO_CYCLE = {
  startYear: 2024,
  years: {
    2024: ['jdk', 'csglk', 'zfzd'],
    2025: ['zhzx', 'ylc', 'hwc', 'gyc'],
    2026: ['jdk', 'csglk', 'zfzd', 'zhzx', 'ylc', 'hwc', 'gyc'],
  } as Record<number, string[]>,
};

export async function seedDemoCycle(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    const cycles = em.getRepository(WubiCycle);
    if ((await cycles.count()) > 0) return;
    const known = new Set((await em.getRepository(Section).find()).filter((s) => s.wubiType !== null).map((s) => s.id));
    const plan = Object.entries(DEMO_CYCLE.years).map(([year, ids]) => [Number(year), ids.filter((id) => known.has(id))] as const);
    if (plan.some(([, ids]) => ids.length === 0)) return;
    await cycles.insert(cycles.create({ startYear: DEMO_CYCLE.startYear, updatedBy: 'p039', updatedAt: new Date() }));
    const entries = em.getRepository(WubiCycleEntry);
    for (const [year, ids] of plan) {
      for (const sectionId of ids) await entries.insert(entries.create({ startYear: DEMO_CYCLE.startYear, year, sectionId }));
    }
  });
}

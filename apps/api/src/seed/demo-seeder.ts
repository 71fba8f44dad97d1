import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Position, SectionCategory, WubiType } from '@kaoping/contracts';
import type { DataSource } from 'typeorm';
import { REPO_ROOT } from '../config/paths.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';

interface BureauFile {
  sections: { id: string; name: string; category: SectionCategory | null; wubiType: WubiType | null; researchRequired: boolean; sortOrder: number }[];
  people: { id: string; name: string; phone?: string; branchSecretary?: boolean; accessRole?: 'office' | 'leader'; featured?: boolean; active?: boolean }[];
  memberships: { personId: string; sectionId: string; position: Position; from: string; to?: string }[];
}

export const DEMO_BUREAU_FILE = resolve(REPO_ROOT, 'seeds/demo/bureau.json');

export interface SeedReport {
  sections: number;
  people: number;
  memberships: number;
}

/**
 * Loads the demo bureau (seeds/demo/bureau.json). Idempotent: rows are matched by id (memberships by
 * person, section, position and start date) and updated in place; nothing else is touched.
 */
export async function seedDemoBureau(ds: DataSource, file = DEMO_BUREAU_FILE): Promise<SeedReport> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as BureauFile;
  await ds.transaction(async (em) => {
    const sections = em.getRepository(Section);
    for (const s of data.sections) {
      await sections.save(sections.create({ ...s }));
    }
    const people = em.getRepository(Person);
    for (const p of data.people) {
      const existing = await people.findOneBy({ id: p.id });
      await people.save(
        people.create({
          id: p.id,
          name: p.name,
          phone: p.phone ?? null,
          branchSecretary: p.branchSecretary ?? false,
          accessRole: p.accessRole ?? null,
          featured: p.featured ?? false,
          active: p.active ?? true,
          openid: existing?.openid ?? null,
        }),
      );
    }
    const memberships = em.getRepository(Membership);
    for (const m of data.memberships) {
      const existing = await memberships.findOneBy({ personId: m.personId, sectionId: m.sectionId, position: m.position, from: m.from });
      if (existing) {
        existing.to = m.to ?? null;
        await memberships.save(existing);
      } else {
        await memberships.insert(memberships.create({ ...m, to: m.to ?? null }));
      }
    }
  });
  return { sections: data.sections.length, people: data.people.length, memberships: data.memberships.length };
}

export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Section).count()) === 0;
}

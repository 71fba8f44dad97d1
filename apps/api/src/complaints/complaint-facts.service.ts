import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplaintInput, EventInput } from '@kaoping/scoring';
import { Between, DataSource, In } from 'typeorm';
import { localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { CATEGORY_RULE } from './complaint-workflow.js';
import { Complaint } from './complaint.entity.js';

/**
 * Scoring facts from complaints, in the scoring contract's shapes:
 * - `events` (jiguan): a complaint with a known person → DE-5 / NB-9 / LIAN-1 by category (`other` → none);
 *   `verified: true` once the office found it true, `false` while it is still open (shown, not scored).
 * - `complaints` (wubi WB-D4): the same, for the person — or, when only the section is known, for the section's
 *   chief on the day it was received. Unfounded and merged items are left out.
 * The fact's date is the day it was received (bureau zone): the cascade goes to whoever held office then.
 */
@Injectable()
export class ComplaintFactsService implements FactsProvider, OnModuleInit {
  readonly name = 'complaints';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    private readonly org: OrgService,
    private readonly registry: FactsRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** jiguan: `events`; wubi: `complaints`; without a scheme both lists. */
  async facts(year: number, scheme?: SchemeId): Promise<FactLists & { events: EventInput[]; complaints: ComplaintInput[] }> {
    const all = await this.all(year);
    if (scheme === 'jiguan') return { events: all.events, complaints: [] };
    if (scheme === 'wubi') return { events: [], complaints: all.complaints };
    return all;
  }

  private async all(year: number): Promise<{ events: EventInput[]; complaints: ComplaintInput[] }> {
    const from = new Date(Date.UTC(year, 0, 1) - 86_400_000);
    const to = new Date(Date.UTC(year + 1, 0, 1) + 86_400_000);
    const rows = await this.ds.getRepository(Complaint).find({
      where: { receivedAt: Between(from, to), status: In(['received', 'assigned', 'investigated', 'verified', 'replied']) },
      order: { receivedAt: 'ASC' },
    });
    const events: EventInput[] = [];
    const complaints: ComplaintInput[] = [];
    for (const c of rows) {
      if (c.outcome === 'unfounded') continue;
      const date = localDate(c.receivedAt, this.env.BUREAU_TIMEZONE);
      if (!date.startsWith(String(year))) continue;
      const verified = c.outcome === 'verified';
      let personId = c.personId;
      const rule = CATEGORY_RULE[c.category];
      if (personId && rule) events.push({ id: `complaint:${c.id}`, rule, personId, date, verified });
      const sectionId = c.assignedSectionId ?? c.sectionId;
      if (!personId && sectionId) personId = (await this.org.holderOn(sectionId, 'chief', date))[0]?.id ?? null;
      if (personId) complaints.push({ id: `complaint:${c.id}`, personId, date, verified });
    }
    return { events, complaints };
  }
}

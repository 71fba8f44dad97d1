import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommendationInput, EventInput, InspectionInput, RatingInput, VetoInput } from '@kaoping/scoring';
import { Between, DataSource, In } from 'typeorm';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { Incident } from './incident.entity.js';
import { Commendation, InspectionRound, InspectionScore, Rating, Veto } from './wubi-records.entity.js';

/**
 * Facts of this module. jiguan: `events` (incidents: verified and not frozen by an open appeal count; pending or
 * appealed ones are passed as `verified: false`, shown as a flag, not scored) and `ratings`. wubi: `inspections`,
 * `commendations`, `vetoes`.
 */
@Injectable()
export class RecordsFactsProvider implements FactsProvider, OnModuleInit {
  readonly name = 'records';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: FactsRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async facts(year: number, scheme: SchemeId): Promise<FactLists> {
    const dates = Between(`${year}-01-01`, `${year}-12-31`);
    if (scheme === 'jiguan') {
      const incidents = await this.ds.getRepository(Incident).find({ where: { date: dates, status: In(['pending', 'verified']) }, order: { date: 'ASC' } });
      const events: EventInput[] = incidents.map((i) => ({
        id: i.id,
        rule: i.rule,
        personId: i.personId,
        date: i.date,
        ...(i.variant ? { variant: i.variant } : {}),
        verified: i.status === 'verified' && i.appealStatus !== 'open',
      }));
      const ratings: RatingInput[] = (await this.ds.getRepository(Rating).findBy({ year })).map((r) => ({ personId: r.personId, rating: r.rating }));
      return { events, ratings };
    }
    const rounds = await this.ds.getRepository(InspectionRound).findBy({ year });
    const scores = rounds.length ? await this.ds.getRepository(InspectionScore).findBy({ roundId: In(rounds.map((r) => r.id)) }) : [];
    const byId = new Map(rounds.map((r) => [r.id, r]));
    const inspections: InspectionInput[] = scores.map((s) => ({ personId: s.personId, kind: byId.get(s.roundId)!.kind, round: byId.get(s.roundId)!.round, score: s.score }));
    const commendations: CommendationInput[] = (await this.ds.getRepository(Commendation).find({ where: { date: dates } })).map((c) => ({
      personId: c.personId,
      matter: c.matter,
      level: c.level,
      date: c.date,
      ...(c.docNo ? { docNo: c.docNo } : {}),
      ...(c.points !== null ? { points: c.points } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
    }));
    const vetoes: VetoInput[] = (await this.ds.getRepository(Veto).find({ where: { date: dates } })).map((v) => ({ personId: v.personId, reason: v.reason, date: v.date }));
    return { inspections, commendations, vetoes };
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FactsRegistry, type FactLists, type FactsProvider, type SchemeId } from '../scoring/facts-registry.js';
import { LedgerFactsService } from './ledger-facts.service.js';

/** The ledgers as scoring facts (jiguan): meetings, branch activities, research, reports, DE-1..4 events. */
@Injectable()
export class LedgerFactsProvider implements FactsProvider, OnModuleInit {
  readonly name = 'ledgers';

  constructor(
    private readonly ledgers: LedgerFactsService,
    private readonly registry: FactsRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async facts(year: number, scheme: SchemeId): Promise<FactLists> {
    return scheme === 'jiguan' ? this.ledgers.facts(year) : {};
  }
}

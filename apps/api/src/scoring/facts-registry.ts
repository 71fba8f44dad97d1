import { Injectable } from '@nestjs/common';
import type { ScoringInput } from '@kaoping/scoring';

export type SchemeId = 'jiguan' | 'wubi';

/** The fact lists a module contributes to a scoring input (everything but the org and the scheme). */
export type FactLists = Omit<Partial<ScoringInput>, 'scheme' | 'year' | 'sections' | 'people'>;

/** A module that turns its records into scoring facts (attendance, ledgers, complaints, surveys, incidents …). */
export interface FactsProvider {
  /** Shown in progress and errors, e.g. `attendance`. */
  readonly name: string;
  /** Facts of `year` (calendar year in the bureau's zone) for `scheme`; lists it has nothing for may be left out. */
  facts(year: number, scheme: SchemeId): Promise<FactLists>;
}

/**
 * Where feature modules register their facts providers (in `onModuleInit`: `registry.register(this)`), and where the
 * scoring service collects them. List fields from several providers are concatenated.
 */
@Injectable()
export class FactsRegistry {
  private readonly providers = new Map<string, FactsProvider>();

  register(provider: FactsProvider): void {
    if (this.providers.has(provider.name)) throw new Error(`facts provider "${provider.name}" registered twice`);
    this.providers.set(provider.name, provider);
  }

  list(): FactsProvider[] {
    return [...this.providers.values()];
  }

  /** All providers' facts for a year and scheme, merged list by list. */
  async collect(year: number, scheme: SchemeId): Promise<FactLists> {
    const merged: Record<string, unknown[]> = {};
    for (const provider of this.list()) {
      const lists = (await provider.facts(year, scheme)) as Record<string, unknown[] | undefined>;
      for (const [key, rows] of Object.entries(lists)) {
        if (!rows) continue;
        (merged[key] ??= []).push(...rows);
      }
    }
    // holidays/workdays are sets of dates: keep each once
    for (const key of ['holidays', 'workdays']) if (merged[key]) merged[key] = [...new Set(merged[key] as string[])].sort();
    return merged as FactLists;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXTRA_COMPONENT_LABELS, type ExtraComponentId, type ExtrasWeightDto, type ExtrasWeightsDto } from '@kaoping/contracts';
import { DataSource } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Person } from '../org/person.entity.js';
import { effectiveScheme, ExtrasWeight } from './extras-weights.js';
import { bumpFactsGeneration } from './facts-generation.js';

/** 附加项权重: the office sets the jiguan extras weights (0–1 each, Σ < 1); every stored score becomes stale. */
@Injectable()
export class ExtrasWeightsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The weights in force (file values where the office set none). */
  async weights(): Promise<ExtrasWeightDto[]> {
    const scheme = await effectiveScheme(this.ds.manager, 'jiguan');
    return scheme.total.extras.map((e) => ({
      component: e.id as ExtraComponentId,
      label: EXTRA_COMPONENT_LABELS[e.id as ExtraComponentId] ?? e.label,
      weight: e.weight,
    }));
  }

  async get(): Promise<ExtrasWeightsDto> {
    const weights = await this.weights();
    const last = await this.ds.getRepository(ExtrasWeight).findOne({ where: { scheme: 'jiguan' }, order: { updatedAt: 'DESC' } });
    const by = last ? await this.ds.getRepository(Person).findOneBy({ id: last.updatedById }) : null;
    return {
      scheme: 'jiguan',
      weights,
      sum: Math.round(weights.reduce((s, w) => s + w.weight, 0) * 10000) / 10000,
      updatedAt: last ? new Date(last.updatedAt).toISOString() : null,
      updatedByName: last ? (by?.name ?? last.updatedById) : null,
    };
  }

  /** Sets the listed components' weights (others keep theirs); Σ of all four must stay below 1. One transaction. */
  async set(user: PersonPrincipal, input: { component: string; weight: number }[]): Promise<ExtrasWeightsDto> {
    const current = await this.weights();
    const known = new Set(current.map((w) => w.component as string));
    const seen = new Set<string>();
    input.forEach((w, i) => {
      if (!known.has(w.component)) throw DomainError.invalid(`weights.${i}.component`, `weights.${i}.component 附加项“${w.component}”不在考评方案中（${[...known].join('、')}）`);
      if (seen.has(w.component)) throw DomainError.invalid(`weights.${i}.component`, `weights.${i}.component 附加项“${EXTRA_COMPONENT_LABELS[w.component as ExtraComponentId]}”重复`);
      seen.add(w.component);
    });
    const next = new Map(current.map((w) => [w.component as string, w.weight]));
    for (const w of input) next.set(w.component, w.weight);
    const sum = [...next.values()].reduce((s, v) => s + v, 0);
    // below 1: the six dimensions always keep a share of the total
    if (sum >= 1 - 1e-9) {
      throw DomainError.invalid('weights', `weights 四项权重之和为 ${Math.round(sum * 100) / 100}，须小于 1（德能勤绩廉与民主测评须保留份额）`);
    }
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(ExtrasWeight);
      for (const w of input) await repo.save(repo.create({ scheme: 'jiguan', component: w.component, weight: w.weight, updatedById: user.id, updatedAt: now }));
      // every stored score was computed with the old weights
      await bumpFactsGeneration(em);
    });
    return this.get();
  }
}

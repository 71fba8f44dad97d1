import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASPECTS,
  DEMOCRATIC_GROUPS,
  POSITION_LABELS,
  type CampaignDto,
  type DemocraticRaterGroup,
  type DemocraticResultDto,
  type DemocraticTaskDto,
} from '@kaoping/contracts';
import type { DemocraticInput } from '@kaoping/scoring';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { insertAnonymous, markFactsChanged } from './anonymous-write.js';
import { hmac } from './survey-token.js';
import { DemocraticCampaign, DemocraticRater, DemocraticScore } from './survey.entities.js';

interface Snapshot {
  raters: { personId: string; group: DemocraticRaterGroup; targetIds: string[] }[];
  positions: Map<string, 'chief' | 'deputy' | 'staff'>;
}

/**
 * Who rates whom on `asOf` (a documented default, seed 000 六.(六)): the 机关 (sections with a jiguan category) are rated.
 * Chiefs and deputies are rated by every rater, in groups: 局领导 (leader accounts), 副科以上互评 (机关 chiefs/deputies),
 * 局属各单位 (people of the sections outside the 机关), 机关科员 (机关 staff). Staff are rated on the five aspects by the
 * colleagues of their own section. Nobody rates themself.
 */
export async function democraticSnapshot(ds: DataSource, asOf: string): Promise<Snapshot> {
  const people = await ds.getRepository(Person).findBy({ active: true });
  const sections = new Map((await ds.getRepository(Section).find()).map((s) => [s.id, s]));
  const ms = await ds.getRepository(Membership).find({
    where: [
      { from: LessThanOrEqual(asOf), to: IsNull() },
      { from: LessThanOrEqual(asOf), to: MoreThanOrEqual(asOf) },
    ],
  });
  const byPerson = new Map(ms.map((m) => [m.personId, m]));
  const jiguan = (m: Membership | undefined) => !!m && !!sections.get(m.sectionId)?.category;
  const cadres = ms.filter((m) => jiguan(m) && (m.position === 'chief' || m.position === 'deputy')).map((m) => m.personId);
  const positions = new Map<string, 'chief' | 'deputy' | 'staff'>();
  for (const m of ms) if (jiguan(m)) positions.set(m.personId, m.position);
  const raters: Snapshot['raters'] = [];
  for (const p of people) {
    const m = byPerson.get(p.id);
    let group: DemocraticRaterGroup | null = null;
    if (p.accessRole === 'leader') group = 'bureau_leader';
    else if (m && !jiguan(m)) group = 'unit';
    else if (m && (m.position === 'chief' || m.position === 'deputy')) group = 'cadre_peer';
    else if (m) group = 'staff';
    if (!group) continue;
    const colleagues = m && jiguan(m) ? ms.filter((x) => x.sectionId === m.sectionId && x.position === 'staff').map((x) => x.personId) : [];
    const targetIds = [...new Set([...cadres, ...colleagues])].filter((id) => id !== p.id);
    if (targetIds.length > 0) raters.push({ personId: p.id, group, targetIds });
  }
  return { raters, positions };
}

@Injectable()
export class DemocraticService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDate(this.clock.now(), this.env.BUREAU_TIMEZONE);
  }

  private raterHash(rater: DemocraticRater): string {
    return hmac(this.env.SURVEY_SECRET, `democratic:${rater.id}`);
  }

  async create(input: { year: number; title: string; closesOn: string }): Promise<CampaignDto> {
    const asOf = this.today();
    if (input.closesOn < asOf) throw DomainError.invalid('closesOn', 'closesOn 截止日期不能早于今天');
    const snap = await democraticSnapshot(this.ds, asOf);
    const c = await this.ds.transaction(async (em) => {
      const c = em.getRepository(DemocraticCampaign).create({ ...input, asOf });
      await em.getRepository(DemocraticCampaign).insert(c);
      const repo = em.getRepository(DemocraticRater);
      for (const r of snap.raters) await repo.insert(repo.create({ campaignId: c.id, ...r, rated: 0, completedOn: null }));
      return c;
    });
    return this.toDto(c);
  }

  async list(): Promise<CampaignDto[]> {
    const rows = await this.ds.getRepository(DemocraticCampaign).find({ order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((c) => this.toDto(c)));
  }

  private async get(id: string): Promise<DemocraticCampaign> {
    const c = /^[0-9a-f-]{36}$/.test(id) ? await this.ds.getRepository(DemocraticCampaign).findOneBy({ id }) : null;
    if (!c) throw DomainError.notFound('测评活动', 'id');
    return c;
  }

  private async toDto(c: DemocraticCampaign): Promise<CampaignDto> {
    const raters = await this.ds.getRepository(DemocraticRater).find({ where: { campaignId: c.id }, select: { group: true, completedOn: true } });
    return {
      id: c.id,
      year: c.year,
      title: c.title,
      closesOn: c.closesOn,
      progress: DEMOCRATIC_GROUPS.map((g) => ({
        group: g,
        raters: raters.filter((r) => r.group === g).length,
        completed: raters.filter((r) => r.group === g && r.completedOn).length,
      })),
    };
  }

  async progress(id: string): Promise<CampaignDto> {
    return this.toDto(await this.get(id));
  }

  /** The caller's open campaigns and whom they still have to rate. */
  async tasks(user: Principal): Promise<DemocraticTaskDto[]> {
    const raters = await this.ds.getRepository(DemocraticRater).findBy({ personId: user.id });
    const out: DemocraticTaskDto[] = [];
    for (const r of raters) {
      const c = await this.ds.getRepository(DemocraticCampaign).findOneBy({ id: r.campaignId });
      if (!c || c.closesOn < this.today()) continue;
      const done = new Set(
        (await this.ds.getRepository(DemocraticScore).find({ where: { campaignId: c.id, raterHash: this.raterHash(r) }, select: { targetId: true } })).map((s) => s.targetId),
      );
      const snap = await this.ds.getRepository(Membership).find({
        where: [
          { from: LessThanOrEqual(c.asOf), to: IsNull() },
          { from: LessThanOrEqual(c.asOf), to: MoreThanOrEqual(c.asOf) },
        ],
      });
      const people = new Map((await this.ds.getRepository(Person).find()).map((p) => [p.id, p]));
      const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s]));
      out.push({
        campaignId: c.id,
        title: c.title,
        closesOn: c.closesOn,
        group: r.group,
        targets: r.targetIds.map((id) => {
          const m = snap.find((x) => x.personId === id);
          return {
            personId: id,
            name: people.get(id)?.name ?? id,
            sectionName: m ? (sections.get(m.sectionId)?.name ?? null) : null,
            position: m ? POSITION_LABELS[m.position] : null,
            done: done.has(id),
          };
        }),
      });
    }
    return out;
  }

  async rate(user: Principal, dto: { campaignId: string; targetId: string; aspects: Record<(typeof ASPECTS)[number], number> }): Promise<{ status: 'received' }> {
    const c = await this.get(dto.campaignId);
    if (c.closesOn < this.today()) throw new DomainError('SURVEY_CLOSED', '该测评已结束');
    const rater = await this.ds.getRepository(DemocraticRater).findOneBy({ campaignId: c.id, personId: user.id });
    if (!rater) throw DomainError.forbidden('您不在本次测评的测评人名单中');
    if (dto.targetId === user.id) throw DomainError.invalid('targetId', 'targetId 不能为自己打分');
    if (!rater.targetIds.includes(dto.targetId)) throw DomainError.invalid('targetId', 'targetId 该同志不在您的测评名单中');
    const position = await this.positionAt(dto.targetId, c.asOf);
    const hash = this.raterHash(rater);
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(DemocraticScore);
      if (await repo.findOneBy({ campaignId: c.id, targetId: dto.targetId, raterHash: hash })) {
        throw new DomainError('SURVEY_ALREADY_ANSWERED', '您已为该同志打过分，感谢参与');
      }
      try {
        await insertAnonymous(em, DemocraticScore, repo.create({ campaignId: c.id, targetId: dto.targetId, targetPosition: position, group: rater.group, raterHash: hash, ...dto.aspects }));
      } catch {
        throw new DomainError('SURVEY_ALREADY_ANSWERED', '您已为该同志打过分，感谢参与');
      }
      const rated = await repo.count({ where: { campaignId: c.id, raterHash: hash } });
      await em.getRepository(DemocraticRater).update({ id: rater.id }, { rated, completedOn: rated >= rater.targetIds.length ? this.today() : null });
    });
    await markFactsChanged(this.ds.manager);
    return { status: 'received' };
  }

  private async positionAt(personId: string, date: string): Promise<'chief' | 'deputy' | 'staff'> {
    const m = await this.ds.getRepository(Membership).findOne({
      where: [
        { personId, from: LessThanOrEqual(date), to: IsNull() },
        { personId, from: LessThanOrEqual(date), to: MoreThanOrEqual(date) },
      ],
    });
    return m?.position ?? 'staff';
  }

  /** Aggregates per target and rater group; a group under the minimum size shows its count, not its mean. */
  async results(id: string): Promise<DemocraticResultDto[]> {
    const c = await this.get(id);
    const scores = await this.ds.getRepository(DemocraticScore).findBy({ campaignId: c.id });
    const people = new Map((await this.ds.getRepository(Person).find()).map((p) => [p.id, p]));
    const min = this.env.SURVEY_MIN_GROUP_SIZE;
    const targets = [...new Set(scores.map((s) => s.targetId))].sort();
    return targets.map((t) => {
      const mine = scores.filter((s) => s.targetId === t);
      return {
        personId: t,
        name: people.get(t)?.name ?? t,
        position: POSITION_LABELS[mine[0]!.targetPosition],
        groups: DEMOCRATIC_GROUPS.map((g) => {
          const xs = mine.filter((s) => s.group === g).map((s) => (s.de + s.neng + s.qin + s.ji + s.lian) / 5);
          return { group: g, count: xs.length, mean: xs.length >= min ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null };
        }),
      };
    });
  }

  /** `democratic` facts (jiguan): staff → one row per rater with the five aspects; chiefs/deputies → group + the rater's mean. */
  async facts(year: number): Promise<DemocraticInput[]> {
    const campaigns = await this.ds.getRepository(DemocraticCampaign).findBy({ year });
    const out: DemocraticInput[] = [];
    for (const c of campaigns) {
      for (const s of await this.ds.getRepository(DemocraticScore).findBy({ campaignId: c.id })) {
        if (s.targetPosition === 'staff') {
          out.push({ personId: s.targetId, aspects: { de: s.de, neng: s.neng, qin: s.qin, ji: s.ji, lian: s.lian } });
        } else {
          out.push({ personId: s.targetId, group: s.group, score: (s.de + s.neng + s.qin + s.ji + s.lian) / 5 });
        }
      }
    }
    return out;
  }
}

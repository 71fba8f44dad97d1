import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INVITEE_KIND_LABELS,
  SURVEY_GROUPS,
  type SurveyGroup,
  type FlaggedResponseDto,
  type InvitationHomeDto,
  type InvitationIssuedDto,
  type InvitationStatusDto,
  type InviteeKind,
  type ResponseFlag,
  type SubmitResultDto,
  type SurveyAnswer,
  type SurveyDto,
  type SurveyFormDto,
  type SurveyQuestion,
  type SurveyResultsDto,
  type SurveyTargetDto,
} from '@kaoping/contracts';
import { createHash, randomInt } from 'node:crypto';
import { DataSource, In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { IdempotencyStore } from '../common/idempotency/idempotency.store.js';
import { RateLimitStore } from '../common/rate-limit/rate-limit.js';
import { Clock, localDate } from '../common/time.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { BANDS, bandOf, burstThreshold, flagsFor, scoreAnswers } from './survey-checks.js';
import { hmac, signQr, verifyQr } from './survey-token.js';
import { Survey, SurveyFollowUp, SurveyInvitation, SurveyResponse } from './survey.entities.js';
import { schemeScales } from './scheme-scales.js';
import { insertAnonymous, markFactsChanged } from './anonymous-write.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVITATION_GROUPS = new Set(['representative', 'counterpart', 'city_leader', 'unit']);
/** The wubi evaluation groups (WB-C1…C4): the surveys that become `evaluations` facts. */
const EVALUATION_GROUPS = new Set<string>(SURVEY_GROUPS);
const KIND_BY_LABEL: Record<string, InviteeKind> = Object.fromEntries(
  Object.entries(INVITEE_KIND_LABELS).flatMap(([k, label]) => [
    [label, k as InviteeKind],
    [k, k as InviteeKind],
  ]),
);
KIND_BY_LABEL['市领导'] = 'city_leader';
KIND_BY_LABEL['对口部门领导'] = 'counterpart';

export interface SubmitInput {
  answers: SurveyAnswer[];
  durationMs: number;
  idempotencyKey: string;
}

export interface CreateSurveyInput {
  title: string;
  group: Survey['group'];
  year: number;
  periodStart: string;
  periodEnd: string;
  questions: { id: string; type: SurveyQuestion['type']; text: string; options?: string[]; required?: boolean }[];
  sectionIds: string[];
}

/** Survey definitions, QR codes, citizen and invitation submissions, anti-stuffing, results. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RateLimitStore) private readonly limiter: RateLimitStore,
    @Inject(IdempotencyStore) private readonly replays: IdempotencyStore,
    private readonly org: OrgService,
  ) {}

  // ---------------------------------------------------------------- definitions

  async create(input: CreateSurveyInput, by: Principal): Promise<SurveyDto> {
    return this.toDto(await this.insertSurvey(this.ds.manager, input, by));
  }

  /** Validates and inserts a survey inside the caller's transaction (`em`). */
  async insertSurvey(em: EntityManager, input: CreateSurveyInput, by: Principal): Promise<Survey> {
    if (input.periodEnd < input.periodStart) throw DomainError.invalid('periodEnd', 'periodEnd 不能早于 periodStart');
    const ids = new Set<string>();
    const scales = schemeScales();
    const questions: SurveyQuestion[] = input.questions.map((q, i) => {
      if (ids.has(q.id)) throw DomainError.invalid(`questions.${i}.id`, `questions.${i}.id 题目编号重复`);
      ids.add(q.id);
      let options: string[] | undefined;
      if (q.type === 'choice') {
        options = q.options ?? Object.keys(scales.choice);
        const bad = options.find((o) => scales.choice[o] === undefined);
        if (bad) throw DomainError.invalid(`questions.${i}.options`, `questions.${i}.options 选项“${bad}”不在量表中（${Object.keys(scales.choice).join('、')}）`);
      } else if (q.options) {
        throw DomainError.invalid(`questions.${i}.options`, `questions.${i}.options 只有单选题需要选项`);
      }
      return { id: q.id, type: q.type, text: q.text, ...(options ? { options } : {}), required: q.required ?? q.type !== 'text' };
    });
    const sectionIds = [...new Set(input.sectionIds)];
    const found = await em.getRepository(Section).findBy({ id: In(sectionIds) });
    const missing = sectionIds.find((id) => !found.some((s) => s.id === id));
    if (missing) throw DomainError.invalid('sectionIds', `sectionIds 处室“${missing}”不存在`);
    const repo = em.getRepository(Survey);
    const s = repo.create({
      title: input.title,
      group: input.group,
      year: input.year,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      questions,
      scale: scales.choice,
      starScale: scales.stars,
      sectionIds,
      createdById: by.id,
    });
    await repo.insert(s);
    return s;
  }

  async list(): Promise<SurveyDto[]> {
    const rows = await this.ds.getRepository(Survey).find({ order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((s) => this.toDto(s)));
  }

  async get(id: string): Promise<Survey> {
    const s = /^[0-9a-f-]{36}$/.test(id) ? await this.ds.getRepository(Survey).findOneBy({ id }) : null;
    if (!s) throw DomainError.notFound('问卷', 'id');
    return s;
  }

  async getDto(id: string): Promise<SurveyDto> {
    return this.toDto(await this.get(id));
  }

  private async toDto(s: Survey): Promise<SurveyDto> {
    const counts = await this.ds
      .getRepository(SurveyResponse)
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.surveyId = :id', { id: s.id })
      .groupBy('r.status')
      .getRawMany<{ status: string; n: string | number }>();
    const n = (st: string) => Number(counts.find((c) => c.status === st)?.n ?? 0);
    return {
      id: s.id,
      title: s.title,
      group: s.group,
      year: s.year,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      questions: s.questions,
      scale: s.scale,
      targets: await this.targets(s),
      responses: n('counted') + n('held') + n('rejected'),
      held: n('held'),
    };
  }

  /** The rated sections and their heads (as on the period end, or today if earlier). */
  async targets(s: Survey): Promise<SurveyTargetDto[]> {
    const sections = await this.ds.getRepository(Section).findBy({ id: In(s.sectionIds) });
    const on = this.headDate(s);
    const out: SurveyTargetDto[] = [];
    for (const id of s.sectionIds) {
      const sec = sections.find((x) => x.id === id);
      if (!sec) continue;
      const head = (await this.org.holderOn(id, 'chief', on))[0];
      out.push({ sectionId: id, sectionName: sec.name, headName: head?.name ?? null });
    }
    return out;
  }

  headDate(s: Survey): string {
    const today = this.org.today();
    return today < s.periodEnd ? (today > s.periodStart ? today : s.periodStart) : s.periodEnd;
  }

  // ---------------------------------------------------------------- QR codes

  qrLink(s: Survey, sectionId: string): { token: string; url: string; weappPath: string } {
    if (s.group !== 'service_recipient') throw DomainError.invalid('id', '只有服务对象满意度问卷使用扫码评价；其他问卷请发放邀请链接');
    if (!s.sectionIds.includes(sectionId)) throw DomainError.invalid('sectionId', 'sectionId 该处室不在本问卷的评价对象中');
    const token = signQr(this.env.SURVEY_SECRET, { s: s.id, t: sectionId, p: s.periodEnd });
    return {
      token,
      url: `${this.env.PUBLIC_BASE_URL}/#/subpackages/citizen/pages/survey/index?t=${token}`,
      weappPath: `subpackages/citizen/pages/survey/index?t=${token}`,
    };
  }

  /** A well-signed, unexpired token → the survey and target; otherwise a clear refusal. */
  private async fromToken(token: string): Promise<{ survey: Survey; section: Section }> {
    const claims = verifyQr(this.env.SURVEY_SECRET, token);
    if (!claims) throw new DomainError('SURVEY_TOKEN_INVALID', '二维码无效，请扫描张贴的官方二维码', 't');
    const survey = await this.ds.getRepository(Survey).findOneBy({ id: claims.s });
    if (!survey || !survey.sectionIds.includes(claims.t)) throw new DomainError('SURVEY_TOKEN_INVALID', '二维码无效，请扫描张贴的官方二维码', 't');
    this.assertOpen(survey, claims.p);
    const section = await this.org.getSection(claims.t);
    return { survey, section };
  }

  private assertOpen(s: Survey, periodEnd = s.periodEnd): void {
    const today = localDate(this.clock.now(), this.env.BUREAU_TIMEZONE);
    if (today > periodEnd || today > s.periodEnd) throw new DomainError('SURVEY_CLOSED', '该评价已结束，感谢您的关注');
    if (today < s.periodStart) throw new DomainError('SURVEY_CLOSED', `该评价尚未开始（${s.periodStart} 开始）`);
  }

  async form(token: string): Promise<SurveyFormDto> {
    const { survey, section } = await this.fromToken(token);
    return {
      surveyId: survey.id,
      title: survey.title,
      group: survey.group,
      sectionId: section.id,
      sectionName: section.name,
      periodEnd: survey.periodEnd,
      questions: survey.questions,
    };
  }

  // ---------------------------------------------------------------- submissions

  async submitCitizen(user: Principal, dto: SubmitInput & { token: string; contact?: string }): Promise<SubmitResultDto> {
    // a retry of an accepted answer is answered from the shared replay cache (the token's signature is checked first)
    const claims = verifyQr(this.env.SURVEY_SECRET, dto.token);
    const replayKey = claims ? `survey:citizen:${user.id}:${claims.s}:${claims.t}:${dto.idempotencyKey}` : null;
    const replay = replayKey ? await this.replays.get<SubmitResultDto>(replayKey) : null;
    if (replay) return replay;
    const { survey, section } = await this.fromToken(dto.token);
    const respondentHash = hmac(this.env.SURVEY_SECRET, `citizen:${user.id}`);
    const result = await this.ds.transaction(async (em) => {
      const r = await this.record(em, survey, section.id, respondentHash, dto, true);
      if (r.created && dto.contact) {
        await insertAnonymous(em, SurveyFollowUp, em.getRepository(SurveyFollowUp).create({ surveyId: survey.id, sectionId: section.id, contact: dto.contact }));
      }
      return r;
    });
    // also on a repeat that found the answer stored: the first attempt may have died between its commit and its bump
    await markFactsChanged(this.ds.manager);
    const answer: SubmitResultDto = { id: result.id, status: 'received' };
    if (replayKey) await this.replays.put(replayKey, answer);
    return answer;
  }

  /**
   * Writes one answer sheet (inside `em`'s transaction). A resubmission with the same idempotency key answers the same
   * result; a different second sheet by the same respondent for the same target is refused politely.
   */
  private async record(
    em: EntityManager,
    survey: Survey,
    sectionId: string,
    respondentHash: string,
    dto: SubmitInput,
    detectBurst: boolean,
  ): Promise<{ id: string; created: boolean }> {
    const repo = em.getRepository(SurveyResponse);
    const prior = await repo.findOne({ where: { surveyId: survey.id, sectionId, respondentHash }, select: { id: true, idempotencyKey: true } });
    if (prior) {
      if (prior.idempotencyKey === dto.idempotencyKey) return { id: prior.id, created: false };
      throw new DomainError('SURVEY_ALREADY_ANSWERED', '您已评价过，感谢参与');
    }
    const scored = scoreAnswers(survey.questions, dto.answers, { choice: survey.scale, stars: survey.starScale });
    if (!scored.ok) throw DomainError.invalid(scored.field, scored.message);

    const hit = await this.limiter.hit(`survey-respondent:${respondentHash}`, 3600_000, this.clock.now().getTime());
    if (hit.count > this.env.SURVEY_DEVICE_HOURLY_LIMIT) throw new DomainError('RATE_LIMITED', '提交过于频繁，请稍后再试');

    const now = this.clock.now();
    const durations = await this.recentDurations(em, survey.id);
    const flags: ResponseFlag[] = flagsFor({
      questions: survey.questions,
      answers: dto.answers,
      durationMs: dto.durationMs,
      priorDurations: durations,
      speederMinSample: this.env.SURVEY_SPEEDER_MIN_SAMPLE,
    });

    if (detectBurst) {
      const windowMs = this.env.SURVEY_BURST_WINDOW_MINUTES * 60_000;
      const windowStart = new Date(now.getTime() - windowMs);
      const inWindow = await repo.find({ where: { surveyId: survey.id, sectionId, createdAt: MoreThanOrEqual(windowStart) }, select: { id: true, flags: true, status: true } });
      const before = (await repo.count({ where: { surveyId: survey.id, sectionId } })) - inWindow.length;
      const openedAt = Math.min(survey.createdAt.getTime(), Date.parse(`${survey.periodStart}T00:00:00Z`));
      const priorMinutes = Math.max(0, (windowStart.getTime() - openedAt) / 60_000);
      const threshold = burstThreshold(before, priorMinutes, this.env.SURVEY_BURST_WINDOW_MINUTES, this.env.SURVEY_BURST_MIN, this.env.SURVEY_BURST_FACTOR);
      if (inWindow.length + 1 > threshold) {
        flags.push('burst');
        // the whole burst is held out of the mean, not only the response that tipped it
        for (const r of inWindow.filter((x) => !x.flags.includes('burst'))) {
          await repo.update({ id: r.id }, { flags: [...r.flags, 'burst'], status: r.status === 'counted' ? 'held' : r.status });
        }
      }
    }

    const row = repo.create({
      surveyId: survey.id,
      sectionId,
      respondentHash,
      idempotencyKey: dto.idempotencyKey,
      answers: dto.answers.map((a) => ({ questionId: a.questionId, value: a.value })),
      score: scored.score,
      durationMs: dto.durationMs,
      flags,
      status: flags.length > 0 ? 'held' : 'counted',
      reviewedAt: null,
      createdAt: now,
    });
    try {
      await insertAnonymous(em, SurveyResponse, row);
    } catch (e) {
      // a concurrent duplicate: the unique index decided
      const again = await this.ds.getRepository(SurveyResponse).findOne({ where: { surveyId: survey.id, sectionId, respondentHash } });
      if (again?.idempotencyKey === dto.idempotencyKey) return { id: again.id, created: false };
      if (again) throw new DomainError('SURVEY_ALREADY_ANSWERED', '您已评价过，感谢参与');
      throw e;
    }
    return { id: row.id, created: true };
  }

  /** Completion times of the survey's latest answers (for the speeder median), cached per survey for a minute. */
  private readonly durationCache = new Map<string, { at: number; values: number[] }>();

  private async recentDurations(em: EntityManager, surveyId: string): Promise<number[]> {
    const now = Date.now();
    const hit = this.durationCache.get(surveyId);
    if (hit && now - hit.at < 60_000 && hit.values.length >= this.env.SURVEY_SPEEDER_MIN_SAMPLE) return hit.values;
    const rows = await em.getRepository(SurveyResponse).find({ where: { surveyId }, select: { durationMs: true }, order: { createdAt: 'DESC' }, take: 500 });
    const values = rows.map((r) => r.durationMs).filter((d): d is number => d !== null);
    this.durationCache.set(surveyId, { at: now, values });
    return values;
  }

  // ---------------------------------------------------------------- invitations

  private newCode(): string {
    return Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  }

  private issued(inv: SurveyInvitation, code: string): InvitationIssuedDto {
    return {
      id: inv.id,
      name: inv.name,
      kind: inv.kind,
      code,
      url: `${this.env.PUBLIC_BASE_URL}/#/subpackages/representative/pages/home/index?code=${code}`,
      weappPath: `subpackages/representative/pages/home/index?code=${code}`,
    };
  }

  async invite(surveyId: string, invitees: { name: string; kind: InviteeKind; phone?: string | null }[]): Promise<InvitationIssuedDto[]> {
    const survey = await this.get(surveyId);
    if (!INVITATION_GROUPS.has(survey.group)) throw DomainError.invalid('id', '服务对象满意度问卷使用扫码评价，不发放邀请');
    return this.ds.transaction((em) => this.issueInvitations(em, surveyId, invitees));
  }

  /** One single-use invitation per invitee, inside the caller's transaction; the codes are returned only here. */
  async issueInvitations(em: EntityManager, surveyId: string, invitees: { name: string; kind: InviteeKind; phone?: string | null }[]): Promise<InvitationIssuedDto[]> {
    const repo = em.getRepository(SurveyInvitation);
    const out: InvitationIssuedDto[] = [];
    for (const p of invitees) {
      const code = this.newCode();
      const inv = repo.create({ surveyId, name: p.name.trim(), kind: p.kind, phone: p.phone ?? null, codeHash: sha256(code), answered: 0, completedOn: null });
      await repo.insert(inv);
      out.push(this.issued(inv, code));
    }
    return out;
  }

  /** Excel (.xlsx) with columns 姓名 / 类别 / 电话 (a header row). */
  async importInvitations(surveyId: string, file: Buffer | undefined): Promise<InvitationIssuedDto[]> {
    if (!file || file.length === 0) throw DomainError.invalid('file', 'file 请上传 Excel 文件（.xlsx）');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw DomainError.invalid('file', 'file 不是有效的 Excel 文件（.xlsx）');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw DomainError.invalid('file', 'file 表格为空');
    const text = (v: unknown): string => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text).trim();
      if (typeof v === 'object' && 'result' in (v as object)) return String((v as { result: unknown }).result).trim();
      return String(v).trim();
    };
    const header = (ws.getRow(1).values as unknown[]).map(text);
    const col = (names: string[]) => header.findIndex((h) => names.includes(h));
    const cName = col(['姓名', 'name']);
    const cKind = col(['类别', '身份', 'kind']);
    const cPhone = col(['电话', '手机', '手机号', 'phone']);
    if (cName < 0 || cKind < 0) throw DomainError.invalid('file', 'file 第一行须有“姓名”“类别”两列（可选“电话”）');
    const invitees: { name: string; kind: InviteeKind; phone: string | null }[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const vals = ws.getRow(r).values as unknown[];
      const name = text(vals[cName]);
      if (!name) continue;
      const kindText = text(vals[cKind]);
      const kind = KIND_BY_LABEL[kindText];
      if (!kind) throw DomainError.invalid('file', `file 第 ${r} 行类别“${kindText}”无效（人大代表、政协委员、党代表、对口部门、分管联系市领导）`);
      const phone = cPhone >= 0 ? text(vals[cPhone]) || null : null;
      if (name.length > 40 || (phone && !/^[0-9+-]{5,20}$/.test(phone))) throw DomainError.invalid('file', `file 第 ${r} 行姓名或电话格式不正确`);
      invitees.push({ name, kind, phone });
    }
    if (invitees.length === 0) throw DomainError.invalid('file', 'file 表格中没有名单');
    if (invitees.length > 500) throw DomainError.invalid('file', 'file 一次最多导入 500 人');
    return this.invite(surveyId, invitees);
  }

  async reissue(invitationId: string): Promise<InvitationIssuedDto> {
    const repo = this.ds.getRepository(SurveyInvitation);
    const inv = await repo.findOneBy({ id: invitationId });
    if (!inv) throw DomainError.notFound('邀请', 'id');
    if (inv.completedOn) throw new DomainError('CONFLICT', '该邀请已完成评价，无需重新发放');
    const code = this.newCode();
    await repo.update({ id: inv.id }, { codeHash: sha256(code) });
    return this.issued(inv, code);
  }

  /** Who has responded — never what they said. */
  async invitations(surveyId: string): Promise<InvitationStatusDto[]> {
    const survey = await this.get(surveyId);
    const rows = await this.ds.getRepository(SurveyInvitation).find({ where: { surveyId }, order: { createdAt: 'ASC', name: 'ASC' } });
    return rows.map((i) => ({ id: i.id, name: i.name, kind: i.kind, phone: i.phone, answered: i.answered, total: survey.sectionIds.length, completedOn: i.completedOn }));
  }

  /** Opens an invitation by its code: a representative session (token sub = invitation id). */
  async openInvitation(code: string): Promise<{ invitation: SurveyInvitation; home: InvitationHomeDto }> {
    const inv = await this.ds.getRepository(SurveyInvitation).findOneBy({ codeHash: sha256(code.toUpperCase()) });
    if (!inv) throw new DomainError('INVITE_INVALID', '邀请链接无效，请联系考评办重新发放', 'code');
    if (inv.completedOn) throw new DomainError('INVITE_INVALID', '该邀请已完成评价，感谢您的参与', 'code');
    const survey = await this.get(inv.surveyId);
    this.assertOpen(survey);
    return { invitation: inv, home: await this.home(inv, survey) };
  }

  async invitationOf(user: Principal): Promise<SurveyInvitation> {
    const inv = await this.ds.getRepository(SurveyInvitation).findOneBy({ id: user.id });
    if (!inv) throw new DomainError('TOKEN_INVALID', '邀请已失效，请重新打开邀请链接');
    return inv;
  }

  async homeFor(user: Principal): Promise<InvitationHomeDto> {
    const inv = await this.invitationOf(user);
    return this.home(inv, await this.get(inv.surveyId));
  }

  private async home(inv: SurveyInvitation, survey: Survey): Promise<InvitationHomeDto> {
    const hash = hmac(this.env.SURVEY_SECRET, `invitation:${inv.id}`);
    const done = await this.ds.getRepository(SurveyResponse).find({ where: { surveyId: survey.id, respondentHash: hash }, select: { sectionId: true } });
    const targets = await this.targets(survey);
    return {
      surveyId: survey.id,
      title: survey.title,
      group: survey.group,
      periodEnd: survey.periodEnd,
      questions: survey.questions,
      sections: targets.map((t) => ({ sectionId: t.sectionId, sectionName: t.sectionName, done: done.some((d) => d.sectionId === t.sectionId) })),
    };
  }

  async submitInvitation(user: Principal, dto: SubmitInput & { sectionId: string }): Promise<SubmitResultDto> {
    const replayKey = `survey:invitation:${user.id}:${dto.sectionId}:${dto.idempotencyKey}`;
    const replay = await this.replays.get<SubmitResultDto>(replayKey);
    if (replay) return replay;
    const inv = await this.invitationOf(user);
    const survey = await this.get(inv.surveyId);
    this.assertOpen(survey);
    if (!survey.sectionIds.includes(dto.sectionId)) throw DomainError.invalid('sectionId', 'sectionId 该处室不在本次评价范围内');
    const hash = hmac(this.env.SURVEY_SECRET, `invitation:${inv.id}`);
    const r = await this.ds.transaction(async (em) => {
      const res = await this.record(em, survey, dto.sectionId, hash, dto, false);
      if (res.created) {
        const answered = await em.getRepository(SurveyResponse).count({ where: { surveyId: survey.id, respondentHash: hash } });
        const completedOn = answered >= survey.sectionIds.length ? localDate(this.clock.now(), this.env.BUREAU_TIMEZONE) : null;
        await em.getRepository(SurveyInvitation).update({ id: inv.id }, { answered, completedOn });
      }
      return res;
    });
    await markFactsChanged(this.ds.manager); // on a stored repeat too (see submitCitizen)
    const answer: SubmitResultDto = { id: r.id, status: 'received' };
    await this.replays.put(replayKey, answer);
    return answer;
  }

  // ---------------------------------------------------------------- results and review

  async results(surveyId: string): Promise<SurveyResultsDto> {
    const survey = await this.get(surveyId);
    const rows = await this.ds.getRepository(SurveyResponse).find({
      where: { surveyId },
      select: { sectionId: true, status: true, score: true, createdAt: true },
    });
    const min = this.env.SURVEY_MIN_GROUP_SIZE;
    const targets = (await this.targets(survey)).map((t) => {
      const mine = rows.filter((r) => r.sectionId === t.sectionId);
      const counted = mine.filter((r) => r.status === 'counted' && r.score !== null).map((r) => r.score!);
      const mean = counted.length >= min ? Math.round((counted.reduce((a, b) => a + b, 0) / counted.length) * 100) / 100 : null;
      return {
        ...t,
        counted: counted.length,
        held: mine.filter((r) => r.status === 'held').length,
        rejected: mine.filter((r) => r.status === 'rejected').length,
        mean,
      };
    });
    const byDay = new Map<string, number>();
    for (const r of rows) {
      const d = localDate(r.createdAt, this.env.BUREAU_TIMEZONE);
      byDay.set(d, (byDay.get(d) ?? 0) + 1);
    }
    const bands = new Map(BANDS.map((b) => [b.band, 0]));
    for (const r of rows) if (r.status === 'counted' && r.score !== null) bands.set(bandOf(r.score), (bands.get(bandOf(r.score)) ?? 0) + 1);
    return {
      surveyId,
      minGroupSize: min,
      targets,
      timeline: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
      distribution: [...bands.entries()].map(([band, count]) => ({ band, count })),
    };
  }

  /** Flagged answer sheets (held or rejected): the office's review list and the 拉票 evidence list. No respondent identity. */
  async flagged(): Promise<FlaggedResponseDto[]> {
    const rows = await this.ds.getRepository(SurveyResponse).find({
      where: { status: In(['held', 'rejected']) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
    const surveys = new Map((await this.ds.getRepository(Survey).find()).map((s) => [s.id, s]));
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s]));
    return rows.map((r) => ({
      id: r.id,
      surveyId: r.surveyId,
      surveyTitle: surveys.get(r.surveyId)?.title ?? '',
      sectionId: r.sectionId,
      sectionName: sections.get(r.sectionId)?.name ?? r.sectionId,
      flags: r.flags,
      score: r.score,
      durationSeconds: r.durationMs === null ? null : Math.round(r.durationMs / 1000),
      status: r.status,
      createdOn: localDate(r.createdAt, this.env.BUREAU_TIMEZONE),
    }));
  }

  async review(id: string, decision: 'accept' | 'reject'): Promise<FlaggedResponseDto> {
    const repo = this.ds.getRepository(SurveyResponse);
    const r = /^[0-9a-f-]{36}$/.test(id) ? await repo.findOneBy({ id }) : null;
    if (!r) throw DomainError.notFound('答卷', 'id');
    if (r.flags.length === 0) throw new DomainError('CONFLICT', '该答卷未被标记，无需审核');
    await repo.update({ id }, { status: decision === 'accept' ? 'counted' : 'rejected', reviewedAt: this.clock.now() });
    return (await this.flagged()).find((x) => x.id === id) ?? {
      id,
      surveyId: r.surveyId,
      surveyTitle: '',
      sectionId: r.sectionId,
      sectionName: r.sectionId,
      flags: r.flags,
      score: r.score,
      durationSeconds: r.durationMs === null ? null : Math.round(r.durationMs / 1000),
      status: 'counted',
      createdOn: localDate(r.createdAt, this.env.BUREAU_TIMEZONE),
    };
  }

  /** `evaluations` facts (wubi): one row per counted response, rated person = the section's head on the period end. */
  async evaluationFacts(year: number): Promise<{ personId: string; group: SurveyGroup; score: number }[]> {
    // 半年考评打分 (group `unit`) rates 机关 sections for the jiguan extras, not wubi heads
    const surveys = (await this.ds.getRepository(Survey).findBy({ year })).filter((s): s is Survey & { group: SurveyGroup } => EVALUATION_GROUPS.has(s.group));
    const out: { personId: string; group: SurveyGroup; score: number }[] = [];
    for (const s of surveys) {
      const rows = await this.ds.getRepository(SurveyResponse).find({ where: { surveyId: s.id, status: 'counted' }, select: { sectionId: true, score: true } });
      const heads = new Map<string, string | null>();
      for (const id of s.sectionIds) heads.set(id, (await this.org.holderOn(id, 'chief', s.periodEnd))[0]?.id ?? null);
      for (const r of rows) {
        const personId = heads.get(r.sectionId);
        if (personId && r.score !== null) out.push({ personId, group: s.group, score: r.score });
      }
    }
    return out;
  }
}

/**
 * Scheme model `wubi` (seed 002, 附件2): scores each section head (`position: chief` at year end).
 * Components: WB-D1…D3 = mean of inspection rounds × weight; WB-D4 = base − per verified complaint against the head
 * or the section's staff (floor); WB-C1…C4 = mean of evaluations × weight; bonus WB-B1/B2 de-duplicated per matter at
 * the highest level; any veto (head or staff of the section) forces the veto grade.
 */
import type { CommendationRule, DiscretionaryBonusRule, SchemeRule } from '../scheme/scheme-types';
import type { DimensionResult, PersonResult, ScoreItem, ScoringInput } from '../types';
import {
  type Context,
  type Person,
  inYear,
  inputError,
  membershipAt,
  reqDay,
  reqNumber,
  reqPerson,
  reqString,
  roleHolders,
  rows,
} from './context';
import { civil, formatDay } from './dates';
import { gradeOf } from './grade';
import { Ledger } from './ledger';
import { clean, mean, round2, sortedSum } from './numbers';

type RuleOfKind<K extends SchemeRule['kind']> = Extract<SchemeRule, { kind: K }>;

function rulesOf<K extends SchemeRule['kind']>(ctx: Context, kind: K): RuleOfKind<K>[] {
  return ctx.scheme.rules.filter((r): r is RuleOfKind<K> => r.kind === kind);
}

const DOC_YEAR = /[〔[(（【]\s*(\d{4})\s*[〕\])）】]/;

export function scoreWubi(ctx: Context, input: ScoringInput): PersonResult[] {
  const scheme = ctx.scheme;
  const ledger = new Ledger(scheme);
  // Incidents (`events`), attendance, leaves and the other jiguan facts are not part of wubi: they are ignored, so one
  // set of facts can be scored under both schemes.

  const subjects = ctx.peopleInOrder.filter((p) => p.position === 'chief');
  const isSubject = new Set(subjects.map((p) => p.id));
  const headsAtYearEnd = new Map<string, Person[]>();
  for (const h of subjects) {
    let l = headsAtYearEnd.get(h.sectionId);
    if (!l) headsAtYearEnd.set(h.sectionId, (l = []));
    l.push(h);
  }
  const reqSubject = (r: { [k: string]: unknown }, path: string): Person => {
    const p = reqPerson(ctx, r, 'personId', path);
    if (!isSubject.has(p.id)) {
      throw inputError('not-a-subject', `person "${p.id}" is not a section head (position chief), the subject of ${scheme.id}`, `${path}.personId`);
    }
    return p;
  };
  /** Heads a fact of `p` counts against: on the date when given (who held chief then), else at year end. */
  const headsFor = (p: Person, day: number | undefined, path: string): string[] => {
    if (day === undefined) return (headsAtYearEnd.get(p.sectionId) ?? []).map((h) => h.id);
    const m = membershipAt(p, day);
    if (!m) throw inputError('no-section-on-date', `person "${p.id}" is in no section on ${formatDay(day)}`, path);
    return roleHolders(ctx, m.sectionId, 'chief', day).filter((id) => isSubject.has(id));
  };

  // WB-D1…D3: inspection rounds.
  const inspectionRules = rulesOf(ctx, 'inspection');
  const inspections = new Map<string, Map<string, Map<number, number>>>();
  rows(input, 'inspections').forEach((r, i) => {
    const path = `$.inspections[${i}]`;
    const p = reqSubject(r, path);
    const kind = reqString(r, 'kind', path);
    if (!inspectionRules.some((x) => x.params.inspectionKind === kind)) {
      throw inputError('bad-input', `unknown inspection kind "${kind}" (${inspectionRules.map((x) => x.params.inspectionKind).join(' | ')})`, `${path}.kind`);
    }
    const round = reqNumber(r, 'round', path, 1, 1000);
    if (!Number.isInteger(round)) throw inputError('bad-input', '"round" must be an integer', `${path}.round`);
    const score = reqNumber(r, 'score', path, 0, 100);
    let pk = inspections.get(p.id);
    if (!pk) inspections.set(p.id, (pk = new Map()));
    let rounds = pk.get(kind);
    if (!rounds) pk.set(kind, (rounds = new Map()));
    if (rounds.has(round)) throw inputError('duplicate-round', `two scores for ${kind} round ${round} of "${p.id}"`, path);
    rounds.set(round, score);
  });
  for (const p of subjects) {
    for (const rule of inspectionRules) {
      const rounds = inspections.get(p.id)?.get(rule.params.inspectionKind);
      const n = rounds?.size ?? 0;
      if (n < rule.params.minRounds) ledger.flag(p.id, `too-few-rounds:${rule.id}`);
      if (rounds && n > 0) {
        ledger.add(p.id, rule.dimension, {
          rule: rule.id,
          points: mean([...rounds.values()]) * rule.params.weight,
          source: `inspections:${p.id}:${rule.params.inspectionKind}`,
        });
      }
    }
  }

  // WB-D4: verified complaints against the head or the section's staff.
  const complaintRule = rulesOf(ctx, 'complaint')[0];
  const complaintIds = new Set<string>();
  rows(input, 'complaints').forEach((r, i) => {
    const path = `$.complaints[${i}]`;
    const id = reqString(r, 'id', path);
    if (complaintIds.has(id)) throw inputError('duplicate-id', `duplicate complaint id "${id}"`, `${path}.id`);
    complaintIds.add(id);
    const p = reqPerson(ctx, r, 'personId', path);
    const day = reqDay(r, 'date', path);
    if (r.verified !== undefined && typeof r.verified !== 'boolean') {
      throw inputError('bad-input', '"verified" must be true or false', `${path}.verified`);
    }
    const heads = headsFor(p, day, `${path}.date`);
    if (!complaintRule || !inYear(ctx, day)) return;
    for (const h of heads) {
      if (r.verified !== true) {
        ledger.flag(h, `pending:${id}`);
        continue;
      }
      const item: ScoreItem = { rule: complaintRule.id, points: complaintRule.points.chief ?? 0, source: id };
      if (h !== p.id) item.cascadeFrom = p.id;
      ledger.add(h, complaintRule.dimension, item);
    }
  });

  // WB-C1…C4: survey means.
  const evalRules = rulesOf(ctx, 'evaluation');
  const evals = new Map<string, Map<string, number[]>>();
  rows(input, 'evaluations').forEach((r, i) => {
    const path = `$.evaluations[${i}]`;
    const p = reqSubject(r, path);
    const group = reqString(r, 'group', path);
    if (!evalRules.some((x) => x.params.group === group)) {
      throw inputError('bad-input', `unknown evaluation group "${group}" (${evalRules.map((x) => x.params.group).join(' | ')})`, `${path}.group`);
    }
    let score: number;
    if (r.score !== undefined && r.score !== null) {
      score = reqNumber(r, 'score', path, 0, 100);
    } else {
      const scaleId = r.scale === undefined ? scheme.defaultSurveyScale : reqString(r, 'scale', path);
      const scale = scheme.surveyScales[scaleId];
      if (!scale) throw inputError('bad-input', `unknown survey scale "${scaleId}"`, `${path}.scale`);
      const answer = r.answer;
      if ((typeof answer !== 'string' && typeof answer !== 'number') || scale[String(answer)] === undefined) {
        throw inputError('bad-input', `an evaluation needs a score (0–100) or an answer of scale ${scaleId} (${Object.keys(scale).join(' | ')})`, `${path}.answer`);
      }
      score = scale[String(answer)];
    }
    let pg = evals.get(p.id);
    if (!pg) evals.set(p.id, (pg = new Map()));
    let l = pg.get(group);
    if (!l) pg.set(group, (l = []));
    l.push(score);
  });
  for (const p of subjects) {
    for (const rule of evalRules) {
      const scores = evals.get(p.id)?.get(rule.params.group);
      if (!scores) {
        ledger.flag(p.id, `missing-group:${rule.id}`);
        continue;
      }
      ledger.add(p.id, rule.dimension, {
        rule: rule.id,
        points: mean(scores) * rule.params.weight,
        source: `evaluations:${p.id}:${rule.params.group}`,
      });
    }
  }

  // WB-B1/B2: bonus, one per matter at the highest level.
  const commendation: CommendationRule | undefined = rulesOf(ctx, 'commendation')[0];
  const discretionary: DiscretionaryBonusRule | undefined = rulesOf(ctx, 'discretionary-bonus')[0];
  const best = new Map<string, Map<string, { item: ScoreItem; count: number }>>();
  rows(input, 'commendations').forEach((r, i) => {
    const path = `$.commendations[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const matter = reqString(r, 'matter', path);
    const level = reqString(r, 'level', path);
    let rule: SchemeRule;
    let points: number;
    if (discretionary && level === discretionary.params.level) {
      const max = discretionary.params.maxPoints ?? 100;
      points = reqNumber(r, 'points', path, 0, max);
      rule = discretionary;
    } else if (commendation && commendation.variants[level]) {
      points = commendation.variants[level].chief ?? 0;
      rule = commendation;
    } else {
      const levels = [...Object.keys(commendation?.variants ?? {}), ...(discretionary ? [discretionary.params.level] : [])];
      throw inputError('bad-input', `unknown commendation level "${level}" (${levels.join(' | ')})`, `${path}.level`);
    }
    const day = r.date === undefined ? undefined : reqDay(r, 'date', path);
    let year: number | undefined = day === undefined ? undefined : civil(day).y;
    // WB-B2 is entered by the office with its reason: its entry is the evidence; WB-B1 needs the year's 文号.
    const needsDocYear = scheme.commendationEvidence === 'doc-year' && rule.kind === 'commendation';
    if (year === undefined && needsDocYear) {
      const m = typeof r.docNo === 'string' ? DOC_YEAR.exec(r.docNo) : null;
      if (m) year = Number(m[1]);
    }
    const heads = headsFor(p, day, `${path}.date`);
    if (year === undefined && needsDocYear) {
      for (const h of heads) ledger.flag(h, `bonus:no-evidence:${matter}`);
      return;
    }
    if (year !== undefined && year !== ctx.year) {
      for (const h of heads) ledger.flag(h, `bonus:out-of-year:${matter}`);
      return;
    }
    for (const h of heads) {
      let hm = best.get(h);
      if (!hm) best.set(h, (hm = new Map()));
      const item: ScoreItem = { rule: rule.id, points, source: `commendations:${matter}:${level}` };
      if (h !== p.id) item.cascadeFrom = p.id;
      const cur = hm.get(matter);
      if (!cur) {
        hm.set(matter, { item, count: 1 });
        continue;
      }
      cur.count++;
      const better =
        item.points > cur.item.points ||
        (item.points === cur.item.points &&
          `${item.source}\u0000${item.cascadeFrom ?? ''}` < `${cur.item.source}\u0000${cur.item.cascadeFrom ?? ''}`);
      if (better) cur.item = item;
    }
  });
  for (const [h, matters] of best) {
    for (const [matter, { item, count }] of matters) {
      ledger.add(h, 'bonus', item);
      if (count > 1) ledger.flag(h, `bonus:deduplicated:${matter}`);
    }
  }

  // Vetoes: any row of the head or of the section's staff.
  const vetoRules = rulesOf(ctx, 'veto');
  const vetoed = new Set<string>();
  rows(input, 'vetoes').forEach((r, i) => {
    const path = `$.vetoes[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const reason = reqString(r, 'reason', path);
    const rule = vetoRules.find((v) => v.params.code === reason || v.id === reason);
    if (!rule) {
      throw inputError('unknown-veto', `unknown veto reason "${reason}" (${vetoRules.map((v) => v.params.code).join(' | ')})`, `${path}.reason`);
    }
    const day = r.date === undefined ? undefined : reqDay(r, 'date', path);
    const heads = headsFor(p, day, `${path}.date`);
    if (day !== undefined && !inYear(ctx, day)) return;
    for (const h of heads) {
      ledger.flag(h, `veto:${rule.params.code}`);
      vetoed.add(h);
    }
  });

  return subjects.map((p) => {
    const dimensions: Record<string, DimensionResult> = {};
    const scores: number[] = [];
    for (const def of scheme.dimensions) {
      const d = ledger.close(p.id, def);
      dimensions[def.id] = d;
      scores.push(d.score);
    }
    const bonusItems = ledger.sortedItems(p.id, 'bonus');
    const bonus = clean(sortedSum(bonusItems.map((it) => it.points)));
    let raw = sortedSum(scores) + bonus;
    if (scheme.total.cap !== null) raw = Math.min(raw, scheme.total.cap);
    const total = round2(raw);
    const grade = vetoed.has(p.id) ? scheme.vetoGrade : gradeOf(scheme, total);
    for (const f of scheme.consequences[grade] ?? []) ledger.flag(p.id, f);
    return { personId: p.id, dimensions, bonus, bonusItems, total, grade, flags: ledger.flags(p.id) };
  });
}

/**
 * Scheme model `jiguan` (seed 000): every person gets the six dimensions 德 能 勤 绩 廉 民主测评, each from its base,
 * and a total = mean of the dimensions (plus weighted extra components, weight 0 by default).
 */
import type {
  AttendanceRule,
  BranchActivitiesRule,
  BranchRecordRule,
  DemocraticGroupsRule,
  DemocraticStaffRule,
  MeetingsRule,
  RatingRule,
  ResearchDaysRule,
  ResearchReportRule,
  SchemeRule,
} from '../scheme/scheme-types';
import type { DimensionResult, PersonResult, ScoringInput } from '../types';
import {
  type Context,
  type Person,
  inYear,
  inputError,
  isWorkingDay,
  reqDay,
  reqNumber,
  reqPerson,
  reqString,
  rows,
} from './context';
import { civil, formatDay, parseTime } from './dates';
import { processEvents } from './events';
import { gradeOf } from './grade';
import { Ledger } from './ledger';
import { clean, mean, round2, sortedSum } from './numbers';

type RuleOfKind<K extends SchemeRule['kind']> = Extract<SchemeRule, { kind: K }>;

function ruleOf<K extends SchemeRule['kind']>(ctx: Context, kind: K): RuleOfKind<K> | undefined {
  return ctx.scheme.rules.find((r): r is RuleOfKind<K> => r.kind === kind);
}

function rulesOf<K extends SchemeRule['kind']>(ctx: Context, kind: K): RuleOfKind<K>[] {
  return ctx.scheme.rules.filter((r): r is RuleOfKind<K> => r.kind === kind);
}

/** Year-end people of each section (contract: `sectionId`/`position` are as at year end). */
function bySection(ctx: Context): Map<string, Person[]> {
  const m = new Map<string, Person[]>();
  for (const p of ctx.peopleInOrder) {
    let l = m.get(p.sectionId);
    if (!l) m.set(p.sectionId, (l = []));
    l.push(p);
  }
  return m;
}

interface Interval {
  from: number;
  to: number;
}

/** Leaves: validated; covering intervals per person (QIN-1) and QIN-3 month excess. */
function processLeaves(ctx: Context, input: ScoringInput, ledger: Ledger): Map<string, Interval[]> {
  const att = ruleOf(ctx, 'attendance');
  const leave = ruleOf(ctx, 'leave');
  const covering = new Set(att?.params.coveringLeaveTypes ?? []);
  const counted = new Set(leave?.params.countedTypes ?? []);
  const cover = new Map<string, Interval[]>();
  /** personId → month index → working days of counted leave (a Set: overlapping leaves count a day once). */
  const days = new Map<string, Map<number, Set<number>>>();
  const known = new Set(ctx.scheme.leaveTypes);
  rows(input, 'leaves').forEach((r, i) => {
    const path = `$.leaves[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const type = reqString(r, 'type', path);
    if (!known.has(type)) throw inputError('unknown-leave-type', `unknown leave type "${type}"`, `${path}.type`);
    const from = reqDay(r, 'from', path);
    const to = reqDay(r, 'to', path);
    if (to < from) throw inputError('bad-date', 'leave ends before it starts', `${path}.to`);
    if (covering.has(type)) {
      let l = cover.get(p.id);
      if (!l) cover.set(p.id, (l = []));
      l.push({ from, to });
    }
    if (!counted.has(type)) return;
    const a = Math.max(from, ctx.yearStart);
    const b = Math.min(to, ctx.yearEnd);
    let pm = days.get(p.id);
    for (let d = a; d <= b; d++) {
      if (!isWorkingDay(ctx, d)) continue;
      const c = civil(d);
      const month = c.m;
      if (!pm) days.set(p.id, (pm = new Map()));
      let s = pm.get(month);
      if (!s) pm.set(month, (s = new Set()));
      s.add(d);
    }
  });
  if (leave) {
    const perDay = leave.points.person ?? 0;
    for (const [pid, months] of days) {
      for (const [month, set] of months) {
        const over = set.size - leave.params.allowanceDays;
        if (over > 0 && perDay !== 0) {
          ledger.add(pid, leave.dimension, {
            rule: leave.id,
            points: over * perDay,
            source: `leaves:${pid}:${ctx.year}-${String(month).padStart(2, '0')}`,
          });
        }
      }
    }
  }
  return cover;
}

function optTime(r: { [k: string]: unknown }, key: string, path: string): number | undefined {
  const v = r[key];
  if (v === undefined || v === null || v === '') return undefined;
  const t = parseTime(v);
  if (t === undefined) throw inputError('bad-time', `bad time ${JSON.stringify(v)}: expected HH:MM`, `${path}.${key}`);
  return t;
}

function processAttendance(ctx: Context, input: ScoringInput, ledger: Ledger, cover: Map<string, Interval[]>): void {
  const rule: AttendanceRule | undefined = ruleOf(ctx, 'attendance');
  const seen = new Map<string, Set<number>>();
  const late = rule?.variants.late?.person ?? 0;
  const early = rule?.variants.early?.person ?? 0;
  rows(input, 'attendance').forEach((r, i) => {
    const path = `$.attendance[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const day = reqDay(r, 'date', path);
    let s = seen.get(p.id);
    if (!s) seen.set(p.id, (s = new Set()));
    if (s.has(day)) throw inputError('duplicate-attendance', `two attendance rows for ${p.id} on ${formatDay(day)}`, path);
    s.add(day);
    const schedIn = optTime(r, 'scheduledIn', path);
    const schedOut = optTime(r, 'scheduledOut', path);
    if (schedIn === undefined || schedOut === undefined) {
      throw inputError('bad-time', 'scheduledIn and scheduledOut are required (HH:MM)', path);
    }
    const clockIn = optTime(r, 'clockIn', path);
    const clockOut = optTime(r, 'clockOut', path);
    if (!rule || !inYear(ctx, day)) return;
    for (const c of cover.get(p.id) ?? []) if (c.from <= day && day <= c.to) return;
    const date = r.date as string; // validated ISO date
    if (clockIn === undefined || clockOut === undefined) ledger.flag(p.id, `attendance:missing-punch:${date}`);
    if (clockIn !== undefined && clockIn - schedIn >= rule.params.lateMinutes && late !== 0) {
      ledger.add(p.id, rule.dimension, { rule: rule.id, points: late, source: `attendance:${p.id}:${date}` });
    }
    if (clockOut !== undefined && schedOut - clockOut >= rule.params.earlyMinutes && early !== 0) {
      ledger.add(p.id, rule.dimension, { rule: rule.id, points: early, source: `attendance:${p.id}:${date}` });
    }
  });
}

function processAnnual(ctx: Context, input: ScoringInput, ledger: Ledger, sectionPeople: Map<string, Person[]>): void {
  const year = ctx.year;
  const chiefsOf = (sid: string): Person[] => (sectionPeople.get(sid) ?? []).filter((p) => p.position === 'chief');
  const reqSection = (r: { [k: string]: unknown }, path: string): string => {
    const sid = reqString(r, 'sectionId', path);
    if (!ctx.sections.has(sid)) throw inputError('unknown-section', `unknown section "${sid}"`, `${path}.sectionId`);
    return sid;
  };

  /** A year-end check falling short: a deduction once the year is closed, a flag while it runs. */
  const annual = (personId: string, rule: { id: string; dimension: string }, points: number, source: string): void => {
    if (ctx.yearClosed) ledger.add(personId, rule.dimension, { rule: rule.id, points, source });
    else ledger.flag(personId, `annual-pending:${rule.id}`);
  };

  // NB-7: 处务会 held per section in the year.
  const meetings = new Map<string, number>();
  rows(input, 'meetings').forEach((r, i) => {
    const path = `$.meetings[${i}]`;
    const sid = reqSection(r, path);
    if (inYear(ctx, reqDay(r, 'date', path))) meetings.set(sid, (meetings.get(sid) ?? 0) + 1);
  });
  for (const rule of rulesOf(ctx, 'annual-meetings') as MeetingsRule[]) {
    for (const s of ctx.sections.values()) {
      if (rule.categories.length > 0 && (!s.category || !rule.categories.includes(s.category))) continue;
      if ((meetings.get(s.id) ?? 0) >= rule.params.minimum) continue;
      for (const c of chiefsOf(s.id)) {
        annual(c.id, rule, rule.points.chief ?? 0, `meetings:${s.id}:${year}`);
      }
    }
  }

  // NB-10: research days summed over the section; NB-11: a report per chief/deputy.
  const research = new Map<string, number>();
  rows(input, 'research').forEach((r, i) => {
    const path = `$.research[${i}]`;
    const sid = reqSection(r, path);
    if (r.personId !== undefined) reqPerson(ctx, r, 'personId', path);
    const days = reqNumber(r, 'days', path, 0, 366);
    if (inYear(ctx, reqDay(r, 'date', path))) research.set(sid, (research.get(sid) ?? 0) + days);
  });
  const reports = new Map<string, number>();
  rows(input, 'researchReports').forEach((r, i) => {
    const path = `$.researchReports[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    if (inYear(ctx, reqDay(r, 'date', path))) reports.set(p.id, (reports.get(p.id) ?? 0) + 1);
  });
  for (const s of ctx.sections.values()) {
    if (!s.researchRequired) continue;
    for (const rule of rulesOf(ctx, 'annual-research-days') as ResearchDaysRule[]) {
      if (clean(research.get(s.id) ?? 0) >= rule.params.minimumDays) continue;
      for (const c of chiefsOf(s.id)) {
        annual(c.id, rule, rule.points.chief ?? 0, `research:${s.id}:${year}`);
      }
    }
    for (const rule of rulesOf(ctx, 'annual-research-report') as ResearchReportRule[]) {
      for (const p of sectionPeople.get(s.id) ?? []) {
        if (!rule.params.positions.includes(p.position)) continue;
        if ((reports.get(p.id) ?? 0) >= rule.params.minimumReports) continue;
        annual(p.id, rule, rule.points.person ?? 0, `researchReports:${p.id}:${year}`);
      }
    }
  }

  // NP-4: activities per branch secretary; NP-5: each activity without a record.
  const activities = new Map<string, number>();
  const recordRule: BranchRecordRule | undefined = ruleOf(ctx, 'branch-activity-record');
  rows(input, 'branchActivities').forEach((r, i) => {
    const path = `$.branchActivities[${i}]`;
    const sec = reqPerson(ctx, r, 'secretaryId', path);
    const day = reqDay(r, 'date', path);
    if (typeof r.recorded !== 'boolean') throw inputError('bad-input', '"recorded" must be true or false', `${path}.recorded`);
    if (!inYear(ctx, day)) return;
    activities.set(sec.id, (activities.get(sec.id) ?? 0) + 1);
    if (!r.recorded && recordRule) {
      ledger.add(sec.id, recordRule.dimension, {
        rule: recordRule.id,
        points: recordRule.points.branchSecretary ?? 0,
        source: `branchActivities:${sec.id}:${formatDay(day)}`,
      });
    }
  });
  for (const rule of rulesOf(ctx, 'annual-branch-activities') as BranchActivitiesRule[]) {
    for (const p of ctx.peopleInOrder) {
      if (!p.branchSecretary || (activities.get(p.id) ?? 0) >= rule.params.minimum) continue;
      annual(p.id, rule, rule.points.branchSecretary ?? 0, `branchActivities:${p.id}:${year}`);
    }
  }
}

/** JI-1: validates the ratings and the section quota; maps ratings to points only if the scheme says so. */
function processRatings(ctx: Context, input: ScoringInput, ledger: Ledger, sectionPeople: Map<string, Person[]>): void {
  const rule: RatingRule | undefined = ruleOf(ctx, 'rating');
  const list = rows(input, 'ratings');
  if (!rule) {
    if (list.length > 0) throw inputError('unknown-rule', `scheme ${ctx.scheme.id} has no rating rule`, '$.ratings');
    return;
  }
  const rated = new Map<string, string>();
  list.forEach((r, i) => {
    const path = `$.ratings[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const rating = reqString(r, 'rating', path);
    if (!rule.params.levels.includes(rating)) {
      throw inputError('unknown-rating', `unknown rating "${rating}" (${rule.params.levels.join(' | ')})`, `${path}.rating`);
    }
    if (rated.has(p.id)) throw inputError('duplicate-rating', `two ratings for person "${p.id}"`, path);
    rated.set(p.id, rating);
  });
  const q = rule.params.quota;
  if (q) {
    for (const s of ctx.sections.values()) {
      const members = sectionPeople.get(s.id) ?? [];
      if (members.length < q.minSectionSize) continue;
      const top = members.filter((p) => q.positions.includes(p.position) && rated.get(p.id) === q.level).map((p) => p.id);
      if (top.length > q.max) {
        throw inputError(
          'quota-breach',
          `${rule.id} 名额超限：${s.name}（${s.id}）共 ${members.length} 人，限评“${q.level}”${q.max} 人，实际 ${top.length} 人（${top.join('、')}）` +
            ` / quota breach: section ${s.id} (${s.name}, ${members.length} people) has ${top.length} "${q.level}" ratings, at most ${q.max} allowed`,
          '$.ratings',
        );
      }
    }
  }
  for (const [pid, rating] of rated) {
    const pts = rule.params.levelPoints[rating];
    if (pts !== undefined && pts !== 0) {
      ledger.add(pid, rule.dimension, { rule: rule.id, points: pts, source: `ratings:${pid}:${ctx.year}` });
    }
  }
}

interface Democratic {
  aspects: Map<string, number[]>;
  groups: Map<string, Map<string, number[]>>;
}

function readDemocratic(ctx: Context, input: ScoringInput): Democratic {
  const staffRule: DemocraticStaffRule | undefined = ruleOf(ctx, 'democratic-staff');
  const groupRule: DemocraticGroupsRule | undefined = ruleOf(ctx, 'democratic-groups');
  const out: Democratic = { aspects: new Map(), groups: new Map() };
  rows(input, 'democratic').forEach((r, i) => {
    const path = `$.democratic[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    if (r.aspects !== undefined) {
      if (!staffRule || !staffRule.params.positions.includes(p.position)) {
        throw inputError('democratic-shape', `person "${p.id}" (${p.position}) is rated by groups (group + score), not by aspects`, path);
      }
      const a = r.aspects;
      if (typeof a !== 'object' || a === null || Array.isArray(a)) throw inputError('bad-input', '"aspects" must be an object', `${path}.aspects`);
      const ao = a as { [k: string]: unknown };
      for (const k of Object.keys(ao)) {
        if (!staffRule.params.aspects.includes(k)) throw inputError('bad-input', `unknown aspect "${k}"`, `${path}.aspects.${k}`);
      }
      const values = staffRule.params.aspects.map((k) => reqNumber(ao, k, `${path}.aspects`, 0, 100));
      let l = out.aspects.get(p.id);
      if (!l) out.aspects.set(p.id, (l = []));
      l.push(mean(values));
      return;
    }
    if (!groupRule || !groupRule.params.positions.includes(p.position)) {
      throw inputError('democratic-shape', `person "${p.id}" (${p.position}) is rated on the five aspects, not by group`, path);
    }
    const g = reqString(r, 'group', path);
    if (groupRule.params.weights[g] === undefined) {
      throw inputError('bad-input', `unknown rater group "${g}" (${Object.keys(groupRule.params.weights).join(' | ')})`, `${path}.group`);
    }
    const score = reqNumber(r, 'score', path, 0, 100);
    let gm = out.groups.get(p.id);
    if (!gm) out.groups.set(p.id, (gm = new Map()));
    let l = gm.get(g);
    if (!l) gm.set(g, (l = []));
    l.push(score);
  });
  return out;
}

/** 民主测评: items relative to the dimension's base; `undefined` = nobody rated the person. */
function democraticItems(ctx: Context, ledger: Ledger, p: Person, d: Democratic, base: number): boolean {
  const staffRule = ruleOf(ctx, 'democratic-staff');
  const groupRule = ruleOf(ctx, 'democratic-groups');
  const raterMeans = d.aspects.get(p.id);
  if (staffRule && raterMeans && raterMeans.length > 0) {
    ledger.add(p.id, staffRule.dimension, {
      rule: staffRule.id,
      points: mean(raterMeans) - base,
      source: `democratic:${p.id}:aspects`,
    });
    return true;
  }
  const groups = d.groups.get(p.id);
  if (groupRule && groups && groups.size > 0) {
    const weights = groupRule.params.weights;
    const present = Object.keys(weights).filter((g) => groups.has(g));
    const total = sortedSum(present.map((g) => weights[g]));
    for (const g of Object.keys(weights)) {
      const scores = groups.get(g);
      if (!scores) {
        ledger.flag(p.id, `minzhu:missing-group:${g}`);
        continue;
      }
      ledger.add(p.id, groupRule.dimension, {
        rule: groupRule.id,
        points: ((mean(scores) - base) * weights[g]) / total,
        source: `democratic:${p.id}:${g}`,
      });
    }
    return true;
  }
  return false;
}

export function scoreJiguan(ctx: Context, input: ScoringInput): PersonResult[] {
  const scheme = ctx.scheme;
  const ledger = new Ledger(scheme);
  const sectionPeople = bySection(ctx);

  processRatings(ctx, input, ledger, sectionPeople);
  processEvents(ctx, input, ledger);
  const cover = processLeaves(ctx, input, ledger);
  processAttendance(ctx, input, ledger, cover);
  processAnnual(ctx, input, ledger, sectionPeople);
  const dem = readDemocratic(ctx, input);

  // Extra components (七.(一)): weight 0 by default.
  const extraDefs = new Map(scheme.total.extras.map((e) => [e.id, e]));
  const extras = new Map<string, Map<string, number[]>>();
  rows(input, 'extras').forEach((r, i) => {
    const path = `$.extras[${i}]`;
    const p = reqPerson(ctx, r, 'personId', path);
    const c = reqString(r, 'component', path);
    if (!extraDefs.has(c)) throw inputError('unknown-component', `unknown extra component "${c}"`, `${path}.component`);
    const v = reqNumber(r, 'score', path, 0, 100);
    let m = extras.get(p.id);
    if (!m) extras.set(p.id, (m = new Map()));
    let l = m.get(c);
    if (!l) m.set(c, (l = []));
    l.push(v);
  });

  const minzhuDims = new Set(
    scheme.rules.filter((r) => r.kind === 'democratic-staff' || r.kind === 'democratic-groups').map((r) => r.dimension),
  );

  return ctx.peopleInOrder.map((p) => {
    const dimensions: Record<string, DimensionResult> = {};
    const scores: number[] = [];
    for (const def of scheme.dimensions) {
      if (minzhuDims.has(def.id) && !democraticItems(ctx, ledger, p, dem, def.base) && def.optional) {
        ledger.flag(p.id, `${def.id}:not-rated`);
        continue;
      }
      const d = ledger.close(p.id, def);
      dimensions[def.id] = d;
      scores.push(d.score);
    }
    let raw = mean(scores);
    let weightUsed = 0;
    let weighted = 0;
    for (const e of scheme.total.extras) {
      if (e.weight === 0 || !e.positions.includes(p.position)) continue;
      const v = extras.get(p.id)?.get(e.id);
      if (!v) {
        ledger.flag(p.id, `extras:missing:${e.id}`);
        continue;
      }
      weightUsed += e.weight;
      weighted += e.weight * mean(v);
    }
    if (weightUsed > 0) raw = (1 - weightUsed) * raw + weighted;
    if (scheme.total.cap !== null) raw = Math.min(raw, scheme.total.cap);
    const total = round2(raw);
    const grade = gradeOf(scheme, total);
    for (const f of scheme.consequences[grade] ?? []) ledger.flag(p.id, f);
    return { personId: p.id, dimensions, bonus: 0, bonusItems: [], total, grade, flags: ledger.flags(p.id) };
  });
}

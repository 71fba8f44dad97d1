/**
 * Validates a raw scheme object and returns a typed `Scheme`. Every failure is a `SchemeError` naming the JSON path
 * of the bad field (`$.rules[4].points.chief`).
 */
import { SchemeError } from '../errors';
import type { Position, SectionCategory } from '../types';
import {
  ROLES,
  type DimensionDef,
  type ExtraComponent,
  type GradeDef,
  type RatingQuota,
  type Role,
  type RolePoints,
  type Scheme,
  type SchemeRule,
} from './scheme-types';

type Obj = { [key: string]: unknown };

const POSITIONS: readonly Position[] = ['chief', 'deputy', 'staff'];
const CATEGORIES: readonly SectionCategory[] = ['business', 'party'];
const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new SchemeError(path, 'expected an object');
  return v;
}

function str(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') throw new SchemeError(`${path}.${key}`, 'expected a non-empty string');
  return v;
}

function optStr(o: Obj, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, path);
}

function num(o: Obj, key: string, path: string, min = -Infinity, max = Infinity): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SchemeError(`${path}.${key}`, 'expected a finite number');
  if (v < min || v > max) throw new SchemeError(`${path}.${key}`, `expected a number in [${min}, ${max}]`);
  return v;
}

function int(o: Obj, key: string, path: string, min = 0): number {
  const v = num(o, key, path, min);
  if (!Number.isInteger(v)) throw new SchemeError(`${path}.${key}`, 'expected an integer');
  return v;
}

function nullableNum(o: Obj, key: string, path: string): number | null {
  return o[key] === undefined || o[key] === null ? null : num(o, key, path);
}

function bool(o: Obj, key: string, path: string, dflt: boolean): boolean {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new SchemeError(`${path}.${key}`, 'expected true or false');
  return v;
}

function arr(o: Obj, key: string, path: string, optional = false): unknown[] {
  const v = o[key];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) throw new SchemeError(`${path}.${key}`, 'expected an array');
  return v;
}

function strList(o: Obj, key: string, path: string, optional = false): string[] {
  return arr(o, key, path, optional).map((v, i) => {
    if (typeof v !== 'string' || v === '') throw new SchemeError(`${path}.${key}[${i}]`, 'expected a non-empty string');
    return v;
  });
}

function oneOf<T extends string>(v: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(v)) throw new SchemeError(path, `expected one of ${allowed.join(', ')}`);
  return v as T;
}

function numMap(o: Obj, key: string, path: string, optional = false): Record<string, number> {
  if (o[key] === undefined && optional) return {};
  const m = obj(o[key], `${path}.${key}`);
  const out: Record<string, number> = {};
  for (const k of Object.keys(m)) out[k] = num(m, k, `${path}.${key}`);
  return out;
}

function positions(o: Obj, key: string, path: string): Position[] {
  return strList(o, key, path).map((p, i) => oneOf(p, POSITIONS, `${path}.${key}[${i}]`));
}

function rolePoints(v: unknown, path: string): RolePoints {
  const o = obj(v, path);
  const out: RolePoints = {};
  for (const k of Object.keys(o)) {
    const role: Role = oneOf(k, ROLES, `${path}.${k}`);
    out[role] = num(o, k, path);
  }
  return out;
}

function params(o: Obj, path: string): Obj {
  return obj(o.params, `${path}.params`);
}

function parseRule(raw: unknown, path: string, dims: Set<string>): SchemeRule {
  const o = obj(raw, path);
  const id = str(o, 'id', path);
  if (!RULE_ID.test(id)) throw new SchemeError(`${path}.id`, 'expected a rule id such as NB-1');
  const dimension = str(o, 'dimension', path);
  if (!dims.has(dimension) && dimension !== 'bonus' && dimension !== 'veto') {
    throw new SchemeError(`${path}.dimension`, `unknown dimension "${dimension}"`);
  }
  const kind = str(o, 'kind', path);
  const points = o.points === undefined ? {} : rolePoints(o.points, `${path}.points`);
  const variants: Record<string, RolePoints> = {};
  if (o.variants !== undefined) {
    const vo = obj(o.variants, `${path}.variants`);
    for (const k of Object.keys(vo)) variants[k] = rolePoints(vo[k], `${path}.variants.${k}`);
  }
  const defaultVariant = optStr(o, 'defaultVariant', path);
  if (defaultVariant !== undefined && !variants[defaultVariant]) {
    throw new SchemeError(`${path}.defaultVariant`, `no variant "${defaultVariant}"`);
  }
  const common = {
    id,
    dimension,
    text: str(o, 'text', path),
    clause: optStr(o, 'clause', path),
    categories: strList(o, 'categories', path, true).map((c, i) => oneOf(c, CATEGORIES, `${path}.categories[${i}]`)),
    recordable: bool(o, 'recordable', path, kind === 'event'),
    points,
    variants,
    defaultVariant,
    flags: strList(o, 'flags', path, true),
  };
  if (kind === 'event' && !common.recordable) throw new SchemeError(`${path}.recordable`, 'an event rule is recordable');
  if (common.recordable && Object.keys(points).length === 0 && Object.keys(variants).length === 0) {
    throw new SchemeError(`${path}.points`, 'a recordable rule needs points or variants');
  }
  const needPoints = (role: Role): void => {
    if (points[role] === undefined) throw new SchemeError(`${path}.points.${role}`, 'expected a number');
  };
  switch (kind) {
    case 'event':
      return { ...common, kind };
    case 'attendance': {
      const p = params(o, path);
      for (const v of ['late', 'early']) {
        if (variants[v]?.person === undefined) throw new SchemeError(`${path}.variants.${v}.person`, 'expected a number');
      }
      return {
        ...common,
        kind,
        params: {
          lateMinutes: num(p, 'lateMinutes', `${path}.params`, 0),
          earlyMinutes: num(p, 'earlyMinutes', `${path}.params`, 0),
          coveringLeaveTypes: strList(p, 'coveringLeaveTypes', `${path}.params`),
        },
      };
    }
    case 'leave': {
      const p = params(o, path);
      needPoints('person');
      return {
        ...common,
        kind,
        params: {
          allowanceDays: num(p, 'allowanceDays', `${path}.params`, 0),
          countedTypes: strList(p, 'countedTypes', `${path}.params`),
          excludedTypes: strList(p, 'excludedTypes', `${path}.params`, true),
        },
      };
    }
    case 'annual-meetings':
      needPoints('chief');
      return { ...common, kind, params: { minimum: int(params(o, path), 'minimum', `${path}.params`) } };
    case 'annual-research-days':
      needPoints('chief');
      return { ...common, kind, params: { minimumDays: num(params(o, path), 'minimumDays', `${path}.params`, 0) } };
    case 'annual-research-report': {
      const p = params(o, path);
      needPoints('person');
      return {
        ...common,
        kind,
        params: {
          minimumReports: int(p, 'minimumReports', `${path}.params`),
          positions: positions(p, 'positions', `${path}.params`),
        },
      };
    }
    case 'annual-branch-activities':
      needPoints('branchSecretary');
      return { ...common, kind, params: { minimum: int(params(o, path), 'minimum', `${path}.params`) } };
    case 'branch-activity-record':
      needPoints('branchSecretary');
      return { ...common, kind };
    case 'rating': {
      const p = params(o, path);
      const levels = strList(p, 'levels', `${path}.params`);
      const levelPoints = numMap(p, 'levelPoints', `${path}.params`, true);
      for (const k of Object.keys(levelPoints)) oneOf(k, levels, `${path}.params.levelPoints.${k}`);
      let quota: RatingQuota | null = null;
      if (p.quota !== undefined && p.quota !== null) {
        const qp = `${path}.params.quota`;
        const q = obj(p.quota, qp);
        quota = {
          minSectionSize: int(q, 'minSectionSize', qp, 1),
          level: oneOf(str(q, 'level', qp), levels, `${qp}.level`),
          max: int(q, 'max', qp),
          positions: positions(q, 'positions', qp),
        };
      }
      return { ...common, kind, params: { levels, levelPoints, quota } };
    }
    case 'democratic-staff': {
      const p = params(o, path);
      const aspects = strList(p, 'aspects', `${path}.params`);
      if (aspects.length === 0) throw new SchemeError(`${path}.params.aspects`, 'expected at least one aspect');
      return { ...common, kind, params: { positions: positions(p, 'positions', `${path}.params`), aspects } };
    }
    case 'democratic-groups': {
      const p = params(o, path);
      const weights = numMap(p, 'weights', `${path}.params`);
      for (const k of Object.keys(weights)) {
        if (weights[k] <= 0) throw new SchemeError(`${path}.params.weights.${k}`, 'expected a positive weight');
      }
      if (Object.keys(weights).length === 0) throw new SchemeError(`${path}.params.weights`, 'expected at least one group');
      return { ...common, kind, params: { positions: positions(p, 'positions', `${path}.params`), weights } };
    }
    case 'inspection': {
      const p = params(o, path);
      return {
        ...common,
        kind,
        params: {
          inspectionKind: str(p, 'inspectionKind', `${path}.params`),
          weight: num(p, 'weight', `${path}.params`, 0),
          minRounds: int(p, 'minRounds', `${path}.params`),
        },
      };
    }
    case 'complaint':
      needPoints('chief');
      return { ...common, kind };
    case 'evaluation': {
      const p = params(o, path);
      return {
        ...common,
        kind,
        params: { group: str(p, 'group', `${path}.params`), weight: num(p, 'weight', `${path}.params`, 0) },
      };
    }
    case 'commendation':
      if (Object.keys(variants).length === 0) throw new SchemeError(`${path}.variants`, 'expected one variant per level');
      for (const [level, vp] of Object.entries(variants)) {
        if (vp.chief === undefined) throw new SchemeError(`${path}.variants.${level}.chief`, 'expected a number');
      }
      return { ...common, kind };
    case 'discretionary-bonus': {
      const p = params(o, path);
      return {
        ...common,
        kind,
        params: { level: str(p, 'level', `${path}.params`), maxPoints: nullableNum(p, 'maxPoints', `${path}.params`) },
      };
    }
    case 'veto':
      return { ...common, kind, params: { code: str(params(o, path), 'code', `${path}.params`) } };
    default:
      throw new SchemeError(`${path}.kind`, `unknown rule kind "${kind}"`);
  }
}

/** The kinds each model's engine understands; anything else in a scheme is an error, not silently ignored. */
const MODEL_KINDS: Record<Scheme['model'], readonly SchemeRule['kind'][]> = {
  jiguan: [
    'event',
    'attendance',
    'leave',
    'annual-meetings',
    'annual-research-days',
    'annual-research-report',
    'annual-branch-activities',
    'branch-activity-record',
    'rating',
    'democratic-staff',
    'democratic-groups',
  ],
  wubi: ['inspection', 'complaint', 'evaluation', 'commendation', 'discretionary-bonus', 'veto'],
};

/** Kinds of which a scheme may hold at most one rule. */
const SINGLE_KINDS: readonly SchemeRule['kind'][] = [
  'attendance',
  'leave',
  'rating',
  'democratic-staff',
  'democratic-groups',
  'complaint',
  'commendation',
  'discretionary-bonus',
];

/** Validates a raw scheme; throws `SchemeError` naming the JSON path of the first bad field. */
export function loadScheme(raw: unknown): Scheme {
  const o = obj(raw, '$');
  const id = str(o, 'id', '$');
  const version = str(o, 'version', '$');
  const name = str(o, 'name', '$');
  const model = oneOf(str(o, 'model', '$'), ['jiguan', 'wubi'] as const, '$.model');

  const dimensions: DimensionDef[] = arr(o, 'dimensions', '$').map((d, i) => {
    const p = `$.dimensions[${i}]`;
    const dd = obj(d, p);
    return {
      id: str(dd, 'id', p),
      label: str(dd, 'label', p),
      base: num(dd, 'base', p),
      floor: nullableNum(dd, 'floor', p),
      optional: bool(dd, 'optional', p, false),
    };
  });
  if (dimensions.length === 0) throw new SchemeError('$.dimensions', 'expected at least one dimension');
  const dimIds = new Set<string>();
  dimensions.forEach((d, i) => {
    if (dimIds.has(d.id)) throw new SchemeError(`$.dimensions[${i}].id`, `duplicate dimension "${d.id}"`);
    dimIds.add(d.id);
  });

  const rl = obj(o.roleLabels, '$.roleLabels');
  const roleLabels = {} as Record<Role, string>;
  for (const r of ROLES) roleLabels[r] = str(rl, r, '$.roleLabels');

  const rules = arr(o, 'rules', '$').map((r, i) => parseRule(r, `$.rules[${i}]`, dimIds));
  const seen = new Set<string>();
  const kindCount = new Map<string, number>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) throw new SchemeError(`$.rules[${i}].id`, `duplicate rule id "${r.id}"`);
    seen.add(r.id);
    if (!MODEL_KINDS[model].includes(r.kind)) {
      throw new SchemeError(`$.rules[${i}].kind`, `kind "${r.kind}" is not used by model ${model}`);
    }
    const n = (kindCount.get(r.kind) ?? 0) + 1;
    kindCount.set(r.kind, n);
    if (n > 1 && SINGLE_KINDS.includes(r.kind)) {
      throw new SchemeError(`$.rules[${i}].kind`, `only one rule of kind "${r.kind}" is allowed`);
    }
  });

  const leaveTypes = strList(o, 'leaveTypes', '$', true);
  rules.forEach((r, i) => {
    const lists: Record<string, string[]> =
      r.kind === 'attendance'
        ? { coveringLeaveTypes: r.params.coveringLeaveTypes }
        : r.kind === 'leave'
          ? { countedTypes: r.params.countedTypes, excludedTypes: r.params.excludedTypes }
          : {};
    for (const [key, list] of Object.entries(lists)) {
      list.forEach((t, j) => oneOf(t, leaveTypes, `$.rules[${i}].params.${key}[${j}]`));
    }
    if (r.kind === 'leave') {
      r.params.countedTypes.forEach((t, j) => {
        if (r.params.excludedTypes.includes(t)) {
          throw new SchemeError(`$.rules[${i}].params.countedTypes[${j}]`, `"${t}" is also excluded`);
        }
      });
    }
  });

  const t = obj(o.total, '$.total');
  const method = oneOf(str(t, 'method', '$.total'), ['mean', 'sum'] as const, '$.total.method');
  const extras: ExtraComponent[] = arr(t, 'extras', '$.total', true).map((e, i) => {
    const p = `$.total.extras[${i}]`;
    const eo = obj(e, p);
    return {
      id: str(eo, 'id', p),
      label: str(eo, 'label', p),
      weight: num(eo, 'weight', p, 0, 1),
      positions: positions(eo, 'positions', p),
    };
  });
  if (extras.reduce((s, e) => s + e.weight, 0) > 1) throw new SchemeError('$.total.extras', 'weights sum above 1');

  const grades: GradeDef[] = arr(o, 'grades', '$').map((g, i) => {
    const p = `$.grades[${i}]`;
    const go = obj(g, p);
    return { grade: str(go, 'grade', p), min: num(go, 'min', p) };
  });
  for (let i = 1; i < grades.length; i++) {
    if (grades[i].min >= grades[i - 1].min) throw new SchemeError(`$.grades[${i}].min`, 'grades must be highest first');
  }

  const consequences: Record<string, string[]> = {};
  if (o.consequences !== undefined) {
    const co = obj(o.consequences, '$.consequences');
    for (const k of Object.keys(co)) consequences[k] = strList(co, k, '$.consequences');
  }

  const surveyScales: Record<string, Record<string, number>> = {};
  if (o.surveyScales !== undefined) {
    const so = obj(o.surveyScales, '$.surveyScales');
    for (const k of Object.keys(so)) {
      surveyScales[k] = numMap(so, k, '$.surveyScales');
      for (const a of Object.keys(surveyScales[k])) num(surveyScales[k], a, `$.surveyScales.${k}`, 0, 100);
    }
  }
  const defaultSurveyScale = optStr(o, 'defaultSurveyScale', '$') ?? 'satisfaction';
  if (Object.keys(surveyScales).length > 0 && !surveyScales[defaultSurveyScale]) {
    throw new SchemeError('$.defaultSurveyScale', `no survey scale "${defaultSurveyScale}"`);
  }

  return {
    id,
    version,
    name,
    model,
    document: optStr(o, 'document', '$'),
    dimensions,
    roleLabels,
    rules,
    leaveTypes,
    total: { method, extras, cap: nullableNum(t, 'cap', '$.total') },
    grades,
    lowestGrade: str(o, 'lowestGrade', '$'),
    vetoGrade: optStr(o, 'vetoGrade', '$') ?? str(o, 'lowestGrade', '$'),
    consequences,
    surveyScales,
    defaultSurveyScale,
    commendationEvidence: oneOf(
      optStr(o, 'commendationEvidence', '$') ?? 'none',
      ['doc-year', 'none'] as const,
      '$.commendationEvidence',
    ),
  };
}

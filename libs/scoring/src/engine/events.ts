/**
 * Recorded incidents (`events[]`): the actor's points and the cascade to whoever held chief / each deputy /
 * branch secretary of the actor's section on the event's date. Each person is deducted at most once per event:
 * the actor as the person (when the rule has person points), anyone else at their most severe role.
 */
import type { Role, RolePoints, SchemeRule } from '../scheme/scheme-types';
import type { ScoringInput } from '../types';
import {
  type CascadeRole,
  type Context,
  inYear,
  inputError,
  membershipAt,
  reqDay,
  reqPerson,
  reqString,
  roleHolders,
  rows,
} from './context';
import { formatDay } from './dates';
import type { Ledger } from './ledger';

const CASCADE_ROLES: readonly CascadeRole[] = ['chief', 'deputy', 'branchSecretary'];

/** Points of a rule for a variant (the scheme's default variant when none is given). */
export function resolvePoints(rule: SchemeRule, variant: unknown, path: string): RolePoints {
  const variants = rule.variants;
  const hasVariants = Object.keys(variants).length > 0;
  if (variant === undefined || variant === null) {
    if (!hasVariants) return rule.points;
    if (rule.defaultVariant !== undefined) return { ...rule.points, ...variants[rule.defaultVariant] };
    throw inputError('variant-required', `rule ${rule.id} needs a variant (${Object.keys(variants).join(' | ')})`, path);
  }
  if (typeof variant !== 'string' || !Object.prototype.hasOwnProperty.call(variants, variant)) {
    const allowed = hasVariants ? Object.keys(variants).join(' | ') : 'none';
    throw inputError('unknown-variant', `rule ${rule.id} has no variant ${JSON.stringify(variant)} (allowed: ${allowed})`, path);
  }
  return { ...rule.points, ...variants[variant] };
}

/** Looks up a rule id for an event row; unknown ids and computed-only rules are input errors. */
export function eventRule(ctx: Context, ruleId: string, path: string): SchemeRule {
  const rule = ctx.scheme.rules.find((r) => r.id === ruleId);
  if (!rule) throw inputError('unknown-rule', `unknown rule id "${ruleId}" for scheme ${ctx.scheme.id}`, path);
  if (!rule.recordable) {
    throw inputError('rule-not-recordable', `rule ${ruleId} is computed from other facts and cannot be recorded as an event`, path);
  }
  return rule;
}

export function processEvents(ctx: Context, input: ScoringInput, ledger: Ledger): void {
  const ids = new Set<string>();
  const ruleCache = new Map<string, SchemeRule>();
  const pointsCache = new Map<string, RolePoints>();
  rows(input, 'events').forEach((r, i) => {
    const path = `$.events[${i}]`;
    const id = reqString(r, 'id', path);
    if (ids.has(id)) throw inputError('duplicate-id', `duplicate event id "${id}"`, `${path}.id`);
    ids.add(id);
    const ruleId = reqString(r, 'rule', path);
    let rule = ruleCache.get(ruleId);
    if (!rule) ruleCache.set(ruleId, (rule = eventRule(ctx, ruleId, `${path}.rule`)));
    const actor = reqPerson(ctx, r, 'personId', path);
    const day = reqDay(r, 'date', path);
    const pkey = `${ruleId}\u0000${String(r.variant)}`;
    let points = pointsCache.get(pkey);
    if (!points) pointsCache.set(pkey, (points = resolvePoints(rule, r.variant, `${path}.variant`)));
    if (r.verified !== undefined && typeof r.verified !== 'boolean') {
      throw inputError('bad-input', '"verified" must be true or false', `${path}.verified`);
    }
    const m = membershipAt(actor, day);
    if (!m) {
      throw inputError(
        'no-section-on-date',
        `person "${actor.id}" is in no section on ${formatDay(day)} (memberships)`,
        `${path}.date`,
      );
    }
    if (!inYear(ctx, day)) return;
    if (r.verified === false) {
      ledger.flag(actor.id, `pending:${id}`);
      return;
    }
    const section = ctx.sections.get(m.sectionId);
    if (rule.categories.length > 0 && section && (!section.category || !rule.categories.includes(section.category))) {
      ledger.flag(actor.id, `category-mismatch:${rule.id}:${id}`);
    }

    // Each target once: the actor as the person, everyone else at their most severe role.
    const targets = new Map<string, { role: Role; points: number }>();
    const personPoints = points.person;
    if (personPoints !== undefined && personPoints !== 0) targets.set(actor.id, { role: 'person', points: personPoints });
    for (const role of CASCADE_ROLES) {
      const p = points[role];
      if (p === undefined || p === 0) continue;
      for (const holder of roleHolders(ctx, m.sectionId, role, day)) {
        const cur = targets.get(holder);
        if (cur && (cur.role === 'person' || Math.abs(cur.points) >= Math.abs(p))) continue;
        targets.set(holder, { role, points: p });
      }
    }
    for (const [target, t] of targets) {
      ledger.add(
        target,
        rule.dimension,
        target === actor.id ? { rule: rule.id, points: t.points, source: id } : { rule: rule.id, points: t.points, source: id, cascadeFrom: actor.id },
      );
    }
    for (const f of rule.flags) ledger.flag(actor.id, `${f}:${rule.id}:${id}`);
  });
}

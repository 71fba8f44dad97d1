/**
 * What the mini-program shows on the recording form: the rule list and an incident's cost by role, from the scheme.
 */
import { ScoringInputError } from '../errors';
import { ROLES, type Role, type Scheme } from '../scheme/scheme-types';

export interface RuleSummary {
  id: string;
  dimension: string;
  dimensionLabel: string;
  text: string;
}

export interface CostLine {
  role: Role;
  label: string;
  points: number;
}

const SPECIAL_DIMENSIONS: Record<string, string> = { bonus: '加分', veto: '一票否决' };

export function listRules(scheme: Scheme): RuleSummary[] {
  const labels = new Map(scheme.dimensions.map((d) => [d.id, d.label]));
  return scheme.rules.map((r) => ({
    id: r.id,
    dimension: r.dimension,
    dimensionLabel: labels.get(r.dimension) ?? SPECIAL_DIMENSIONS[r.dimension] ?? r.dimension,
    text: r.text,
  }));
}

/**
 * The points one more case of a rule moves, per role (person, chief, each deputy, branch secretary), e.g.
 * NB-1 → 本人 −3, 处长 −2, 每位副处长 −2. Rules without per-case points (weighted components) give `[]`.
 */
export function previewRuleCost(scheme: Scheme, ruleId: string, variant?: string): CostLine[] {
  const rule = scheme.rules.find((r) => r.id === ruleId);
  if (!rule) throw new ScoringInputError('unknown-rule', `unknown rule id "${ruleId}" for scheme ${scheme.id}`);
  const variants = rule.variants;
  let points = rule.points;
  const v = variant ?? rule.defaultVariant;
  if (v !== undefined) {
    if (!Object.prototype.hasOwnProperty.call(variants, v)) {
      throw new ScoringInputError('unknown-variant', `rule ${rule.id} has no variant "${v}"`);
    }
    points = { ...points, ...variants[v] };
  }
  const lines: CostLine[] = [];
  for (const role of ROLES) {
    const p = points[role];
    if (p !== undefined && p !== 0) lines.push({ role, label: scheme.roleLabels[role], points: p });
  }
  return lines;
}

const MINUS = '\u2212';

function formatPoints(p: number): string {
  const abs = Math.abs(p);
  const s = Number.isInteger(abs) ? String(abs) : String(Math.round(abs * 100) / 100);
  return `${p < 0 ? MINUS : '+'}${s}`;
}

/** "本人 −3，处长 −2，每位副处长 −2" (real minus sign U+2212, full-width comma). */
export function formatCost(lines: CostLine[]): string {
  return lines.map((l) => `${l.label} ${formatPoints(l.points)}`).join('，');
}

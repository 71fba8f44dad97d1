import { formatCost, listRules, loadScheme, previewRuleCost } from '@kaoping/scoring';

export interface RuleView {
  id: string;
  text: string;
  /**
   * Cost preview lines: "本人 −3，处长 −2，每位副处长 −2", or one per variant ("缺席：本人 −2"). Empty when the rule
   * moves no points per case (weighted components such as 绩 rating or 民主测评).
   */
  costs: string[];
}

export interface DimensionGroup {
  dimension: string;
  label: string;
  rules: RuleView[];
}

type Scheme = ReturnType<typeof loadScheme>;

/** Chinese names of the scheme's variant ids. */
const VARIANT_LABELS: Record<string, string> = {
  absent: '缺席',
  late: '迟到',
  early: '早退',
  refused: '不服从安排',
};

function costLine(scheme: Scheme, ruleId: string, variant?: string): string | null {
  try {
    const lines = previewRuleCost(scheme, ruleId, variant);
    return lines.length > 0 ? formatCost(lines) : null;
  } catch {
    // A rule or variant the preview does not cover shows no cost line.
    return null;
  }
}

function costsOf(scheme: Scheme, ruleId: string): string[] {
  const variants = Object.keys(scheme.rules.find((r) => r.id === ruleId)?.variants ?? {});
  if (variants.length > 1) {
    return variants.flatMap((v) => {
      const line = costLine(scheme, ruleId, v);
      return line ? [`${VARIANT_LABELS[v] ?? v}：${line}`] : [];
    });
  }
  const line = costLine(scheme, ruleId, variants[0]);
  return line ? [line] : [];
}

/** The scheme's rules grouped by dimension (in scheme order), each with its cost preview. */
export function ruleGroups(raw: unknown): DimensionGroup[] {
  const scheme = loadScheme(raw);
  const groups: DimensionGroup[] = [];
  for (const rule of listRules(scheme)) {
    let group = groups.find((g) => g.dimension === rule.dimension);
    if (!group) {
      group = { dimension: rule.dimension, label: rule.dimensionLabel, rules: [] };
      groups.push(group);
    }
    group.rules.push({ id: rule.id, text: rule.text, costs: costsOf(scheme, rule.id) });
  }
  return groups;
}

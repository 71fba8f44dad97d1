import { formatCost, previewRuleCost, type Scheme } from '@kaoping/scoring';
import type { ComplaintCategory, ComplaintCost } from '@kaoping/contracts';
import { schemeById } from '../scoring/scheme-files.js';
import { CATEGORY_RULE } from './complaint-workflow.js';

/** A built-in scheme (null when it cannot be read: costs are then simply not shown). */
function scheme(id: 'jiguan' | 'wubi'): Scheme | null {
  try {
    return schemeById(id);
  } catch {
    return null;
  }
}

function line(schemeId: 'jiguan' | 'wubi', rule: string): ComplaintCost | null {
  const s = scheme(schemeId);
  const r = s?.rules.find((x) => x.id === rule);
  if (!s || !r) return null;
  const cost = formatCost(previewRuleCost(s, rule));
  return cost ? { scheme: schemeId, rule, text: r.text, cost } : null;
}

/** What a verified complaint of this category costs, from the schemes: the jiguan rule by category, and wubi WB-D4. */
export function complaintCosts(category: ComplaintCategory): ComplaintCost[] {
  const rule = CATEGORY_RULE[category];
  return [rule ? line('jiguan', rule) : null, line('wubi', 'WB-D4')].filter((x): x is ComplaintCost => !!x);
}

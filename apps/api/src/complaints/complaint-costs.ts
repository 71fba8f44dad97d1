import { formatCost, loadScheme, previewRuleCost, type Scheme } from '@kaoping/scoring';
import type { ComplaintCategory, ComplaintCost } from '@kaoping/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/paths.js';
import { CATEGORY_RULE } from './complaint-workflow.js';

const schemes = new Map<string, Scheme | null>();

/** A built-in scheme from seeds/schemes (null when it cannot be read: costs are then simply not shown). */
function scheme(id: 'jiguan' | 'wubi'): Scheme | null {
  if (!schemes.has(id)) {
    try {
      schemes.set(id, loadScheme(JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'schemes', `${id}.json`), 'utf8'))));
    } catch {
      schemes.set(id, null);
    }
  }
  return schemes.get(id) ?? null;
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

/** The mini-program's preview: the rule list and "本人 −3，处长 −2，每位副处长 −2". */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ScoringInputError } from '../src/errors';
import { loadScheme } from '../src/scheme/load-scheme';
import { formatCost, listRules, previewRuleCost } from '../src/explain/rules';

const scheme = (id: string) => loadScheme(JSON.parse(readFileSync(path.resolve(__dirname, `../../../seeds/schemes/${id}.json`), 'utf8')));
const J = scheme('jiguan');
const W = scheme('wubi');

describe('listRules', () => {
  it('lists every rule with its dimension label', () => {
    const rules = listRules(J);
    expect(rules).toHaveLength(34);
    expect(rules[5]).toEqual({ id: 'NB-1', dimension: 'neng', dimensionLabel: '能', text: expect.stringContaining('第一时间') });
    expect(listRules(W).find((r) => r.id === 'WB-B1')?.dimensionLabel).toBe('加分');
  });
});

describe('previewRuleCost / formatCost', () => {
  it('NB-1 → 本人 −3，处长 −2，每位副处长 −2', () => {
    const lines = previewRuleCost(J, 'NB-1');
    expect(lines).toEqual([
      { role: 'person', label: '本人', points: -3 },
      { role: 'chief', label: '处长', points: -2 },
      { role: 'deputy', label: '每位副处长', points: -2 },
    ]);
    expect(formatCost(lines)).toBe('本人 \u22123，处长 \u22122，每位副处长 \u22122');
  });

  it('variants: DE-1 late → 本人 −1; default absent → −2', () => {
    expect(formatCost(previewRuleCost(J, 'DE-1', 'late'))).toBe('本人 −1');
    expect(formatCost(previewRuleCost(J, 'DE-1'))).toBe('本人 −2');
  });

  it('branch secretary and chief-only rules', () => {
    expect(formatCost(previewRuleCost(J, 'JI-3'))).toBe('处长 −5，支部书记 −5');
    expect(formatCost(previewRuleCost(J, 'NP-6'))).toBe('本人 −2，支部书记 −1');
    expect(formatCost(previewRuleCost(J, 'NB-7'))).toBe('处长 −5');
  });

  it('wubi: a complaint costs the head 2; a provincial commendation adds 3; weighted components have no per-case cost', () => {
    expect(formatCost(previewRuleCost(W, 'WB-D4'))).toBe('科长（参评对象） −2');
    expect(formatCost(previewRuleCost(W, 'WB-B1', 'provincial'))).toBe('科长（参评对象） +3');
    expect(previewRuleCost(W, 'WB-D1')).toEqual([]);
  });

  it('unknown rule or variant throws ScoringInputError', () => {
    expect(() => previewRuleCost(J, 'NB-99')).toThrow(ScoringInputError);
    expect(() => previewRuleCost(J, 'DE-1', 'sleeping')).toThrow(ScoringInputError);
  });
});

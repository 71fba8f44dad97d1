import jiguan from '@seeds/schemes/jiguan.json';
import { ruleGroups } from './rule-groups';

describe('考评细则 from the jiguan scheme', () => {
  const groups = ruleGroups(jiguan);
  const rule = (id: string) => groups.flatMap((g) => g.rules).find((r) => r.id === id);

  it('groups the rules by dimension in scheme order, with Chinese labels', () => {
    expect(groups.map((g) => g.label).slice(0, 5)).toEqual(['德', '能', '勤', '绩', '廉']);
    expect(groups[0].rules[0].id).toBe('DE-1');
  });

  it('previews the cost of a rule by role', () => {
    expect(rule('NB-1')?.costs).toEqual(['本人 \u22123，处长 \u22122，每位副处长 \u22122']);
  });

  it('previews each variant of a rule with variants, labelled in Chinese', () => {
    expect(rule('DE-1')?.costs).toEqual(['缺席：本人 \u22122', '迟到：本人 \u22121']);
    expect(rule('QIN-1')?.costs).toEqual(['迟到：本人 \u22121', '早退：本人 \u22121']);
  });

  it('gives no cost line for a rule scored by rating', () => {
    expect(rule('JI-1')?.costs).toEqual([]);
  });

  it('rejects a scheme that is not one', () => {
    expect(() => ruleGroups({ id: 'nope' })).toThrow();
  });
});

import { explainFlag } from '../src';
import { WUBI } from './helpers';

describe('explainFlag', () => {
  it.each([
    ['annual-pending:NB-7', '处务会次数（NB-7）目前未达全年要求，年底判定，暂不扣分'],
    ['minzhu:not-rated', '尚无民主测评评分：总分按其余五项平均'],
    ['minzhu:missing-group:unit', '民主测评缺少“局属各单位”评分，按其余组别比例折算'],
    ['consequence:withhold-13th-salary', '综合考评不称职：扣发第十三个月工资'],
    ['veto:V2', '一票否决（V2）：等次为不称职'],
    ['attendance:missing-punch:2024-03-06', '2024-03-06 缺卡（需核实，不自动扣分）'],
    ['bonus:deduplicated:m1', '同一事项（m1）多级表彰，按最高一级计一次'],
    ['extras:missing:leader_comments', '附加项“每月局领导点评”尚无得分：该项不计，其权重归入六项平均分'],
  ])('%s', (flag, text) => {
    expect(explainFlag(flag)).toBe(text);
  });

  it('names wubi components from the scheme', () => {
    expect(explainFlag('too-few-rounds:WB-D1', WUBI)).toBe('日常督查（WB-D1）全年不足规定轮次，按已有轮次计分');
  });

  it('returns an unknown flag as it is', () => {
    expect(explainFlag('something-new:x')).toBe('something-new:x');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDiaryContent, type VagueCheckConfig } from './vague-check.js';

const config = JSON.parse(readFileSync(resolve(process.cwd(), '../../seeds/diary/vague-check.json'), 'utf8')) as VagueCheckConfig;

const VAGUE = [
  '处理公务',
  '办理文件',
  '处理日常事务',
  '上午处理公务，下午办理文件',
  '处理公务。。。。',
  '办公',
  '日常工作',
  '同上',
  '略',
  '无',
  '同上。',
  '  同 上  ',
  '处理公务处理公务处理公务办理文件办理文件',
  '今天继续处理相关工作等',
  '上午：处理公务；下午：办理文件；晚上：加班处理日常事务。',
  '处理日常事务及其他相关工作',
  '处理公务、办理文件等日常工作',
  '全天办公',
  '处理文件',
  '批阅文件，处理公务',
  '继续开展相关工作',
  '完成领导交办的工作',
  '做好日常事务性工作',
  '处理公务!!!!!!',
  'ＯＫ',
  '......',
  '上午办公，下午办公',
  '处理公务 办理文件 日常工作 相关事务',
  '正常上班',
  '检查检查检查检查检查检查',
  '',
];

const REAL = [
  '上午到城东农贸市场检查占道经营，整改3户；下午起草《关于规范户外广告的通知》初稿，报处长审核',
  '接待群众来访3人次，解答违章建筑拆除政策，均已答复',
  '参加处务会，传达局领导关于夜市整治的指示，布置本周巡查任务',
  '审核执法二处报送的行政处罚案卷5件，退回补正1件',
  '处理市民投诉12345工单4件，均已回复并办结',
  '为支队起草《渣土运输联合执法方案》，报分管局长审定',
  '到高新区分局调研违建查处情况，形成调研笔记一份',
  '办理行政许可申请2件（户外广告设置），已出具审批意见',
  '整理第三季度考勤报表，经处长签字后报办公室',
  '陪同市人大代表视察老城区市容整治，汇报整改进展',
  'Drafted the outdoor advertising notice for the chief',
  '上午处理公务：审核案卷3件；下午办理文件：收文登记12份并分送各处室',
];

describe('vague-diary check (seed 000 五.三)', () => {
  it.each(VAGUE)('refuses %j with what to write instead', (text) => {
    const v = checkDiaryContent(text, config);
    expect(v).toMatchObject({ ok: false, message: expect.stringMatching(/做了什么.*为谁.*结果如何/) });
  });

  it.each(REAL)('accepts %j', (text) => {
    expect(checkDiaryContent(text, config)).toMatchObject({ ok: true });
  });

  it('names the vague phrases it found', () => {
    expect(checkDiaryContent('上午处理公务，下午办理文件', config)).toMatchObject({ ok: false, matched: expect.arrayContaining(['处理公务', '办理文件']) });
  });

  it('takes its thresholds from the configuration', () => {
    const strict = { ...config, minSubstance: 200 };
    expect(checkDiaryContent(REAL[0]!, strict).ok).toBe(false);
    const lax = { ...config, phrases: [], fillers: [], placeholders: [], minSubstance: 1, minDistinct: 1 };
    expect(checkDiaryContent('办公', lax).ok).toBe(true);
  });

  it('refuses an over-long entry', () => {
    expect(checkDiaryContent('检'.repeat(config.maxLength + 1), config)).toMatchObject({ ok: false, reason: 'too_long' });
  });
});

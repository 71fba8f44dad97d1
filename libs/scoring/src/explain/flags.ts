/**
 * The result's flags in words a bureau reads (Chinese), for score pages and reports. Pure; unknown flags come back
 * as they are.
 */
import type { Scheme } from '../scheme/scheme-types';

const GROUPS: Record<string, string> = {
  bureau_leader: '局领导',
  cadre_peer: '副科以上干部互评',
  unit: '局属各单位',
  staff: '机关科员',
};

const CONSEQUENCES: Record<string, string> = {
  'withhold-13th-salary': '综合考评不称职：扣发第十三个月工资',
  'organisational-adjustment': '综合考评不称职：进行组织调整',
  'bureau-notice': '综合考评不称职：予以全局通报',
};

const EXTRAS: Record<string, string> = {
  leader_comments: '每月局领导点评',
  quarterly_review: '每季度监察考评会议考评',
  half_year_unit_scoring: '每半年局属各单位考评打分',
  innovation: '工作创新情况',
};

const ANNUAL: Record<string, string> = {
  'NB-7': '处务会次数',
  'NB-10': '下基层调研天数',
  'NB-11': '调研报告',
  'NP-4': '支部活动次数',
};

/** One flag, e.g. `minzhu:missing-group:unit` → “民主测评缺少“局属各单位”评分，按其余组别比例折算”. */
export function explainFlag(flag: string, scheme?: Scheme): string {
  const [head, ...rest] = flag.split(':');
  const arg = rest.join(':');
  const ruleName = (id: string) => {
    const def = scheme?.dimensions.find((d) => d.id === id);
    return def ? `${def.label}（${id}）` : id;
  };
  switch (head) {
    case 'annual-pending':
      return `${ANNUAL[arg] ?? arg}（${arg}）目前未达全年要求，年底判定，暂不扣分`;
    case 'minzhu':
      if (rest[0] === 'not-rated') return '尚无民主测评评分：总分按其余五项平均';
      if (rest[0] === 'missing-group') return `民主测评缺少“${GROUPS[rest[1] ?? ''] ?? rest[1]}”评分，按其余组别比例折算`;
      return flag;
    case 'consequence':
      return CONSEQUENCES[arg] ?? flag;
    case 'pending':
      return `事项 ${arg} 待核实或申诉中，暂不计分`;
    case 'attendance':
      return rest[0] === 'missing-punch' ? `${rest[1]} 缺卡（需核实，不自动扣分）` : flag;
    case 'discipline':
      return `${rest[0]}：经查实，须按规定进行组织纪律处理（${rest[1]}）`;
    case 'category-mismatch':
      return `${rest[0]} 记录在类别不符的处室（${rest[1]}），请核对`;
    case 'too-few-rounds':
      return `${ruleName(arg)}全年不足规定轮次，按已有轮次计分`;
    case 'missing-group':
      return `${ruleName(arg)}尚无评价，暂计 0 分`;
    case 'extras':
      if (rest[0] === 'missing') {
        const label = scheme?.total.extras.find((e) => e.id === rest[1])?.label ?? EXTRAS[rest[1] ?? ''] ?? rest[1];
        return `附加项“${label}”尚无得分：该项不计，其权重归入六项平均分`;
      }
      return flag;
    case 'veto':
      return `一票否决（${arg}）：等次为不称职`;
    case 'bonus':
      if (rest[0] === 'deduplicated') return `同一事项（${rest[1]}）多级表彰，按最高一级计一次`;
      if (rest[0] === 'no-evidence') return `表彰（${rest[1]}）缺少年度文号，未计加分`;
      if (rest[0] === 'out-of-year') return `表彰（${rest[1]}）不在考评年度内，未计加分`;
      return flag;
    default:
      return flag;
  }
}

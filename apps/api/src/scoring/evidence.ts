import type { EvidenceRef } from '@kaoping/contracts';

const KIND_LABELS: Record<string, string> = { daily: '日常督查', special: '专项督查', unannounced: '随机暗访' };
const GROUP_LABELS: Record<string, string> = {
  service_recipient: '服务对象代表评价',
  representative: '两代表一委员评价',
  counterpart: '县市区对口部门评价',
  city_leader: '分管联系市领导评价',
  aspects: '民主测评',
  bureau_leader: '民主测评（局领导）',
  cadre_peer: '民主测评（副科以上互评）',
  unit: '民主测评（局属各单位）',
  staff: '民主测评（机关科员）',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A readable reference for an item's `source` (a fact id or a reference such as `attendance:p016:2024-03-06`). */
export function evidenceOf(source: string, incidents: Map<string, { date: string; rule: string }>): EvidenceRef {
  const inc = incidents.get(source);
  if (inc) return { kind: 'incident', id: source, label: `考评事件 ${inc.date}` };
  if (UUID.test(source)) return { kind: 'other', id: source, label: '记录' };
  const [kind, a = '', ...rest] = source.split(':');
  const b = rest.join(':');
  switch (kind) {
    case 'complaint':
      return { kind: 'complaint', id: a, label: '效能投诉（已查实）' };
    case 'attendance':
      return { kind: 'attendance', id: null, label: `考勤 ${b}` };
    case 'leaves':
      return { kind: 'attendance', id: null, label: `事假 ${b}` };
    case 'meetings':
      return { kind: 'other', id: null, label: `处务会台账（${b} 年）` };
    case 'research':
      return { kind: 'other', id: null, label: `下基层调研台账（${b} 年）` };
    case 'researchReports':
      return { kind: 'other', id: null, label: `调研报告（${b} 年）` };
    case 'branchActivities':
      return { kind: 'other', id: null, label: `支部活动台账（${b}）` };
    case 'ratings':
      return { kind: 'other', id: null, label: `绩评定（${b} 年）` };
    case 'democratic':
      return { kind: 'other', id: null, label: GROUP_LABELS[b] ?? '民主测评' };
    case 'inspections':
      return { kind: 'inspection', id: null, label: `${KIND_LABELS[b] ?? '督查'}成绩` };
    case 'evaluations':
      return { kind: 'other', id: null, label: GROUP_LABELS[b] ?? '满意度评价' };
    case 'commendations':
      return { kind: 'commendation', id: null, label: `表彰：${a}` };
    case 'floor':
      return { kind: 'other', id: null, label: '最低分保底' };
    default:
      return { kind: 'other', id: null, label: source };
  }
}

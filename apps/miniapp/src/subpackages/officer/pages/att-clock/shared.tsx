import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, type LeaveDto, type MonthCounts } from '@kaoping/contracts';

/** Pieces shared by the attendance pages (a page module may only export its page). */

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function Counts({ counts }: { counts: MonthCounts }) {
  const items: [string, number][] = [
    ['应出勤', counts.workdays],
    ['正常', counts.normal],
    ['迟到', counts.late],
    ['早退', counts.early],
    ['缺卡', counts.missing + counts.absent],
    ['请假', counts.leave],
    ['外勤', counts.field],
    ['异常提示', counts.flagged],
  ];
  return (
    <View className="att-counts">
      {items.map(([label, n]) => (
        <View key={label} className="att-counts__item">
          <Text className="att-counts__num">{n}</Text>
          <Text className="att-counts__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}


const fmt = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
};

export function LeaveRow({ l, children }: { l: LeaveDto; children?: ReactNode }) {
  return (
    <View className="att-row" data-testid={`leave-${l.id}`}>
      <View className="att-row__main">
        <Text className="att-row__title">
          {l.personName} · {LEAVE_TYPE_LABELS[l.type]} <Text className="badge">{LEAVE_STATUS_LABELS[l.status]}</Text>
        </Text>
        <Text className="att-row__sub">
          {fmt(l.startAt)} 至 {fmt(l.endAt)} · {l.reason}
        </Text>
        {l.decisionNote && <Text className="att-row__sub">审批意见：{l.decisionNote}</Text>}
        {children}
      </View>
    </View>
  );
}


import { Text, View } from '@tarojs/components';
import { ATTENDANCE_LABELS, type AttendanceStatus } from '@kaoping/contracts';
import './index.scss';

export interface AttendeeState {
  status: AttendanceStatus;
  leave: boolean;
}

export interface AttendanceEditorProps {
  people: { id: string; name: string; sub?: string | null }[];
  value: Record<string, AttendeeState>;
  onChange: (next: Record<string, AttendeeState>) => void;
}

const NEXT: Record<AttendanceStatus, AttendanceStatus> = { present: 'late', late: 'absent', absent: 'present' };

export const PRESENT: AttendeeState = { status: 'present', leave: false };

/** The attendance rows the API wants: everyone listed, present unless changed. */
export function attendanceRows(people: { id: string }[], value: Record<string, AttendeeState>) {
  return people.map((p) => {
    const s = value[p.id] ?? PRESENT;
    return { personId: p.id, status: s.status, leave: s.status !== 'present' && s.leave };
  });
}

/**
 * Attendance of a meeting or activity: tap the status to cycle 出席 → 迟到 → 缺席; for 迟到/缺席 a second chip marks
 * whether leave was approved (未经批准的缺席、迟到 are deducted).
 */
export function AttendanceEditor({ people, value, onChange }: AttendanceEditorProps) {
  const absent = people.filter((p) => (value[p.id] ?? PRESENT).status === 'absent').length;
  const late = people.filter((p) => (value[p.id] ?? PRESENT).status === 'late').length;
  return (
    <View className="att-editor" data-testid="attendance-editor">
      <Text className="att-editor__summary">
        应到 {people.length} 人 · 实到 {people.length - absent} 人 · 迟到 {late} 人 · 缺席 {absent} 人
      </Text>
      <Text className="att-editor__hint">点状态切换：出席 → 迟到 → 缺席；迟到、缺席者再点“请假”标明是否经批准</Text>
      {people.map((p) => {
        const s = value[p.id] ?? PRESENT;
        return (
          <View key={p.id} className="att-editor__row" data-testid={`att-${p.id}`}>
            <View className="att-editor__who">
              <Text className="att-editor__name">{p.name}</Text>
              {p.sub ? <Text className="att-editor__sub">{p.sub}</Text> : null}
            </View>
            {s.status !== 'present' ? (
              <View
                className={`att-editor__leave ${s.leave ? 'att-editor__leave--on' : ''}`}
                data-testid={`att-leave-${p.id}`}
                onClick={() => onChange({ ...value, [p.id]: { ...s, leave: !s.leave } })}
              >
                {s.leave ? '已请假' : '未请假'}
              </View>
            ) : null}
            <View
              className={`att-editor__chip att-editor__chip--${s.status}`}
              data-testid={`att-status-${p.id}`}
              onClick={() => onChange({ ...value, [p.id]: { status: NEXT[s.status], leave: NEXT[s.status] === 'present' ? false : s.leave } })}
            >
              {ATTENDANCE_LABELS[s.status]}
            </View>
          </View>
        );
      })}
    </View>
  );
}

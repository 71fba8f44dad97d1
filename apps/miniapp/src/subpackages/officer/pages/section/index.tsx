import { Picker, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { useState } from 'react';
import type { PersonDto, SectionDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { getSectionMembers, listSections } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import './index.scss';

function PersonRow({ person, role }: { person: PersonDto; role: string }) {
  return (
    <View className="list-row member-row">
      <View className="member-row__avatar">
        <Text>{person.name.slice(-2)}</Text>
      </View>
      <View className="list-row__main">
        <Text className="list-row__title">
          {person.name}
          {person.branchSecretary ? <Text className="badge badge--red">支部书记</Text> : null}
        </Text>
        <Text className="list-row__sub">{role}</Text>
      </View>
    </View>
  );
}

function Members({ sectionId, date }: { sectionId: string; date: string }) {
  const members = useAsync(() => getSectionMembers(sectionId, date), [sectionId, date]);
  if (members.status === 'loading') return <StateView kind="loading" />;
  if (members.status === 'offline') return <StateView kind="offline" onRetry={members.reload} />;
  if (members.status === 'error') return <StateView kind="error" description={members.error} onRetry={members.reload} />;

  const { chief, deputies, staff, section } = members.data;
  const total = (chief ? 1 : 0) + deputies.length + staff.length;
  const when = date === isoDate() ? '今天' : chineseDate(date);
  return (
    <View>
      <View className="card section-page__answer" data-testid="chief-on-date">
        <Text className="section-page__answer-label">
          {when}，{section.name}的处长（主任）
        </Text>
        <Text className="section-page__answer-name">{chief ? chief.name : '空缺'}</Text>
        {!chief && <Text className="muted">该日没有在任的处长（主任）</Text>}
      </View>

      {total === 0 ? (
        <StateView kind="empty" title="该日无在岗人员" description="换一个日期看看" />
      ) : (
        <View>
          {chief && (
            <View>
              <Text className="section-title">处长（主任）</Text>
              <View className="list-group">
                <PersonRow person={chief} role="处长（主任）" />
              </View>
            </View>
          )}
          {deputies.length > 0 && (
            <View>
              <Text className="section-title">副处长（副主任）· {deputies.length} 人</Text>
              <View className="list-group">
                {deputies.map((p) => (
                  <PersonRow key={p.id} person={p} role="副处长（副主任）" />
                ))}
              </View>
            </View>
          )}
          <Text className="section-title">科员 · {staff.length} 人</Text>
          {staff.length > 0 ? (
            <View className="list-group">
              {staff.map((p) => (
                <PersonRow key={p.id} person={p} role="科员" />
              ))}
            </View>
          ) : (
            <View className="card">
              <Text className="muted">该日没有科员</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function SectionChooser({ value, onChange }: { value: string | null; onChange: (s: SectionDto) => void }) {
  const sections = useAsync(listSections, []);
  if (sections.status === 'loading') return <StateView kind="loading" title="正在加载处室…" />;
  if (sections.status === 'offline') return <StateView kind="offline" onRetry={sections.reload} />;
  if (sections.status === 'error') return <StateView kind="error" description={sections.error} onRetry={sections.reload} />;
  if (sections.data.length === 0) return <StateView kind="empty" title="暂无处室" />;
  const list = sections.data;
  const index = Math.max(0, list.findIndex((s) => s.id === value));
  return (
    <Picker mode="selector" range={list.map((s) => s.name)} value={index} onChange={(e) => onChange(list[Number(e.detail.value)])}>
      <View className="list-row picker-row">
        <Text className="picker-row__label">处室</Text>
        <Text className="picker-row__value">{value ? list.find((s) => s.id === value)?.name ?? '请选择' : '请选择处室'}</Text>
        <ArrowRight size={14} color="#c9cdd4" />
      </View>
    </Picker>
  );
}

export default function SectionPage() {
  const { me } = useSession();
  const today = isoDate();
  const [date, setDate] = useState(today);
  const [chosen, setChosen] = useState<string | null>(null);

  if (!me) return <StateView kind="loading" />;

  const canChoose = me.role === 'office' || me.role === 'leader' || !me.sectionId;
  const sectionId = chosen ?? me.sectionId;

  return (
    <View className="page section-page">
      <View className="list-group">
        {canChoose && <SectionChooser value={sectionId} onChange={(s) => setChosen(s.id)} />}
        <Picker mode="date" value={date} end="2099-12-31" onChange={(e) => setDate(String(e.detail.value))}>
          <View className="list-row picker-row" data-testid="date-picker">
            <Text className="picker-row__label">查看日期</Text>
            <Text className="picker-row__value">{date === today ? `今天（${chineseDate(date)}）` : chineseDate(date)}</Text>
            <ArrowRight size={14} color="#c9cdd4" />
          </View>
        </Picker>
      </View>
      {date !== today && (
        <View className="section-page__today" onClick={() => setDate(today)}>
          <Text>回到今天</Text>
        </View>
      )}
      <Text className="section-page__hint">任职按日期生效：选择过去的日期，可查看当天谁在任。</Text>

      {sectionId ? (
        <Members sectionId={sectionId} date={date} />
      ) : (
        <StateView kind="empty" title="请选择处室" description="选择一个处室后查看人员" />
      )}
    </View>
  );
}

import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { PersonDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { listDues, recordDues } from '../../../../services/ledgers.api';
import { getSectionMembers } from '../../../../services/org.api';
import { chineseDate, isoDate } from '../../../../utils/date';
import '../diary/index.scss';
import '../meetings/index.scss';

/** 党费催缴 (NP-6 evidence): the secretary records each follow-up of a member's unpaid dues; the list for the year. */
export default function BranchDuesPage() {
  const { me } = useSession();
  const dues = useAsync(() => listDues(), []);
  const members = useAsync(() => (me?.sectionId ? getSectionMembers(me.sectionId, isoDate()) : Promise.resolve(null)), [me?.sectionId]);
  const [member, setMember] = useState<PersonDto | null>(null);
  const [months, setMonths] = useState('1');
  const [chasedOn, setChasedOn] = useState(isoDate());
  const [note, setNote] = useState('');
  const [settled, setSettled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (dues.status === 'loading' || members.status === 'loading') return <StateView kind="loading" />;
  if (dues.status !== 'success') return <StateView kind={dues.status} description={dues.error} onRetry={dues.reload} />;
  if (members.status !== 'success') return <StateView kind={members.status} description={members.error} onRetry={members.reload} />;
  const people = members.data ? [...(members.data.chief ? [members.data.chief] : []), ...members.data.deputies, ...members.data.staff] : [];
  const canWrite = !!me?.branchSecretary;

  const save = async () => {
    const n = Number(months);
    if (!member) return setError('请选择欠缴党费的党员');
    if (!Number.isInteger(n) || n < 1 || n > 120) return setError('欠缴月数填 1–120 的整数');
    if (note.trim().length < 2) return setError('请写明督促方式与结果，如：当面提醒，承诺月底前补缴');
    setBusy(true);
    setError(null);
    try {
      const r = await recordDues({ memberId: member.id, monthsUnpaid: n, chasedOn, note: note.trim(), settled });
      setDone(`已登记：${r.memberName} 欠缴 ${r.monthsUnpaid} 个月，${chineseDate(r.chasedOn)}督促`);
      setMember(null);
      setNote('');
      setMonths('1');
      setSettled(false);
      dues.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page diary-page">
      {canWrite ? (
        <View className="card" data-testid="dues-form">
          <Text className="section-title">登记党费催缴</Text>
          <Picker mode="selector" range={people.map((p) => p.name)} onChange={(e) => setMember(people[Number(e.detail.value)] ?? null)}>
            <View className="form-input branch-picker" data-testid="dues-member">
              党员：{member?.name ?? '请选择'}
            </View>
          </Picker>
          <View className="form-input branch-picker dues-months">
            <Text>已欠缴月数：</Text>
            <Input className="dues-months__input" type="number" data-testid="dues-months" value={months} maxlength={3} placeholder="1" onInput={(e) => setMonths(e.detail.value)} />
            <Text>个月</Text>
          </View>
          <Picker mode="date" value={chasedOn} end={isoDate()} onChange={(e) => setChasedOn(e.detail.value)}>
            <View className="form-input branch-picker">督促日期：{chineseDate(chasedOn)}</View>
          </Picker>
          <Textarea className="diary-page__textarea" data-testid="dues-note" value={note} maxlength={300} placeholder="督促方式与结果" onInput={(e) => setNote(e.detail.value)} />
          <View className="att-row" onClick={() => setSettled(!settled)} data-testid="dues-settled">
            <Text>已补缴</Text>
            <View className={`att-chip ${settled ? '' : 'att-chip--absent'}`}>{settled ? '是' : '否'}</View>
          </View>
          {error ? <Text className="diary-page__error">{error}</Text> : null}
          {done ? <Text className="diary-page__saved" data-testid="dues-done">{done}</Text> : null}
          <View className="diary-page__action">
            <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="dues-save">
              登记催缴
            </Button>
          </View>
        </View>
      ) : null}
      <Text className="section-title">本年催缴记录 · {dues.data.length} 条</Text>
      {dues.data.length === 0 ? <StateView kind="empty" title="今年没有党费催缴记录" /> : null}
      <View className="list-group">
        {dues.data.map((d) => (
          <View key={d.id} className="list-row">
            <View className="list-row__main">
              <Text className="list-row__title">
                {d.memberName} · 欠缴 {d.monthsUnpaid} 个月
                {d.settled ? <Text className="badge badge--green">已补缴</Text> : <Text className="badge badge--red">未补缴</Text>}
              </Text>
              <Text className="list-row__sub">
                {chineseDate(d.chasedOn)} · {d.note}
              </Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

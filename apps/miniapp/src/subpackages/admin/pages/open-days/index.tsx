import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { OPEN_DAY_AUDIENCE_LABELS, OPEN_DAY_AUDIENCES, type OpenDayAudience } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { listSections } from '../../../../services/org.api';
import { PUBLICITY_ROUTES, cancelOpenDay, createOpenDay, listOpenDays } from '../../../../services/publicity.api';
import { isoDate } from '../../../../utils/date';
import './index.scss';

function NewOpenDay({ onDone }: { onDone: () => void }) {
  const sections = useAsync(() => listSections().then((list) => list.filter((s) => s.wubiType)), []);
  const [sectionIndex, setSectionIndex] = useState(0);
  const [title, setTitle] = useState('城市管理公众开放日');
  const [date, setDate] = useState(isoDate(new Date(Date.now() + 14 * 86_400_000)));
  const [time, setTime] = useState('09:30');
  const [deadlineDate, setDeadlineDate] = useState(isoDate(new Date(Date.now() + 12 * 86_400_000)));
  const [deadlineTime, setDeadlineTime] = useState('17:00');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [capacity, setCapacity] = useState('30');
  const [audiences, setAudiences] = useState<OpenDayAudience[]>(['citizen', 'merchant', 'representative']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = sections.status === 'success' ? sections.data : [];

  const submit = async () => {
    const section = list[sectionIndex];
    if (!section) return;
    setBusy(true);
    setError(null);
    try {
      await createOpenDay({ sectionId: section.id, title: title.trim(), startsAt: `${date} ${time}`, registrationDeadline: `${deadlineDate} ${deadlineTime}`, place: place.trim(), description: description.trim() || undefined, capacity: Number(capacity), audiences });
      void Taro.showToast({ title: '已发布', icon: 'success' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (a: OpenDayAudience) => setAudiences(audiences.includes(a) ? audiences.filter((x) => x !== a) : [...audiences, a]);

  return (
    <View className="card od-form" data-testid="open-day-form">
      <Text className="section-title">发布公众开放日</Text>
      <Text className="od-form__label">举办处室（参评处室）</Text>
      <Picker mode="selector" range={list.map((s) => s.name)} value={sectionIndex} onChange={(e) => setSectionIndex(Number(e.detail.value))}>
        <View className="od-form__input">{list[sectionIndex]?.name ?? (sections.status === 'loading' ? '加载中…' : '无参评处室')}</View>
      </Picker>
      <Text className="od-form__label">活动名称</Text>
      <Input className="od-form__input" maxlength={100} value={title} onInput={(e) => setTitle(e.detail.value)} data-testid="od-title" />
      <Text className="od-form__label">活动时间</Text>
      <View className="od-form__pair">
        <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
          <View className="od-form__input">{date}</View>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => setTime(e.detail.value)}>
          <View className="od-form__input">{time}</View>
        </Picker>
      </View>
      <Text className="od-form__label">报名截止</Text>
      <View className="od-form__pair">
        <Picker mode="date" value={deadlineDate} onChange={(e) => setDeadlineDate(e.detail.value)}>
          <View className="od-form__input">{deadlineDate}</View>
        </Picker>
        <Picker mode="time" value={deadlineTime} onChange={(e) => setDeadlineTime(e.detail.value)}>
          <View className="od-form__input">{deadlineTime}</View>
        </Picker>
      </View>
      <Text className="od-form__label">地点</Text>
      <Input className="od-form__input" maxlength={200} placeholder="如：市城市管理监督指挥中心一楼大厅" value={place} onInput={(e) => setPlace(e.detail.value)} data-testid="od-place" />
      <Text className="od-form__label">名额</Text>
      <Input className="od-form__input" type="number" maxlength={4} value={capacity} onInput={(e) => setCapacity(e.detail.value)} data-testid="od-capacity" />
      <Text className="od-form__label">邀请对象</Text>
      <View className="od-form__chips">
        {OPEN_DAY_AUDIENCES.map((a) => (
          <View key={a} className={`od-form__chip ${audiences.includes(a) ? 'od-form__chip--on' : ''}`} onClick={() => toggle(a)}>
            {OPEN_DAY_AUDIENCE_LABELS[a]}
          </View>
        ))}
      </View>
      <Text className="od-form__label">活动安排（可不填）</Text>
      <Textarea className="od-form__textarea" maxlength={2000} placeholder="现场参观、座谈交流等" value={description} onInput={(e) => setDescription(e.detail.value)} />
      <Text className="od-form__hint">时间按单位所在时区（北京时间）填写。</Text>
      {error ? <Text className="od-form__error">{error}</Text> : null}
      <View className="main-action">
        <Button type="primary" block size="large" loading={busy} disabled={!list.length || title.trim().length < 2 || place.trim().length < 2 || !audiences.length || !(Number(capacity) > 0)} onClick={() => void submit()} data-testid="od-submit">
          发布
        </Button>
      </View>
    </View>
  );
}

/** 公众开放日: the events with registrations and check-ins per audience; the office publishes new ones. */
export default function OpenDaysPage() {
  const { me } = useSession();
  const list = useAsync(listOpenDays, []);
  const [creating, setCreating] = useState(false);
  const office = me?.role === 'office';

  const toggleCancel = async (id: string, cancelled: boolean) => {
    const r = await Taro.showModal({ title: cancelled ? '取消这次开放日？' : '恢复这次开放日？', content: cancelled ? '取消后不能再报名，已报名的市民在“我的报名”中可看到活动已取消。' : '恢复后可继续报名。' });
    if (!r.confirm) return;
    try {
      await cancelOpenDay(id, cancelled);
      list.reload();
    } catch {
      // toast shown by http.ts
    }
  };

  return (
    <View className="page od">
      {office && !creating ? (
        <View className="main-action od__top">
          <Button type="primary" block size="large" onClick={() => setCreating(true)} data-testid="od-new">
            发布公众开放日
          </Button>
        </View>
      ) : null}
      {creating ? (
        <NewOpenDay
          onDone={() => {
            setCreating(false);
            list.reload();
          }}
        />
      ) : null}
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="还没有公众开放日" description={office ? '点击上方按钮发布' : undefined} />
        ) : (
          list.data.map((od) => (
            <View key={od.id} className="card od__item" data-testid={`od-row-${od.id}`}>
              <View className="od__head">
                <Text className="od__title">{od.title}</Text>
                <Text className={`badge ${od.status === 'open' ? 'badge--green' : od.status === 'cancelled' ? 'badge--red' : 'badge--grey'}`}>{od.statusLabel}</Text>
              </View>
              <Text className="od__meta">
                {od.sectionName} · {od.startsLocal} · {od.place}
              </Text>
              <Text className="od__counts">
                报名 {od.counts.registered}/{od.capacity} · 签到 {od.counts.checkedIn}
              </Text>
              <Text className="od__meta">{od.counts.byAudience.map((a) => `${a.label} ${a.registered}（签到 ${a.checkedIn}）`).join('　')}</Text>
              <View className="od__actions">
                <Button fill="outline" onClick={() => void Taro.navigateTo({ url: `${PUBLICITY_ROUTES.checkIn}?id=${od.id}` })} data-testid={`od-checkin-${od.id}`}>
                  {office ? '签到 / 名单' : '报名名单'}
                </Button>
                {office && od.status !== 'ended' ? (
                  <Button fill="none" onClick={() => void toggleCancel(od.id, !od.cancelled)}>
                    {od.cancelled ? '恢复活动' : '取消活动'}
                  </Button>
                ) : null}
              </View>
            </View>
          ))
        ))}
    </View>
  );
}

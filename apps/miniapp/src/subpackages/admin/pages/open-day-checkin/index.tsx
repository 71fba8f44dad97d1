import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { CHECKIN_CODE_PATTERN, maskMobile, type CheckInResultDto, type OpenDayCountsDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { ApiError, errorMessage } from '../../../../services/http';
import { checkIn, getOpenDay, openDayRegistrations, previewCode } from '../../../../services/publicity.api';
import { chineseDateTime } from '../../../../utils/date';
import './index.scss';

function Counts({ counts }: { counts: OpenDayCountsDto }) {
  return (
    <View className="card ci__counts" data-testid="checkin-counts">
      <View className="ci__totals">
        <View className="ci__total">
          <Text className="ci__num" data-testid="count-registered">
            {counts.registered}
          </Text>
          <Text className="ci__unit">已报名</Text>
        </View>
        <View className="ci__total">
          <Text className="ci__num ci__num--ok" data-testid="count-checked-in">
            {counts.checkedIn}
          </Text>
          <Text className="ci__unit">已签到</Text>
        </View>
        <View className="ci__total">
          <Text className="ci__num ci__num--muted">{counts.capacity}</Text>
          <Text className="ci__unit">名额</Text>
        </View>
      </View>
      {counts.byAudience.map((a) => (
        <View key={a.audience} className="ci__aud" data-testid={`count-${a.audience}`}>
          <Text>{a.label}</Text>
          <Text>
            报名 {a.registered} · 签到 {a.checkedIn}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The office's door: enter a registrant's code, see who it is (phone masked), check them in; counts per audience. */
export default function OpenDayCheckInPage() {
  const router = useRouter();
  const id = router.params?.id ?? '';
  const { me } = useSession();
  const office = me?.role === 'office';
  const event = useAsync(() => getOpenDay(id), [id]);
  const regs = useAsync(() => openDayRegistrations(id), [id]);
  const [counts, setCounts] = useState<OpenDayCountsDto | null>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<CheckInResultDto | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [showPhones, setShowPhones] = useState(false);

  useEffect(() => {
    if (event.status === 'success') setCounts(event.data.counts);
  }, [event.status, event.data]);

  if (!id) return <StateView kind="error" title="缺少活动" />;
  if (event.status === 'loading') return <StateView kind="loading" />;
  if (event.status !== 'success') return <StateView kind={event.status} description={event.error} onRetry={event.reload} />;
  const od = event.data;

  const lookUp = async () => {
    const c = code.trim().toUpperCase().replace(/[\s-]/g, '');
    setResult(null);
    setFound(null);
    if (!CHECKIN_CODE_PATTERN.test(c)) return setResult({ ok: false, text: '请输入 8 位报名码' });
    setBusy(true);
    try {
      const r = await previewCode(id, c);
      setFound(r);
      setCounts(r.counts);
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.message : errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!found) return;
    setBusy(true);
    try {
      const r = await checkIn(id, found.registration.code);
      setCounts(r.counts);
      setFound(null);
      setCode('');
      setResult(
        r.alreadyCheckedIn
          ? { ok: false, text: `${r.registration.name} 已于 ${chineseDateTime(r.registration.checkedInAt!)} 签到，不重复计数` }
          : { ok: true, text: `${r.registration.name}（${r.registration.audienceLabel}）签到成功` },
      );
      regs.reload();
    } catch (err) {
      setResult({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page ci">
      <View className="card">
        <Text className="ci__title">{od.title}</Text>
        <Text className="ci__meta">
          {od.sectionName} · {od.startsLocal} · {od.place} · {od.statusLabel}
        </Text>
      </View>
      {counts ? <Counts counts={counts} /> : null}

      {office ? (
        <View className="card">
          <Text className="ci__label">输入报名者出示的报名码</Text>
          <Input
            className="ci__input"
            placeholder="8 位报名码"
            maxlength={12}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void lookUp()}
            data-testid="checkin-code-input"
          />
          {!found ? (
            <View className="main-action">
              <Button type="primary" block size="large" loading={busy} onClick={() => void lookUp()} data-testid="checkin-lookup">
                查询
              </Button>
            </View>
          ) : (
            <View className="ci__found" data-testid="checkin-found">
              <Text className="ci__found-name">{found.registration.name}</Text>
              <Text className="ci__found-line">
                {found.registration.phone} · {found.registration.audienceLabel}
                {found.registration.organisation ? ` · ${found.registration.organisation}` : ''}
              </Text>
              {found.alreadyCheckedIn ? <Text className="ci__found-warn">已于 {chineseDateTime(found.registration.checkedInAt!)} 签到</Text> : null}
              <View className="main-action">
                <Button type="primary" block size="large" loading={busy} onClick={() => void confirm()} data-testid="checkin-confirm">
                  {found.alreadyCheckedIn ? '再次确认（不重复计数）' : '确认签到'}
                </Button>
              </View>
            </View>
          )}
          {result ? (
            <Text className={result.ok ? 'ci__ok' : 'ci__warn'} data-testid="checkin-result">
              {result.text}
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="ci__list-head">
        <Text className="section-title">报名名单</Text>
        {office ? (
          <Text className="ci__toggle" onClick={() => setShowPhones(!showPhones)}>
            {showPhones ? '隐藏手机号' : '显示完整手机号'}
          </Text>
        ) : null}
      </View>
      {regs.status === 'loading' && <StateView kind="loading" />}
      {(regs.status === 'error' || regs.status === 'offline') && <StateView kind={regs.status} description={regs.error} onRetry={regs.reload} />}
      {regs.status === 'success' &&
        (regs.data.length === 0 ? (
          <StateView kind="empty" title="还没有人报名" />
        ) : (
          <View className="list-group">
            {regs.data.map((r) => (
              <View key={r.id} className="list-row" data-testid="registration-row">
                <View className="list-row__main">
                  <Text className="list-row__title">
                    {r.name}
                    {r.checkedInAt ? <Text className="badge badge--green">已签到</Text> : <Text className="badge badge--grey">未签到</Text>}
                  </Text>
                  <Text className="list-row__sub">
                    {showPhones ? r.phone : maskMobile(r.phone)} · {r.audienceLabel}
                    {r.organisation ? ` · ${r.organisation}` : ''} · {r.code}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}

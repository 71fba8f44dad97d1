import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { GOVERNANCE_ROUTES, handOver } from '../../../../services/governance.api';
import { errorMessage } from '../../../../services/http';
import { listSections } from '../../../../services/org.api';
import { isoDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

/** Hand a matter to another 机关 section: what, by when, whom to contact (五.(六)). */
export default function GovCoordinationNewPage() {
  const { me } = useSession();
  const sections = useAsync(listSections, []);
  const [index, setIndex] = useState(-1);
  const [matter, setMatter] = useState('');
  const [detail, setDetail] = useState('');
  const [deadline, setDeadline] = useState(isoDate(new Date(Date.now() + 5 * 86_400_000)));
  const [contactName, setContactName] = useState(me?.name ?? '');
  const [contactPhone, setContactPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (sections.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (sections.status === 'error' || sections.status === 'offline') return <View className="page"><StateView kind={sections.status} description={sections.error} onRetry={sections.reload} /></View>;
  const targets = sections.data.filter((s) => s.category && s.id !== me?.sectionId);
  const target = targets[index];
  const submit = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const r = await handOver({ toSectionId: target.id, matter: matter.trim(), detail: detail.trim(), deadline, contactName: contactName.trim(), contactPhone: contactPhone.trim() });
      void Taro.redirectTo({ url: `${GOVERNANCE_ROUTES.coordinationDetail}?id=${r.id}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <View className="card">
        <Text className="gv__field">接收处室</Text>
        <Picker mode="selector" range={targets.map((s) => s.name)} value={Math.max(0, index)} onChange={(e) => setIndex(Number(e.detail.value))}>
          <View className="gv__picker" data-testid="coordination-to">
            <Text>{target?.name ?? '请选择'}</Text>
            <Text className="muted">›</Text>
          </View>
        </Picker>
        <Text className="gv__field">衔接事项</Text>
        <Input className="gv__input" value={matter} maxlength={200} data-testid="coordination-matter" onInput={(e) => setMatter(e.detail.value)} />
        <Text className="gv__field">具体要求</Text>
        <Textarea className="gv__textarea" value={detail} maxlength={1000} data-testid="coordination-detail" onInput={(e) => setDetail(e.detail.value)} />
        <Text className="gv__field">办结时限</Text>
        <Picker mode="date" value={deadline} onChange={(e) => setDeadline(e.detail.value)}>
          <View className="gv__picker" data-testid="coordination-deadline">
            <Text>{deadline}</Text>
          </View>
        </Picker>
        <Text className="gv__field">联系人</Text>
        <Input className="gv__input" value={contactName} maxlength={40} data-testid="coordination-contact" onInput={(e) => setContactName(e.detail.value)} />
        <Text className="gv__field">联系电话</Text>
        <Input className="gv__input" type="number" value={contactPhone} maxlength={20} data-testid="coordination-phone" onInput={(e) => setContactPhone(e.detail.value)} />
        {error ? <Text className="gv__error" data-testid="coordination-error">{error}</Text> : null}
        <View className="gv__action">
          <Button type="primary" block size="large" loading={busy} disabled={!target || matter.trim().length < 2 || detail.trim().length < 5 || !contactPhone.trim()} onClick={submit} data-testid="coordination-submit">
            发送
          </Button>
        </View>
      </View>
    </View>
  );
}

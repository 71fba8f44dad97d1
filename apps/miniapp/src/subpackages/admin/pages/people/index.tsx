import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Popup, SearchBar } from '@nutui/nutui-react-taro';
import { ArrowRight, Loading } from '@nutui/icons-react-taro';
import { useMemo, useState } from 'react';
import type { PersonDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { TabBar } from '../../../../components/tab-bar';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage, OfflineError } from '../../../../services/http';
import { createInviteCode, listPeople, listSections, type InviteCode } from '../../../../services/org.api';
import { chineseDateTime } from '../../../../utils/date';
import { positionLabel } from '../../../../utils/labels';
import './index.scss';

interface Issued {
  person: PersonDto;
  invite: InviteCode;
}

function SectionFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const sections = useAsync(listSections, []);
  const list = sections.status === 'success' ? sections.data : [];
  const names = ['全部处室', ...list.map((s) => s.name)];
  const index = value ? list.findIndex((s) => s.id === value) + 1 : 0;
  return (
    <Picker
      mode="selector"
      range={names}
      value={Math.max(0, index)}
      disabled={sections.status !== 'success'}
      onChange={(e) => {
        const i = Number(e.detail.value);
        onChange(i === 0 ? undefined : list[i - 1]?.id);
      }}
    >
      <View className="list-row picker-row" data-testid="section-filter">
        <Text className="picker-row__label">处室</Text>
        <Text className="picker-row__value">
          {sections.status === 'loading' ? '加载中…' : sections.status === 'success' ? names[Math.max(0, index)] : '处室加载失败'}
        </Text>
        <ArrowRight size={14} color="#c9cdd4" />
      </View>
    </Picker>
  );
}

export default function PeoplePage() {
  const { me } = useSession();
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const people = useAsync(() => listPeople(sectionId), [sectionId]);

  const filtered = useMemo(() => {
    if (people.status !== 'success') return [];
    const q = query.trim();
    return q ? people.data.filter((p) => p.name.includes(q) || (p.sectionName ?? '').includes(q)) : people.data;
  }, [people, query]);

  if (!me) return <StateView kind="loading" />;
  if (me.role !== 'office') {
    return (
      <View className="page">
        <StateView kind="error" title="无权访问" description="人员与邀请码仅限考评办（监察室）使用" />
      </View>
    );
  }

  const issue = async (person: PersonDto) => {
    if (pendingId) return;
    setPendingId(person.id);
    try {
      const invite = await createInviteCode(person.id);
      setIssued({ person, invite });
    } catch (err) {
      // http.ts has shown the API's message; the offline case needs one of its own.
      if (err instanceof OfflineError) void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setPendingId(null);
    }
  };

  const copy = (code: string) => {
    void Taro.setClipboardData({ data: code }).then(() => Taro.showToast({ title: '邀请码已复制', icon: 'success' }));
  };

  return (
    <View className="page page--with-tabbar people-page">
      <Text className="notice">点击人员即可为其生成微信绑定邀请码。</Text>
      <View className="list-group">
        <SectionFilter value={sectionId} onChange={setSectionId} />
      </View>
      <View className="people-page__search">
        <SearchBar placeholder="搜索姓名" value={query} onChange={(v: string) => setQuery(v)} onClear={() => setQuery('')} />
      </View>

      {people.status === 'loading' && <StateView kind="loading" />}
      {people.status === 'offline' && <StateView kind="offline" onRetry={people.reload} />}
      {people.status === 'error' && <StateView kind="error" description={people.error} onRetry={people.reload} />}
      {people.status === 'success' &&
        (filtered.length === 0 ? (
          <StateView kind="empty" title={query ? `没有找到“${query.trim()}”` : '该处室暂无人员'} />
        ) : (
          <View>
            <Text className="section-title">共 {filtered.length} 人</Text>
            <View className="list-group">
              {filtered.map((p) => (
                <View
                  key={p.id}
                  className="list-row"
                  hoverClass="list-row--hover"
                  data-testid={`person-row-${p.id}`}
                  onClick={() => void issue(p)}
                >
                  <View className="list-row__main">
                    <Text className="list-row__title">
                      {p.name}
                      {p.bound ? (
                        <Text className="badge badge--green">已绑定微信</Text>
                      ) : (
                        <Text className="badge badge--grey">未绑定</Text>
                      )}
                    </Text>
                    <Text className="list-row__sub">
                      {[p.sectionName ?? '未分配处室', positionLabel(p.position)].filter(Boolean).join(' · ')}
                    </Text>
                  </View>
                  {pendingId === p.id ? (
                    <Loading size={18} color="#1661d8" />
                  ) : (
                    <Text className="people-page__action">生成邀请码</Text>
                  )}
                </View>
              ))}
            </View>
          </View>
        ))}

      <Popup
        visible={issued !== null}
        position="bottom"
        round
        closeable
        onClose={() => setIssued(null)}
        title={issued ? `${issued.person.name} 的邀请码` : ''}
      >
        {issued && (
          <View className="invite">
            <View className="invite__code-box">
              <Text className="invite__code" data-testid="invite-code" userSelect>
                {issued.invite.code}
              </Text>
            </View>
            <Text className="invite__expiry">有效期至 {chineseDateTime(issued.invite.expiresAt)}</Text>
            <Text className="invite__explain">请将邀请码当面交给本人，在微信中首次登录时输入。</Text>
            <View className="main-action">
              <Button type="primary" block size="large" onClick={() => copy(issued.invite.code)} data-testid="copy-invite">
                复制
              </Button>
            </View>
          </View>
        )}
      </Popup>

      <TabBar role={me.role} active="admin" />
    </View>
  );
}

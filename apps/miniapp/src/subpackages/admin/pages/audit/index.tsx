import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { auditPage } from '../../../../services/records.api';
import './index.scss';

const ACTIONS: Record<string, string> = { insert: '新增', update: '修改', delete: '删除', 'update-bulk': '批量修改', 'delete-bulk': '批量删除' };

/** 审计日志 (read-only): who changed what, when, before and after; filter by table and actor. */
export default function AuditPage() {
  const [entity, setEntity] = useState('');
  const [actor, setActor] = useState('');
  const [page, setPage] = useState(1);
  const [applied, setApplied] = useState({ entity: '', actor: '' });
  const list = useAsync(() => auditPage({ entity: applied.entity || undefined, actor: applied.actor || undefined, page }), [applied, page]);

  return (
    <View className="page audit">
      <Text className="notice">日志只追加、以哈希链相连；任何改动或删除都会被 npm run audit:verify 发现。</Text>
      <View className="card">
        <Input className="audit__input" placeholder="数据表，如 incidents" value={entity} onInput={(e) => setEntity(e.detail.value)} />
        <Input className="audit__input" placeholder="操作人编号，如 p039 或 system" value={actor} onInput={(e) => setActor(e.detail.value)} />
        <Button type="primary" size="small" onClick={() => { setPage(1); setApplied({ entity: entity.trim(), actor: actor.trim() }); }}>筛选</Button>
      </View>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' && list.data.items.length === 0 && <StateView kind="empty" title="没有符合条件的记录" />}
      {list.status === 'success' &&
        list.data.items.map((e) => (
          <View key={e.seq} className="card audit__row" data-testid={`audit-${e.seq}`}>
            <Text className="audit__head">#{e.seq} {ACTIONS[e.action] ?? e.action} {e.entity}</Text>
            <Text className="audit__meta">{e.at.replace('T', ' ').slice(0, 19)} UTC · {e.actor}{e.actorRole ? `（${e.actorRole}）` : ''} · {e.entityId ?? ''}</Text>
            {e.before !== null && <Text className="audit__json">前：{JSON.stringify(e.before).slice(0, 300)}</Text>}
            {e.after !== null && <Text className="audit__json">后：{JSON.stringify(e.after).slice(0, 300)}</Text>}
          </View>
        ))}
      {list.status === 'success' && (
        <View className="audit__pager">
          <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>上一页</Button>
          <Text className="audit__meta">第 {page} 页 / 共 {Math.max(1, Math.ceil(list.data.total / list.data.pageSize))} 页</Text>
          <Button size="small" disabled={page * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>下一页</Button>
        </View>
      )}
    </View>
  );
}

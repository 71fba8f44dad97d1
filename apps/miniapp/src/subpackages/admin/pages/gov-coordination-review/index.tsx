import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { COORDINATION_STATUS_LABELS } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { GOVERNANCE_ROUTES, listCoordination } from '../../../../services/governance.api';
import { chineseDate } from '../../../../utils/date';
import '../../../../styles/gov-ui.scss';

const TABS = [
  { review: 'awaiting', label: '待确认' },
  { review: 'confirmed', label: '已认定' },
  { review: 'cleared', label: '不属脱节' },
] as const;

/**
 * 处室衔接核查: records not completed by their deadline (or completed late) wait here — nothing is deducted until the
 * office confirms a break on the record's page, which records a JI-2 incident for verification.
 */
export default function GovCoordinationReviewPage() {
  const [review, setReview] = useState<(typeof TABS)[number]['review']>('awaiting');
  const list = useAsync(() => listCoordination({ review }), [review]);
  useDidShow(() => list.reload());
  return (
    <View className="page">
      <View className="gv__tabs">
        {TABS.map((t) => (
          <View key={t.review} className={`gv__tab ${review === t.review ? 'gv__tab--on' : ''}`} data-testid={`review-tab-${t.review}`} onClick={() => setReview(t.review)}>
            {t.label}
          </View>
        ))}
      </View>
      <Text className="gv__hint">逾期未签收、未办结或逾期办结的衔接事项自动列入待确认，不自动扣分；认定脱节断档后按 JI-2 记录考评事件，经核实计分，当事人可申诉。</Text>
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' && list.data.length === 0 ? <StateView kind="empty" title={review === 'awaiting' ? '没有待确认的衔接事项' : '暂无'} /> : null}
      {list.status === 'success' && list.data.length ? (
        <View className="list-group">
          {list.data.map((r) => (
            <View key={r.id} className="list-row" data-testid={`review-${r.id}`} onClick={() => void Taro.navigateTo({ url: `${GOVERNANCE_ROUTES.coordinationDetail}?id=${r.id}` })}>
              <View className="list-row__main">
                <Text className="list-row__title">
                  {r.matter}
                  <Text className="badge">{COORDINATION_STATUS_LABELS[r.status]}</Text>
                  {r.overdue ? <Text className="badge badge--red">逾期</Text> : null}
                  {r.late ? <Text className="badge badge--red">逾期办结</Text> : null}
                </Text>
                <Text className="list-row__sub">
                  {r.fromSectionName} → {r.toSectionName} · 时限 {chineseDate(r.deadline)}
                  {r.completedOn ? ` · ${chineseDate(r.completedOn)}办结` : ''}
                  {r.handlerName ? ` · 经办 ${r.handlerName}` : ' · 未指定经办人'}
                  {r.responsiblePersonName ? ` · 责任人 ${r.responsiblePersonName}` : ''}
                </Text>
              </View>
              <Text className="list-row__arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

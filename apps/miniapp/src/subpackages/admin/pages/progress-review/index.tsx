import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { BoardSummaryDto } from '@kaoping/contracts';
import { BoardView, ProgressBar } from '../../../../components/progress-board';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { approveBoard, getBoard, listBoards, returnBoard } from '../../../../services/publicity.api';
import { chineseDateTime } from '../../../../utils/date';
import './index.scss';

/** The office reviews one section's submitted board: approve (it goes public) or return with a reason. */
function Review({ row, onDone }: { row: BoardSummaryDto; onDone: () => void }) {
  const board = useAsync(() => getBoard(row.sectionId, row.year), [row.sectionId, row.year]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showPublished, setShowPublished] = useState(false);
  if (board.status === 'loading') return <StateView kind="loading" />;
  if (board.status !== 'success') return <StateView kind={board.status} description={board.error} onRetry={board.reload} />;
  const b = board.data;
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      board.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="board-review">
      <View className="card">
        <Text className="pr__name">
          {b.sectionName} · {b.year} 年度
        </Text>
        <Text className="pr__meta">
          {b.statusLabel}
          {b.submittedAt ? ` · ${chineseDateTime(b.submittedAt)} 提交` : ''}
          {b.publishedAt ? ` · 上次公示 ${chineseDateTime(b.publishedAt)}` : ''}
        </Text>
        {b.published ? (
          <View className="pr__toggle" onClick={() => setShowPublished(!showPublished)}>
            {showPublished ? '查看待审核的内容' : '对照查看当前公示的版本'}
          </View>
        ) : null}
      </View>
      {showPublished && b.published ? <Text className="notice">以下是公众目前看到的版本</Text> : <Text className="notice">以下是处室提交的内容，审核通过后向公众公示</Text>}
      <BoardView content={showPublished && b.published ? b.published : b.draft} />
      {b.canReview ? (
        <View className="card">
          <Text className="pr__label">退回意见（退回时必填）</Text>
          <Textarea className="pr__textarea" placeholder="请写明需要修改的地方" maxlength={500} value={reason} onInput={(e) => setReason(e.detail.value)} data-testid="return-reason" />
          {error ? <Text className="pr__error">{error}</Text> : null}
          <View className="main-action">
            <Button type="primary" block size="large" loading={busy} onClick={() => void act(() => approveBoard(b.sectionId, b.year, b.revision))} data-testid="board-approve">
              审核通过并公示
            </Button>
          </View>
          <View className="main-action">
            <Button block fill="outline" disabled={reason.trim().length < 2 || busy} onClick={() => void act(() => returnBoard(b.sectionId, b.year, b.revision, reason.trim()))} data-testid="board-return">
              退回修改
            </Button>
          </View>
        </View>
      ) : (
        <Text className="notice">当前状态为“{b.statusLabel}”，无需审核。</Text>
      )}
    </View>
  );
}

/** 进度公示审核: every participating section's board for the year and its status; leaders read it too. */
export default function ProgressReviewPage() {
  const { me } = useSession();
  const year = new Date().getFullYear();
  const list = useAsync(() => listBoards(year), [year]);
  const [open, setOpen] = useState<BoardSummaryDto | null>(null);

  if (open) {
    return (
      <View className="page pr">
        <View className="pr__back" onClick={() => setOpen(null)}>
          ‹ 返回列表
        </View>
        <Review
          row={open}
          onDone={() => {
            setOpen(null);
            list.reload();
          }}
        />
      </View>
    );
  }

  return (
    <View className="page pr">
      <Text className="notice">
        {me?.role === 'office' ? '参评处室提交的进度公示经审核通过后向公众公开；修改已公示的内容须重新审核，期间公众看到原版本。' : '各参评处室本年度进度公示情况。'}
      </Text>
      {list.status === 'loading' && <StateView kind="loading" />}
      {list.status === 'offline' && <StateView kind="offline" onRetry={list.reload} />}
      {list.status === 'error' && <StateView kind="error" description={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <StateView kind="empty" title="暂无参评处室" />
        ) : (
          <View className="list-group">
            {list.data.map((b) => (
              <View key={b.sectionId} className="list-row pr__row" hoverClass="list-row--hover" onClick={() => b.status !== 'none' && setOpen(b)} data-testid={`board-row-${b.sectionId}`}>
                <View className="list-row__main">
                  <Text className="list-row__title">
                    {b.sectionName}
                    <Text className={`badge ${b.status === 'submitted' ? 'badge--red' : b.status === 'approved' ? 'badge--green' : 'badge--grey'}`}>{b.statusLabel}</Text>
                  </Text>
                  {b.status !== 'none' ? <ProgressBar percent={b.averagePercent} /> : null}
                  <Text className="list-row__sub">
                    重点工作 {b.taskCount} 项{b.publishedAt ? ` · 公示于 ${chineseDateTime(b.publishedAt)}` : ' · 尚未公示'}
                  </Text>
                </View>
                {b.status !== 'none' ? <Text className="list-row__arrow">›</Text> : null}
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}

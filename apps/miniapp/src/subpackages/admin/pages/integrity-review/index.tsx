import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { INTEGRITY_STATUS_LABELS, type IntegrityReportDto, type IntegrityStatus } from '@kaoping/contracts';
import { EvidenceFiles } from '../../../../components/evidence-files';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { integrityQueue, reviewIntegrity } from '../../../../services/ledgers.api';
import { chineseDate } from '../../../../utils/date';
import '../ledger-ui.scss';

const TABS: { status: IntegrityStatus; label: string }[] = [
  { status: 'submitted', label: '待审核' },
  { status: 'approved', label: '已归档' },
  { status: 'returned', label: '已退回' },
];

const committee = (r: IntegrityReportDto) => r.reviewBody === 'party_committee';

/** One report: text, attachments, and the decision (for chiefs and deputies: the party committee's, recorded here). */
function ReportDetail({ report, onBack, onDone }: { report: IntegrityReportDto; onBack: () => void; onDone: (msg: string) => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approved' | 'returned' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = report.status === 'submitted';
  const decide = async (decision: 'approved' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) {
      setError('退回时请写明修改意见');
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      await reviewIntegrity(report.id, decision, comment.trim());
      onDone(decision === 'approved' ? `${report.personName}的述廉报告已审核通过，存入廉政档案` : `已退回${report.personName}修改`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="page" data-testid="integrity-detail">
      <Text className="lp__link" onClick={onBack} data-testid="integrity-back">
        ‹ 返回列表
      </Text>
      <View className="card">
        <Text className="section-title">
          {report.personName} · {report.year} 年度述廉报告 · {INTEGRITY_STATUS_LABELS[report.status]}
        </Text>
        {committee(report) ? (
          <Text className="lp__committee" data-testid="integrity-committee">
            报局党委会审核：正、副处长的述廉报告由局党委会审核，考评办在此登记党委会的决定。
          </Text>
        ) : (
          <Text className="lp__hint">由政治处、监察室审核。报告和附件仅本人与考评办可查看。</Text>
        )}
        {report.submittedAt ? <Text className="lp__hint">提交于 {chineseDate(report.submittedAt.slice(0, 10))}</Text> : null}
        <Text className="lp__body" data-testid="integrity-body">
          {report.body}
        </Text>
        {report.attachments.length ? (
          <View className="lp__files">
            <Text className="lp__hint">附件 {report.attachments.length} 个（点图片查看大图）</Text>
            <EvidenceFiles files={report.attachments} testId="integrity-files" />
          </View>
        ) : null}
        {report.reviewComment ? <Text className="lp__hint">审核意见：{report.reviewComment}</Text> : null}
      </View>
      {pending ? (
        <View className="card">
          <Text className="section-title">{committee(report) ? '登记局党委会决定' : '审核'}</Text>
          <Textarea
            className="lp__textarea"
            data-testid="integrity-comment"
            value={comment}
            maxlength={1000}
            placeholder={committee(report) ? '党委会意见（退回时必填），如：经 X 月 X 日局党委会审议通过' : '审核意见（退回时必填）'}
            onInput={(e) => {
              setComment(e.detail.value);
              setError(null);
            }}
          />
          {error ? <Text className="lp__error" data-testid="integrity-error">{error}</Text> : null}
          <View className="lp__action">
            <Button type="primary" block size="large" loading={busy === 'approved'} disabled={!!busy} onClick={() => decide('approved')} data-testid="integrity-approve">
              {committee(report) ? '党委会审核通过，存入廉政档案' : '审核通过，存入廉政档案'}
            </Button>
          </View>
          <View className="lp__action">
            <Button type="default" block size="large" loading={busy === 'returned'} disabled={!!busy} onClick={() => decide('returned')} data-testid="integrity-return">
              {committee(report) ? '党委会退回修改' : '退回修改'}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 考评办述廉审核: the year's submitted reports; approve into the 廉政档案 or return with a comment. */
export default function IntegrityReviewPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState<IntegrityStatus>('submitted');
  const list = useAsync(() => integrityQueue(year, status), [year, status]);
  const [open, setOpen] = useState<IntegrityReportDto | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (open) {
    return (
      <ReportDetail
        key={open.id}
        report={open}
        onBack={() => setOpen(null)}
        onDone={(msg) => {
          setOpen(null);
          setDone(msg);
          list.reload();
        }}
      />
    );
  }
  return (
    <View className="page">
      <View className="lp__tabs">
        {[thisYear, thisYear - 1].map((y) => (
          <View key={y} className={`lp__tab ${year === y ? 'lp__tab--on' : ''}`} data-testid={`integrity-year-${y}`} onClick={() => setYear(y)}>
            {y} 年度
          </View>
        ))}
      </View>
      <View className="lp__tabs">
        {TABS.map((t) => (
          <View key={t.status} className={`lp__tab ${status === t.status ? 'lp__tab--on' : ''}`} data-testid={`integrity-tab-${t.status}`} onClick={() => setStatus(t.status)}>
            {t.label}
          </View>
        ))}
      </View>
      {done ? (
        <Text className="lp__ok" data-testid="integrity-done">
          {done}
        </Text>
      ) : null}
      {list.status === 'loading' ? <StateView kind="loading" /> : null}
      {list.status === 'error' || list.status === 'offline' ? <StateView kind={list.status} description={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' && list.data.length === 0 ? <StateView kind="empty" title={status === 'submitted' ? '没有待审核的述廉报告' : '暂无'} /> : null}
      {list.status === 'success' && list.data.length > 0 ? (
        <View className="list-group">
          {list.data.map((r) => (
            <View key={r.id} className="list-row" hoverClass="list-row--hover" data-testid={`integrity-row-${r.personId}`} onClick={() => setOpen(r)}>
              <View className="list-row__main">
                <Text className="list-row__title">
                  {r.personName}
                  {committee(r) ? <Text className="badge badge--red">报局党委会审核</Text> : <Text className="badge">政治处、监察室</Text>}
                </Text>
                <Text className="list-row__sub">
                  {INTEGRITY_STATUS_LABELS[r.status]}
                  {r.submittedAt ? ` · 提交于 ${chineseDate(r.submittedAt.slice(0, 10))}` : ''}
                  {r.attachments.length ? ` · 附件 ${r.attachments.length} 个` : ''}
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

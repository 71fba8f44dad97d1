import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { INTEGRITY_STATUS_LABELS } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { errorMessage } from '../../../../services/http';
import { myIntegrityReport, saveIntegrityReport } from '../../../../services/ledgers.api';
import '../diary/index.scss';

/** 年度述廉报告: write, save a draft, submit to 政治处/监察室 (chiefs: the party committee). Only you and the office read it. */
export default function IntegrityPage() {
  const year = new Date().getFullYear();
  const data = useAsync(() => myIntegrityReport(year), [year]);
  const [body, setBody] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const report = data.data.report;
  const locked = report?.status === 'submitted' || report?.status === 'approved';
  const text = body ?? report?.body ?? '';
  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await saveIntegrityReport(year, text, submit);
      setBody(null);
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page diary-page">
      <View className="card">
        <Text className="diary-page__date">{year} 年度述廉报告</Text>
        <Text className="diary-page__hint">
          {report ? `状态：${INTEGRITY_STATUS_LABELS[report.status]}` : '尚未填写'}
          {report?.reviewBody === 'party_committee' ? ' · 由局党委会审核' : ' · 由政治处、监察室审核'}。审核通过后存入个人廉政档案，仅本人和考评办可查看。
        </Text>
        {report?.reviewComment ? <Text className="diary-page__error">审核意见：{report.reviewComment}</Text> : null}
        <Textarea className="diary-page__textarea" value={text} disabled={locked} maxlength={20000} placeholder="本年度廉洁自律情况……" onInput={(e) => setBody(e.detail.value)} />
        {error ? <Text className="diary-page__error">{error}</Text> : null}
        {!locked ? (
          <View className="diary-page__action">
            <Button type="primary" block size="large" loading={busy} onClick={() => save(true)}>
              提交审核
            </Button>
            <Text className="diary-page__link" onClick={() => save(false)}>
              仅保存草稿
            </Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}

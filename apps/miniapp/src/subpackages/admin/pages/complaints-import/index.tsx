import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ApiErrorBody, ImportResult, ImportRowError } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { platform } from '../../../../platform';
import { uploadFile } from '../../../../services/transfer';
import { importUrl } from '../../../../services/complaints.api';
import '../complaints/complaints.scss';

type Result = { kind: 'ok'; data: ImportResult } | { kind: 'bad'; message: string; rows: ImportRowError[] } | { kind: 'offline' };

/** 热线导入: 12319/12345 work orders from .xlsx or .csv; all rows or none. */
export default function ComplaintImportPage() {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const pick = async () => {
    const file = await platform.chooseFile(['xlsx', 'csv']);
    if (!file) return;
    setPending(true);
    setResult(null);
    try {
      const res = await uploadFile(file, importUrl());
      if (res.statusCode === 200) setResult({ kind: 'ok', data: res.body as ImportResult });
      else {
        const body = res.body as Omit<ApiErrorBody, 'details'> & { details?: ImportRowError[] };
        setResult({ kind: 'bad', message: body.message ?? `导入失败（${res.statusCode}）`, rows: (body.details ?? []).filter((d) => typeof d.row === 'number') });
      }
    } catch {
      setResult({ kind: 'offline' });
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="page cw">
      <Text className="notice">
        支持 Excel（.xlsx）或 CSV（UTF-8）。第 1 行为表头，须有“工单编号、受理时间、诉求内容”，可选“承办单位、来源、类别、办结时限、联系电话”。任何一行有错，整份文件不导入。
      </Text>
      <View className="main-action">
        <Button type="primary" block size="large" loading={pending} onClick={() => void pick()} data-testid="import-pick">
          选择文件并导入
        </Button>
      </View>
      {result?.kind === 'offline' && <StateView kind="offline" onRetry={() => void pick()} />}
      {result?.kind === 'ok' && <StateView kind="empty" title={`已导入 ${result.data.imported} 条工单`} description="可在投诉工作台中交办" />}
      {result?.kind === 'bad' && (
        <View className="cw__item" data-testid="import-errors">
          <Text className="section-title">未导入：{result.message}</Text>
          {result.rows.map((r, i) => (
            <Text key={i} className="cw__cost">
              {r.message}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

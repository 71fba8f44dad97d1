import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { IncidentImportError, IncidentImportResult } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { platform } from '../../../../platform';
import { incidentImportUrl, incidentTemplateUrl } from '../../../../services/records.api';
import { ROUTES } from '../../../../services/routes';
import '../wubi.scss';
import { openDownload, uploadFile } from '../../../../services/transfer';

type Result = { kind: 'ok'; data: IncidentImportResult } | { kind: 'bad'; message: string; rows: IncidentImportError[] } | { kind: 'offline' };

/** 考评事件导入 (office): the template, then a filled .xlsx; all rows or none, every bad row listed. */
export default function IncidentImportPage() {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const template = () =>
    void openDownload(incidentTemplateUrl(), '考评事件导入模板.xlsx').catch(() => Taro.showToast({ title: '模板下载失败，请稍后重试', icon: 'none' }));

  const pick = async () => {
    const file = await platform.chooseFile(['xlsx']);
    if (!file) return;
    setPending(true);
    setResult(null);
    try {
      const res = await uploadFile(file, incidentImportUrl());
      if (res.statusCode === 200 || res.statusCode === 201) setResult({ kind: 'ok', data: res.body as IncidentImportResult });
      else {
        const body = (res.body ?? {}) as { message?: string; details?: IncidentImportError[] };
        setResult({ kind: 'bad', message: body.message ?? `导入失败（${res.statusCode}）`, rows: (body.details ?? []).filter((d) => typeof d.row === 'number') });
      }
    } catch {
      setResult({ kind: 'offline' });
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="page wr">
      <View className="card">
        <Text className="wr__kind-title">1. 下载模板并填写</Text>
        <Text className="wr__text">列：细则编号、情形、人员编号、发生日期、事实经过。一行一件事件，导入后为“待核实”，由考评办逐件核实。</Text>
        <View className="main-action" style={{ marginTop: '16px' }}>
          <Button block fill="outline" data-testid="incident-import-template" onClick={template}>
            下载导入模板（Excel）
          </Button>
        </View>
      </View>
      <View className="card">
        <Text className="wr__kind-title">2. 上传填好的文件</Text>
        <Text className="wr__text">仅支持 .xlsx。任何一行有错，整份文件不导入，并逐行列出错误。</Text>
        <View className="main-action" style={{ marginTop: '16px' }}>
          <Button type="primary" block loading={pending} data-testid="incident-import-pick" onClick={() => void pick()}>
            选择文件并导入
          </Button>
        </View>
      </View>
      {result?.kind === 'offline' && <StateView kind="offline" onRetry={() => void pick()} />}
      {result?.kind === 'ok' && (
        <View data-testid="incident-import-ok">
          <StateView kind="empty" title={`已导入 ${result.data.imported} 件考评事件`} description="均为“待核实”，请到考评事件中核实">
            <View className="main-action">
              <Button type="primary" block onClick={() => void Taro.redirectTo({ url: `${ROUTES.officerIncidents}?tab=pending` })}>
                去核实
              </Button>
            </View>
          </StateView>
        </View>
      )}
      {result?.kind === 'bad' && (
        <View className="card" data-testid="incident-import-errors">
          <Text className="wr__kind-title">未导入</Text>
          <Text className="wr__text">{result.message}</Text>
          {result.rows.map((r, i) => (
            <Text key={i} className="wr__error-row" data-testid="incident-import-error-row">
              {r.message.startsWith('第') ? r.message : `第 ${r.row} 行：${r.message}`}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

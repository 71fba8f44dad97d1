import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { EvidenceFileDto } from '@kaoping/contracts';
import { apiBase } from '../../services/http';
import './index.scss';
import { openDownload } from '../../services/transfer';

export interface EvidenceFilesProps {
  files: EvidenceFileDto[];
  /** Where a PDF is downloaded from (default: its signed preview URL). */
  pdfUrl?: (f: EvidenceFileDto) => string;
  /** Shown when there are no files; nothing when omitted. */
  emptyText?: string;
  testId?: string;
}

/** Image thumbnails from signed preview URLs (tap → full-screen preview); PDFs as a row that downloads/opens them. */
export function EvidenceFiles({ files, pdfUrl, emptyText, testId }: EvidenceFilesProps) {
  if (files.length === 0) return emptyText ? <Text className="muted">{emptyText}</Text> : null;
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const urls = images.map((f) => `${apiBase()}${f.previewUrl}`);
  const pdfs = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <View className="evidence" data-testid={testId}>
      {images.length > 0 && (
        <View className="evidence__thumbs">
          {images.map((f, n) => (
            <Image
              key={f.id}
              className="evidence__thumb"
              src={urls[n]!}
              mode="aspectFill"
              data-testid={`evidence-thumb-${f.id}`}
              onClick={() => void Taro.previewImage({ urls, current: urls[n]! })}
            />
          ))}
        </View>
      )}
      {pdfs.map((f, n) => (
        <View
          key={f.id}
          className="evidence__pdf"
          hoverClass="list-row--hover"
          data-testid={`evidence-pdf-${f.id}`}
          onClick={() => void openDownload(pdfUrl ? pdfUrl(f) : `${apiBase()}${f.previewUrl}`, `附件${n + 1}.pdf`).catch(() => Taro.showToast({ title: '打开失败，请稍后重试', icon: 'none' }))}
        >
          <Text className="evidence__pdf-badge">PDF</Text>
          <Text className="evidence__pdf-name">附件 {n + 1}（点击打开）</Text>
        </View>
      ))}
    </View>
  );
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** A printable A4 poster: the section's name, the survey title and the QR code (inline SVG from `qrcode`). */
export function qrSheetHtml(p: { title: string; sectionName: string; periodEnd: string; svg: string }): string {
  // the SVG comes from the qrcode package (paths only); strip anything that is not the <svg> element to be safe
  const svg = /<svg[\s\S]*<\/svg>/.exec(p.svg)?.[0] ?? '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(p.sectionName)} 满意度评价二维码</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; text-align: center; color: #1d2129; margin: 0; }
.sheet { width: 174mm; margin: 0 auto; padding-top: 10mm; }
h1 { font-size: 30pt; margin: 0 0 6mm; }
h2 { font-size: 16pt; font-weight: normal; margin: 0 0 12mm; color: #4e5969; }
.qr { width: 120mm; height: 120mm; margin: 0 auto; }
.qr svg { width: 100%; height: 100%; }
p { font-size: 14pt; line-height: 1.7; margin: 8mm 0 0; }
.small { font-size: 11pt; color: #86909c; }
@media screen { body { background: #f2f3f5; } .sheet { background: #fff; min-height: 260mm; padding: 14mm; } }
</style></head>
<body><div class="sheet">
<h1>${escapeHtml(p.sectionName)}</h1>
<h2>${escapeHtml(p.title)}</h2>
<div class="qr">${svg}</div>
<p>请用微信扫一扫，对我们的服务进行评价</p>
<p class="small">匿名评价，每人限评一次 · 评价截止 ${escapeHtml(p.periodEnd)}</p>
</div></body></html>`;
}

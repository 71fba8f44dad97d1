import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintCategory,
  type ComplaintSource,
  type ImportResult,
  type ImportRowError,
} from '@kaoping/contracts';
import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';
import { isDateOnly } from '../common/http/validation.js';
import { Section } from '../org/section.entity.js';
import { safeCell } from './complaint-workflow.js';
import { Complaint } from './complaint.entity.js';
import { ComplaintsService } from './complaints.service.js';

export const MAX_IMPORT_ROWS = 2000;

/** Column → accepted header texts (first match wins; case and spaces ignored). */
const HEADERS = {
  ticketNo: ['工单编号', '工单号', '编号', 'ticketno', 'ticket'],
  time: ['受理时间', '来电时间', '时间', 'time', 'receivedat'],
  content: ['诉求内容', '内容', '问题描述', 'content'],
  section: ['承办单位', '办理单位', '处室', 'section'],
  source: ['来源', '渠道', 'source'],
  category: ['类别', '投诉类别', 'category'],
  deadline: ['办结时限', '时限', 'deadline'],
  contactPhone: ['联系电话', '电话', 'phone'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['ticketNo', 'time', 'content'];
const LABEL: Record<Column, string> = { ticketNo: '工单编号', time: '受理时间', content: '诉求内容', section: '承办单位', source: '来源', category: '类别', deadline: '办结时限', contactPhone: '联系电话' };

type Cell = string | number | Date | null;

/** RFC 4180-ish CSV: quotes, doubled quotes, CRLF, a UTF-8 BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Local wall-clock `YYYY-MM-DD[ T]HH:mm[:ss]` (or with /) in `timeZone` → instant. */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1);
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(se)] as const;
  const guess = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  const check = new Date(guess);
  if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  // offset of the zone at that moment
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(fmt.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
  const asZone = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return new Date(guess - (asZone - guess));
}

function cellText(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v);
}

@Injectable()
export class ComplaintImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    private readonly complaints: ComplaintsService,
  ) {}

  private async readRows(file: { buffer: Buffer; originalname?: string }): Promise<Cell[][]> {
    const name = (file.originalname ?? '').toLowerCase();
    const isZip = file.buffer.length > 4 && file.buffer[0] === 0x50 && file.buffer[1] === 0x4b;
    if (isZip || name.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(file.buffer as unknown as ArrayBuffer);
      } catch {
        throw DomainError.invalid('file', '无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 后重试');
      }
      const ws = wb.worksheets[0];
      if (!ws) throw DomainError.invalid('file', 'Excel 文件中没有工作表');
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const values = row.values as unknown[];
        rows.push(values.slice(1).map(cellText));
      });
      return rows;
    }
    const text = file.buffer.toString('utf8');
    if (text.includes('\uFFFD') || text.includes('\u0000')) throw DomainError.invalid('file', '请上传 UTF-8 编码的 CSV 或 .xlsx 文件');
    return parseCsv(text);
  }

  /** All-or-nothing: every row is checked first; any error → 400 listing each bad row, nothing written. */
  async import(user: PersonPrincipal, file: { buffer: Buffer; originalname?: string } | undefined): Promise<ImportResult> {
    if (!file || !file.buffer?.length) throw DomainError.invalid('file', '请选择要导入的 Excel（.xlsx）或 CSV 文件');
    const rows = await this.readRows(file);
    if (rows.length < 2) throw DomainError.invalid('file', '文件中没有数据行（第 1 行为表头）');
    if (rows.length - 1 > MAX_IMPORT_ROWS) throw DomainError.invalid('file', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);

    const header = rows[0]!.map((h) => String(h ?? '').replace(/\s/g, '').toLowerCase());
    const index = {} as Record<Column, number>;
    for (const col of Object.keys(HEADERS) as Column[]) {
      index[col] = header.findIndex((h) => (HEADERS[col] as readonly string[]).includes(h));
    }
    const missing = REQUIRED.filter((c) => index[c] < 0);
    if (missing.length) {
      throw new DomainError('VALIDATION_FAILED', `表头缺少：${missing.map((c) => LABEL[c]).join('、')}（第 1 行应为表头）`, 'file', missing.map((c) => ({ row: 1, field: c, message: `缺少“${LABEL[c]}”列` }) as ImportRowError & { field: string }));
    }

    const sections = await this.ds.getRepository(Section).find();
    const byName = new Map(sections.map((s) => [s.name, s.id]));
    const errors: ImportRowError[] = [];
    const items: Parameters<ComplaintsService['insertItem']>[2][] = [];
    const seen = new Map<string, number>();
    const text = (r: Cell[], c: Column): string => {
      const v = index[c] >= 0 ? r[index[c]] : null;
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return v.toISOString();
      return String(v).trim();
    };

    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!;
      const rowNo = i + 1;
      const err = (field: string, message: string) => errors.push({ row: rowNo, field, message: `第 ${rowNo} 行：${message}` });
      const ticketNo = text(r, 'ticketNo');
      if (!ticketNo) err('ticketNo', '工单编号不能为空');
      else if (!/^[A-Za-z0-9_-]{1,40}$/.test(ticketNo)) err('ticketNo', '工单编号只能包含字母、数字、- 和 _（最多 40 位）');
      else if (seen.has(ticketNo)) err('ticketNo', `工单编号 ${ticketNo} 与第 ${seen.get(ticketNo)} 行重复`);
      else seen.set(ticketNo, rowNo);

      const rawTime = index.time >= 0 ? r[index.time] : null;
      let receivedAt: Date | null = null;
      if (rawTime instanceof Date) {
        // Excel stores wall-clock time; exceljs hands it over as if it were UTC
        receivedAt = parseLocalDateTime(rawTime.toISOString().slice(0, 19).replace('T', ' '), this.env.BUREAU_TIMEZONE);
      } else if (rawTime !== null && rawTime !== undefined && String(rawTime).trim()) {
        receivedAt = parseLocalDateTime(String(rawTime), this.env.BUREAU_TIMEZONE);
      }
      if (!receivedAt) err('time', '受理时间格式应为 YYYY-MM-DD HH:mm');

      const content = text(r, 'content');
      if (content.length < 2) err('content', '诉求内容不能为空');
      else if (content.length > 2000) err('content', '诉求内容不能超过 2000 字');

      const sectionName = text(r, 'section');
      const sectionId = sectionName ? (byName.get(sectionName) ?? null) : null;
      if (sectionName && !sectionId) err('section', `承办单位“${sectionName.slice(0, 30)}”不是本局处室`);

      const rawSource = text(r, 'source');
      let source: ComplaintSource = '12319';
      if (rawSource.includes('12345')) source = '12345';
      else if (rawSource && !rawSource.includes('12319')) err('source', '来源应为 12319 或 12345');

      const rawCategory = text(r, 'category');
      let category: ComplaintCategory = 'other';
      if (rawCategory) {
        const found = COMPLAINT_CATEGORIES.find((c) => c === rawCategory || COMPLAINT_CATEGORY_LABELS[c] === rawCategory);
        if (found) category = found;
        else err('category', `类别应为：${COMPLAINT_CATEGORIES.map((c) => COMPLAINT_CATEGORY_LABELS[c]).join('、')}`);
      }

      const deadline = text(r, 'deadline').slice(0, 10).replace(/\//g, '-');
      if (deadline && !isDateOnly(deadline)) err('deadline', '办结时限格式应为 YYYY-MM-DD');

      const phone = text(r, 'contactPhone');
      if (phone && !/^[0-9+\-\s()]{5,20}$/.test(phone)) err('contactPhone', '联系电话格式不正确');

      if (receivedAt && ticketNo) {
        items.push({ source, ticketNo, category, content, sectionId, personId: null, contactName: null, contactPhone: phone || null, receivedAt, deadline: deadline || null });
      }
    }

    const tickets = [...seen.keys()];
    for (let k = 0; k < tickets.length; k += 500) {
      const existing = await this.ds.getRepository(Complaint).find({ where: { ticketNo: In(tickets.slice(k, k + 500)) }, select: { ticketNo: true } });
      for (const e of existing) {
        const rowNo = seen.get(e.ticketNo!)!;
        errors.push({ row: rowNo, field: 'ticketNo', message: `第 ${rowNo} 行：工单编号 ${e.ticketNo} 已导入过` });
      }
    }

    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      throw new DomainError('VALIDATION_FAILED', `${errors.length} 处错误，未导入任何数据。${errors[0]!.message}`, 'file', errors as (ImportRowError & { field: string })[]);
    }
    const ids = await this.ds.transaction(async (em) => {
      const out: string[] = [];
      for (const item of items) out.push((await this.complaints.insertItem(em, user.id, item, 'import')).id);
      return out;
    });
    return { imported: ids.length, ids };
  }

  /** The monthly summary as .xlsx: 汇总 + 明细. User text never becomes a formula. */
  async exportSummary(month: string): Promise<Buffer> {
    const summary = await this.complaints.summary(month);
    const items = await this.complaints.monthItems(month);
    const sections = await this.complaints.sectionNames();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Kaoping';
    const s = wb.addWorksheet('汇总');
    s.columns = [{ width: 24 }, { width: 12 }];
    s.addRow([`${month} 行政效能投诉汇总`]).font = { bold: true, size: 14 };
    s.addRow(['投诉总数', summary.total]);
    s.addRow(['超期未办结/超期办结', summary.overdue]);
    s.addRow(['已认定', summary.concluded]);
    s.addRow(['查实', summary.verified]);
    s.addRow(['查实率', summary.verifiedRate === null ? '—' : `${(summary.verifiedRate * 100).toFixed(1)}%`]);
    s.addRow([]);
    s.addRow(['按类别', '件数']).font = { bold: true };
    for (const c of summary.byCategory) s.addRow([c.label, c.count]);
    s.addRow([]);
    s.addRow(['按处室', '件数']).font = { bold: true };
    for (const c of summary.bySection) s.addRow([safeCell(c.sectionName), c.count]);
    s.addRow([]);
    s.addRow(['按状态', '件数']).font = { bold: true };
    for (const c of summary.byStatus) s.addRow([c.label, c.count]);

    const d = wb.addWorksheet('明细');
    d.columns = [
      { header: '受理时间', width: 18 },
      { header: '来源', width: 14 },
      { header: '工单编号', width: 16 },
      { header: '类别', width: 10 },
      { header: '处室', width: 14 },
      { header: '状态', width: 10 },
      { header: '办结时限', width: 12 },
      { header: '超期', width: 6 },
      { header: '内容', width: 60 },
    ];
    d.getRow(1).font = { bold: true };
    for (const c of items) {
      const sec = c.assignedSectionId ?? c.sectionId;
      d.addRow([
        this.complaints.localDay(c.receivedAt),
        COMPLAINT_SOURCE_LABELS[c.source],
        safeCell(c.ticketNo),
        COMPLAINT_CATEGORY_LABELS[c.category],
        safeCell(sec ? (sections.get(sec) ?? sec) : ''),
        COMPLAINT_STATUS_LABELS[c.status],
        c.deadline ?? '',
        this.complaints.isOverdueItem(c) ? '是' : '',
        safeCell(c.content),
      ]);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

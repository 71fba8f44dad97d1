import ExcelJS from 'exceljs';
import type { IncidentImportError } from '@kaoping/contracts';
import { INCIDENT_RULES, INCIDENT_VARIANTS } from '@kaoping/contracts';
import { isDateOnly } from '../common/http/validation.js';
import type { NewIncident } from './incidents.service.js';

/** Columns of the import sheet, in order (row 1 is the header). */
export const IMPORT_COLUMNS = [
  { key: 'rule', header: '细则编号' },
  { key: 'variant', header: '情形' },
  { key: 'personId', header: '人员编号' },
  { key: 'date', header: '发生日期' },
  { key: 'description', header: '事实经过' },
] as const;

const VARIANT_WORDS: Record<string, string> = { 缺席: 'absent', 迟到: 'late', 不服从安排: 'refused', 拒不参加: 'refused' };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

export interface ParsedRow {
  row: number;
  input: NewIncident;
}

/** Reads and shape-checks the rows; every problem is a `{ row, field, message }`. */
export async function parseIncidentSheet(bytes: Buffer): Promise<{ rows: ParsedRow[]; errors: IncidentImportError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, field: 'file', message: '无法读取文件，请上传 .xlsx 格式的 Excel 文件' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ row: 0, field: 'file', message: '文件中没有工作表' }] };
  const rows: ParsedRow[] = [];
  const errors: IncidentImportError[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const vals = IMPORT_COLUMNS.map((_c, i) => cellText(r.getCell(i + 1).value));
    if (vals.every((v) => v === '')) return;
    const [rule, variantText, personId, date, description] = vals as [string, string, string, string, string];
    const bad = (field: string, message: string) => errors.push({ row: n, field, message: `第 ${n} 行：${message}` });
    const before = errors.length;
    if (!(INCIDENT_RULES as readonly string[]).includes(rule)) bad('rule', `细则编号“${rule}”不是可记录的事件类细则`);
    const variant = variantText ? (VARIANT_WORDS[variantText] ?? variantText) : undefined;
    if (variant && !(INCIDENT_VARIANTS as readonly string[]).includes(variant)) bad('variant', `情形“${variantText}”无效（缺席、迟到、不服从安排）`);
    if (!personId) bad('personId', '缺少人员编号');
    if (!isDateOnly(date)) bad('date', `发生日期“${date}”不是有效日期（YYYY-MM-DD）`);
    if (description.length < 4 || description.length > 1000) bad('description', '事实经过须为 4–1000 个字');
    if (errors.length === before) rows.push({ row: n, input: { rule, variant, personId, date, description } });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 0, field: 'file', message: '文件中没有数据行（第 1 行为表头）' });
  return { rows, errors };
}

/** An empty import sheet with the header row. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考评事件');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'description' ? 50 : 14 }));
  ws.addRow({ rule: 'NB-5', variant: '', personId: 'p016', date: '2024-03-05', description: '交办的整改任务推诿拖延，未按期落实' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { listRules } from '@kaoping/scoring';
import { SCHEME_LABELS, type SchemeId } from '@kaoping/contracts';
import type { ScoreResult } from './score.entities.js';
import { schemeById } from './scheme-files.js';

export interface ReportPerson {
  name: string;
  sectionName: string;
  position: string;
}

/** The annual report: per scheme a sheet of people × dimensions × total × grade, and a sheet of every item. */
export async function annualReport(year: number, perScheme: { scheme: SchemeId; rows: ScoreResult[]; error: string | null }[], people: Map<string, ReportPerson>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考评';
  for (const { scheme: id, rows, error } of perScheme) {
    const scheme = schemeById(id);
    const rules = new Map(listRules(scheme).map((r) => [r.id, r.text]));
    const label = SCHEME_LABELS[id];
    const ws = wb.addWorksheet(`${label}`);
    ws.columns = [
      { header: '排名', key: 'rank', width: 6 },
      { header: '人员编号', key: 'personId', width: 10 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '处室', key: 'section', width: 20 },
      { header: '职务', key: 'position', width: 10 },
      ...scheme.dimensions.map((d) => ({ header: d.label, key: `d_${d.id}`, width: 10 })),
      ...(id === 'wubi' ? [{ header: '加分', key: 'bonus', width: 8 }] : []),
      { header: '总分', key: 'total', width: 8 },
      { header: '等次', key: 'grade', width: 8 },
      { header: '标记', key: 'flags', width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    if (error) ws.addRow({ name: error });
    const sorted = [...rows].sort((a, b) => b.total - a.total);
    sorted.forEach((r, i) => {
      const p = people.get(r.personId);
      const dims = r.dimensions as Record<string, { score: number }>;
      ws.addRow({
        rank: i + 1,
        personId: r.personId,
        name: p?.name ?? r.personId,
        section: p?.sectionName ?? '',
        position: p?.position ?? '',
        ...Object.fromEntries(scheme.dimensions.map((d) => [`d_${d.id}`, dims[d.id] ? Math.round(dims[d.id]!.score * 100) / 100 : null])),
        bonus: r.bonus,
        total: r.total,
        grade: r.grade,
        flags: r.flags.join('；'),
      });
    });
    const items = wb.addWorksheet(`${label}明细`);
    items.columns = [
      { header: '人员编号', key: 'personId', width: 10 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '维度', key: 'dimension', width: 12 },
      { header: '细则', key: 'rule', width: 8 },
      { header: '细则内容', key: 'text', width: 50 },
      { header: '分值', key: 'points', width: 8 },
      { header: '证据（来源）', key: 'source', width: 40 },
      { header: '连带自', key: 'cascade', width: 10 },
    ];
    items.getRow(1).font = { bold: true };
    const dimLabels = new Map<string, string>([...scheme.dimensions.map((d) => [d.id, d.label] as [string, string]), ['_bonus', '加分'], ['_extras', '附加项']]);
    for (const r of sorted) {
      const dims = r.dimensions as Record<string, { items: { rule: string; points: number; source: string; cascadeFrom?: string }[] }>;
      for (const [dim, d] of Object.entries(dims)) {
        for (const it of d.items) {
          items.addRow({
            personId: r.personId,
            name: people.get(r.personId)?.name ?? r.personId,
            dimension: dimLabels.get(dim) ?? dim,
            rule: it.rule,
            text: rules.get(it.rule) ?? (it as { label?: string }).label ?? it.rule,
            points: it.points,
            source: it.source,
            cascade: it.cascadeFrom ? (people.get(it.cascadeFrom)?.name ?? it.cascadeFrom) : '',
          });
        }
      }
    }
  }
  if (perScheme.length === 0) wb.addWorksheet(`${year}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

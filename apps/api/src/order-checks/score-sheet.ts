import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OrderCheckDeductionDto, OrderCheckSheetDefDto } from '@kaoping/contracts';
import { REPO_ROOT } from '../config/paths.js';

/** The 卫生秩序 score sheet: items with maximum points (seed data, edited by the bureau). */
export const SCORE_SHEET_FILE = resolve(REPO_ROOT, 'seeds/order-checks/score-sheet.json');

/** Checks a score sheet's JSON; throws one message listing every problem. */
export function parseScoreSheet(raw: unknown): OrderCheckSheetDefDto {
  const problems: string[] = [];
  const obj = (raw ?? {}) as Record<string, unknown>;
  if (typeof obj.version !== 'string' || !obj.version) problems.push('version 必须是非空文本');
  if (typeof obj.title !== 'string' || !obj.title) problems.push('title 必须是非空文本');
  const items = Array.isArray(obj.items) ? (obj.items as Record<string, unknown>[]) : [];
  if (!Array.isArray(obj.items) || items.length === 0) problems.push('items 必须是非空数组');
  const ids = new Set<string>();
  for (const [i, it] of items.entries()) {
    const at = `items[${i}]`;
    if (typeof it?.id !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(it.id)) problems.push(`${at}.id 必须是小写字母开头的编号`);
    else if (ids.has(it.id)) problems.push(`${at}.id “${it.id}”重复`);
    else ids.add(it.id);
    for (const key of ['group', 'label', 'standard'] as const) {
      if (typeof it?.[key] !== 'string' || !(it[key] as string).trim()) problems.push(`${at}.${key} 必须是非空文本`);
    }
    const max = it?.max;
    if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0 || max > 100 || Math.round(max * 2) !== max * 2) {
      problems.push(`${at}.max 必须是 0.5 的倍数，大于 0 且不超过 100`);
    }
  }
  if (problems.length > 0) throw new Error(`卫生秩序检查评分表有误：${problems.join('；')}`);
  const parsed = items.map((it) => ({ id: it.id as string, group: it.group as string, label: it.label as string, max: it.max as number, standard: it.standard as string }));
  return { version: obj.version as string, title: obj.title as string, items: parsed, max: parsed.reduce((s, it) => s + it.max, 0) };
}

export function loadScoreSheet(file = SCORE_SHEET_FILE): OrderCheckSheetDefDto {
  return parseScoreSheet(JSON.parse(readFileSync(file, 'utf8')));
}

/** A sheet's total: full marks less the deductions (never below 0), to 0.5. */
export function sheetTotal(sheet: OrderCheckSheetDefDto, deductions: Pick<OrderCheckDeductionDto, 'points'>[]): number {
  const off = deductions.reduce((s, d) => s + d.points, 0);
  return Math.max(0, Math.round((sheet.max - off) * 2) / 2);
}

/** The first problem of a set of deductions against the sheet (field path and message), or null. */
export function checkDeductions(sheet: OrderCheckSheetDefDto, deductions: OrderCheckDeductionDto[]): { field: string; message: string } | null {
  const items = new Map(sheet.items.map((it) => [it.id, it]));
  const seen = new Set<string>();
  for (const [i, d] of deductions.entries()) {
    const item = items.get(d.itemId);
    if (!item) return { field: `deductions.${i}.itemId`, message: `评分表中没有“${d.itemId}”这一项（可选：${sheet.items.map((it) => it.label).join('、')}）` };
    if (seen.has(d.itemId)) return { field: `deductions.${i}.itemId`, message: `“${item.label}”重复扣分：同一项请合并为一条，写明全部问题` };
    seen.add(d.itemId);
    if (Math.round(d.points * 2) !== d.points * 2) return { field: `deductions.${i}.points`, message: `“${item.label}”的扣分须为 0.5 的倍数` };
    if (d.points > item.max) return { field: `deductions.${i}.points`, message: `“${item.label}”满分 ${item.max} 分，最多扣 ${item.max} 分` };
  }
  return null;
}

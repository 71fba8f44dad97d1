import type { OrderCheckDeductionDto } from '@kaoping/contracts';
import type { DataSource } from 'typeorm';
import { localDate } from '../common/time.js';
import { Section } from '../org/section.entity.js';
import { OrderCheckRound, OrderCheckSheet } from './order-check.entities.js';
import { loadScoreSheet, sheetTotal } from './score-sheet.js';

const DAY = 86_400_000;

/** Findings the demo rounds draw from, per item. */
const FINDINGS: Record<string, string[]> = {
  desk: ['桌面文件堆放杂乱', '电脑显示器积尘'],
  arrangement: ['文件柜顶堆放纸箱', '窗台摆放私人物品'],
  corners: ['桌底有纸屑', '门后墙角积尘'],
  appearance: ['一人未佩戴工作牌', '一人未按规定着装'],
  discipline: ['一人上班时间浏览购物网站', '检查时一人离岗未报告'],
};

/** Two closed 卫生秩序 rounds (about seven and three weeks ago) over the 机关 sections. Idempotent (fixed ids). */
export async function seedDemoOrderChecks(ds: DataSource): Promise<void> {
  const sheet = loadScoreSheet();
  const sections = (await ds.getRepository(Section).find({ order: { sortOrder: 'ASC' } })).filter((s) => s.category !== null);
  if (sections.length === 0) return;
  const now = Date.now();
  const plan = [
    { id: 'demo-order-check-1', ago: 50, kind: 'regular' as const, inspectors: '局办公室 检查组' },
    { id: 'demo-order-check-2', ago: 21, kind: 'adhoc' as const, inspectors: '局办公室、监察室' },
  ];
  await ds.transaction(async (em) => {
    const rounds = em.getRepository(OrderCheckRound);
    const sheets = em.getRepository(OrderCheckSheet);
    for (const [n, p] of plan.entries()) {
      if (await rounds.findOneBy({ id: p.id })) continue;
      const date = localDate(new Date(now - p.ago * DAY), 'Asia/Shanghai');
      const year = Number(date.slice(0, 4));
      const last = await rounds.findOne({ where: { year }, order: { round: 'DESC' } });
      const closedAt = new Date(now - (p.ago - 1) * DAY);
      await rounds.insert(
        rounds.create({
          id: p.id,
          year,
          round: (last?.round ?? 0) + 1,
          kind: p.kind,
          date,
          inspectors: p.inspectors,
          notes: p.kind === 'regular' ? '月度定期检查：办公室卫生、物品摆放、着装和在岗情况' : '不打招呼随机抽查上班纪律',
          sectionIds: sections.map((s) => s.id),
          sheet,
          status: 'closed',
          createdBy: 'p039',
          closedBy: 'p039',
          closedAt,
        }),
      );
      for (const [i, s] of sections.entries()) {
        const deductions: OrderCheckDeductionDto[] = [];
        for (const [j, item] of sheet.items.entries()) {
          const k = (i * 3 + j * 5 + n * 7) % 11;
          if (k < 3) deductions.push({ itemId: item.id, points: Math.min(item.max, k + 1), note: FINDINGS[item.id]?.[k % 2] ?? '检查发现问题' });
        }
        await sheets.insert(
          sheets.create({ roundId: p.id, sectionId: s.id, deductions, total: sheetTotal(sheet, deductions), notes: null, fileIds: [], recordedBy: 'p039', recordedAt: closedAt }),
        );
      }
    }
  });
}

import type { DataSource } from 'typeorm';
import { DiaryEntry, DiaryVersion } from '../diary/diary.entities.js';
import { addDays, isWeekday } from '../diary/working-days.js';
import { localDate } from '../common/time.js';
import { Gathering, GatheringAttendance, ResearchLog } from './ledger.entities.js';

const DIARY_LINES = [
  '上午到城东农贸市场检查占道经营，整改3户；下午整理巡查台账并报处长',
  '接待群众来访2人次，解答违章建筑拆除政策，均已答复',
  '参加处务会，领取本周夜市巡查任务；下午到人民路夜市巡查，劝离流动摊贩5处',
  '审核执法二处移送的行政处罚案卷2件，退回补正1件',
  '起草《关于规范户外广告设置的通知》初稿，报处长审核',
];

/**
 * Demo ledgers so the pages are not empty: a few diary entries for 杨玉兰 (p016), this year's 处务会 of 执法一处,
 * 支部活动 of secretary p016, and research days. Skipped when any ledger row exists (idempotent).
 */
export async function seedDemoLedgers(ds: DataSource, now = new Date()): Promise<void> {
  if ((await ds.getRepository(Gathering).count()) > 0) return;
  const today = localDate(now, 'Asia/Shanghai');
  const year = today.slice(0, 4);
  await ds.transaction(async (em) => {
    let day = addDays(today, -1);
    for (let i = 0; i < DIARY_LINES.length; day = addDays(day, -1)) {
      if (!isWeekday(day)) continue;
      const entry = em.getRepository(DiaryEntry).create({ personId: 'p016', sectionId: 'zf1', date: day, content: DIARY_LINES[i]!, version: 1 });
      await em.getRepository(DiaryEntry).insert(entry);
      await em.getRepository(DiaryVersion).insert(em.getRepository(DiaryVersion).create({ entryId: entry.id, version: 1, content: entry.content, savedAt: now, late: false }));
      i++;
    }
    const members = ['p015', 'p016', 'p017', 'p018', 'p019', 'p020'];
    const add = async (g: Partial<Gathering>, absent: Record<string, 'absent' | 'late'> = {}) => {
      const row = em.getRepository(Gathering).create({ minutes: null, sectionId: null, secretaryId: null, ...g } as Gathering);
      await em.getRepository(Gathering).insert(row);
      for (const personId of members) {
        const status = absent[personId] ?? 'present';
        await em.getRepository(GatheringAttendance).insert(em.getRepository(GatheringAttendance).create({ gatheringId: row.id, personId, status, leave: false, note: null }));
      }
    };
    // 处务会: the first Monday of each month so far
    for (let m = 1; m <= Number(today.slice(5, 7)); m++) {
      let d = `${year}-${String(m).padStart(2, '0')}-01`;
      while (!isWeekday(d)) d = addDays(d, 1);
      if (d >= today) break;
      await add({ kind: 'section', sectionId: 'zf1', date: d, title: '处务会', minutes: '传达局领导指示，总结上周工作，布置本周任务', recordedById: 'p015' }, m === 2 ? { p017: 'absent' } : {});
    }
    const first = `${year}-01-15`;
    if (first < today) {
      await add({ kind: 'branch', secretaryId: 'p016', date: first, title: '主题党日：学习党章', minutes: '学习党章第一、二章，交流发言4人', recordedById: 'p016' }, { p018: 'late' });
      await em.getRepository(ResearchLog).insert(em.getRepository(ResearchLog).create({ personId: 'p015', sectionId: 'zf1', date: first, days: 2, place: '城东执法大队', purpose: '夜市管理联系点调研' }));
    }
  });
}

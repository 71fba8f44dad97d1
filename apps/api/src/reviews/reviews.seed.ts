import { createHash, randomBytes } from 'node:crypto';
import { REVIEW_LEVEL_SCORES, type ReviewLevel } from '@kaoping/contracts';
import type { DataSource } from 'typeorm';
import { addDays, localDate } from '../common/time.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { insertAnonymous } from '../surveys/anonymous-write.js';
import { schemeScales } from '../surveys/scheme-scales.js';
import { Survey, SurveyInvitation, SurveyResponse } from '../surveys/survey.entities.js';
import { halfRange, quarterRange } from './extras-facts.js';
import { HALF_YEAR_QUESTIONS, halfLabel } from './half-year.service.js';
import { HalfYearRound, InnovationEntry, LeaderComment, MonthlyMeeting, QuarterlyReview, QuarterlySection, RectificationTask } from './review.entities.js';

const DAY = 86_400_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Invitation codes of the demo 半年考评打分 round still to answer (printed in the README). */
export const DEMO_UNIT_CODES = ['DEMOUNITA005', 'DEMOUNITA006', 'DEMOUNITA007'] as const;

const LEVELS: ReviewLevel[] = ['good', 'fair', 'good', 'average', 'fair', 'good', 'fair', 'poor'];
const REMARKS: Record<ReviewLevel, string> = {
  good: '工作主动，任务完成质量高，值得肯定',
  fair: '完成情况较好，个别工作进度需加快',
  average: '工作基本完成，协调配合有待加强',
  poor: '重点任务滞后，须限期整改',
};

/**
 * Demo review meetings (idempotent, fixed ids), relative to today: three months of 月度总结会 with both leaders' comments,
 * the last quarter's 季度监察考评会 with 整改任务 (one done, one open, one overdue), 工作创新 entries (assessed and pending),
 * and this half-year's 半年考评打分 round, four units answered (codes of the other three in DEMO_UNIT_CODES).
 * The extras weights stay 0 (the scheme's default): the office sets them.
 */
export async function seedDemoReviews(ds: DataSource): Promise<void> {
  const now = Date.now();
  const day = (ago: number) => localDate(new Date(now - ago * DAY), 'Asia/Shanghai');
  const today = day(0);
  const year = Number(today.slice(0, 4));
  const sections = (await ds.getRepository(Section).find({ order: { sortOrder: 'ASC' } })).filter((s) => s.category !== null);
  if (sections.length === 0) return;
  const ms = await ds.getRepository(Membership).find();
  const onToday = (sectionId: string, position: string) => ms.filter((m) => m.sectionId === sectionId && m.position === position && m.from <= today && (m.to === null || m.to >= today)).map((m) => m.personId).sort();
  const leaders = (await ds.getRepository(Person).find({ where: { accessRole: 'leader', active: true }, order: { id: 'ASC' } })).map((p) => p.id);
  if (leaders.length === 0) return;

  await ds.transaction(async (em) => {
    // 月度总结会 and 局领导点评: the three months before this one
    const meetings = em.getRepository(MonthlyMeeting);
    const comments = em.getRepository(LeaderComment);
    const [y, m] = today.split('-').map(Number) as [number, number];
    for (let back = 3; back >= 1; back--) {
      const d = new Date(Date.UTC(y, m - 1 - back, 1));
      const month = d.toISOString().slice(0, 7);
      const id = demoId(`monthly-${month}`);
      if (await meetings.findOneBy({ id })) continue;
      if (await meetings.findOneBy({ month })) continue;
      const date = addDays(new Date(Date.UTC(y, m - back, 1)).toISOString().slice(0, 10), -2);
      await meetings.insert(meetings.create({ id, month, date, attendees: '局领导、考评办、机关各处（室）主要负责人', summary: `${Number(month.slice(5))}月工作小结：各处室重点任务推进情况通报，局领导逐一点评。`, recordedById: 'p039' }));
      for (const [i, s] of sections.entries()) {
        for (const [k, leaderId] of leaders.entries()) {
          const level = LEVELS[(i + k * 3 + back) % LEVELS.length]!;
          // the second leader's comments were recorded by the office at the meeting
          await comments.insert(
            comments.create({ id: demoId(`comment-${month}-${s.id}-${leaderId}`), month, sectionId: s.id, leaderId, level, score: REVIEW_LEVEL_SCORES[level], comment: `${s.name}：${REMARKS[level]}`, recordedById: k === 0 ? leaderId : 'p039', updatedAt: new Date(`${date}T10:00:00Z`) }),
          );
        }
      }
    }

    // 季度监察考评会: the last completed quarter, with 整改任务
    const q = Math.floor((m - 1) / 3) + 1;
    const [ry, rq] = q === 1 ? [y - 1, 4] : [y, q - 1];
    const reviewId = demoId(`quarterly-${ry}-${rq}`);
    const reviews = em.getRepository(QuarterlyReview);
    if (!(await reviews.findOneBy({ id: reviewId })) && !(await reviews.findOneBy({ year: ry, quarter: rq }))) {
      const date = addDays(quarterRange(ry, rq).to, 4) <= today ? addDays(quarterRange(ry, rq).to, 4) : today;
      await reviews.insert(reviews.create({ id: reviewId, year: ry, quarter: rq, date, summary: `第${rq}季度监察考评会：分析各处（室）工作情况，梳理存在问题，督促整改。`, recordedById: 'p039' }));
      const findings = em.getRepository(QuarterlySection);
      const problems = ['无', '执法台账记录不完整', '处务会记录过于简略', '调研报告未按期完成', '首问负责落实不到位', '无'];
      for (const [i, s] of sections.entries()) {
        await findings.insert(findings.create({ id: demoId(`qs-${ry}-${rq}-${s.id}`), reviewId, sectionId: s.id, problems: problems[i % problems.length]!, score: 78 + ((i * 7) % 15) }));
      }
      const tasks = em.getRepository(RectificationTask);
      const owner = (sectionId: string, position: string, n = 0) => onToday(sectionId, position)[n];
      const plan = [
        { key: 'zf1-ledger', sectionId: 'zf1', ownerId: owner('zf1', 'staff', 0), title: '补齐执法台账，逐案登记处理结果', deadline: addDays(today, -5), done: false },
        { key: 'zf1-night', sectionId: 'zf1', ownerId: owner('zf1', 'staff', 1), title: '夜市占道经营整治“回头看”', deadline: addDays(today, 20), done: false },
        { key: 'zf2-docs', sectionId: 'zf2', ownerId: owner('zf2', 'chief'), title: '规范执法文书，开展案卷自查', deadline: addDays(today, -10), done: true },
        { key: 'zhdd-first', sectionId: 'zhdd', ownerId: owner('zhdd', 'chief'), title: '落实首问负责制，建立来电登记台账', deadline: addDays(today, 10), done: false },
      ];
      for (const t of plan) {
        if (!t.ownerId) continue;
        await tasks.insert(
          tasks.create({
            id: demoId(`task-${ry}-${rq}-${t.key}`),
            reviewId,
            sectionId: t.sectionId,
            title: t.title,
            ownerId: t.ownerId,
            deadline: t.deadline < date ? date : t.deadline,
            status: t.done ? 'done' : 'open',
            doneOn: t.done ? (addDays(today, -12) < date ? date : addDays(today, -12)) : null,
            followUp: t.done ? '已完成案卷自查 36 卷，整改文书问题 5 处，形成自查报告' : null,
            fileIds: [],
            doneById: t.done ? t.ownerId : null,
            createdById: 'p039',
          }),
        );
      }
    }

    // 工作创新
    const entries = em.getRepository(InnovationEntry);
    const innovations = [
      { key: 'zf1', sectionId: 'zf1', title: '夜市“潮汐摊区”管理', description: '划定潮汐摊区，定时定点经营，错峰执法，相关投诉明显下降。', ago: 40, level: 'good' as ReviewLevel | null, score: null as number | null },
      { key: 'zhdd', sectionId: 'zhdd', title: '12319 工单“一网统管”分拨', description: '热线工单按网格自动分拨到责任处室，限时办结提醒，超时自动预警。', ago: 25, level: null, score: 82 },
      { key: 'jcs', sectionId: 'jcs', title: '效能投诉“码上办”', description: '在公示牌张贴投诉二维码，群众扫码反映问题，监察室全程跟踪办理。', ago: 6, level: null, score: null },
    ];
    for (const e of innovations) {
      const id = demoId(`innovation-${year}-${e.key}`);
      if (await entries.findOneBy({ id })) continue;
      const date = day(e.ago).startsWith(String(year)) ? day(e.ago) : today;
      const chief = onToday(e.sectionId, 'chief')[0] ?? 'p039';
      const assessed = e.level !== null || e.score !== null;
      await entries.insert(
        entries.create({
          id,
          sectionId: e.sectionId,
          year,
          date,
          title: e.title,
          description: e.description,
          fileIds: [],
          filedById: chief,
          status: assessed ? 'assessed' : 'submitted',
          level: e.level,
          score: e.level ? REVIEW_LEVEL_SCORES[e.level] : e.score,
          assessment: assessed ? '做法有特色、见实效，可在全局推广' : null,
          assessedById: assessed ? 'p039' : null,
          assessedOn: assessed ? today : null,
        }),
      );
    }

    // 半年考评打分: this half-year's round, open, four units answered
    const half = m <= 6 ? 1 : 2;
    const roundId = demoId(`halfyear-${year}-${half}`);
    const rounds = em.getRepository(HalfYearRound);
    if (!(await rounds.findOneBy({ id: roundId })) && !(await rounds.findOneBy({ year, half }))) {
      const surveyId = demoId(`halfyear-survey-${year}-${half}`);
      const scales = schemeScales();
      const start = addDays(today, -7) < halfRange(year, half).from ? halfRange(year, half).from : addDays(today, -7);
      await em.getRepository(Survey).insert(
        em.getRepository(Survey).create({
          id: surveyId,
          title: `${halfLabel(year, half)}局属各单位考评打分`,
          group: 'unit',
          year,
          periodStart: start,
          periodEnd: addDays(today, 14),
          questions: HALF_YEAR_QUESTIONS,
          scale: scales.choice,
          starScale: scales.stars,
          sectionIds: sections.map((s) => s.id),
          createdById: 'p039',
        }),
      );
      await rounds.insert(rounds.create({ id: roundId, year, half, surveyId, openedById: 'p039' }));
      const units = (await em.getRepository(Section).find({ order: { sortOrder: 'ASC' } })).filter((s) => s.category === null);
      const people = new Map((await em.getRepository(Person).find()).map((p) => [p.id, p]));
      const invitations = em.getRepository(SurveyInvitation);
      const responses = em.getRepository(SurveyResponse);
      for (const [n, u] of units.entries()) {
        const head = people.get(onToday(u.id, 'chief')[0] ?? '');
        if (!head) continue;
        const answered = n < 4;
        const code = `DEMOUNITA${String(n + 1).padStart(3, '0')}`;
        await invitations.insert(
          invitations.create({ surveyId, name: `${head.name}（${u.name}）`.slice(0, 40), kind: 'unit', phone: null, codeHash: sha256(code), answered: answered ? sections.length : 0, completedOn: answered ? day(3 - n) : null }),
        );
        if (!answered) continue;
        for (const [i, s] of sections.entries()) {
          const style = String(3 + ((i + n) % 3));
          const efficiency = String(3 + ((i * 2 + n + 1) % 3));
          const score = Math.round(((scales.stars[style]! + scales.stars[efficiency]!) / 2) * 100) / 100;
          await insertAnonymous(
            em,
            SurveyResponse,
            responses.create({
              surveyId,
              sectionId: s.id,
              respondentHash: randomBytes(32).toString('hex'),
              idempotencyKey: `demo_unit_${n}_${i}_${randomBytes(4).toString('hex')}`,
              answers: [
                { questionId: 'style', value: style },
                { questionId: 'efficiency', value: efficiency },
              ],
              score,
              durationMs: 40_000 + ((i * 7919 + n * 104729) % 50_000),
              flags: [],
              status: 'counted',
              reviewedAt: null,
              createdAt: new Date(now - (3 - n) * DAY - i * 60_000),
            }),
          );
        }
      }
    }
  });
}

/** A stable UUID-shaped id for a demo key (record ids in paths are checked as UUIDs). */
function demoId(key: string): string {
  const h = sha256(`kaoping-demo-review:${key}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

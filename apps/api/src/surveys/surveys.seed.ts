import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Section } from '../org/section.entity.js';
import { democraticSnapshot } from './democratic.service.js';
import { insertAnonymous } from './anonymous-write.js';
import { schemeScales } from './scheme-scales.js';
import { DemocraticCampaign, DemocraticRater, Survey, SurveyInvitation, SurveyResponse } from './survey.entities.js';

/** Demo ids and invitation codes (the codes are printed in docs so a tester can open an invitation). */
export const DEMO_SURVEYS = {
  citizen: '00000000-0000-4000-8000-00000000a001',
  representative: '00000000-0000-4000-8000-00000000a002',
  counterpart: '00000000-0000-4000-8000-00000000a003',
  cityLeader: '00000000-0000-4000-8000-00000000a004',
  campaign: '00000000-0000-4000-8000-00000000d001',
  codes: { representative: ['DEMOREP2024A001', 'DEMOREP2024A002', 'DEMOREP2024A003'], counterpart: 'DEMOCPT2024A001', cityLeader: 'DEMOLDR2024A001' },
} as const;

const day = (d: Date) => d.toISOString().slice(0, 10);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A citizen survey per wubi section with some responses, invitations for representatives, a counterpart and a city leader, a 民主测评 campaign. Idempotent. */
export async function seedDemoSurveys(ds: DataSource): Promise<void> {
  if (await ds.getRepository(Survey).findOneBy({ id: DEMO_SURVEYS.citizen })) return;
  const now = new Date();
  const start = day(new Date(now.getTime() - 20 * 86400_000));
  const end = day(new Date(now.getTime() + 70 * 86400_000));
  const year = Number(start.slice(0, 4));
  const wubi = (await ds.getRepository(Section).find({ order: { sortOrder: 'ASC' } })).filter((s) => s.wubiType).map((s) => s.id);
  if (wubi.length === 0) return;
  const scales = schemeScales();
  const choice = Object.keys(scales.choice);
  const citizenQuestions = [
    { id: 'q1', type: 'choice' as const, text: '您对工作人员的服务态度是否满意？', options: choice, required: true },
    { id: 'q2', type: 'choice' as const, text: '您对办事效率是否满意？', options: choice, required: true },
    { id: 'q3', type: 'choice' as const, text: '您对执法（服务）是否规范、公正满意吗？', options: choice, required: true },
    { id: 'q4', type: 'stars' as const, text: '总体评价', required: true },
    { id: 'q5', type: 'text' as const, text: '意见和建议', required: false },
  ];
  const repQuestions = [
    { id: 'q1', type: 'choice' as const, text: '履职尽责、工作成效', options: choice, required: true },
    { id: 'q2', type: 'choice' as const, text: '作风建设、服务群众', options: choice, required: true },
    { id: 'q3', type: 'choice' as const, text: '依法行政、廉洁自律', options: choice, required: true },
    { id: 'q4', type: 'text' as const, text: '意见和建议', required: false },
  ];
  await ds.transaction(async (em) => {
    const surveys = em.getRepository(Survey);
    const base = { year, periodStart: start, periodEnd: end, scale: scales.choice, starScale: scales.stars, sectionIds: wubi, createdById: 'p039' };
    for (const s of [
      surveys.create({ ...base, id: DEMO_SURVEYS.citizen, title: `${year}年度服务对象满意度测评`, group: 'service_recipient', questions: citizenQuestions }),
      surveys.create({ ...base, id: DEMO_SURVEYS.representative, title: `${year}年度“两代表一委员”评价`, group: 'representative', questions: repQuestions }),
      surveys.create({ ...base, id: DEMO_SURVEYS.counterpart, title: `${year}年度县市区对口部门评价`, group: 'counterpart', questions: repQuestions }),
      surveys.create({ ...base, id: DEMO_SURVEYS.cityLeader, title: `${year}年度分管联系市领导评价`, group: 'city_leader', questions: repQuestions }),
    ])
      await surveys.insert(s);
    // some citizen answers, spread over the last two weeks
    const responses = em.getRepository(SurveyResponse);
    let n = 0;
    for (const sectionId of wubi) {
      const count = 5 + (n % 4) * 2;
      for (let i = 0; i < count; i++, n++) {
        const a = [choice[(i * 7 + n) % 5 === 0 ? 1 : 0]!, choice[(i + n) % 6 === 0 ? 2 : 0]!, choice[i % 3 === 0 ? 1 : 0]!];
        const stars = String(5 - ((i + n) % 3));
        const values = [...a.map((x) => scales.choice[x]!), scales.stars[stars]!];
        const speeder = i === 0 && sectionId === wubi[0];
        await insertAnonymous(
          em,
          SurveyResponse,
          responses.create({
            surveyId: DEMO_SURVEYS.citizen,
            sectionId,
            respondentHash: randomBytes(32).toString('hex'),
            idempotencyKey: `demo_${n}_${randomBytes(4).toString('hex')}`,
            answers: [...a.map((value, k) => ({ questionId: `q${k + 1}`, value })), { questionId: 'q4', value: stars }],
            score: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100,
            durationMs: speeder ? 2500 : 30_000 + ((i * 7919) % 60_000),
            flags: speeder ? ['speeder'] : [],
            status: speeder ? 'held' : 'counted',
            reviewedAt: null,
            createdAt: new Date(now.getTime() - ((i * 37 + n * 13) % 14) * 86400_000 - i * 3600_000),
          }),
        );
      }
    }
    const invitations = em.getRepository(SurveyInvitation);
    const people: [string, string, 'npc' | 'cppcc' | 'party' | 'counterpart' | 'city_leader', string, string][] = [
      [DEMO_SURVEYS.representative, '刘德明', 'npc', '13800000001', DEMO_SURVEYS.codes.representative[0]],
      [DEMO_SURVEYS.representative, '陈淑芬', 'cppcc', '13800000002', DEMO_SURVEYS.codes.representative[1]],
      [DEMO_SURVEYS.representative, '周启航', 'party', '13800000003', DEMO_SURVEYS.codes.representative[2]],
      [DEMO_SURVEYS.counterpart, '某县城管局 孙立', 'counterpart', '13800000004', DEMO_SURVEYS.codes.counterpart],
      [DEMO_SURVEYS.cityLeader, '分管副市长', 'city_leader', '13800000005', DEMO_SURVEYS.codes.cityLeader],
    ];
    for (const [surveyId, name, kind, phone, code] of people) {
      await invitations.insert(invitations.create({ surveyId, name, kind, phone, codeHash: sha256(code), answered: 0, completedOn: null }));
    }
  });
  // 民主测评 for the same year, on today's membership snapshot
  const snap = await democraticSnapshot(ds, day(now));
  await ds.transaction(async (em) => {
    await em.getRepository(DemocraticCampaign).insert(
      em.getRepository(DemocraticCampaign).create({ id: DEMO_SURVEYS.campaign, year, title: `${year}年度机关干部民主测评`, asOf: day(now), closesOn: end }),
    );
    const raters = em.getRepository(DemocraticRater);
    for (const r of snap.raters) await raters.insert(raters.create({ campaignId: DEMO_SURVEYS.campaign, ...r, rated: 0, completedOn: null }));
  });
}

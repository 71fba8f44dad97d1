import type { DataSource } from 'typeorm';
import { localDate } from '../common/time.js';
import { Incident, IncidentTransition } from './incident.entity.js';
import { InspectionRound, InspectionScore } from './wubi-records.entity.js';

const DAY = 86_400_000;

/** Demo records (idempotent, fixed ids): a few verified incidents and this year's 五比五评 inspections for the heads. */
export async function seedDemoRecords(ds: DataSource): Promise<void> {
  const now = Date.now();
  const day = (ago: number) => localDate(new Date(now - ago * DAY), 'Asia/Shanghai');
  const year = Number(day(0).slice(0, 4));
  const incidents = [
    { id: 'demo-incident-1', rule: 'NB-5', variant: null, personId: 'p017', sectionId: 'zf1', date: day(12), description: '交办的占道经营整治任务推诿拖延，未按期落实' },
    { id: 'demo-incident-2', rule: 'DE-2', variant: 'late', personId: 'p024', sectionId: 'zf2', date: day(9), description: '处务会迟到 15 分钟，未事先请假' },
    { id: 'demo-incident-3', rule: 'QIN-2', variant: null, personId: 'p030', sectionId: 'zhdd', date: day(5), description: '下午半天离岗未向分管领导报告' },
  ];
  await ds.transaction(async (em) => {
    const repo = em.getRepository(Incident);
    for (const i of incidents) {
      if (await repo.findOneBy({ id: i.id })) continue;
      await repo.insert(
        repo.create({
          ...i,
          scheme: 'jiguan',
          status: 'verified',
          appealStatus: null,
          appealDeadline: day(-3),
          fileIds: [],
          recordedBy: 'p039',
          origin: 'manual',
          decidedBy: 'p039',
          decidedAt: new Date(now - DAY),
          decisionNote: '经查属实',
        }),
      );
      const tr = em.getRepository(IncidentTransition);
      await tr.insert(tr.create({ incidentId: i.id, step: 1, action: 'record', fromStatus: null, toStatus: 'pending', actorId: 'p039', note: null, at: new Date(now - 2 * DAY) }));
      await tr.insert(tr.create({ incidentId: i.id, step: 2, action: 'verify', fromStatus: 'pending', toStatus: 'verified', actorId: 'p039', note: '经查属实', at: new Date(now - DAY) }));
    }
    const heads = ['p043', 'p047', 'p051', 'p055', 'p059', 'p062', 'p065'];
    const rounds = em.getRepository(InspectionRound);
    const scores = em.getRepository(InspectionScore);
    const plan: { kind: 'daily' | 'special' | 'unannounced'; round: number; ago: number }[] = [
      { kind: 'daily', round: 1, ago: 20 },
      { kind: 'daily', round: 2, ago: 4 },
      { kind: 'special', round: 1, ago: 15 },
      { kind: 'unannounced', round: 1, ago: 8 },
    ];
    for (const p of plan) {
      const id = `demo-inspection-${year}-${p.kind}-${p.round}`;
      if (await rounds.findOneBy({ id })) continue;
      if (await rounds.findOneBy({ year, kind: p.kind, round: p.round })) continue;
      const date = day(p.ago);
      if (!date.startsWith(String(year))) continue;
      await rounds.insert(rounds.create({ id, year, kind: p.kind, round: p.round, date, inspector: '局督查组', notes: '全覆盖督查', fileIds: [], recordedBy: 'p039' }));
      for (const [i, h] of heads.entries()) await scores.insert(scores.create({ roundId: id, personId: h, score: 78 + ((i * 7 + p.round * 5) % 20) }));
    }
  });
}

import type { ComplaintCategory, ComplaintOutcome, ComplaintSource, ComplaintStatus } from '@kaoping/contracts';
import type { DataSource } from 'typeorm';
import { Complaint, ComplaintHistory } from './complaint.entity.js';

interface DemoItem {
  id: string;
  code: string;
  source: ComplaintSource;
  ticketNo?: string;
  category: ComplaintCategory;
  content: string;
  daysAgo: number;
  path: ComplaintStatus[];
  sectionId?: string;
  personId?: string;
  deadlineInDays?: number;
  outcome?: ComplaintOutcome;
  findings?: string;
  reply?: string;
}

/** A handful of complaints and hotline items in different states, dated relative to today (demo only). */
const ITEMS: DemoItem[] = [
  { id: 'demo-complaint-1', code: 'DEMQ2345ABC7', source: 'online', category: 'attitude', content: '城管队员在夜市执法时态度生硬，对摊主大声呵斥。', daysAgo: 1, path: ['received'], sectionId: 'zf1' },
  {
    id: 'demo-complaint-2', code: 'DEMQ2345ABC8', source: '12319', ticketNo: 'DEMO-12319-0001', category: 'efficiency', content: '反映小区门口占道经营两周无人处理。',
    daysAgo: 12, path: ['received', 'assigned'], sectionId: 'zf2', deadlineInDays: -2,
  },
  {
    id: 'demo-complaint-3', code: 'DEMQ2345ABC9', source: '12345', ticketNo: 'DEMO-12345-0001', category: 'other', content: '建筑工地夜间施工噪音扰民。',
    daysAgo: 6, path: ['received', 'assigned', 'investigated'], sectionId: 'zf1', deadlineInDays: 5, findings: '已到现场核查，正在联系施工单位。',
  },
  {
    id: 'demo-complaint-4', code: 'DEMQ2345ABCA', source: 'online', category: 'attitude', content: '窗口人员办理审批时不耐烦，多次让我重复提交材料。',
    daysAgo: 20, path: ['received', 'assigned', 'investigated', 'verified', 'replied'], sectionId: 'zf1', personId: 'p017', deadlineInDays: -10, outcome: 'verified',
    findings: '经调阅窗口录像，情况属实。', reply: '经查属实，已对当事人批评教育并按考评细则扣分。感谢您的监督。',
  },
  {
    id: 'demo-complaint-5', code: 'DEMQ2345ABCB', source: 'phone', category: 'integrity', content: '反映执法人员收受商户财物。',
    daysAgo: 25, path: ['received', 'assigned', 'investigated', 'unfounded', 'replied'], sectionId: 'zf2', deadlineInDays: -12, outcome: 'unfounded',
    findings: '经核查，系商户误解，无收受财物情况。', reply: '经调查核实，反映情况不属实。感谢您的监督。',
  },
];

const DAY = 86_400_000;
const ACTION: Partial<Record<ComplaintStatus, string>> = { assigned: 'assign', investigated: 'investigate', verified: 'verify', unfounded: 'dismiss', replied: 'reply' };

export async function seedDemoComplaints(ds: DataSource): Promise<void> {
  if (await ds.getRepository(Complaint).existsBy({ id: ITEMS[0]!.id })) return;
  const now = Date.now();
  await ds.transaction(async (em) => {
    for (const d of ITEMS) {
      const receivedAt = new Date(now - d.daysAgo * DAY);
      const status = d.path[d.path.length - 1]!;
      const step = (i: number) => new Date(receivedAt.getTime() + i * 3600_000 * 20);
      const deadline = d.deadlineInDays === undefined ? null : new Date(now + d.deadlineInDays * DAY + 8 * 3600_000).toISOString().slice(0, 10);
      await em.getRepository(Complaint).insert(
        em.getRepository(Complaint).create({
          id: d.id, trackingCode: d.code, source: d.source, ticketNo: d.ticketNo ?? null, category: d.category, status, outcome: d.outcome ?? null, content: d.content,
          sectionId: d.sectionId ?? null, personId: d.personId ?? null, officerHint: null, assignedSectionId: d.path.includes('assigned') ? (d.sectionId ?? null) : null, deadline,
          address: null, latitude: null, longitude: null, contactName: d.source === 'online' ? '市民' : null, contactPhone: null, citizenId: null, photoFileIds: [],
          findings: d.findings ?? null, reply: d.reply ?? null, mergedIntoId: null, receivedAt,
          concludedAt: d.outcome ? step(3) : null, closedAt: status === 'replied' ? step(4) : null, createdById: null,
        }),
      );
      for (let i = 0; i < d.path.length; i++) {
        const to = d.path[i]!;
        await em.getRepository(ComplaintHistory).insert(
          em.getRepository(ComplaintHistory).create({ complaintId: d.id, seq: i + 1, action: ACTION[to] ?? 'create', fromStatus: i ? d.path[i - 1]! : null, toStatus: to, actorId: i ? 'p039' : null, note: null, at: step(i) }),
        );
      }
    }
  });
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BranchActivityInput, EventInput, MeetingInput, ResearchInput, ResearchReportInput } from '@kaoping/scoring';
import type { GatheringKind } from '@kaoping/contracts';
import { Between, DataSource, In } from 'typeorm';
import { Gathering, GatheringAttendance, ResearchLog, ResearchReport } from './ledger.entities.js';

export interface LedgerFacts {
  meetings: MeetingInput[];
  branchActivities: BranchActivityInput[];
  research: ResearchInput[];
  researchReports: ResearchReportInput[];
  events: EventInput[];
}

/** DE rule per gathering kind; 集体活动 (DE-4) deducts for absence only. */
const DE_RULE: Record<GatheringKind, { rule: string; late: boolean }> = {
  branch: { rule: 'DE-1', late: true },
  section: { rule: 'DE-2', late: true },
  bureau: { rule: 'DE-3', late: true },
  collective: { rule: 'DE-4', late: false },
};

/**
 * The ledgers as scoring facts (scoring contract): 处务会 held → `meetings`; 支部活动 → `branchActivities`
 * (recorded = has a record-book entry); 调研 days and reports; and DE-1..4 events for people absent or late
 * without approved leave.
 */
@Injectable()
export class LedgerFactsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async facts(year: number): Promise<LedgerFacts> {
    const range = Between(`${year}-01-01`, `${year}-12-31`);
    const gatherings = await this.ds.getRepository(Gathering).find({ where: { date: range }, order: { date: 'ASC', id: 'ASC' } });
    const attendance = gatherings.length
      ? await this.ds.getRepository(GatheringAttendance).find({ where: { gatheringId: In(gatherings.map((g) => g.id)) }, order: { personId: 'ASC' } })
      : [];
    const events: EventInput[] = [];
    for (const g of gatherings) {
      const de = DE_RULE[g.kind];
      for (const a of attendance.filter((x) => x.gatheringId === g.id)) {
        if (a.leave || a.status === 'present' || (a.status === 'late' && !de.late)) continue;
        events.push({ id: `gathering:${g.id}:${a.personId}`, rule: de.rule, personId: a.personId, date: g.date, variant: a.status });
      }
    }
    const logs = await this.ds.getRepository(ResearchLog).find({ where: { date: range }, order: { date: 'ASC' } });
    const reports = await this.ds.getRepository(ResearchReport).find({ where: { date: range }, order: { date: 'ASC' } });
    return {
      meetings: gatherings.filter((g) => g.kind === 'section').map((g) => ({ sectionId: g.sectionId!, date: g.date })),
      branchActivities: gatherings.filter((g) => g.kind === 'branch').map((g) => ({ secretaryId: g.secretaryId!, date: g.date, recorded: !!g.minutes?.trim() })),
      research: logs.map((l) => ({ personId: l.personId, sectionId: l.sectionId, date: l.date, days: l.days })),
      researchReports: reports.map((r) => ({ personId: r.personId, date: r.date })),
      events,
    };
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { POSITION_LABELS, SCHEME_IDS, SCHEME_LABELS, type Position, type SchemeId } from '@kaoping/contracts';
import { DomainError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OrgService } from '../org/org.service.js';
import { annualReport, type ReportPerson } from './score-report.js';
import { ScoringService } from './scoring.service.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RecomputeJob {
  scheme: SchemeId;
  year: number;
}

export interface ReportJob {
  year: number;
}

/**
 * Scoring's background jobs: the bureau-wide recompute (`scores.recompute`) and the annual Excel report
 * (`scores.report`, which recomputes first when facts changed).
 */
@Injectable()
export class ScoringJobs implements OnModuleInit {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ScoringService) private readonly scoring: ScoringService,
    @Inject(OrgService) private readonly org: OrgService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<RecomputeJob>('scores.recompute', async ({ data, progress }) => {
      await progress(0, `正在计算${SCHEME_LABELS[data.scheme]} ${data.year} 年成绩…`);
      const out = await this.scoring.compute(data.scheme, data.year, (done, total) => progress((done / Math.max(total, 1)) * 100, `已完成 ${done}/${total}`));
      if (out.error) throw new DomainError('VALIDATION_FAILED', out.error);
      return { kind: 'summary', text: `${SCHEME_LABELS[data.scheme]} ${data.year} 年：已重算 ${out.people} 人` };
    });
    this.jobs.register<ReportJob>('scores.report', async ({ id, data, progress }) => {
      const bytes = await this.report(data.year, progress);
      await progress(95, '正在保存文件…');
      return this.jobs.files.save(id, `考评年度报表-${data.year}.xlsx`, XLSX, bytes);
    });
  }

  /** The annual report workbook (every scheme), fresh results first. Also served synchronously by GET /api/scores/report. */
  async report(year: number, progress?: (percent: number, message?: string) => Promise<void>): Promise<Buffer> {
    const per = [];
    for (const [i, scheme] of SCHEME_IDS.entries()) {
      await progress?.((i / SCHEME_IDS.length) * 80, `正在汇总${SCHEME_LABELS[scheme]}成绩…`);
      per.push({ scheme, ...(await this.scoring.resultsFor(scheme, year)) });
    }
    await progress?.(80, '正在生成 Excel…');
    const people = new Map<string, ReportPerson>();
    for (const p of await this.org.listPeople({ kind: 'all' })) {
      people.set(p.id, { name: p.name, sectionName: p.sectionName ?? '', position: p.position ? POSITION_LABELS[p.position as Position] : '' });
    }
    return annualReport(year, per, people);
  }
}

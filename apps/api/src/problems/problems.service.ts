import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProblemDto, ProblemStats } from '@kaoping/contracts';
import { DataSource, In } from 'typeorm';
import type { PersonPrincipal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { OrgService } from '../org/org.service.js';
import { Section } from '../org/section.entity.js';
import { Problem } from './problem.entity.js';
import type { CreateProblemDto, ProblemQueryDto, SolveProblemDto } from './problems.dto.js';

/** 五比五评 五.(六): "力争每月为群众、企业解决1-2个实际问题" — per responsible section and month. */
export const MONTHLY_TARGET = { min: 1, max: 2 } as const;

@Injectable()
export class ProblemsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
  ) {}

  private async toDtos(rows: Problem[]): Promise<ProblemDto[]> {
    const sections = new Map((await this.ds.getRepository(Section).find()).map((s) => [s.id, s.name]));
    const today = this.org.today();
    return rows.map((p) => ({
      id: p.id,
      title: p.title,
      task: p.task,
      sectionId: p.sectionId,
      sectionName: sections.get(p.sectionId) ?? p.sectionId,
      deadline: p.deadline,
      status: p.status,
      overdue: p.status === 'open' ? today > p.deadline : !!p.solvedOn && p.solvedOn > p.deadline,
      solvedOn: p.solvedOn,
      solution: p.solution,
      complaintIds: p.complaintIds,
      createdAt: p.createdAt.toISOString(),
    }));
  }

  async list(user: PersonPrincipal, q: ProblemQueryDto): Promise<ProblemDto[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    const bureau = user.role === 'office' || user.role === 'leader';
    if (!bureau) {
      if (!user.sectionId) return [];
      if (q.sectionId && q.sectionId !== user.sectionId) throw DomainError.forbidden('无权查看其他处室的问题清单');
      where.sectionId = user.sectionId;
    } else if (q.sectionId) where.sectionId = q.sectionId;
    const rows = await this.ds.getRepository(Problem).find({ where, order: { deadline: 'ASC', createdAt: 'ASC' }, take: 500 });
    return this.toDtos(rows);
  }

  async create(user: PersonPrincipal, dto: CreateProblemDto): Promise<ProblemDto> {
    if (!(await this.ds.getRepository(Section).existsBy({ id: dto.sectionId }))) throw DomainError.invalid('sectionId', '责任处室不存在');
    const ids = [...new Set(dto.complaintIds ?? [])];
    if (ids.length) {
      const found = await this.ds.getRepository(Complaint).countBy({ id: In(ids) });
      if (found !== ids.length) throw DomainError.invalid('complaintIds', '关联的投诉或工单不存在');
    }
    const repo = this.ds.getRepository(Problem);
    const p = repo.create({ title: dto.title, task: dto.task, sectionId: dto.sectionId, deadline: dto.deadline, status: 'open', solvedOn: null, solution: null, complaintIds: ids, createdById: user.id });
    await repo.insert(p);
    return (await this.toDtos([p]))[0]!;
  }

  async solve(user: PersonPrincipal, id: string, dto: SolveProblemDto): Promise<ProblemDto> {
    const repo = this.ds.getRepository(Problem);
    const p = await repo.findOneBy({ id });
    if (!p) throw DomainError.notFound('问题', 'id');
    if (user.role !== 'office' && user.sectionId !== p.sectionId) throw DomainError.forbidden('只能办结本处室负责的问题');
    if (p.status === 'solved') throw new DomainError('CONFLICT', `该问题已于 ${p.solvedOn} 解决`, 'status');
    const today = this.org.today();
    const solvedOn = dto.solvedOn ?? today;
    if (solvedOn > today) throw DomainError.invalid('solvedOn', '解决日期不能晚于今天');
    p.status = 'solved';
    p.solvedOn = solvedOn;
    p.solution = dto.solution;
    await repo.save(p);
    return (await this.toDtos([p]))[0]!;
  }

  /** Problems solved per responsible section in a month, against the 1–2 target. */
  async stats(monthOrCurrent?: string): Promise<ProblemStats> {
    const month = monthOrCurrent ?? this.org.today().slice(0, 7);
    const rows = await this.ds.getRepository(Problem).find();
    const sections = await this.ds.getRepository(Section).find({ order: { sortOrder: 'ASC' } });
    const wanted = sections.filter((s) => s.wubiType || rows.some((p) => p.sectionId === s.id));
    return {
      month,
      target: { ...MONTHLY_TARGET },
      sections: wanted.map((s) => {
        const solved = rows.filter((p) => p.sectionId === s.id && p.solvedOn?.startsWith(month)).length;
        const open = rows.filter((p) => p.sectionId === s.id && p.status === 'open').length;
        return { sectionId: s.id, sectionName: s.name, solved, open, met: solved >= MONTHLY_TARGET.min };
      }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditPageDto } from '@kaoping/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { verifyChain, type ChainRow, type VerifyProblem } from './audit-chain.js';
import { AuditHead, AuditLog } from './audit-log.entity.js';

export interface AuditQuery {
  entity?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reading and verifying the audit log (it is written only by the subscriber; there is no update or delete). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(q: AuditQuery): Promise<AuditPageDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.ds.getRepository(AuditLog).createQueryBuilder('a');
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    // `at` is an ISO string: date bounds compare as text (UTC days)
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: `${q.to}T99` });
    const [rows, total] = await qb.orderBy('a.seq', 'DESC').skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        actorRole: r.actorRole,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: parse(r.before),
        after: parse(r.after),
        hash: r.hash,
      })),
    };
  }
}

/** Walks the whole chain in batches; the first problem, or null. */
export async function verifyAuditLog(em: EntityManager): Promise<{ rows: number; problem: VerifyProblem | null }> {
  const rows: ChainRow[] = [];
  const batch = 2000;
  for (let offset = 0; ; offset += batch) {
    const part = await em.getRepository(AuditLog).find({ order: { seq: 'ASC' }, skip: offset, take: batch });
    rows.push(...part);
    if (part.length < batch) break;
  }
  const head = await em.getRepository(AuditHead).findOneBy({ id: 1 });
  return { rows: rows.length, problem: verifyChain(rows, head) };
}

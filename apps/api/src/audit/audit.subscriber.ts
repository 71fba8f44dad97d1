import type { EntityMetadata, EntitySubscriberInterface, InsertEvent, ObjectLiteral, QueryRunner, RemoveEvent, UpdateEvent } from 'typeorm';
import { EventSubscriber } from 'typeorm';
import { isDuplicateKey } from '../common/errors/db-errors.js';
import { bumpFactsGeneration } from '../scoring/facts-generation.js';
import { currentActor } from './audit-context.js';
import { canonicalJson, GENESIS, rowHash, snapshot } from './audit-chain.js';
import { AuditHead, AuditLog } from './audit-log.entity.js';

/** Tables the log never records: the log itself and derived score caches (recomputed from the facts). */
export const UNAUDITED_TABLES = new Set(['audit_log', 'audit_head', 'score_results', 'score_state']);

/** Writes to these tables do not change any scoring fact (everything else marks the scores stale). */
export const NON_FACT_TABLES = new Set([...UNAUDITED_TABLES, 'notices', 'files', 'invite_codes', 'citizens', 'reminders', 'reminder_settings', 'wechat_consents', 'publicity_boards', 'publicity_tasks', 'publicity_problems', 'open_days', 'open_day_registrations']);

function idOf(metadata: EntityMetadata, entity: ObjectLiteral | undefined): string | null {
  if (!entity) return null;
  const parts = metadata.primaryColumns.map((c) => c.getEntityValue(entity));
  if (parts.some((p) => p === undefined || p === null)) return null;
  return parts.map(String).join(':');
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Appends one row to the chain inside the writer's transaction (or a short one of its own when the write ran
 * outside a transaction). The head row is locked `FOR UPDATE` on MySQL; SQLite serialises writers itself; the
 * `seq` primary key makes a fork impossible either way.
 */
export async function appendAudit(qr: QueryRunner, entry: AuditEntry): Promise<void> {
  const own = !qr.isTransactionActive;
  if (own) await qr.startTransaction();
  try {
    const em = qr.manager;
    const mysql = qr.connection.driver.options.type !== 'better-sqlite3';
    const readHead = () => {
      const qb = em.getRepository(AuditHead).createQueryBuilder('h').where('h.id = 1');
      if (mysql) qb.setLock('pessimistic_write');
      return qb.getOne();
    };
    let head = await readHead();
    if (!head) {
      try {
        await em.createQueryBuilder().insert().into(AuditHead).values({ id: 1, seq: 0, hash: GENESIS }).callListeners(false).execute();
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      head = (await readHead())!;
    }
    const { actor, role } = currentActor();
    const row = {
      seq: head.seq + 1,
      at: new Date().toISOString(),
      actor,
      actorRole: role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ? entry.entityId.slice(0, 120) : null,
      before: entry.before === undefined || entry.before === null ? null : canonicalJson(snapshot(entry.before)),
      after: entry.after === undefined || entry.after === null ? null : canonicalJson(snapshot(entry.after)),
      prevHash: head.hash,
    };
    const hash = rowHash(row);
    await em.createQueryBuilder().insert().into(AuditLog).values({ ...row, hash }).callListeners(false).execute();
    await em.createQueryBuilder().update(AuditHead).set({ seq: row.seq, hash }).where('id = 1').callListeners(false).execute();
    if (!NON_FACT_TABLES.has(entry.entity)) await bumpFactsGeneration(em);
    if (own) await qr.commitTransaction();
  } catch (err) {
    if (own && qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  }
}

/**
 * Records every entity write in the audit log: inserts and `save()` updates with before/after images, removals with
 * the before image. Query-builder `update()`/`delete()` calls (and `repository.update(criteria, partial)`) carry no
 * row identity: they are logged as `update-bulk` / `delete-bulk` with the values set (criteria not captured).
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const table = event.metadata.tableName;
    if (UNAUDITED_TABLES.has(table)) return;
    await appendAudit(event.queryRunner, { action: 'insert', entity: table, entityId: idOf(event.metadata, event.entity), before: null, after: event.entity });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const metadata = event.metadata;
    if (!metadata || UNAUDITED_TABLES.has(metadata.tableName)) return;
    const id = idOf(metadata, event.databaseEntity) ?? idOf(metadata, event.entity as ObjectLiteral | undefined);
    if (event.databaseEntity) {
      await appendAudit(event.queryRunner, { action: 'update', entity: metadata.tableName, entityId: id, before: event.databaseEntity, after: event.entity });
    } else {
      await appendAudit(event.queryRunner, { action: 'update-bulk', entity: metadata.tableName, entityId: id, before: null, after: event.entity ?? null });
    }
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const metadata = event.metadata;
    if (!metadata || UNAUDITED_TABLES.has(metadata.tableName)) return;
    const before = event.databaseEntity ?? event.entity;
    const id = event.entityId !== undefined && event.entityId !== null ? String(typeof event.entityId === 'object' ? canonicalJson(event.entityId) : event.entityId) : idOf(metadata, before);
    await appendAudit(event.queryRunner, { action: before ? 'delete' : 'delete-bulk', entity: metadata.tableName, entityId: id, before: before ?? null, after: null });
  }
}

import { createHash } from 'node:crypto';
import { maskMobile } from '@kaoping/contracts';

/** Pure helpers of the hash chain: canonical JSON, masking, the row hash and the verification walk. */

export const GENESIS = '0'.repeat(64);

/** Keys whose values never enter the log in clear. */
const SECRET_KEYS = new Set(['openid', 'codehash', 'token', 'password', 'secret', 'unionid', 'sessionkey']);
const PHONE_KEYS = new Set(['phone', 'mobile', 'contactphone', 'citizenphone']);


/** A JSON-safe copy of an entity with secrets masked (relations and functions left out). */
export function snapshot(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return depth > 3 ? '[…]' : value.map((v) => snapshot(v, depth + 1));
  if (typeof value === 'object') {
    if (depth > 3) return '{…}';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'function') continue;
      // related entities are logged on their own rows
      if (v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && depth === 0 && !Buffer.isBuffer(v)) continue;
      const key = k.toLowerCase();
      if (SECRET_KEYS.has(key)) out[k] = v === null || v === undefined ? null : '***';
      else if (PHONE_KEYS.has(key) && typeof v === 'string') out[k] = maskMobile(v);
      else out[k] = snapshot(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainRow {
  seq: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/** sha256(prevHash + canonical JSON of the row's content). */
export function rowHash(row: Omit<ChainRow, 'hash'>): string {
  const content = {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    actorRole: row.actorRole ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
  };
  return createHash('sha256').update(row.prevHash + canonicalJson(content)).digest('hex');
}

export interface VerifyProblem {
  seq: number;
  reason: string;
}

/**
 * Walks the chain in seq order. The first problem found: a missing seq (a deleted row), a row whose hash does not
 * match its content (a changed row), a broken link, or a head that points past the last row (deleted tail rows).
 */
export function verifyChain(rows: ChainRow[], head?: { seq: number; hash: string } | null): VerifyProblem | null {
  let prev = GENESIS;
  let expected = 1;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (seq !== expected) return { seq: expected, reason: `第 ${expected} 条记录缺失（下一条为 ${seq}） / row ${expected} is missing` };
    if (r.prevHash !== prev) return { seq, reason: `第 ${seq} 条记录与上一条的链接断开 / broken link (prevHash)` };
    if (rowHash(r) !== r.hash) return { seq, reason: `第 ${seq} 条记录内容已被修改 / row content changed (hash mismatch)` };
    prev = r.hash;
    expected++;
  }
  if (head && head.seq > 0) {
    const last = expected - 1;
    if (head.seq > last) return { seq: last + 1, reason: `第 ${last + 1}–${head.seq} 条记录被删除 / rows ${last + 1}..${head.seq} deleted` };
    if (head.seq === last && head.hash !== prev) return { seq: last, reason: `第 ${last} 条记录与链头不符 / head hash mismatch` };
  }
  return null;
}

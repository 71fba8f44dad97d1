/** What the database drivers (mysql2, better-sqlite3) say when a write fails, read the same way everywhere. */

const DUPLICATE_KEY = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

interface DriverErrorLike {
  code?: string;
  driverError?: { code?: string };
}

/** The driver's error code (TypeORM wraps it in `driverError`). */
export function driverErrorCode(err: unknown): string | undefined {
  const e = (err ?? {}) as DriverErrorLike;
  return e.driverError?.code ?? e.code;
}

/** A unique or primary key refused the row (someone else wrote it first). */
export function isDuplicateKey(err: unknown): boolean {
  const code = driverErrorCode(err);
  return !!code && DUPLICATE_KEY.has(code);
}

interface ConnectionErrorLike {
  code?: string;
  fatal?: boolean;
  message?: string;
  driverError?: ConnectionErrorLike;
}

/** Codes meaning "the database cannot be reached right now" (the server is down, restarting, unreachable or full). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_NORMAL_SHUTDOWN',
  'ER_SHUTDOWN_COMPLETE',
  'ER_QUERY_INTERRUPTED',
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
]);

/** mysql2 errors that carry no code (pool shut, socket already closed). */
const UNREACHABLE_MESSAGES = [/^Pool is closed/, /closed state/, /^Connection lost/];

/** Codes meaning "the database is there but busy": the same request may well succeed a moment later. */
const BUSY = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

/**
 * The database could not be reached (or dropped the connection) while serving the request. A fatal mysql2 error
 * is always one: the connection it happened on is gone.
 */
export function isConnectionError(err: unknown): boolean {
  for (const e of [err as ConnectionErrorLike | undefined, (err as ConnectionErrorLike | undefined)?.driverError]) {
    if (!e || typeof e !== 'object') continue;
    if (e.code && UNREACHABLE.has(e.code)) return true;
    if (e.fatal === true) return true;
    if (typeof e.message === 'string' && !e.code && UNREACHABLE_MESSAGES.some((re) => re.test(e.message!))) return true;
  }
  return false;
}

/** A deadlock, a lock wait that timed out, or a busy SQLite file: worth retrying. */
export function isBusyError(err: unknown): boolean {
  const code = driverErrorCode(err);
  return !!code && BUSY.has(code);
}

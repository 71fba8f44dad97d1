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

import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** How long an instance waits for another one's migrations or seeding (seconds). */
const LOCK_WAIT_SECONDS = 600;

/**
 * Runs `fn` while holding a MySQL named lock (`GET_LOCK`) for this database, so that several API instances starting
 * together migrate and seed one after the other instead of racing. Names are server-wide, hence the database's hash
 * in the name. The embedded SQLite database has one process: no lock.
 */
export async function withDbLock<T>(ds: DataSource, name: string, fn: () => Promise<T>): Promise<T> {
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return fn();
  const database = String(ds.driver.database ?? '');
  const key = `kaoping:${name}:${createHash('sha1').update(database).digest('hex').slice(0, 16)}`;
  const runner = ds.createQueryRunner();
  try {
    const rows = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [key, LOCK_WAIT_SECONDS])) as { got: number | string | null }[];
    if (Number(rows[0]?.got) !== 1) throw new Error(`另一个实例持有 ${name} 锁超过 ${LOCK_WAIT_SECONDS} 秒（${key}）`);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [key]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

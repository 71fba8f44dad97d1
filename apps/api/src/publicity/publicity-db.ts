import type { EntityManager } from 'typeorm';
import { isBusyError } from '../common/errors/db-errors.js';

/** Embedded SQLite serialises writers itself (no row locks); MySQL/MariaDB need `FOR UPDATE`. */
export function sqliteDb(em: EntityManager): boolean {
  return em.connection.driver.options.type === 'better-sqlite3';
}

/** Runs `work` again (a fresh transaction) when the database reports a deadlock or a lock wait timeout. */
export async function retryBusy<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !isBusyError(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * i + Math.floor(Math.random() * 20)));
    }
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Env } from '../config/env.js';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { withDbLock } from './db-lock.js';
import { ensureDatabase } from './scratch.js';

/**
 * MySQL (mysql2) when DATABASE_URL is set: schema from migrations, run on start, never `synchronize`.
 * Otherwise the embedded SQLite file, whose schema follows the entities.
 */
export function dataSourceOptions(env: Env, flavour: 'mysql' | 'mariadb' = 'mysql'): DataSourceOptions {
  if (env.DATABASE_URL) {
    return {
      type: flavour,
      url: env.DATABASE_URL,
      entities: ENTITIES,
      subscribers: [AuditSubscriber],
      migrations: MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
      timezone: 'Z',
      dateStrings: ['DATE'],
      charset: 'utf8mb4_unicode_ci',
      connectTimeout: env.DB_CONNECT_TIMEOUT_MS,
      // the per-query limit (mysql2 `timeout`) is switched on by armQueryTimeout once migrations have run
      ...(env.DB_QUERY_TIMEOUT_MS > 0 ? { maxQueryExecutionTime: env.DB_QUERY_TIMEOUT_MS } : {}),
      enableQueryTimeout: false,
      extra: { connectionLimit: env.DB_POOL_SIZE, waitForConnections: true, queueLimit: 0, enableKeepAlive: true, keepAliveInitialDelay: 10_000 },
    };
  }
  const file = env.sqliteFile;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    subscribers: [AuditSubscriber],
    synchronize: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/**
 * MySQL and MariaDB speak the same protocol but report column defaults differently; TypeORM's schema diff
 * needs to know which one it talks to, so the server is asked once before the data source is built.
 */
export async function serverFlavour(url: string, connectTimeout = 5000): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection({ uri: url, connectTimeout });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    const version = String((rows as { v: string }[])[0]?.v ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Options for the configured database, creating the MySQL database if it does not exist yet. */
export async function resolveDataSourceOptions(env: Env): Promise<DataSourceOptions> {
  if (!env.DATABASE_URL) return dataSourceOptions(env);
  await ensureDatabase(env.DATABASE_URL);
  return dataSourceOptions(env, await serverFlavour(env.DATABASE_URL));
}

export async function createDataSource(env: Env): Promise<DataSource> {
  return new DataSource(await resolveDataSourceOptions(env));
}

/**
 * The API's data source, opened by the TypeORM module (which retries it while the database cannot be reached, see
 * `DB_STARTUP_WAIT_SECONDS`): on MySQL the database is created if missing, the server's flavour asked, and pending
 * migrations run under a named lock, so several instances starting together migrate one at a time.
 */
export async function openDataSource(options: DataSourceOptions, env: Env): Promise<DataSource> {
  if (!env.DATABASE_URL) return new DataSource(options).initialize();
  await ensureDatabase(env.DATABASE_URL, false, env.DB_CONNECT_TIMEOUT_MS);
  const flavour = await serverFlavour(env.DATABASE_URL, env.DB_CONNECT_TIMEOUT_MS);
  const ds = await new DataSource({ ...options, type: flavour, migrationsRun: false } as DataSourceOptions).initialize();
  try {
    await withDbLock(ds, 'migrate', () => ds.runMigrations({ transaction: 'each' }));
  } catch (err) {
    await ds.destroy().catch(() => undefined);
    throw err;
  }
  return ds;
}

/**
 * Switches on the per-query time limit (`DB_QUERY_TIMEOUT_MS`) once start-up work (migrations, seeding) is done:
 * a query that runs longer is abandoned and its connection dropped, so a frozen database cannot hold the pool for
 * ever. (TypeORM reads the flag from the driver's options on every query.)
 */
export function armQueryTimeout(ds: DataSource, env: Env): void {
  if (!env.DATABASE_URL || env.DB_QUERY_TIMEOUT_MS <= 0) return;
  (ds.driver.options as { enableQueryTimeout?: boolean }).enableQueryTimeout = true;
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Env } from '../config/env.js';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
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
      connectTimeout: 5000,
      extra: { connectionLimit: 10, waitForConnections: true, queueLimit: 0 },
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
export async function serverFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection({ uri: url, connectTimeout: 5000 });
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

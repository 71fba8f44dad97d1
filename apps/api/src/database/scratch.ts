import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** Parses `mysql://…/db` into the server URL and the database name. */
export function splitMysqlUrl(url: string): { server: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'kaoping';
  u.pathname = '/';
  return { server: u.toString(), database };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Creates the database if it does not exist (utf8mb4). */
export async function ensureDatabase(url: string, drop = false, connectTimeout = 5000): Promise<void> {
  const { server, database } = splitMysqlUrl(url);
  const conn = await createConnection({ uri: server, connectTimeout });
  try {
    if (drop) await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const { server, database } = splitMysqlUrl(url);
  const conn = await createConnection({ uri: server, connectTimeout: 5000 });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/** Runs `fn` against a fresh scratch database next to the one in `url`, dropped afterwards. */
export async function withScratchDatabase<T>(url: string, fn: (scratchUrl: string) => Promise<T>): Promise<T> {
  const { database } = splitMysqlUrl(url);
  const scratch = withDatabase(url, `${database}_scratch_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(scratch, true);
  try {
    return await fn(scratch);
  } finally {
    await dropDatabase(scratch);
  }
}

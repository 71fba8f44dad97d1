/**
 * The tested restore behind `npm run backup:verify` (MySQL/MariaDB only): a dump of a database with the demo bureau
 * restores into a scratch database with the same rows and checksums in every table; a restore that lost a row is
 * reported; the scratch database is dropped either way.
 */
import { createConnection } from 'mysql2/promise';
import { formatBackupReport, verifyBackup } from '../../src/database/backup.js';
import { splitMysqlUrl } from '../../src/database/scratch.js';
import { DEMO, startTestApp, type TestApp } from '../support/test-app.js';

describe('backup and tested restore', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function scratchDatabases(): Promise<string[]> {
    const { server, database } = splitMysqlUrl(t.env.DATABASE_URL!);
    const conn = await createConnection({ uri: server });
    try {
      const [rows] = await conn.query('SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${database}_restore_%`]);
      return (rows as { s: string }[]).map((r) => r.s);
    } finally {
      await conn.end();
    }
  }

  it('successful-restore: every table comes back with the same rows and checksum', async () => {
    // the demo bureau: Chinese names, dates, JSON text columns, the audit chain
    const report = await verifyBackup({ sourceUrl: t.env.DATABASE_URL! });
    const text = formatBackupReport(report);
    expect(report.ok).toBe(true);
    expect(report.tables.every((x) => x.status === 'ok')).toBe(true);
    const people = report.tables.find((x) => x.table === 'people');
    expect(people?.sourceRows).toBeGreaterThan(60);
    expect(people?.restoredRows).toBe(people?.sourceRows);
    expect(report.tables.find((x) => x.table === 'audit_log')).toBeDefined();
    expect(text).toContain('people');
    expect(await scratchDatabases()).toEqual([]);
  }, 120_000);

  it('failing-restore: a restored copy that lost a row is reported, table by table', async () => {
    const report = await verifyBackup({
      sourceUrl: t.env.DATABASE_URL!,
      afterRestore: async (scratchUrl) => {
        const conn = await createConnection({ uri: scratchUrl });
        try {
          await conn.query('SET FOREIGN_KEY_CHECKS = 0');
          await conn.query('DELETE FROM people WHERE id = ?', [DEMO.staffZf1]);
        } finally {
          await conn.end();
        }
      },
    });
    expect(report.ok).toBe(false);
    const people = report.tables.find((x) => x.table === 'people')!;
    expect(people.status).toBe('mismatch');
    expect(people.restoredRows).toBe(people.sourceRows - 1);
    expect(report.tables.filter((x) => x.status !== 'ok').map((x) => x.table)).toContain('people');
    expect(await scratchDatabases()).toEqual([]);
  }, 120_000);
});

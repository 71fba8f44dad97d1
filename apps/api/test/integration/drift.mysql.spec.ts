/** MySQL only: the migrations build exactly the schema the entities describe (no drift). */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadEnv } from '../../src/config/env.js';
import { resolveDataSourceOptions } from '../../src/database/data-source.js';
import { withScratchDatabase } from '../../src/database/scratch.js';

const base = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/kaoping_test';

async function pendingSchemaChanges(url: string, mutate?: (ds: DataSource) => Promise<void>): Promise<string[]> {
  const options = await resolveDataSourceOptions(loadEnv({ DATABASE_URL: url }));
  const ds = new DataSource({ ...options, migrationsRun: false } as DataSourceOptions);
  await ds.initialize();
  try {
    await ds.runMigrations();
    if (mutate) await mutate(ds);
    const sql = await ds.driver.createSchemaBuilder().log();
    // the schema builder never drops a table no entity names: list those as drift too
    const entityTables = new Set(ds.entityMetadatas.map((m) => m.tableName));
    const tables = (await ds.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()')) as { t: string }[];
    const orphans = tables.map((r) => r.t).filter((t) => t !== 'migrations' && !entityTables.has(t));
    return [...sql.upQueries.map((q) => q.query), ...orphans.map((t) => `-- table without entity: ${t}`)];
  } finally {
    await ds.destroy();
  }
}

describe('entities and migrations', () => {
  it('do not drift apart: a freshly migrated database needs no schema change', async () => {
    const pending = await withScratchDatabase(base, (url) => pendingSchemaChanges(url));
    expect(pending).toEqual([]);
  });

  it('the check does catch drift (a column the entities have but the database lacks)', async () => {
    const pending = await withScratchDatabase(base, (url) => pendingSchemaChanges(url, (ds) => ds.query('ALTER TABLE `people` DROP COLUMN `featured`').then(() => undefined)));
    expect(pending.join('\n')).toContain('featured');
  });

  it('the check does catch a table no entity describes (left behind by a removed entity)', async () => {
    const pending = await withScratchDatabase(base, (url) => pendingSchemaChanges(url, (ds) => ds.query('CREATE TABLE `left_behind` (`id` int PRIMARY KEY)').then(() => undefined)));
    expect(pending).toContain('-- table without entity: left_behind');
  });
});

/**
 * Writes a MySQL migration for the difference between the entities and the migrations so far.
 * Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/any npm run migration:generate -w @kaoping/api -- Name
 * A scratch database is created beside the one named, migrated, compared and dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadEnv } from '../config/env.js';
import { REPO_ROOT } from '../config/paths.js';
import { resolveDataSourceOptions } from '../database/data-source.js';
import { withScratchDatabase } from '../database/scratch.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('用法: migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  console.error('需要 DATABASE_URL=mysql://…');
  process.exit(2);
}

await withScratchDatabase(env.DATABASE_URL, async (url) => {
  const ds = new DataSource({ ...(await resolveDataSourceOptions(loadEnv({ ...process.env, DATABASE_URL: url }))), migrationsRun: false } as DataSourceOptions);
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('实体与迁移一致，无需生成。');
    return;
  }
  const ts = Date.now();
  const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
  const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
  const down = sql.downQueries.reverse().map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
  const cls = `${name}${ts}`;
  const file = resolve(REPO_ROOT, `apps/api/src/database/migrations/${ts}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  const index = resolve(REPO_ROOT, 'apps/api/src/database/migrations/index.ts');
  const lines = readFileSync(index, 'utf8').split('\n');
  lines.splice(lines.findIndex((l) => l.startsWith('import type')) + 1, 0, `import { ${cls} } from './${ts}-${name}.js';`);
  lines.splice(lines.lastIndexOf('];'), 0, `  ${cls},`);
  writeFileSync(index, lines.join('\n'));
  console.log(`已生成 ${file}，并登记于 migrations/index.ts`);
});

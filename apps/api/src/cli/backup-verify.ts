/**
 * `npm run backup:verify`: dumps a database with mariadb-dump/mysqldump, restores the dump into a scratch database,
 * compares every table (rows and CHECKSUM TABLE), prints the comparison, drops the scratch database; exit 1 on any
 * difference. The source is DATABASE_URL when set, otherwise a fresh database seeded with the demo bureau on the
 * server given by `--server` (default mysql://root@127.0.0.1:3306), dropped afterwards.
 *   --out <file>   keep the verified dump at <file> (a backup you know restores)
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../config/env.js';
import { formatBackupReport, verifyBackup } from '../database/backup.js';
import { createDataSource } from '../database/data-source.js';
import { dropDatabase, withDatabase } from '../database/scratch.js';
import { seedDemo } from '../seed/demo.js';

const { values } = parseArgs({ options: { server: { type: 'string' }, out: { type: 'string' } } });
const env = loadEnv();
let source = env.DATABASE_URL;
let fresh: string | null = null;
if (!source) {
  fresh = withDatabase(values.server ?? 'mysql://root@127.0.0.1:3306/', `kaoping_backup_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
  source = fresh;
  console.log('未设置 DATABASE_URL：新建数据库并载入演示数据作为备份源……');
  const ds = await createDataSource(loadEnv({ ...process.env, DATABASE_URL: fresh }));
  await ds.initialize();
  await ds.runMigrations();
  await seedDemo(ds);
  await ds.destroy();
}
const shown = new URL(source);
shown.password = shown.password ? '***' : '';
try {
  const report = await verifyBackup({ sourceUrl: source, outFile: values.out ? resolve(values.out) : undefined });
  console.log(`备份源 ${shown.toString()}，工具 ${report.tool}，备份文件 ${(report.dumpBytes / 1024).toFixed(0)} KB${values.out ? `（已保存：${resolve(values.out)}）` : ''}`);
  console.log(formatBackupReport(report));
  const rows = report.tables.reduce((n, t) => n + t.sourceRows, 0);
  const busy = report.tables.filter((t) => t.status === 'busy').length;
  if (report.ok) {
    console.log(`恢复校验通过：${report.tables.length} 张表、${rows} 行一致${busy ? `（${busy} 张表在备份期间有写入，未比对）` : ''}。`);
  } else {
    console.error('恢复校验失败：恢复后的数据与源库不一致（见上表）。');
    process.exitCode = 1;
  }
} finally {
  if (fresh) await dropDatabase(fresh);
}

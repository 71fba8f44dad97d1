/** `npm run audit:verify`: walks the audit log's hash chain in the configured database; exit 1 naming the first bad row. */
import { verifyAuditLog } from '../audit/audit.service.js';
import { loadEnv } from '../config/env.js';
import { createDataSource } from '../database/data-source.js';

const env = loadEnv();
const ds = await createDataSource(env);
await ds.initialize();
try {
  const { rows, problem } = await verifyAuditLog(ds.manager);
  if (problem) {
    console.error(`审计日志校验失败：seq ${problem.seq}：${problem.reason}`);
    process.exitCode = 1;
  } else {
    console.log(`审计日志完整：共 ${rows} 条，哈希链校验通过（${env.databaseKind === 'mysql' ? 'MySQL' : env.sqliteFile}）。`);
  }
} finally {
  await ds.destroy();
}

import { loadEnv, EnvError } from './config/env.js';
import { createApp } from './app.factory.js';
import { OrgService } from './org/org.service.js';
import { driverErrorCode, isConnectionError } from './common/errors/db-errors.js';

let startupWait = 0;

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv(process.env, { forServer: true });
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  startupWait = env.DATABASE_URL ? env.DB_STARTUP_WAIT_SECONDS : 0;
  const app = await createApp({ env });
  await app.listen(env.PORT);
  const url = `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `考评 Kaoping 已启动：${url}`,
    `  H5 应用     ${url}/`,
    `  接口文档    ${url}/api/docs`,
    `  健康检查    ${url}/api/health`,
    `  数据库      ${env.databaseKind === 'mysql' ? 'MySQL（DATABASE_URL）' : `内置 SQLite：${env.sqliteFile}`}`,
  ];
  if (env.KAOPING_DEV_LOGIN) {
    const people = await app.get(OrgService).listPeople({ kind: 'all' });
    const featured = ['p001', 'p015', 'p016', 'p039', 'p043'];
    lines.push('  演示登录已开启（KAOPING_DEV_LOGIN=true），在 H5 登录页选择身份：');
    for (const p of people.filter((x) => featured.includes(x.id))) {
      lines.push(`    ${p.id}  ${p.name}  ${p.sectionName ?? '局领导'}  ${p.role}`);
    }
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  if (isConnectionError(err)) {
    // exit (non-zero) rather than serve without a migrated schema: the process manager starts it again
    console.error(
      `启动失败：无法连接数据库（${driverErrorCode(err) ?? (err instanceof Error ? err.message : err)}），已等待约 ${startupWait} 秒。请确认 MySQL 正在运行、DATABASE_URL 正确，或调大 DB_STARTUP_WAIT_SECONDS。`,
    );
  } else {
    console.error('启动失败：', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});

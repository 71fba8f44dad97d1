// Runs the API integration suite against one database: `--db=mysql` (MariaDB/MySQL at TEST_DATABASE_URL,
// default mysql://root@127.0.0.1:3306/kaoping_test) or `--db=sqlite` (embedded). With CI=true a missing
// MySQL server fails the run; elsewhere it is reported and the MySQL run is left out.
// Specs named *.redis.spec.ts need Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379): with CI=true a missing
// Redis fails the run; elsewhere those specs are left out with a warning.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dbArg = args.find((a) => a.startsWith('--db='));
const db = dbArg ? dbArg.slice(5) : 'sqlite';
const rest = args.filter((a) => a !== dbArg);
if (db !== 'mysql' && db !== 'sqlite') {
  console.error(`--db must be mysql or sqlite, not ${db}`);
  process.exit(2);
}

const env = { ...process.env, KAOPING_TEST_DB: db };
if (db === 'mysql') {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/kaoping_test';
  env.TEST_DATABASE_URL = url;
  const require = createRequire(import.meta.url);
  const mysql = require('mysql2/promise');
  const u = new URL(url);
  u.pathname = '/';
  try {
    const conn = await mysql.createConnection({ uri: u.toString(), connectTimeout: 5000 });
    await conn.ping();
    await conn.end();
  } catch (err) {
    const msg = `MySQL/MariaDB 不可用（${u.host}）：${err.message}`;
    if (process.env.CI) {
      console.error(`${msg}\nCI=true：需要 MySQL 的测试不能跳过。`);
      process.exit(1);
    }
    console.warn(`${msg}\n未设置 CI：跳过 MySQL 集成测试（CI 中会失败）。`);
    process.exit(0);
  }
}

{
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const require = createRequire(import.meta.url);
  const { Redis } = require('ioredis');
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    env.KAOPING_TEST_REDIS = url;
  } catch (err) {
    const msg = `Redis 不可用（${url}）：${err.message}`;
    if (process.env.CI) {
      console.error(`${msg}\nCI=true：需要 Redis 的测试（*.redis.spec.ts）不能跳过。`);
      process.exit(1);
    }
    console.warn(`${msg}\n未设置 CI：跳过需要 Redis 的测试（CI 中会失败）。`);
  } finally {
    client.disconnect();
  }
}

const jest = resolve(here, '../../../node_modules/jest/bin/jest.js');
const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '--config', resolve(here, '../jest.integration.config.cjs'), ...rest], {
  stdio: 'inherit',
  env,
  cwd: resolve(here, '..'),
});
process.exit(r.status ?? 1);

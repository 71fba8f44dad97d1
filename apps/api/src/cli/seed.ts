/** `npm run seed`: loads the demo bureau into the configured database (idempotent). */
import { loadEnv } from '../config/env.js';
import { createDataSource } from '../database/data-source.js';
import { seedDemo } from '../seed/demo.js';

const env = loadEnv();
const ds = await createDataSource(env);
await ds.initialize();
if (env.DATABASE_URL) await ds.runMigrations();
await seedDemo(ds);
await ds.destroy();
console.log(`演示数据已载入（${env.databaseKind === 'mysql' ? 'MySQL' : env.sqliteFile}）。`);

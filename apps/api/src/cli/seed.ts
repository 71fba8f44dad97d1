/** `npm run seed`: loads the demo bureau into the configured database (idempotent). */
import { loadEnv } from '../config/env.js';
import { createDataSource } from '../database/data-source.js';
import { seedDemoBureau } from '../seed/demo-seeder.js';

const env = loadEnv();
const ds = await createDataSource(env);
await ds.initialize();
if (env.DATABASE_URL) await ds.runMigrations();
const report = await seedDemoBureau(ds);
await ds.destroy();
console.log(`演示数据已载入（${env.databaseKind}）：处室 ${report.sections}，人员 ${report.people}，任职记录 ${report.memberships}`);

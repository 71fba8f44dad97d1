import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { Clock } from '../../src/common/time.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { dropDatabase, withDatabase } from '../../src/database/scratch.js';

export const TEST_DB = (process.env.KAOPING_TEST_DB ?? 'sqlite') as 'mysql' | 'sqlite';

/** A clock the test can set. */
export class FixedClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
}

export interface TestApp {
  app: NestExpressApplication;
  env: Env;
  ds: DataSource;
  http: ReturnType<typeof request>;
  /** A bearer token for a demo person (dev login). */
  login(personId: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * A second app instance on the first one's database (as two API instances behind a load balancer): no new
   * database, no demo load of its own; the database stays until the first app closes (close this one first).
   */
  shareDatabaseWith?: TestApp;
  /** Where the app's log lines go (instead of stdout); pass LOG_LEVEL too, tests default to silent. */
  logStream?: DestinationStream;
}

/** A fresh app on its own database (a new MariaDB schema or a temp SQLite file), demo bureau loaded. */
export async function startTestApp(overrides: Record<string, string> = {}, clock?: Clock, options: TestAppOptions = {}): Promise<TestApp> {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  // the hourly reminder sweep would write notices in the middle of a test: on only where a test asks for it
  const vars: Record<string, string> = { KAOPING_DEV_LOGIN: 'true', LOG_LEVEL: 'silent', H5_DIR: '', AUTH_RATE_LIMIT: '10000', COMPLAINT_RATE_LIMIT: '10000', REMINDERS_CRON: 'off' };
  let cleanup: () => Promise<void>;
  const shared = options.shareDatabaseWith?.env;
  if (shared) {
    if (shared.DATABASE_URL) vars.DATABASE_URL = shared.DATABASE_URL;
    else vars.SQLITE_PATH = shared.SQLITE_PATH;
    cleanup = async () => undefined;
  } else if (TEST_DB === 'mysql') {
    const url = withDatabase(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/kaoping_test', `kaoping_t_${tag}`);
    vars.DATABASE_URL = url;
    cleanup = () => dropDatabase(url);
  } else {
    const file = join(tmpdir(), `kaoping-test-${tag}.sqlite`);
    vars.SQLITE_PATH = file;
    cleanup = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  }
  const env = loadEnv({ ...vars, ...overrides });
  const app = await createApp({ env, clock, logStream: options.logStream });
  const ds = app.get<DataSource>(getDataSourceToken());
  const http = request(app.getHttpServer());
  return {
    app,
    env,
    ds,
    http,
    async login(personId: string) {
      const res = await request(app.getHttpServer()).post('/api/auth/dev').send({ personId });
      if (res.status !== 200) throw new Error(`dev login ${personId} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    async close() {
      await app.close();
      await cleanup();
    },
  };
}

/** Row counts of every table: "nothing written" is checked by comparing two of these. */
export async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const q = (name: string) => ds.driver.escape(name);
  const sql = ds.entityMetadatas.map((m) => `SELECT '${m.tableName}' AS t, COUNT(*) AS c FROM ${q(m.tableName)}`).join(' UNION ALL ');
  const rows = (await ds.query(sql)) as { t: string; c: number | string }[];
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.c)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** Demo personas used across tests (seeds/demo/bureau.json). */
export const DEMO = {
  leader: 'p001',
  chiefZf1: 'p015',
  staffZf1: 'p016',
  office: 'p039',
  chiefJdk: 'p043',
  previousChiefZf1: 'p014',
} as const;

/** A representative session for a demo survey invitation (the guard resolves `representative` tokens to an invitation). */
export async function representativeToken(t: TestApp): Promise<string> {
  const { SurveyInvitation } = await import('../../src/surveys/survey.entities.js');
  const { TokenService } = await import('../../src/auth/token.service.js');
  const inv = await t.ds.getRepository(SurveyInvitation).findOneOrFail({ where: {}, order: { createdAt: 'ASC' } });
  return t.app.get(TokenService).signAccess('representative', inv.id);
}

// System-test harness: real API processes (apps/api/dist/main.js) on free ports against MariaDB and Redis, a
// private MariaDB server the fault tests may stop, freeze and restart (never the shared one at 127.0.0.1:3306), and
// helpers to talk to the API and read the database. With CI=true a missing MariaDB, Redis or build fails the run;
// elsewhere the system tests are reported and left out.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(REPO, 'apps/api/dist/main.js');
const apiRequire = createRequire(join(REPO, 'apps/api/package.json'));
export const mysql = apiRequire('mysql2/promise');
const Redis = apiRequire('ioredis').default ?? apiRequire('ioredis');

/** The shared servers (the machine's MariaDB and Redis). */
export const SHARED_MYSQL = (process.env.SYSTEM_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
export const REDIS_URL = process.env.SYSTEM_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MARIADBD = process.env.MARIADBD_PATH ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB_PATH ?? 'mariadb-install-db';
const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/** Every child process started here, killed if the test run dies. */
const children = new Set();
process.on('exit', () => {
  for (const c of children) {
    try {
      process.kill(c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export const tag = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Why the system tests cannot run here, or null. Under CI this is a failure, not a skip (see `requirePrerequisites`). */
export async function missingPrerequisite({ privateServers = false } = {}) {
  if (!existsSync(MAIN)) return 'API not built (npm run build -w @kaoping/api)';
  try {
    const c = await mysql.createConnection({ uri: `${SHARED_MYSQL}/`, connectTimeout: 3000 });
    await c.end();
  } catch (err) {
    return `MariaDB not reachable at ${SHARED_MYSQL} (${err.code ?? err.message})`;
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    return `Redis not reachable at ${REDIS_URL} (${err.code ?? err.message})`;
  } finally {
    redis.disconnect();
  }
  if (privateServers) {
    if (!existsSync(MARIADBD)) return `${MARIADBD} not found (apt-get install -y mariadb-server)`;
    if (!onPath(INSTALL_DB)) return `${INSTALL_DB} not found (apt-get install -y mariadb-server)`;
    if (!onPath(REDIS_SERVER)) return `${REDIS_SERVER} not found (apt-get install -y redis-server)`;
  }
  return null;
}

/** True if `command` is an executable path or found on PATH (nothing is run). */
function onPath(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

/** Resolves the reason the suite is left out (outside CI), or throws under CI=true. */
export async function requirePrerequisites(options) {
  const missing = await missingPrerequisite(options);
  if (missing && process.env.CI) throw new Error(`system tests cannot run under CI: ${missing}`);
  if (missing) console.warn(`system tests left out: ${missing}`);
  return missing;
}

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A fresh database on the shared MariaDB; `drop()` removes it. */
export async function sharedDatabase() {
  const name = `kaoping_sys_${tag()}`;
  const url = `${SHARED_MYSQL}/${name}`;
  return {
    name,
    url,
    query: (sql, params) => queryOnce(url, sql, params),
    async drop() {
      await queryOnce(`${SHARED_MYSQL}/`, `DROP DATABASE IF EXISTS \`${name}\``);
    },
  };
}

/** One query on a short-lived connection. */
export async function queryOnce(url, sql, params = []) {
  const c = await mysql.createConnection({ uri: url, connectTimeout: 5000, timezone: 'Z' });
  try {
    const [rows] = await c.query(sql, params);
    return rows;
  } finally {
    await c.end();
  }
}

/** Deletes every Redis key under `prefix` (the API's REDIS_PREFIX). */
export async function dropRedisPrefix(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A MariaDB server of our own (datadir in a temp folder, its own port): the fault tests stop, freeze and restart
 * it. Root over TCP on 127.0.0.1 with an empty password, like the shared one.
 */
export class PrivateMariaDB {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'kaoping-mariadb-'));
    this.datadir = join(this.dir, 'data');
    this.child = null;
    this.port = 0;
    this.log = '';
  }

  get url() {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  async install() {
    const r = spawnSync(INSTALL_DB, ['--no-defaults', `--datadir=${this.datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mariadb-install-db failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    this.port = await freePort();
  }

  /** Starts the server (same datadir and port every time) and waits until it answers. */
  async start() {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.startOnce();
      } catch (err) {
        // another process took the free port before the server bound it: only on the first start, take another
        if (this.started || attempt >= 3 || !/Address already in use|Can't start server: Bind/i.test(this.log)) throw err;
        this.log = '';
        this.port = await freePort();
      }
    }
  }

  async startOnce() {
    if (this.child) throw new Error('private MariaDB already running');
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.add(child);
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
    child.once('exit', () => children.delete(child));
    this.child = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) {
        this.child = null;
        throw new Error(`private MariaDB exited (${child.exitCode}):\n${this.log.slice(-3000)}`);
      }
      try {
        await queryOnce(`${this.url}/`, 'SELECT 1');
        this.started = true;
        return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`private MariaDB did not start in 60 s:\n${this.log.slice(-3000)}`);
      await sleep(100);
    }
  }

  /** Clean shutdown (SIGTERM), waiting until the process has gone. */
  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
  }

  /** The server stops answering without closing anything (as behind a dead network link). */
  freeze() {
    this.child.kill('SIGSTOP');
  }

  thaw() {
    this.child.kill('SIGCONT');
  }

  async destroy() {
    if (this.child) {
      this.thaw();
      await this.stop();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Redis server of our own (no persistence, its own port): the fault tests stop and restart it. */
export class PrivateRedis {
  constructor() {
    this.child = null;
    this.port = 0;
    this.log = '';
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    if (!this.port) this.port = await freePort();
    const child = spawn(REDIS_SERVER, ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
    child.once('exit', () => children.delete(child));
    this.child = child;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`private Redis exited (${child.exitCode}):\n${this.log.slice(-2000)}`);
      const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        if ((await redis.ping()) === 'PONG') return;
      } catch {
        // not up yet
      } finally {
        redis.disconnect();
      }
      if (Date.now() > deadline) throw new Error('private Redis did not start in 30 s');
      await sleep(100);
    }
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

/** An API process (the built app) with its own port; start, kill and restart it on the same port. */
export class ApiProcess {
  constructor(env, name = 'api') {
    this.name = name;
    this.env = env;
    this.port = 0;
    this.child = null;
    this.output = '';
    this.exited = null;
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.child?.pid;
  }

  /** Spawns the process (a free port the first time, the same port afterwards); does not wait. */
  async spawn({ expectExit = false } = {}) {
    this.expectExit = expectExit;
    if (!this.port) this.port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: String(this.port),
        KAOPING_DEV_LOGIN: 'true',
        H5_DIR: '',
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    this.child = child;
    this.startedFrom = this.output.length;
    this.exited = new Promise((r) =>
      child.once('exit', (code, signal) => {
        children.delete(child);
        // an exit nobody asked for: say why, the test will fail on what follows
        if (!this.expectExit) process.stderr.write(`\n${this.name} (pid ${child.pid}) exited by itself (${code ?? signal}):\n${this.output.slice(-4000)}\n`);
        r({ code, signal });
      }),
    );
    child.stdout.on('data', (d) => (this.output += d));
    child.stderr.on('data', (d) => (this.output += d));
    return this;
  }

  /** Spawns and waits until `/api/health` answers 200 (on a new port if the first one was taken meanwhile). */
  async start() {
    for (let attempt = 0; ; attempt++) {
      await this.spawn();
      try {
        await this.ready();
        this.started = true;
        return this;
      } catch (err) {
        if (this.started || attempt >= 3 || !this.output.slice(this.startedFrom).includes('EADDRINUSE')) throw err;
        this.port = 0;
      }
    }
  }

  async ready(timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.output.slice(-4000)}`);
      try {
        // our process says it is listening (not some other process that took the port), and it is healthy
        const started = this.output.includes(`已启动：http://localhost:${this.port}`, this.startedFrom);
        const res = started ? await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) }) : null;
        if (res?.status === 200) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} did not become healthy in ${timeoutMs / 1000} s:\n${this.output.slice(-4000)}`);
      await sleep(150);
    }
  }

  /** Kills the process with `signal` and waits for it to go. */
  async kill(signal = 'SIGKILL') {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.expectExit = true;
    this.child.kill(signal);
    await this.exited;
    this.expectExit = false;
  }

  async stop() {
    await this.kill('SIGTERM');
  }
}

/** POST/GET to the API; network failures and timeouts come back as `{ status: 0, error }` instead of throwing. */
export async function call(baseUrl, method, path, { body, token, headers = {}, timeoutMs = 30_000 } = {}) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (token) h.authorization = `Bearer ${token}`;
  const started = Date.now();
  try {
    const res = await fetch(baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers, ms: Date.now() - started };
  } catch (err) {
    const cause = err.cause?.code ?? err.name ?? err.message;
    return { status: 0, error: String(cause), ms: Date.now() - started };
  }
}

export async function devLogin(baseUrl, personId) {
  const res = await call(baseUrl, 'POST', '/api/auth/dev', { body: { personId } });
  if (res.status !== 200) throw new Error(`dev login ${personId} → ${res.status} ${JSON.stringify(res.body ?? res.error)}`);
  return res.body.token;
}

/** Demo people who have a section with an attendance site, each with that site's coordinates. */
export function peopleWithSites(count) {
  const bureau = JSON.parse(readFileSync(join(REPO, 'seeds/demo/bureau.json'), 'utf8'));
  const att = JSON.parse(readFileSync(join(REPO, 'seeds/demo/attendance.json'), 'utf8'));
  const siteOf = new Map();
  for (const s of att.sites) for (const sec of s.sectionIds) if (!siteOf.has(sec)) siteOf.set(sec, s);
  const current = new Map();
  for (const m of bureau.memberships) if (!m.to) current.set(m.personId, m.sectionId);
  const out = [];
  for (const [personId, sectionId] of current) {
    const site = siteOf.get(sectionId);
    if (site) out.push({ personId, latitude: site.latitude, longitude: site.longitude });
  }
  if (out.length < count) throw new Error(`only ${out.length} demo people have a site`);
  return out.slice(0, count);
}

/** A clock-in request body at the person's site. */
export function clockInBody(person, key, extra = {}) {
  return { type: 'in', latitude: person.latitude, longitude: person.longitude, accuracy: 15, clientTime: new Date().toISOString(), idempotencyKey: key, deviceId: `sys-${person.personId}`, ...extra };
}

/** The demo citizen survey (QR) and its targets' QR tokens, fetched as the office. */
export const CITIZEN_SURVEY = '00000000-0000-4000-8000-00000000a001';
export const SURVEY_ANSWERS = [
  { questionId: 'q1', value: '满意' },
  { questionId: 'q2', value: '基本满意' },
  { questionId: 'q3', value: '满意' },
  { questionId: 'q4', value: '4' },
];

export async function surveyQrTokens(baseUrl) {
  const office = await devLogin(baseUrl, 'p039');
  const survey = await call(baseUrl, 'GET', `/api/surveys/${CITIZEN_SURVEY}`, { token: office });
  if (survey.status !== 200) throw new Error(`survey → ${survey.status}`);
  const out = [];
  for (const t of survey.body.targets) {
    const link = await call(baseUrl, 'GET', `/api/surveys/${CITIZEN_SURVEY}/qr-link?sectionId=${t.sectionId}`, { token: office });
    if (link.status !== 200) throw new Error(`qr-link → ${link.status}`);
    out.push({ sectionId: t.sectionId, token: link.body.token });
  }
  return out;
}

/** A citizen identity (anonymous device login), with its own client address for per-address limits. */
export async function citizen(baseUrl, n, runTag) {
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const res = await call(baseUrl, 'POST', '/api/auth/citizen', { body: { deviceId: `sys-${runTag}-${String(n).padStart(5, '0')}` }, headers: { 'x-forwarded-for': ip } });
  if (res.status !== 200) throw new Error(`citizen login → ${res.status} ${JSON.stringify(res.body ?? res.error)}`);
  return { token: res.body.token, ip };
}

export function surveyBody(qrToken, key) {
  return { token: qrToken, answers: SURVEY_ANSWERS, durationMs: 45_000, idempotencyKey: key };
}

import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { isAbsolute, resolve } from 'node:path';
import { isValidTimeZone } from '../common/time.js';
import { REPO_ROOT } from './paths.js';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Development defaults of the two secrets: fine on a laptop, refused by a production server. */
export const DEV_JWT_SECRET = 'kaoping-dev-secret-change-me-in-production';
export const DEV_SURVEY_SECRET = 'kaoping-survey-secret-change-me';

/**
 * Every setting the API reads. Nothing else reads `process.env`.
 * Start-up lists every invalid variable at once (see `loadEnv`).
 */
export class Env {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** `mysql://user:pass@host:3306/db` selects MySQL (mysql2); unset → embedded SQLite. */
  @IsOptional() @IsString() @Matches(/^mysql:\/\/.+/, { message: 'DATABASE_URL 必须是 mysql://… 形式' })
  DATABASE_URL: string | undefined = undefined;

  /** Embedded SQLite file (relative paths are taken from the repo root). */
  @IsOptional() @IsString()
  SQLITE_PATH = 'data/kaoping.sqlite';

  /** Load the demo bureau into an empty database on start. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SEED_DEMO = true;

  /** Enables `POST /api/auth/dev` and the H5 persona picker. Never in production. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  KAOPING_DEV_LOGIN = false;

  /**
   * `production` makes start-up refuse the development secrets and the demo login (see `isProduction`). Any other
   * value (or unset) changes nothing.
   */
  @IsOptional() @IsString()
  NODE_ENV = '';

  @IsOptional() @IsString() @MinLength(16)
  JWT_SECRET = DEV_JWT_SECRET;

  /** Access token lifetime, seconds (short: a stolen token is useful for this long at most). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 2 * 3600;

  /** Refresh token lifetime, seconds: how long a session lasts without use (each refresh rotates the token). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(3600)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /**
   * Which proxies' `X-Forwarded-For` is believed, so that `req.ip` (rate limits, logs) is the client's address:
   * `loopback` (nginx on the same host), a hop count (`1`), or addresses/CIDRs (`10.0.0.0/8,192.168.1.10`);
   * `false` believes none.
   */
  @IsOptional() @IsString() @Matches(/^(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, { message: 'TRUST_PROXY 形如 loopback、1 或 10.0.0.0/8,192.168.1.10' })
  TRUST_PROXY = 'loopback';

  @IsOptional() @IsString() @Matches(/^https?:\/\/.+/)
  WECHAT_BASE_URL = 'https://api.weixin.qq.com';

  @IsOptional() @IsString()
  WECHAT_APPID = '';

  @IsOptional() @IsString()
  WECHAT_SECRET = '';

  @IsOptional() @Transform(toInt) @IsInt() @Min(100)
  WECHAT_TIMEOUT_MS = 5000;

  // ── reminders: WeChat subscription-message templates per kind (empty → in-app notice only) ──
  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_DIARY 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_DIARY = '';

  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_LEAVE 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_LEAVE = '';

  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_INCIDENT 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_INCIDENT = '';

  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_SURVEY 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_SURVEY = '';

  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_REPORT 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_REPORT = '';

  @IsOptional() @IsString() @Matches(/^([\w-]{1,64})?$/, { message: 'WECHAT_TEMPLATE_MEETING 是订阅消息模板 ID（字母、数字、_、-）' })
  WECHAT_TEMPLATE_MEETING = '';

  /** Template keyword → reminder value (title, note, time, deadline, name, section); the key's type sets its format. */
  @IsOptional() @IsString() @Matches(/^[a-z_]+\d+:(title|note|time|deadline|name|section)(,[a-z_]+\d+:(title|note|time|deadline|name|section))*$/, {
    message: 'WECHAT_TEMPLATE_FIELDS 形如 thing1:title,time2:time,thing3:note',
  })
  WECHAT_TEMPLATE_FIELDS = 'thing1:title,time2:time,thing3:note';

  /** Long-term subscription templates (政务民生 and similar categories): one consent allows many messages. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  WECHAT_SUBSCRIBE_LONG_TERM = false;

  /** Which version of the mini-program a message opens: formal (正式版), trial (体验版), developer (开发版). */
  @IsOptional() @IsIn(['formal', 'trial', 'developer'])
  WECHAT_MINIPROGRAM_STATE = 'formal';

  /** Extra attempts for a subscription message after a transient failure (busy, HTTP error, timeout). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(5)
  WECHAT_SEND_RETRIES = 2;

  /** First backoff before a retry (ms); doubled each time. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  WECHAT_RETRY_BASE_MS = 500;

  /** Reminders are delivered only inside this local (bureau-zone) window, `HH:MM-HH:MM`. */
  @IsOptional() @IsString() @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/)
  REMINDER_WINDOW = '09:00-20:00';

  /** Today's diary is reminded from this local time on a working day, `HH:MM`. */
  @IsOptional() @IsString() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  REMINDER_DIARY_TIME = '17:00';

  /** The bureau's time zone: working-day rules are judged here, never in the server's zone. */
  @IsOptional() @IsString()
  BUREAU_TIMEZONE = 'Asia/Shanghai';

  /** Requests per minute per client on `/api/auth/*`. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  AUTH_RATE_LIMIT = 30;

  /** Invitation codes for binding a WeChat account expire after this many hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  INVITE_TTL_HOURS = 72;

  /** Directory of the built H5 app served at `/` (relative to the repo root). Empty → not served. */
  @IsOptional() @IsString()
  H5_DIR = 'apps/miniapp/dist/h5';

  /** Where uploaded files are kept (relative paths are taken from the repo root). Several API instances share it. */
  @IsOptional() @IsString()
  UPLOAD_DIR = 'data/uploads';

  /** Largest upload accepted, bytes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024)
  MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

  /** Uploads per minute per client. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  UPLOAD_RATE_LIMIT = 60;

  /** Complaint intake and tracking-code lookups per minute per client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  COMPLAINT_RATE_LIMIT = 10;

  /** Complaints one citizen identity may submit in 24 hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  COMPLAINT_DAILY_LIMIT = 5;

  /** Vague-diary check configuration (phrases, fillers, minimum substance); relative to the repo root. */
  @IsOptional() @IsString()
  DIARY_RULES_FILE = 'seeds/diary/vague-check.json';

  /** Calendar days (bureau zone) after an incident is verified during which the person may appeal (申诉). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(60)
  APPEAL_DAYS = 5;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Attendance: a clock-in whose reported accuracy is worse than this (metres) is refused with advice. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(5)
  ATTENDANCE_MAX_ACCURACY_M = 100;

  /** Attendance: an offline clock-in synced later is accepted within this many hours of the tap. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  ATTENDANCE_LATE_SYNC_HOURS = 72;

  /** Attendance: a phone clock more than this many seconds off the server's is flagged. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10)
  ATTENDANCE_CLOCK_SKEW_SECONDS = 300;

  /** Attendance: consecutive punches implying a faster journey (km/h) are flagged. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10)
  ATTENDANCE_MAX_SPEED_KMH = 120;


  /** Public address of the H5 app, used in survey QR codes and invitation links (no trailing slash). */
  @IsOptional() @IsString() @Matches(/^https?:\/\/[^\s]+[^/\s]$/)
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** HMAC secret for survey QR tokens and anonymous respondent hashes. Change it in production and keep it stable. */
  @IsOptional() @IsString() @MinLength(16)
  SURVEY_SECRET = DEV_SURVEY_SECRET;

  /** Survey submissions and invitation openings per minute per client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_RATE_LIMIT = 30;

  /** 公众开放日: registrations and registration look-ups (phone + code) per minute per client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  PUBLICITY_RATE_LIMIT = 20;

  /** Survey submissions one respondent (device / WeChat user) may make per hour, over all targets. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_DEVICE_HOURLY_LIMIT = 30;

  /** Burst detection: window (minutes) in which responses to one target are counted. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_BURST_WINDOW_MINUTES = 10;

  /** Burst detection: a window with more responses than max(this, factor × the target's usual rate) is a burst. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(2)
  SURVEY_BURST_MIN = 20;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_BURST_FACTOR = 5;

  /** Speeders: the median rule (< 1/3 of the median time) applies once the survey has this many timed responses. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_SPEEDER_MIN_SAMPLE = 10;

  /** Results with fewer counted responses than this show the count but not the mean (small-group anonymity). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_MIN_GROUP_SIZE = 3;

  /**
   * `redis://host:6379/0` puts shared state (rate limits, idempotency records) and background jobs (BullMQ) in Redis,
   * so several API instances can serve one bureau. Unset → in process memory and an in-process queue (one instance).
   */
  @IsOptional() @IsString() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL 必须是 redis://… 形式' })
  REDIS_URL: string | undefined = undefined;

  /** Prefix for every Redis key and BullMQ queue of this deployment (several bureaus may share one Redis). */
  @IsOptional() @IsString() @Matches(/^[\w:.-]{1,40}$/)
  REDIS_PREFIX = 'kaoping';

  // ── shared state and background jobs (see docs/operations.md, Redis 与后台任务) ──

  /** With Redis: whether this instance also runs background jobs (false: it only enqueues them). Without Redis every instance runs its own. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  JOB_WORKER = true;

  /** Finished background jobs (and their result files) are kept this many days. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  JOB_RETENTION_DAYS = 7;

  /**
   * When the reminder sweep runs (cron, bureau time zone; `off` = never). Default: on the hour, 09:00–20:00, every day —
   * the sweep itself decides what is due (working days from the work calendar, so 调休 Saturdays count; `REMINDER_WINDOW`).
   */
  @IsOptional() @IsString() @Matches(/^(off|[\d*,/-]+( [\d*,/-]+){4,5})$/, { message: 'REMINDERS_CRON 须为 5 或 6 段 cron 表达式，或 off' })
  REMINDERS_CRON = '0 9-20 * * *';

  /** How long the response to an idempotency key (clock-in, survey answer) is replayed from the shared store, hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(720)
  IDEMPOTENCY_TTL_HOURS = 24;

  // ── faults and timeouts (see docs/operations.md, 故障与恢复) ──

  /** MySQL: connections per API instance (instances × this must stay below the server's max_connections). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(2) @Max(500)
  DB_POOL_SIZE = 10;

  /** MySQL: how long opening one connection may take before it counts as failed (ms). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** MySQL: a query running longer than this is abandoned and its connection dropped (ms; 0 = no limit). Not applied to migrations. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  DB_QUERY_TIMEOUT_MS = 30_000;

  /** Start-up: keep trying to reach the database this long before giving up (seconds; 0 = one try). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  DB_STARTUP_WAIT_SECONDS = 30;

  /** Every API request is answered within this time: past it the answer is 503 with Retry-After (ms; 0 = no limit). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Seconds a client is told to wait (Retry-After) when a dependency is unavailable. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  RETRY_AFTER_SECONDS = 5;

  /**
   * Production: `NODE_ENV=production`, or a MySQL database (`DATABASE_URL`) without the demo login. A production
   * start-up refuses the development secrets (see `loadEnv(…, { forServer: true })`).
   */
  get isProduction(): boolean {
    return this.NODE_ENV === 'production' || (!!this.DATABASE_URL && !this.KAOPING_DEV_LOGIN);
  }

  /** Express's `trust proxy` value. */
  get trustProxy(): boolean | number | string {
    if (this.TRUST_PROXY === 'false') return false;
    if (/^\d+$/.test(this.TRUST_PROXY)) return Number(this.TRUST_PROXY);
    return this.TRUST_PROXY;
  }

  get databaseKind(): 'mysql' | 'sqlite' {
    return this.DATABASE_URL ? 'mysql' : 'sqlite';
  }

  get sqliteFile(): string {
    if (this.SQLITE_PATH === ':memory:') return this.SQLITE_PATH;
    return isAbsolute(this.SQLITE_PATH) ? this.SQLITE_PATH : resolve(REPO_ROOT, this.SQLITE_PATH);
  }

  get uploadDir(): string {
    return isAbsolute(this.UPLOAD_DIR) ? this.UPLOAD_DIR : resolve(REPO_ROOT, this.UPLOAD_DIR);
  }

  get h5Dir(): string | null {
    if (!this.H5_DIR) return null;
    return isAbsolute(this.H5_DIR) ? this.H5_DIR : resolve(REPO_ROOT, this.H5_DIR);
  }
}

export class EnvError extends Error {}

/** What a production server must not start with (empty: fine). */
export function productionProblems(env: Env): string[] {
  if (!env.isProduction) return [];
  const why = env.NODE_ENV === 'production' ? 'NODE_ENV=production' : '使用 MySQL 且未开启演示登录';
  const out: string[] = [];
  if (env.JWT_SECRET === DEV_JWT_SECRET) out.push(`  JWT_SECRET: 生产环境（${why}）必须设置自己的密钥（例如 openssl rand -hex 32）`);
  if (env.SURVEY_SECRET === DEV_SURVEY_SECRET) out.push(`  SURVEY_SECRET: 生产环境（${why}）必须设置自己的密钥，并保持不变（匿名答卷的摘要依赖它）`);
  if (env.JWT_SECRET === env.SURVEY_SECRET) out.push('  SURVEY_SECRET: 不能与 JWT_SECRET 相同');
  if (env.NODE_ENV === 'production' && env.KAOPING_DEV_LOGIN) out.push('  KAOPING_DEV_LOGIN: NODE_ENV=production 时不能开启演示登录');
  return out;
}

/** Validates a variable set (default: `process.env`); throws one error listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env, options: { forServer?: boolean } = {}): Env {
  const known = Object.keys(new Env());
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(Env, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  // (an empty variable counts as unset)
  const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(source[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (!isValidTimeZone(env.BUREAU_TIMEZONE)) lines.push(`  BUREAU_TIMEZONE=${JSON.stringify(env.BUREAU_TIMEZONE)}: 未知时区`);
  // the server refuses development secrets in production; tools (seed, audit:verify, backup:verify) sign nothing
  if (options.forServer && errors.length === 0) lines.push(...productionProblems(env));
  if (lines.length > 0) {
    throw new EnvError(`环境变量无效 (invalid environment):\n${lines.join('\n')}`);
  }
  return env;
}

import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { isAbsolute, resolve } from 'node:path';
import { isValidTimeZone } from '../common/time.js';
import { REPO_ROOT } from './paths.js';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

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

  @IsOptional() @IsString() @MinLength(16)
  JWT_SECRET = 'kaoping-dev-secret-change-me-in-production';

  /** Access token lifetime, seconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsOptional() @IsString() @Matches(/^https?:\/\/.+/)
  WECHAT_BASE_URL = 'https://api.weixin.qq.com';

  @IsOptional() @IsString()
  WECHAT_APPID = '';

  @IsOptional() @IsString()
  WECHAT_SECRET = '';

  @IsOptional() @Transform(toInt) @IsInt() @Min(100)
  WECHAT_TIMEOUT_MS = 5000;

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
  SURVEY_SECRET = 'kaoping-survey-secret-change-me';

  /** Survey submissions and invitation openings per minute per client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  SURVEY_RATE_LIMIT = 30;

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

/** Validates a variable set (default: `process.env`); throws one error listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
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
  if (lines.length > 0) {
    throw new EnvError(`环境变量无效 (invalid environment):\n${lines.join('\n')}`);
  }
  return env;
}

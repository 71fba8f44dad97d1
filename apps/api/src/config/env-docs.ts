/**
 * The table of environment variables in `docs/operations.md`, generated from the `Env` class: every variable, its
 * default and the doc comment above it in `env.ts` (the one place settings are described). Pure functions; the
 * test `env-docs.spec.ts` fails when the guide's table is out of date (`npm run docs:env` rewrites it).
 */
import { DEV_JWT_SECRET, DEV_SURVEY_SECRET, Env } from './env.js';

export const ENV_TABLE_START = '<!-- env-table:start (npm run docs:env) -->';
export const ENV_TABLE_END = '<!-- env-table:end -->';

/** Words for variables that carry no doc comment in env.ts. */
const FALLBACK: Record<string, string> = {
  PORT: 'HTTP port of this API instance.',
  JWT_SECRET: 'Signing key of access tokens and signed file links. Set your own in production (`openssl rand -hex 32`); changing it logs everyone out.',
  WECHAT_BASE_URL: 'WeChat server base URL.',
  WECHAT_APPID: 'The mini-program AppID (code2Session, subscription messages).',
  WECHAT_SECRET: 'The mini-program AppSecret.',
  WECHAT_TIMEOUT_MS: 'Timeout of calls to WeChat (ms).',
  LOG_LEVEL: 'pino log level (`silent` in tests).',
  SURVEY_BURST_FACTOR: 'Burst detection: a window counts as a burst above this multiple of the target’s usual rate.',
};

export interface EnvDoc {
  name: string;
  defaultValue: string;
  description: string;
  section: string | null;
}

function shownDefault(name: string, value: unknown): string {
  if (name === 'JWT_SECRET' && value === DEV_JWT_SECRET) return 'development value (refused in production)';
  if (name === 'SURVEY_SECRET' && value === DEV_SURVEY_SECRET) return 'development value (refused in production)';
  if (value === undefined || value === null) return '—';
  if (value === '') return '(empty)';
  return `\`${String(value)}\``;
}

/** Every Env variable with its default and description, in the order env.ts declares them. */
export function envDocs(envSource: string): EnvDoc[] {
  const defaults = new Env() as unknown as Record<string, unknown>;
  const names = new Set(Object.keys(defaults));
  const docs: EnvDoc[] = [];
  let comment: string[] = [];
  let inComment = false;
  let section: string | null = null;
  for (const raw of envSource.split('\n')) {
    const line = raw.trim();
    if (inComment || line.startsWith('/**')) {
      inComment = !line.endsWith('*/');
      const text = line.replace(/^\/\*\*/, '').replace(/\*\/$/, '').replace(/^\*\s?/, '').trim();
      if (text) comment.push(text);
      continue;
    }
    const heading = /^\/\/ ── (.+?) ──/.exec(line);
    if (heading) {
      section = heading[1]!.replace(/\s*\(see [^)]*\)/, '');
      comment = [];
      continue;
    }
    if (line.startsWith('@') || line === '' || line.startsWith('//') || line.startsWith('message:') || line === '})') {
      if (line === '') comment = [];
      continue;
    }
    const prop = /^([A-Z][A-Z0-9_]*)\s*[:=]/.exec(line);
    if (prop && names.has(prop[1]!)) {
      const name = prop[1]!;
      // a variable without a comment of its own is described by its section heading
      docs.push({ name, defaultValue: shownDefault(name, defaults[name]), description: comment.join(' ') || FALLBACK[name] || '', section: comment.length || FALLBACK[name] ? null : section });
    }
    comment = [];
  }
  // anything the parser missed still gets a row
  for (const name of names) if (!docs.some((d) => d.name === name)) docs.push({ name, defaultValue: shownDefault(name, defaults[name]), description: FALLBACK[name] ?? '', section: null });
  return docs;
}

/** The markdown table (between the markers) for `docs/operations.md`. */
export function envTable(docs: EnvDoc[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const rows = docs.map((d) => `| \`${d.name}\` | ${cell(d.defaultValue)} | ${cell(d.description || d.section || '')} |`);
  return [ENV_TABLE_START, '| 变量 | 默认值 | 说明（取自 `apps/api/src/config/env.ts`） |', '| --- | --- | --- |', ...rows, ENV_TABLE_END].join('\n');
}

/** `doc` with its table replaced by `table` (null when the markers are missing). */
export function replaceEnvTable(doc: string, table: string): string | null {
  const start = doc.indexOf(ENV_TABLE_START);
  const end = doc.indexOf(ENV_TABLE_END);
  if (start < 0 || end < start) return null;
  return doc.slice(0, start) + table + doc.slice(end + ENV_TABLE_END.length);
}

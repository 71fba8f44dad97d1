import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Env } from './env.js';
import { ENV_TABLE_END, ENV_TABLE_START, envDocs, envTable, replaceEnvTable } from './env-docs.js';
import { REPO_ROOT } from './paths.js';

const GUIDE = resolve(REPO_ROOT, 'docs/operations.md');
const SOURCE = readFileSync(resolve(REPO_ROOT, 'apps/api/src/config/env.ts'), 'utf8');

describe('the environment table of docs/operations.md', () => {
  it('has a row for every variable of Env, each with a default and a description', () => {
    const docs = envDocs(SOURCE);
    expect(docs.map((d) => d.name).sort()).toEqual(Object.keys(new Env()).sort());
    expect(docs.filter((d) => !d.description && !d.section).map((d) => d.name)).toEqual([]);
    expect(docs.find((d) => d.name === 'JWT_TTL_SECONDS')).toMatchObject({ defaultValue: '`7200`' });
    expect(docs.find((d) => d.name === 'JWT_SECRET')?.defaultValue).toContain('refused in production');
  });

  it('is current (run `npm run docs:env` after changing env.ts)', () => {
    const guide = readFileSync(GUIDE, 'utf8');
    const table = envTable(envDocs(SOURCE));
    if (process.env.UPDATE_DOCS) {
      const updated = replaceEnvTable(guide, table);
      if (updated === null) throw new Error(`${GUIDE} has no ${ENV_TABLE_START} … ${ENV_TABLE_END} markers`);
      writeFileSync(GUIDE, updated);
      return;
    }
    const start = guide.indexOf(ENV_TABLE_START);
    const end = guide.indexOf(ENV_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(guide.slice(start, end + ENV_TABLE_END.length)).toBe(table);
  });
});

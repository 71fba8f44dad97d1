import { EnvError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('uses the embedded SQLite database and Asia/Shanghai by default', () => {
    const env = loadEnv({});
    expect(env.databaseKind).toBe('sqlite');
    expect(env.sqliteFile.endsWith('data/kaoping.sqlite')).toBe(true);
    expect(env.BUREAU_TIMEZONE).toBe('Asia/Shanghai');
    expect(env.KAOPING_DEV_LOGIN).toBe(false);
    expect(env.PORT).toBe(3000);
  });

  it('selects MySQL when DATABASE_URL is set and parses numbers and booleans', () => {
    const env = loadEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/kaoping', PORT: '8080', KAOPING_DEV_LOGIN: 'true' });
    expect(env.databaseKind).toBe('mysql');
    expect(env.PORT).toBe(8080);
    expect(env.KAOPING_DEV_LOGIN).toBe(true);
  });

  it('lists every invalid variable at once', () => {
    const bad = { PORT: 'abc', DATABASE_URL: 'postgres://x', BUREAU_TIMEZONE: 'Mars/Base', JWT_SECRET: 'short' };
    expect(() => loadEnv(bad)).toThrow(EnvError);
    const message = (() => {
      try {
        loadEnv(bad);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    for (const name of ['PORT', 'DATABASE_URL', 'BUREAU_TIMEZONE', 'JWT_SECRET']) expect(message).toContain(name);
  });
});

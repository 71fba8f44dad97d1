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

  it('keeps sessions short: 2 h access tokens, 30-day rotating refresh tokens', () => {
    const env = loadEnv({});
    expect(env.JWT_TTL_SECONDS).toBe(7200);
    expect(env.JWT_REFRESH_TTL_SECONDS).toBe(30 * 24 * 3600);
  });

  describe('secrets in production', () => {
    const message = (source: Record<string, string>, options?: { forServer?: boolean }) => {
      try {
        loadEnv(source, options);
        return '';
      } catch (err) {
        expect(err).toBeInstanceOf(EnvError);
        return (err as Error).message;
      }
    };
    const secrets = { JWT_SECRET: 'a'.repeat(32), SURVEY_SECRET: 'b'.repeat(32) };

    it('a server with NODE_ENV=production refuses the development secrets, naming both', () => {
      const m = message({ NODE_ENV: 'production' }, { forServer: true });
      expect(m).toContain('JWT_SECRET');
      expect(m).toContain('SURVEY_SECRET');
    });

    it('a server on MySQL without the demo login counts as production', () => {
      const source = { DATABASE_URL: 'mysql://kaoping@db:3306/kaoping' };
      expect(loadEnv(source).isProduction).toBe(true);
      expect(message(source, { forServer: true })).toContain('JWT_SECRET');
      expect(message({ ...source, ...secrets }, { forServer: true })).toBe('');
    });

    it('the demo (SQLite, or MySQL with the demo login) starts with the development secrets', () => {
      expect(message({}, { forServer: true })).toBe('');
      expect(message({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/kaoping', KAOPING_DEV_LOGIN: 'true' }, { forServer: true })).toBe('');
    });

    it('tools that sign nothing (seed, audit:verify, backup:verify) are not refused', () => {
      expect(message({ DATABASE_URL: 'mysql://kaoping@db:3306/kaoping' })).toBe('');
    });

    it('refuses one secret for both purposes, and the demo login under NODE_ENV=production', () => {
      expect(message({ NODE_ENV: 'production', JWT_SECRET: 'c'.repeat(32), SURVEY_SECRET: 'c'.repeat(32) }, { forServer: true })).toContain('不能与 JWT_SECRET 相同');
      expect(message({ NODE_ENV: 'production', KAOPING_DEV_LOGIN: 'true', ...secrets }, { forServer: true })).toContain('KAOPING_DEV_LOGIN');
      expect(message({ NODE_ENV: 'production', ...secrets }, { forServer: true })).toBe('');
    });
  });

  it('reads TRUST_PROXY as a hop count, a list of addresses, loopback or false', () => {
    expect(loadEnv({}).trustProxy).toBe('loopback');
    expect(loadEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadEnv({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.10');
    expect(() => loadEnv({ TRUST_PROXY: 'every one!' })).toThrow(EnvError);
  });
});

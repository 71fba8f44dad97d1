import { QueryFailedError } from 'typeorm';
import { isBusyError, isConnectionError } from './db-errors.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';

/** What mysql2 hands over when the server is gone (shapes copied from mysql2 3.x). */
function driverError(props: { code?: string; errno?: number; fatal?: boolean; message: string }): Error {
  return Object.assign(new Error(props.message), props);
}

const wrapped = (e: Error) => new QueryFailedError('SELECT 1', [], e);

describe('database failures are 503 (retry later), never 500', () => {
  const filter = new DomainExceptionFilter();
  const unreachable = [
    driverError({ code: 'ECONNREFUSED', errno: -111, fatal: true, message: 'connect ECONNREFUSED 127.0.0.1:3306' }),
    driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true, message: 'Connection lost: The server closed the connection.' }),
    driverError({ code: 'ETIMEDOUT', fatal: true, message: 'connect ETIMEDOUT' }),
    driverError({ code: 'PROTOCOL_SEQUENCE_TIMEOUT', fatal: true, message: 'Query inactivity timeout' }),
    driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040, message: 'Too many connections' }),
    driverError({ code: 'ER_SERVER_SHUTDOWN', errno: 1053, message: 'Server shutdown in progress' }),
    driverError({ code: 'ER_CONNECTION_KILLED', errno: 1927, message: 'Connection was killed' }),
    driverError({ fatal: true, message: "Can't add new command when connection is in closed state" }),
    driverError({ message: 'Pool is closed.' }),
  ];

  it.each(unreachable.map((e) => [e.message, e]))('%s → 503 DB_UNAVAILABLE', (_name, err) => {
    for (const e of [err, wrapped(err)]) {
      expect(isConnectionError(e)).toBe(true);
      expect(filter.toBody(e)).toEqual({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' });
    }
  });

  it('a deadlock or lock wait timeout is 503 DB_BUSY', () => {
    for (const code of ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']) {
      const e = wrapped(driverError({ code, message: code }));
      expect(isBusyError(e)).toBe(true);
      expect(filter.toBody(e)).toMatchObject({ statusCode: 503, code: 'DB_BUSY' });
    }
  });

  it('other query failures stay what they are (duplicate key 409, a bug 500)', () => {
    expect(filter.toBody(wrapped(driverError({ code: 'ER_DUP_ENTRY', errno: 1062, message: 'Duplicate entry' })))).toMatchObject({ statusCode: 409 });
    const syntax = wrapped(driverError({ code: 'ER_PARSE_ERROR', errno: 1064, message: 'You have an error in your SQL syntax' }));
    expect(isConnectionError(syntax)).toBe(false);
    expect(filter.toBody(syntax)).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    expect(isConnectionError(new Error('Connection is closed.'))).toBe(false);
  });

  it('answers 503 with Retry-After (from RETRY_AFTER_SECONDS), and nothing once the response has gone', () => {
    const env = { RETRY_AFTER_SECONDS: 7 } as ConstructorParameters<typeof DomainExceptionFilter>[0];
    const f = new DomainExceptionFilter(env);
    const res = { headersSent: false, headers: {} as Record<string, string>, statusCode: 0, body: undefined as unknown };
    const response = {
      get headersSent() {
        return res.headersSent;
      },
      setHeader: (k: string, v: string) => {
        if (res.headersSent) throw new Error('ERR_HTTP_HEADERS_SENT');
        res.headers[k] = v;
      },
      status(code: number) {
        res.statusCode = code;
        return this;
      },
      json(body: unknown) {
        res.body = body;
        res.headersSent = true;
        return this;
      },
    };
    const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'POST', url: '/api/x', id: 'r1' }) }) };
    f.catch(driverError({ code: 'ECONNREFUSED', fatal: true, message: 'connect ECONNREFUSED' }), host as never);
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('7');
    expect(res.body).toMatchObject({ code: 'DB_UNAVAILABLE', requestId: 'r1' });
    // a late failure after the request timeout answered: no throw, no second answer
    expect(() => f.catch(driverError({ code: 'ECONNREFUSED', fatal: true, message: 'x' }), host as never)).not.toThrow();
  });
});

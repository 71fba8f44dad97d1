import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers, type DestinationStream } from 'pino';
import { maskLogLine } from './mask.js';

/** Request parts never logged (values replaced by pino before serialisation). */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'req.query', 'res.headers["set-cookie"]'];

/** An error as logged: the standard fields, without the values a driver error quotes (`parameters`: personal data). */
function errSerializer(err: unknown): unknown {
  const out = stdSerializers.err(err as Error) as Record<string, unknown> & { driverError?: Record<string, unknown> };
  delete out.parameters;
  if (out.driverError && typeof out.driverError === 'object') {
    const { sql: _sql, ...rest } = out.driverError;
    out.driverError = rest;
  }
  return out;
}

/**
 * pino-http settings: a request id per request (an `X-Request-Id` sent by nginx is kept), only method/url/status of
 * requests, errors without quoted values, and every line masked (phones, openids, tokens) on its way out.
 * `stream` replaces stdout (tests capture the log with it).
 */
export function loggerParams(level: string, stream?: DestinationStream): Params {
  const options = {
    level,
    redact: REDACT,
    hooks: { streamWrite: maskLogLine },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errSerializer,
    },
  };
  return { pinoHttp: stream ? [options, stream] : options };
}

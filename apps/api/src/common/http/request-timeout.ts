import type { ApiErrorBody } from '@kaoping/contracts';
import type { NextFunction, Request, Response } from 'express';

export const TIMEOUT_BODY: Omit<ApiErrorBody, 'requestId'> = {
  statusCode: 503,
  code: 'SERVICE_TIMEOUT',
  message: '服务器暂时繁忙，请求未能及时完成，请稍后重试',
};

/** Express-level: everything a late handler may still call on the response once the timeout has answered. */
const LATE_WRITES = ['status', 'set', 'header', 'setHeader', 'appendHeader', 'writeHead', 'json', 'send', 'write', 'end', 'sendStatus', 'type', 'attachment'] as const;

/**
 * Answers every request within `ms`: a request still unanswered then (the database frozen, a pool exhausted, a
 * dependency hanging) gets 503 `SERVICE_TIMEOUT` with `Retry-After`, and whatever its handler does later is dropped
 * (the client retries with the same idempotency key). The clock starts once the request body has arrived, so a
 * slow upload over a phone network is not cut off (Node's own `requestTimeout` bounds the upload itself).
 * A response already streaming is left alone.
 */
export function requestTimeout(ms: number, retryAfterSeconds: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (ms <= 0) return next();
    let timer: NodeJS.Timeout | undefined;
    const fire = () => {
      if (res.headersSent || res.writableEnded) return;
      const id = (req as Request & { id?: unknown }).id;
      res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(503).json({ ...TIMEOUT_BODY, ...(id ? { requestId: String(id) } : {}) });
      silence(res);
    };
    const start = () => {
      if (!timer && !res.writableEnded) timer = setTimeout(fire, ms);
    };
    const stop = () => clearTimeout(timer);
    res.once('finish', stop);
    res.once('close', stop);
    const multipart = /^multipart\//i.test(req.headers['content-type'] ?? '');
    if (multipart && !req.readableEnded) req.once('end', start);
    else start();
    next();
  };
}

/** Turns later writes on an answered response into no-ops (so a late handler neither throws nor crashes). */
function silence(res: Response): void {
  const target = res as unknown as Record<string, unknown>;
  for (const name of LATE_WRITES) {
    target[name] = function (this: unknown) {
      return name === 'write' || name === 'end' ? true : res;
    };
  }
  res.on('error', () => undefined);
}

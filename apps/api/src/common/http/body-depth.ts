import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { DomainExceptionFilter } from '../errors/domain-exception.filter.js';

/** No request body of ours nests deeper than a few levels; this is far beyond any of them. */
export const MAX_BODY_DEPTH = 32;

/** How deep `value` nests (objects and arrays), counted without recursion; stops counting past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses parsed bodies nested deeper than MAX_BODY_DEPTH (400 naming `body`) before validation, whose recursive
 * transformation would otherwise run out of stack on a body like `[[[[…]]]]`.
 */
export function limitBodyDepth(filter = new DomainExceptionFilter()) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.body && typeof req.body === 'object' && nestingDepth(req.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      const body = filter.toBody(new DomainError('VALIDATION_FAILED', `请求体嵌套层数过多（最多 ${MAX_BODY_DEPTH} 层）`, 'body'));
      res.status(body.statusCode).json(body);
      return;
    }
    next();
  };
}

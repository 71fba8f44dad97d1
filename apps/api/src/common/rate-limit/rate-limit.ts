import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';

export const RATE_LIMIT = 'kaoping:rate-limit';

/** Named limits, per client address and minute; the numbers come from the environment (see RATE_LIMITS). */
export type RateLimitBucket = 'auth' | 'upload' | 'complaint' | 'survey' | 'publicity';

/** Limits this route (or controller) by the named bucket's per-minute limit. */
export const RateLimit = (bucket: RateLimitBucket) => applyDecorators(SetMetadata(RATE_LIMIT, bucket), UseGuards(RateLimitGuard));

/** bucket → requests per minute per client. */
export const RATE_LIMITS = Symbol('RATE_LIMITS');
export type RateLimits = Record<RateLimitBucket, number>;
const WINDOW_MS = 60_000;

/** Where counters live: in memory for one process (the embedded default). */
export abstract class RateLimitStore {
  /** Adds one hit to `key` and returns the count in the current window and when it resets (ms epoch). */
  abstract hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
}

export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    w.count += 1;
    return { ...w };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RateLimitStore) private readonly store: RateLimitStore,
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.getAllAndOverride<RateLimitBucket | undefined>(RATE_LIMIT, [ctx.getHandler(), ctx.getClass()]);
    if (!bucket) return true;
    const limit = this.limits[bucket];
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const now = Date.now();
    const { count, resetAt } = await this.store.hit(`${bucket}:${req.ip ?? 'unknown'}`, WINDOW_MS, now);
    res.setHeader('X-RateLimit-Limit', String(limit));
    res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      res.setHeader('Retry-After', String(Math.ceil((resetAt - now) / 1000)));
      throw new DomainError('RATE_LIMITED', '请求过于频繁，请稍后再试');
    }
    return true;
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { ApiErrorBody } from '@kaoping/contracts';
import type { Request, Response } from 'express';
import { Env } from '../../config/env.js';
import { driverErrorCode, isBusyError, isConnectionError, isDuplicateKey } from './db-errors.js';
import { DomainError } from './domain-error.js';
import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'DB_UNAVAILABLE',
};

const DEFAULT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: '请求的资源不存在',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  INTERNAL: '服务器内部错误，请稍后再试',
  DB_UNAVAILABLE: '数据库暂时不可用，请稍后重试',
  DB_BUSY: '数据库繁忙，请稍后重试',
};

interface ErrorLike {
  code?: string;
  errno?: number;
  status?: number;
  statusCode?: number;
  type?: string;
  driverError?: ErrorLike;
}

/**
 * Maps every error to `{ statusCode, code, message, field? }`: domain errors by their code, the rest by kind.
 * A database that cannot be reached (or is busy) is a 503 with `Retry-After`, never a 500: the client may retry
 * the same request (with the same idempotency key) later.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private readonly retryAfter: string;

  constructor(@Optional() @Inject(Env) env?: Env) {
    this.retryAfter = String(env?.RETRY_AFTER_SECONDS ?? 5);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = req.id ? String(req.id) : undefined;
    if (body.statusCode === 503) {
      // one line per refused request during an outage, not a stack trace each
      const cause = driverErrorCode(exception) ?? (exception instanceof Error ? exception.message : String(exception));
      this.logger.warn({ code: body.code, cause, requestId: body.requestId }, `${req.method} ${req.url} → 503 ${body.code}`);
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, `${req.method} ${req.url} → ${body.statusCode}`);
    }
    // (a request answered by the request timeout may fail later: its answer has gone already)
    if (res.headersSent) return;
    if (body.statusCode === 503) res.setHeader('Retry-After', this.retryAfter);
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.field ? { field: exception.field } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
      let message = DEFAULT_MESSAGES[code] ?? exception.message;
      if (status === 404) message = '接口不存在';
      return { statusCode: status, code, message };
    }
    const err = (exception ?? {}) as ErrorLike;
    if (err.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'INVALID_JSON', message: '请求体不是合法的 JSON', field: 'body' };
    }
    if (err.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE! };
    }
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      const code = STATUS_CODES[err.status] ?? 'VALIDATION_FAILED';
      return { statusCode: err.status, code, message: DEFAULT_MESSAGES[code] ?? '请求无效' };
    }
    if (isDuplicateKey(err)) {
      return { statusCode: 409, code: 'CONFLICT', message: '记录已存在' };
    }
    if (isConnectionError(exception)) {
      return { statusCode: ERROR_STATUS.DB_UNAVAILABLE, code: 'DB_UNAVAILABLE', message: DEFAULT_MESSAGES.DB_UNAVAILABLE! };
    }
    if (isBusyError(exception)) {
      return { statusCode: ERROR_STATUS.DB_BUSY, code: 'DB_BUSY', message: DEFAULT_MESSAGES.DB_BUSY! };
    }
    return { statusCode: 500, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL! };
  }
}

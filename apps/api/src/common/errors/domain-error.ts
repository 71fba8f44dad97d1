import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

/** Thrown by services; never an HTTP exception. The filter maps `code` to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what: string, field?: string): DomainError {
    return new DomainError('NOT_FOUND', `${what}不存在`, field);
  }

  static forbidden(message = '无权访问该数据'): DomainError {
    return new DomainError('OUT_OF_SCOPE', message);
  }

  static invalid(field: string, message: string): DomainError {
    return new DomainError('VALIDATION_FAILED', message, field, [{ field, message }]);
  }
}

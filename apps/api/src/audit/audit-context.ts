import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';
import type { AuthedRequest } from '../access/decorators.js';

/** Who is writing: a person id (with role), `citizen:<id>`, `representative:<id>`, or `system` outside a request. */
export interface AuditActor {
  actor: string;
  role: string | null;
}

const storage = new AsyncLocalStorage<AuditActor>();

export function currentActor(): AuditActor {
  return storage.getStore() ?? { actor: 'system', role: null };
}

/** Runs `fn` as `actor` (background jobs started by a request keep their requester this way). */
export function runAs<T>(actor: AuditActor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** Sets the request's actor (from the principal the access guard resolved) for everything the handler does. */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const p = req.principal;
    const actor: AuditActor = !p
      ? { actor: req.bindOpenid ? 'bind' : 'anonymous', role: null }
      : p.kind === 'person'
        ? { actor: p.id, role: p.role }
        : { actor: `${p.kind}:${p.id}`, role: p.role };
    return new Observable((subscriber) => storage.run(actor, () => next.handle().subscribe(subscriber)));
  }
}

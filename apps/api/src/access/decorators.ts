import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@kaoping/contracts';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'kaoping:public';
export const BIND_TOKEN = 'kaoping:bind-token';
export const ROLES = 'kaoping:roles';

/** No token needed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only a short-lived bind token (an unbound WeChat user) may call this. */
export const BindTokenOnly = () => SetMetadata(BIND_TOKEN, true);
/** Who may call this. Every non-public route must say; the guard refuses routes that don't. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const STAFF = ['staff', 'chief', 'office', 'leader'] as const satisfies readonly Role[];
export const MANAGERS = ['chief', 'office', 'leader'] as const satisfies readonly Role[];
export const BUREAU = ['office', 'leader'] as const satisfies readonly Role[];

export interface AuthedRequest {
  principal?: Principal;
  bindOpenid?: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return req.principal!;
});

export const BindOpenid = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return req.bindOpenid!;
});

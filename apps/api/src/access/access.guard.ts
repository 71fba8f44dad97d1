import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@kaoping/contracts';
import type { Request } from 'express';
import { Citizen } from '../auth/citizen.entity.js';
import { TokenService } from '../auth/token.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OrgService } from '../org/org.service.js';
import { SurveyInvitation } from '../surveys/survey.entities.js';
import { BIND_TOKEN, IS_PUBLIC, ROLES, type AuthedRequest } from './decorators.js';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from './principal.js';

/**
 * The one gate for every route: public, bind-token-only, or an access token whose role is in the route's
 * `@Roles(…)`. A route that declares no roles is refused (fail closed).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly org: OrgService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthedRequest>();
    const token = bearer(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', '请先登录');
    const claims = this.tokens.verify(token);

    if (this.reflector.getAllAndOverride<boolean>(BIND_TOKEN, targets)) {
      if (claims.typ !== 'bind') throw new DomainError('FORBIDDEN', '该操作仅用于首次绑定微信账号');
      req.bindOpenid = claims.sub;
      return true;
    }
    if (claims.typ !== 'access') throw new DomainError('FORBIDDEN', '请先输入邀请码完成账号绑定');

    const principal = await this.resolve(claims.kind, claims.sub);
    if (!principal) throw new DomainError('TOKEN_INVALID', '账号已停用或不存在，请重新登录');
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles) {
      this.logger.error(`${req.method} ${req.route?.path ?? req.url} declares no @Roles: refused`);
      throw new DomainError('FORBIDDEN', '无权执行此操作');
    }
    if (!roles.includes(principal.role)) throw new DomainError('FORBIDDEN', '无权执行此操作');
    return true;
  }

  private async resolve(kind: string, sub: string): Promise<Principal | null> {
    if (kind === 'person') return this.org.principalFor(sub);
    if (kind === 'citizen') {
      const c = await this.ds.getRepository(Citizen).findOneBy({ id: sub });
      return c ? { kind: 'citizen', id: c.id, role: 'citizen' } : null;
    }
    if (kind === 'representative') {
      // sub = the survey invitation's id (opened with its single-use code); the invitation holds no answers
      const inv = await this.ds.getRepository(SurveyInvitation).findOneBy({ id: sub });
      return inv ? { kind: 'representative', id: inv.id, role: 'representative' } : null;
    }
    return null;
  }
}

function bearer(req: Request): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

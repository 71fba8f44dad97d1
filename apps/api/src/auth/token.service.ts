import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';

export type TokenKind = 'person' | 'citizen' | 'representative';

export interface AccessClaims {
  typ: 'access';
  sub: string;
  kind: TokenKind;
}

export interface BindClaims {
  typ: 'bind';
  sub: string;
}

export const BIND_TTL_SECONDS = 600;

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(Env) private readonly env: Env,
  ) {}

  get accessTtl(): number {
    return this.env.JWT_TTL_SECONDS;
  }

  signAccess(kind: TokenKind, sub: string): string {
    return this.jwt.sign({ typ: 'access', sub, kind } satisfies AccessClaims, { expiresIn: this.env.JWT_TTL_SECONDS });
  }

  signBind(openid: string): string {
    return this.jwt.sign({ typ: 'bind', sub: openid } satisfies BindClaims, { expiresIn: BIND_TTL_SECONDS });
  }

  verify(token: string): AccessClaims | BindClaims {
    try {
      const claims = this.jwt.verify<AccessClaims | BindClaims>(token);
      if (claims.typ !== 'access' && claims.typ !== 'bind') throw new Error('typ');
      return claims;
    } catch {
      throw new DomainError('TOKEN_INVALID', '登录已过期或无效，请重新登录');
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';

export const TOKEN_KINDS = ['person', 'citizen', 'representative'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

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

  /** The claims of a valid token of ours; anything else (expired, forged, or claims of the wrong shape) → 401. */
  verify(token: string): AccessClaims | BindClaims {
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      throw new DomainError('TOKEN_INVALID', '登录已过期或无效，请重新登录');
    }
    // a token signed with our key is still checked: its subject goes into queries
    const sub = claims.sub;
    const subOk = typeof sub === 'string' && sub.length > 0 && sub.length <= 128;
    if (claims.typ === 'bind' && subOk) return { typ: 'bind', sub: sub as string };
    if (claims.typ === 'access' && subOk && TOKEN_KINDS.includes(claims.kind as TokenKind)) return { typ: 'access', sub: sub as string, kind: claims.kind as TokenKind };
    throw new DomainError('TOKEN_INVALID', '登录已过期或无效，请重新登录');
  }
}

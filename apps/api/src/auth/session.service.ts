import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';

/** Whose session a refresh token continues. */
export type SessionKind = RefreshToken['kind'];

export interface IssuedSession {
  token: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** Refresh tokens are opaque: `rt_` and 32 random bytes (base64url); only their sha256 is stored. */
export const REFRESH_TOKEN_PATTERN = /^rt_[A-Za-z0-9_-]{43}$/;
/** Rotated tokens are kept this long to recognise a copied token (and revoke its session), then deleted. */
const ROTATED_KEEP_MS = 24 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SESSION_ENDED = '登录已失效，请重新登录';

/**
 * Sessions: a short-lived access JWT (`JWT_TTL_SECONDS`) and a rotating refresh token (`JWT_REFRESH_TTL_SECONDS`).
 * Token rows are session bookkeeping, not appraisal records: they are written without the audit log.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly tokens: TokenService,
  ) {}

  /** A new session (a login): an access token and the first refresh token of a new family. */
  async start(kind: SessionKind, subject: string): Promise<IssuedSession> {
    const now = this.clock.now();
    // expired tokens of every session go on each login (indexed range delete)
    await this.ds.createQueryBuilder().delete().from(RefreshToken).where('expiresAt < :now', { now }).callListeners(false).execute();
    const refreshToken = await this.insert(this.ds.manager, randomUUID(), kind, subject, now);
    return this.pair(kind, subject, refreshToken);
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). An unknown, expired or revoked token is refused; a token
   * that was already exchanged revokes its whole session, since only a copy can present it twice.
   */
  async rotate(refreshToken: string): Promise<{ kind: SessionKind; subject: string; familyId: string; session: IssuedSession }> {
    const now = this.clock.now();
    type Outcome = { refused: true } | { reused: string } | { row: RefreshToken; next: string };
    const outcome = await this.ds.transaction(async (em): Promise<Outcome> => {
      const row = await em.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(refreshToken) });
      if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return { refused: true };
      if (row.usedAt) return { reused: row.familyId };
      const claimed = await em
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL AND revokedAt IS NULL', { id: row.id })
        .callListeners(false)
        .execute();
      if (claimed.affected !== 1) return { reused: row.familyId };
      await em
        .createQueryBuilder()
        .delete()
        .from(RefreshToken)
        .where('familyId = :f AND usedAt < :old', { f: row.familyId, old: new Date(now.getTime() - ROTATED_KEEP_MS) })
        .callListeners(false)
        .execute();
      const next = await this.insert(em, row.familyId, row.kind, row.subject, now);
      return { row, next };
    });
    if ('reused' in outcome) {
      await this.revokeFamily(outcome.reused);
      throw new DomainError('TOKEN_INVALID', '登录凭证已被使用过，为安全起见本次登录已失效，请重新登录');
    }
    if ('refused' in outcome) throw new DomainError('TOKEN_INVALID', SESSION_ENDED);
    const { row, next } = outcome;
    return { kind: row.kind, subject: row.subject, familyId: row.familyId, session: this.pair(row.kind, row.subject, next) };
  }

  /** Ends the session the refresh token belongs to (logout). Unknown tokens are ignored. */
  async end(refreshToken: string): Promise<void> {
    const row = await this.ds.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(refreshToken) });
    if (row) await this.revokeFamily(row.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: this.clock.now() })
      .where('familyId = :familyId AND revokedAt IS NULL', { familyId })
      .callListeners(false)
      .execute();
  }

  private pair(kind: SessionKind, subject: string, refreshToken: string): IssuedSession {
    return { token: this.tokens.signAccess(kind, subject), expiresIn: this.tokens.accessTtl, refreshToken, refreshExpiresIn: this.env.JWT_REFRESH_TTL_SECONDS };
  }

  private async insert(em: EntityManager, familyId: string, kind: SessionKind, subject: string, now: Date): Promise<string> {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    await em
      .createQueryBuilder()
      .insert()
      .into(RefreshToken)
      .values({ id: randomUUID(), familyId, tokenHash: sha256(token), kind, subject, createdAt: now, expiresAt: new Date(now.getTime() + this.env.JWT_REFRESH_TTL_SECONDS * 1000), usedAt: null, revokedAt: null })
      .callListeners(false)
      .execute();
    return token;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { POSITION_LABELS, ROLE_LABELS, type LoginResult, type Me, type Persona } from '@kaoping/contracts';
import { createHash, randomInt } from 'node:crypto';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { Person } from '../org/person.entity.js';
import { OrgService } from '../org/org.service.js';
import { Citizen } from './citizen.entity.js';
import { InviteCode } from './invite-code.entity.js';
import { SessionService } from './session.service.js';
import { BIND_TTL_SECONDS, TokenService } from './token.service.js';
import { WechatClient } from './wechat.client.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function meOf(p: Principal, name?: string): Me {
  if (p.kind === 'person') {
    return {
      kind: 'person',
      id: p.id,
      name: p.name,
      role: p.role,
      position: p.position,
      sectionId: p.sectionId,
      sectionName: p.sectionName,
      branchSecretary: p.branchSecretary,
    };
  }
  return { kind: p.kind, id: p.id, name: name ?? ROLE_LABELS[p.role], role: p.role, position: null, sectionId: null, sectionName: null, branchSecretary: false };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly tokens: TokenService,
    private readonly org: OrgService,
    private readonly wechat: WechatClient,
    private readonly sessions: SessionService,
  ) {}

  private async accessFor(personId: string): Promise<LoginResult> {
    const principal = await this.org.principalFor(personId);
    if (!principal) throw new DomainError('FORBIDDEN', '该账号已停用，请联系考评办');
    return { kind: 'access', ...(await this.sessions.start('person', personId)), me: meOf(principal) };
  }

  /** A new access token and refresh token for a refresh token (rotated); the account must still be active. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const { kind, subject, familyId, session } = await this.sessions.rotate(refreshToken);
    const principal: Principal | null =
      kind === 'person'
        ? await this.org.principalFor(subject)
        : (await this.ds.getRepository(Citizen).findOneBy({ id: subject }))
          ? { kind: 'citizen', id: subject, role: 'citizen' }
          : null;
    if (!principal) {
      await this.sessions.revokeFamily(familyId);
      throw new DomainError('TOKEN_INVALID', '账号已停用或不存在，请重新登录');
    }
    return { kind: 'access', ...session, me: meOf(principal) };
  }

  /** Logout: the session of this refresh token ends (its access token runs out by itself within JWT_TTL_SECONDS). */
  logout(refreshToken: string): Promise<void> {
    return this.sessions.end(refreshToken);
  }

  /** wx.login code → openid; a bound openid gets a session, an unbound one a bind-only token. */
  async loginWithWechat(code: string): Promise<LoginResult> {
    const { openid } = await this.wechat.code2Session(code);
    const person = await this.ds.getRepository(Person).findOneBy({ openid });
    if (person) return this.accessFor(person.id);
    return { kind: 'bind', token: this.tokens.signBind(openid), expiresIn: BIND_TTL_SECONDS };
  }

  /** Binds the caller's openid to the person the invitation code was issued for. Single use. */
  async bind(openid: string, inviteCode: string): Promise<LoginResult> {
    const now = this.clock.now();
    const personId = await this.ds.transaction(async (em) => {
      const invite = await em.getRepository(InviteCode).findOneBy({ codeHash: sha256(inviteCode), usedAt: IsNull(), expiresAt: MoreThan(now) });
      if (!invite) throw new DomainError('INVITE_INVALID', '邀请码无效、已使用或已过期，请向考评办重新申请', 'inviteCode');
      const other = await em.getRepository(Person).findOneBy({ openid });
      if (other && other.id !== invite.personId) {
        throw new DomainError('CONFLICT', '该微信账号已绑定其他人员，请联系考评办', 'inviteCode');
      }
      const claimed = await em
        .createQueryBuilder()
        .update(InviteCode)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL', { id: invite.id })
        .execute();
      if (claimed.affected !== 1) throw new DomainError('INVITE_INVALID', '邀请码已被使用', 'inviteCode');
      await em.getRepository(Person).update({ id: invite.personId }, { openid });
      return invite.personId;
    });
    return this.accessFor(personId);
  }

  private assertDevLogin(): void {
    if (!this.env.KAOPING_DEV_LOGIN) throw new DomainError('NOT_FOUND', '接口不存在');
  }

  async devLogin(personId: string): Promise<LoginResult> {
    this.assertDevLogin();
    const person = await this.ds.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw DomainError.notFound('人员', 'personId');
    return this.accessFor(person.id);
  }

  async personas(): Promise<Persona[]> {
    this.assertDevLogin();
    const people = await this.org.listPeople({ kind: 'all' });
    const extra = new Map((await this.ds.getRepository(Person).find()).map((p) => [p.id, p]));
    return people
      .map((p): Persona => {
        const featured = !!extra.get(p.id)?.featured;
        const where = p.sectionName ?? '局领导';
        const what = p.position ? POSITION_LABELS[p.position].replace(/（.*）/, '') : ROLE_LABELS[p.role];
        const title = p.sectionName ? `${where} ${what}` : what;
        return { personId: p.id, name: p.name, role: p.role, position: p.position, sectionName: p.sectionName, title, featured };
      })
      .sort((a, b) => Number(b.featured) - Number(a.featured));
  }

  /** A member of the public, known only by a hash of their device token (H5). */
  async citizenLogin(deviceId: string): Promise<LoginResult> {
    return this.citizenSession('device', deviceId);
  }

  /** A member of the public in the mini-program: a silent wx.login, known only by a hash of the openid. */
  async citizenWechatLogin(code: string): Promise<LoginResult> {
    const { openid } = await this.wechat.code2Session(code);
    return this.citizenSession('openid', openid);
  }

  private async citizenSession(via: 'device' | 'openid', subject: string): Promise<LoginResult> {
    const subjectHash = sha256(`${via}:${subject}`);
    const repo = this.ds.getRepository(Citizen);
    let citizen = await repo.findOneBy({ subjectHash });
    if (!citizen) {
      try {
        citizen = await repo.save(repo.create({ via, subjectHash }));
      } catch {
        citizen = await repo.findOneByOrFail({ subjectHash });
      }
    }
    const p: Principal = { kind: 'citizen', id: citizen.id, role: 'citizen' };
    return { kind: 'access', ...(await this.sessions.start('citizen', citizen.id)), me: meOf(p) };
  }

  /** Issues a fresh single-use code for `personId`; the plain code is returned once and only its hash is kept. */
  async issueInvite(personId: string, issuedBy: string): Promise<{ code: string; expiresAt: string }> {
    await this.org.getPerson(personId);
    const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const expiresAt = new Date(this.clock.now().getTime() + this.env.INVITE_TTL_HOURS * 3600_000);
    const repo = this.ds.getRepository(InviteCode);
    await repo.insert(repo.create({ personId, codeHash: sha256(code), expiresAt, usedAt: null, createdById: issuedBy }));
    return { code, expiresAt: expiresAt.toISOString() };
  }
}

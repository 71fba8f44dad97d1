import { wechatJson, WechatTransportError, type WechatErrorBody, type WechatHttpConfig } from '../auth/wechat-http.js';

export interface WechatMessageConfig extends WechatHttpConfig {
  appid: string;
  secret: string;
  /** formal | trial | developer: which version of the mini-program the message opens. */
  miniprogramState: string;
  /** Extra attempts after a transient failure (busy, HTTP error, timeout, no connection). */
  retries: number;
  /** First backoff (ms), doubled each retry. */
  retryBaseMs: number;
}

export interface SubscribeMessage {
  /** The recipient's openid. */
  touser: string;
  templateId: string;
  /** Mini-program page the message opens, e.g. `subpackages/officer/pages/diary/index`. */
  page: string;
  data: Record<string, { value: string }>;
}

export type SendResult =
  | { outcome: 'sent'; attempts: number }
  | { outcome: 'refused'; attempts: number; errcode: number; detail: string }
  | { outcome: 'failed'; attempts: number; errcode: number | null; detail: string; transient: boolean };

export interface ClientDeps {
  /** Milliseconds now, for the token cache (real time: the token's lifetime is WeChat's). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface StableTokenBody extends WechatErrorBody {
  access_token?: string;
  expires_in?: number;
}

/** errcodes meaning the access token is invalid or expired: refresh once and retry. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** The user declined this template, or has no one-time subscription left (not retried). */
export const REFUSED = 43101;
/** WeChat is busy: worth another try. */
const BUSY = -1;
/** Refresh the cached token this long before WeChat says it expires. */
export const TOKEN_MARGIN_MS = 5 * 60_000;

const DETAILS: Record<number, string> = {
  40003: 'openid 无效（40003）',
  40037: '模板 ID 无效（40037），请检查 WECHAT_TEMPLATE_* 设置',
  41030: '页面路径不存在或小程序未发布（41030）',
  43101: '用户拒收或订阅次数已用完（43101）',
  45009: '调用次数已达今日上限（45009）',
  47003: '模板参数不正确（47003）',
};

class TokenError extends Error {
  constructor(
    message: string,
    readonly errcode: number | null,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/**
 * The WeChat subscription-message sender (`POST /cgi-bin/message/subscribe/send`).
 *
 * Access tokens come from the stable token API (`POST /cgi-bin/stable_token`, normal mode): every caller with the
 * same AppID gets the same token while it is valid, so several API instances do not invalidate each other's tokens
 * (the older `GET /cgi-bin/token` issues a new token per call and retires the previous one). The token is cached
 * until TOKEN_MARGIN_MS before it expires; one fetch at a time. On 40001/40014/42001 the token is fetched again
 * (forced only when WeChat hands back the same one) and the message is retried once.
 */
export class WechatMessageClient {
  private token: { value: string; refreshAt: number } | null = null;
  private fetching: Promise<string> | null = null;
  /** The token WeChat refused: the next fetch forces a new one if WeChat hands this one back. */
  private staleToken: string | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly cfg: WechatMessageConfig,
    deps: ClientDeps = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** AppID and secret are set: messages can be sent at all. */
  get configured(): boolean {
    return !!this.cfg.appid && !!this.cfg.secret;
  }

  /** Sends one message: sent, refused (43101, not retried) or failed (after the bounded retries). */
  async send(msg: SubscribeMessage): Promise<SendResult> {
    if (!this.configured) return { outcome: 'failed', attempts: 0, errcode: null, detail: '未配置微信小程序 AppID/AppSecret', transient: false };
    let attempts = 0;
    let retried = 0;
    let refreshed = false;
    const backoff = async (): Promise<boolean> => {
      if (retried >= this.cfg.retries) return false;
      retried += 1;
      await this.sleep(this.cfg.retryBaseMs * 2 ** (retried - 1));
      return true;
    };
    for (;;) {
      let token: string;
      try {
        token = await this.accessToken();
      } catch (err) {
        const e = err instanceof TokenError ? err : new TokenError(String(err), null, false);
        if (e.transient && (await backoff())) continue;
        return { outcome: 'failed', attempts, errcode: e.errcode, detail: e.message, transient: e.transient };
      }
      attempts += 1;
      let body: WechatErrorBody;
      try {
        body = await wechatJson<WechatErrorBody>(this.cfg, '/cgi-bin/message/subscribe/send', {
          query: { access_token: token },
          body: { touser: msg.touser, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: this.cfg.miniprogramState, lang: 'zh_CN' },
        });
      } catch (err) {
        if (!(err instanceof WechatTransportError)) throw err;
        if (await backoff()) continue;
        return { outcome: 'failed', attempts, errcode: null, detail: err.message, transient: true };
      }
      const code = body.errcode ?? 0;
      if (code === 0) return { outcome: 'sent', attempts };
      if (code === REFUSED) return { outcome: 'refused', attempts, errcode: code, detail: DETAILS[REFUSED]! };
      if (TOKEN_ERRORS.has(code) && !refreshed) {
        refreshed = true;
        this.invalidate(token);
        continue;
      }
      if (code === BUSY && (await backoff())) continue;
      const detail = DETAILS[code] ?? `微信返回错误 ${code}${body.errmsg ? `：${body.errmsg.slice(0, 120)}` : ''}`;
      return { outcome: 'failed', attempts, errcode: code, detail, transient: code === BUSY };
    }
  }

  /** The cached token, or a fresh one (one fetch at a time). */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    if (!this.fetching) {
      const stale = this.staleToken;
      this.fetching = this.fetchToken(stale).finally(() => {
        this.fetching = null;
        this.staleToken = null;
      });
    }
    return this.fetching;
  }

  private invalidate(token: string): void {
    if (this.token?.value === token) this.token = null;
    this.staleToken = token;
  }

  private async fetchToken(stale: string | null): Promise<string> {
    let value = await this.requestToken(false);
    if (stale && value === stale) value = await this.requestToken(true);
    return value;
  }

  private async requestToken(forceRefresh: boolean): Promise<string> {
    let body: StableTokenBody;
    try {
      body = await wechatJson<StableTokenBody>(this.cfg, '/cgi-bin/stable_token', {
        body: { grant_type: 'client_credential', appid: this.cfg.appid, secret: this.cfg.secret, force_refresh: forceRefresh },
      });
    } catch (err) {
      if (err instanceof WechatTransportError) throw new TokenError(`获取 access_token 失败：${err.message}`, null, true);
      throw err;
    }
    if (body.errcode || !body.access_token) {
      const code = body.errcode ?? null;
      throw new TokenError(`获取 access_token 失败（${code ?? '无令牌'}${body.errmsg ? `：${body.errmsg.slice(0, 120)}` : ''}）`, code, code === BUSY);
    }
    const lifetimeMs = Math.max(0, (body.expires_in ?? 7200) * 1000);
    const margin = Math.min(TOKEN_MARGIN_MS, lifetimeMs / 2);
    this.token = { value: body.access_token, refreshAt: this.now() + lifetimeMs - margin };
    return body.access_token;
  }
}

import { DomainError } from '../common/errors/domain-error.js';
import { wechatJson, WechatTransportError, type WechatHttpConfig } from './wechat-http.js';

export interface WechatConfig extends WechatHttpConfig {
  appid: string;
  secret: string;
}

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

interface Code2SessionBody {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * The real WeChat server client (https://api.weixin.qq.com by default; the base URL is configurable so tests
 * can point it at a local fake server).
 */
export class WechatClient {
  constructor(private readonly cfg: WechatConfig) {}

  /** `GET /sns/jscode2session`: exchanges a `wx.login` code for the user's openid. */
  async code2Session(code: string): Promise<WechatSession> {
    if (!this.cfg.appid || !this.cfg.secret) {
      throw new DomainError('WECHAT_NOT_CONFIGURED', '未配置微信小程序 AppID/AppSecret，暂不能使用微信登录');
    }
    const body = await this.getJson<Code2SessionBody>('/sns/jscode2session', {
      appid: this.cfg.appid,
      secret: this.cfg.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    if (body.errcode) throw this.mapError(body.errcode, body.errmsg);
    if (!body.openid || !body.session_key) {
      throw new DomainError('WECHAT_UNAVAILABLE', '微信服务返回了无法识别的结果，请稍后重试');
    }
    return { openid: body.openid, sessionKey: body.session_key, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }

  private async getJson<T>(path: string, query: Record<string, string>): Promise<T> {
    try {
      return await wechatJson<T>(this.cfg, path, { query });
    } catch (err) {
      if (err instanceof WechatTransportError) throw new DomainError('WECHAT_UNAVAILABLE', err.message);
      throw err;
    }
  }

  private mapError(errcode: number, errmsg?: string): DomainError {
    switch (errcode) {
      case 40029:
      case 40163:
        return new DomainError('WECHAT_INVALID_CODE', '登录凭证无效或已使用，请重新进入小程序', 'code');
      case 40226:
        return new DomainError('WECHAT_HIGH_RISK', '该微信账号被微信判定为高风险，暂不能登录');
      case 45011:
        return new DomainError('RATE_LIMITED', '登录过于频繁，请稍后再试');
      case -1:
        return new DomainError('WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后重试');
      default:
        return new DomainError('WECHAT_UNAVAILABLE', `微信登录失败（${errcode}${errmsg ? `: ${errmsg}` : ''}）`);
    }
  }
}

/**
 * The one HTTP helper for WeChat's server API (code2Session, access tokens, subscription messages): base URL from
 * the settings (tests point it at a local fake server), a timeout on every call, JSON both ways, and one error type
 * for "the call did not produce a WeChat answer" with a Chinese message. WeChat's own `errcode`s are answers: the
 * callers read them.
 */

export interface WechatHttpConfig {
  baseUrl: string;
  timeoutMs: number;
}

/** timeout: no answer in time; network: no connection; http: a non-2xx status; invalid: not JSON. */
export type WechatTransportReason = 'timeout' | 'network' | 'http' | 'invalid';

export class WechatTransportError extends Error {
  constructor(
    readonly reason: WechatTransportReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WechatTransportError';
  }
}

/** WeChat's error fields, present on failures (errcode 0 or absent: success). */
export interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

export interface WechatRequest {
  query?: Record<string, string>;
  /** JSON body: the request is a POST. Without it, a GET. */
  body?: unknown;
}

/** Calls `path` on the WeChat server and answers the parsed JSON; throws `WechatTransportError` otherwise. */
export async function wechatJson<T>(cfg: WechatHttpConfig, path: string, req: WechatRequest = {}): Promise<T> {
  const url = new URL(path, cfg.baseUrl);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const init: RequestInit = { signal: AbortSignal.timeout(cfg.timeoutMs) };
  if (req.body !== undefined) {
    init.method = 'POST';
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(req.body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new WechatTransportError('timeout', '微信服务响应超时，请稍后重试');
    throw new WechatTransportError('network', '无法连接微信服务，请稍后重试');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new WechatTransportError('http', `微信服务暂时不可用（HTTP ${res.status}），请稍后重试`, res.status);
  }
  try {
    return (await res.json()) as T;
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new WechatTransportError('timeout', '微信服务响应超时，请稍后重试');
    throw new WechatTransportError('invalid', '微信服务返回了无法识别的结果，请稍后重试');
  }
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com.
 *
 * `/sns/jscode2session` — the code decides the answer: `ok:<openid>` → a session; `invalid` → 40029;
 * `risky` → 40226; `busy` → -1; `slow` → answers after 2 s; `http500` → HTTP 500; `garbage` → not JSON.
 *
 * `POST /cgi-bin/stable_token` — normal mode hands back the current token while it is valid, a new one once it has
 * expired; `force_refresh: true` always issues a new one. Secret `wrong-secret` → 40125.
 *
 * `POST /cgi-bin/message/subscribe/send?access_token=…` — an unknown or invalidated token → 40001, an expired one →
 * 42001; otherwise the recipient decides: `refuse…` → 43101; `busy…` → -1 every time; `flaky…` → -1 the first time,
 * then success; `slow…` → answers after 2 s; `http500…` → HTTP 500; `badtpl…` → 40037; anyone else → success. A
 * `thing` value over 20 characters or an empty value → 47003 (as WeChat checks).
 */
export interface FakeWechat {
  baseUrl: string;
  /** code2Session calls. */
  calls: URLSearchParams[];
  /** stable_token calls. */
  tokenCalls: { appid: string; secret: string; force_refresh: boolean }[];
  /** subscribe/send calls (every attempt), with the token used. */
  sends: { token: string; body: SendBody }[];
  /** The current token lapses: sends with it answer 42001, the next stable_token call issues a new one. */
  expireTokens(): void;
  /** The current token is revoked (sends answer 40001) but normal-mode stable_token still hands it back. */
  revokeTokenSilently(): void;
  close(): Promise<void>;
}

export interface SendBody {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = [];
  const tokenCalls: FakeWechat['tokenCalls'] = [];
  const sends: FakeWechat['sends'] = [];
  let serial = 0;
  let current: { value: string; state: 'valid' | 'expired' | 'revoked' } | null = null;
  const retired = new Set<string>();
  const flakySeen = new Set<string>();

  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const code2Session = (url: URL, res: ServerResponse) => {
    calls.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    if (code.startsWith('ok:')) return json(res, { openid: code.slice(3), session_key: 'sk-' + code.slice(3) });
    if (code === 'invalid') return json(res, { errcode: 40029, errmsg: 'invalid code' });
    if (code === 'risky') return json(res, { errcode: 40226, errmsg: 'high risk user' });
    if (code === 'busy') return json(res, { errcode: -1, errmsg: 'system error' });
    if (code === 'slow') {
      setTimeout(() => json(res, { openid: 'late', session_key: 'x' }), 2000).unref();
      return;
    }
    if (code === 'http500') return void res.writeHead(500).end('oops');
    if (code === 'garbage') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    json(res, { errcode: 40029, errmsg: 'invalid code' });
  };

  const newToken = () => {
    if (current) retired.add(current.value);
    serial += 1;
    current = { value: `fake-token-${serial}`, state: 'valid' };
    return current.value;
  };

  const stableToken = async (req: IncomingMessage, res: ServerResponse) => {
    const body = (await readJson(req)) as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean } | null;
    tokenCalls.push({ appid: body?.appid ?? '', secret: body?.secret ?? '', force_refresh: !!body?.force_refresh });
    if (!body || body.grant_type !== 'client_credential' || !body.appid) return json(res, { errcode: 40013, errmsg: 'invalid appid' });
    if (!body.secret || body.secret === 'wrong-secret') return json(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    const value = body.force_refresh || !current || current.state === 'expired' ? newToken() : current.value;
    json(res, { access_token: value, expires_in: 7200 });
  };

  const send = async (url: URL, req: IncomingMessage, res: ServerResponse) => {
    const token = url.searchParams.get('access_token') ?? '';
    const body = (await readJson(req)) as SendBody | null;
    sends.push({ token, body: body ?? ({} as SendBody) });
    if (!current || (token !== current.value && !retired.has(token))) return json(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    if (retired.has(token) || current.state === 'revoked') return json(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    if (current.state === 'expired') return json(res, { errcode: 42001, errmsg: 'access_token expired' });
    if (!body?.touser || !body.template_id || !body.data) return json(res, { errcode: 47001, errmsg: 'data format error' });
    for (const [key, { value }] of Object.entries(body.data)) {
      if (!value) return json(res, { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` });
      if (/^thing\d+$/.test(key) && Array.from(value).length > 20) return json(res, { errcode: 47003, errmsg: `argument invalid! data.${key}.value too long` });
    }
    const to = body.touser;
    if (to.startsWith('refuse')) return json(res, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    if (to.startsWith('busy')) return json(res, { errcode: -1, errmsg: 'system error' });
    if (to.startsWith('flaky') && !flakySeen.has(to)) {
      flakySeen.add(to);
      return json(res, { errcode: -1, errmsg: 'system error' });
    }
    if (to.startsWith('slow')) {
      setTimeout(() => json(res, { errcode: 0, errmsg: 'ok' }), 2000).unref();
      return;
    }
    if (to.startsWith('http500')) return void res.writeHead(500).end('oops');
    if (to.startsWith('badtpl')) return json(res, { errcode: 40037, errmsg: 'invalid template_id' });
    json(res, { errcode: 0, errmsg: 'ok', msgid: sends.length });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/sns/jscode2session') return code2Session(url, res);
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') return void stableToken(req, res);
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') return void send(url, req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    tokenCalls,
    sends,
    expireTokens() {
      if (current) current.state = 'expired';
    },
    revokeTokenSilently() {
      if (current) current.state = 'revoked';
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com's `/sns/jscode2session`. The code decides the answer:
 * `ok:<openid>` → a session; `invalid` → 40029; `risky` → 40226; `busy` → -1; `slow` → answers after 2 s;
 * `http500` → HTTP 500; `garbage` → not JSON.
 */
export interface FakeWechat {
  baseUrl: string;
  calls: URLSearchParams[];
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    calls.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (code.startsWith('ok:')) return json({ openid: code.slice(3), session_key: 'sk-' + code.slice(3) });
    if (code === 'invalid') return json({ errcode: 40029, errmsg: 'invalid code' });
    if (code === 'risky') return json({ errcode: 40226, errmsg: 'high risk user' });
    if (code === 'busy') return json({ errcode: -1, errmsg: 'system error' });
    if (code === 'slow') {
      setTimeout(() => json({ openid: 'late', session_key: 'x' }), 2000).unref();
      return;
    }
    if (code === 'http500') return void res.writeHead(500).end('oops');
    if (code === 'garbage') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    json({ errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

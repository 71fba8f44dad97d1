// Browser-test harness: starts the built API (serving the built H5 app) on a free port with a fresh embedded
// database and the demo bureau, and drives Debian's Chromium with playwright-core. With CI=true a missing
// Chromium or build fails the run; elsewhere the browser tests are reported and left out.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOTS = join(REPO, 'tests/browser/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MAIN = join(REPO, 'apps/api/dist/main.js');
const H5 = join(REPO, 'apps/miniapp/dist/h5/index.html');

/** Why the browser tests cannot run here, or null. Under CI this is a failure, not a skip. */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei)`;
  if (!existsSync(MAIN)) return 'API not built (npm run build)';
  if (!existsSync(H5)) return 'H5 app not built (npm run build)';
  return null;
}

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Starts the API; resolves once /api/health answers 200. */
export async function startServer(extraEnv = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-browser-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      SQLITE_PATH: join(dir, 'kaoping.sqlite'),
      KAOPING_DEV_LOGIN: 'true',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not become healthy in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A phone-sized Chromium page. `options` go to browser.newContext (e.g. geolocation, permissions). */
export async function openBrowser(options = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // a resource or script the Content-Security-Policy refused is an error of the page too
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  return { browser, context, page, errors };
}

/** Saves a screenshot to tests/browser/screenshots/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the persona picker as `personId`. */
export async function loginAs(page, baseUrl, personId) {
  await page.goto(`${baseUrl}/`);
  const card = page.locator(`[data-testid="persona-card-${personId}"], [data-testid="persona-row-${personId}"]`).first();
  await card.waitFor({ timeout: 30_000 });
  await card.click();
  await page.getByTestId('me-name').waitFor({ timeout: 30_000 });
}

/**
 * Taps an element by its data-testid at its centre, once it has stopped moving (Taro H5 slides pages in, and a
 * NutUI button's inner text intercepts Playwright's own click) and nothing covers it (a toast's mask, say).
 */
export async function tap(page, testId) {
  const el = page.getByTestId(testId).first();
  await el.waitFor({ timeout: 30_000 });
  await el.scrollIntoViewIfNeeded();
  let box = await el.boundingBox();
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(50);
    const next = await el.boundingBox();
    const settled = box && next && next.x === box.x && next.y === box.y && next.width === box.width && next.height === box.height;
    box = next;
    if (settled) break;
  }
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  for (let i = 0; i < 100; i++) {
    const onTop = await el.evaluate((node, [px, py]) => {
      const hit = document.elementFromPoint(px, py);
      return !!hit && (node === hit || node.contains(hit));
    }, [x, y]);
    if (onTop) break;
    await page.waitForTimeout(100);
  }
  await page.mouse.click(x, y);
}

/** A small valid PNG (8×8, flat colour). */
export function pngBytes() {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const w = 8;
  const raw = Buffer.concat(Array.from({ length: w }, () => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [22, 97, 216]).flat())])));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Types into a Taro Input/Textarea found by data-testid (the inner textarea/input when there is one). */
export async function typeInto(page, testId, text) {
  const host = page.getByTestId(testId).first();
  await host.waitFor({ timeout: 30_000 });
  const inner = host.locator('textarea, input');
  const target = (await inner.count()) > 0 ? inner.first() : host;
  await target.click();
  await target.fill(text);
}

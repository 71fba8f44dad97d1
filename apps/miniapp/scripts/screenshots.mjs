// Look at the H5 build: serve dist/h5 on loopback, answer /api/** with canned JSON, take screenshots.
// Usage (after `npm run build:h5`): npm exec -- node scripts/screenshots.mjs [outDir]
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', 'dist', 'h5');
const outDir = path.resolve(process.argv[2] ?? '/tmp/shots');
mkdirSync(outDir, { recursive: true });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
  try {
    const body = await readFile(file.startsWith(root) ? file : path.join(root, 'index.html'));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((r) => server.listen(5173, '127.0.0.1', r));

// ---- canned API ----
const SECTIONS = [
  { id: 's1', name: '执法一处', category: 'business', wubiType: '行政执法', researchRequired: false },
  { id: 's2', name: '执法二处', category: 'business', wubiType: '行政执法', researchRequired: false },
  { id: 's3', name: '监察室', category: 'party', wubiType: '综合管理', researchRequired: true },
];
const person = (id, name, role, position, sectionId, extra = {}) => {
  const s = SECTIONS.find((x) => x.id === sectionId);
  return { id, name, role, position, sectionId, sectionName: s?.name ?? null, branchSecretary: false, phone: null, bound: true, ...extra };
};
const PEOPLE = [
  person('p1', '王建国', 'chief', 'chief', 's1', { branchSecretary: true }),
  person('p2', '刘芳', 'staff', 'deputy', 's1'),
  person('p3', '赵小刚', 'staff', 'staff', 's1', { bound: false }),
  person('p4', '孙丽', 'staff', 'staff', 's1'),
  person('p5', '周涛', 'chief', 'chief', 's2'),
  person('p6', '吴静', 'staff', 'staff', 's2', { bound: false }),
  person('p7', '李敏', 'office', 'staff', 's3'),
  person('p8', '郑海', 'office', 'chief', 's3'),
  person('p9', '陈志强', 'leader', null, null),
];
const POS = { chief: '处长', deputy: '副处长', staff: '科员' };
const PERSONAS = PEOPLE.map((p) => ({
  personId: p.id,
  name: p.name,
  role: p.role,
  position: p.position,
  sectionName: p.sectionName,
  title: p.sectionName ? `${p.sectionName} ${POS[p.position]}` : '局领导 副局长',
  featured: ['p1', 'p7', 'p9', 'p3'].includes(p.id),
}));
const meOf = (p) => ({
  kind: 'person', id: p.id, name: p.name, role: p.role, position: p.position,
  sectionId: p.sectionId, sectionName: p.sectionName, branchSecretary: p.branchSecretary,
});
const CITIZEN = { kind: 'citizen', id: 'c1', name: '市民', role: 'citizen', position: null, sectionId: null, sectionName: null, branchSecretary: false };

async function installApi(page, mode = 'demo') {
  await page.route('**/api/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const key = `${req.method()} ${url.pathname}`;
    const json = (status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    const token = (req.headers()['authorization'] ?? '').replace('Bearer ', '');
    if (mode === 'offline') return route.abort('internetdisconnected');
    if (key === 'GET /api/auth/dev/personas') {
      return mode === 'demo' ? json(200, PERSONAS) : json(404, { statusCode: 404, code: 'NOT_FOUND', message: '未找到' });
    }
    if (key === 'POST /api/auth/dev') {
      const p = PEOPLE.find((x) => x.id === JSON.parse(req.postData() ?? '{}').personId);
      return json(200, { kind: 'access', token: `tok-${p.id}`, expiresIn: 3600, me: meOf(p) });
    }
    if (key === 'POST /api/auth/citizen') return json(200, { kind: 'access', token: 'tok-citizen', expiresIn: 3600, me: CITIZEN });
    if (key === 'GET /api/me') {
      if (token === 'tok-citizen') return json(200, CITIZEN);
      const p = PEOPLE.find((x) => `tok-${x.id}` === token);
      return p ? json(200, meOf(p)) : json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    if (key === 'GET /api/sections') return json(200, SECTIONS);
    const m = /^GET \/api\/sections\/([^/]+)\/members$/.exec(key);
    if (m) {
      const date = url.searchParams.get('date');
      const inSection = PEOPLE.filter((p) => p.sectionId === m[1]);
      const past = date < '2025-01-01';
      return json(200, {
        date,
        section: SECTIONS.find((s) => s.id === m[1]),
        chief: past ? inSection.find((p) => p.position === 'deputy') ?? null : inSection.find((p) => p.position === 'chief') ?? null,
        deputies: past ? [] : inSection.filter((p) => p.position === 'deputy'),
        staff: inSection.filter((p) => p.position === 'staff'),
      });
    }
    if (key === 'GET /api/people') {
      const sid = url.searchParams.get('sectionId');
      return json(200, sid ? PEOPLE.filter((p) => p.sectionId === sid) : PEOPLE);
    }
    if (/^POST \/api\/people\/[^/]+\/invite-codes$/.test(key)) {
      return json(201, { code: 'K7M2Q9XP', expiresAt: new Date(Date.now() + 7 * 864e5).toISOString() });
    }
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: '未找到' });
  });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const base = 'http://127.0.0.1:5173/';
const shot = async (page, name, fullPage = true) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });
  console.log(`${name}.png`);
};
async function newPage(mode) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await installApi(page, mode);
  return page;
}

try {
  // Demo login as a chief.
  let page = await newPage('demo');
  await page.goto(base);
  await page.getByTestId('persona-card-p1').waitFor();
  console.log('data-testid on DOM:', await page.locator('[data-testid]').count(), 'data-persona-role:', await page.locator('[data-persona-role="chief"]').count());
  await shot(page, '01-login-personas');
  await page.locator('[data-testid^="persona-card-"][data-persona-role="chief"]').first().click();
  await page.getByTestId('me-name').waitFor();
  console.log('home name:', await page.getByTestId('me-name').textContent(), '| section:', await page.getByTestId('me-section').textContent());
  await shot(page, '02-home-chief', false);
  await page.getByTestId('entry-section').click();
  await page.getByTestId('chief-on-date').waitFor();
  await shot(page, '03-section');
  await page.getByTestId('date-picker').click();
  await page.waitForTimeout(600);
  await shot(page, '03b-section-date-picker', false);
  await page.keyboard.press('Escape');
  await page.goto(`${base}#/pages/index/index`);
  await page.getByTestId('entry-section').waitFor();
  await page.getByTestId('entry-rules').click();
  await page.waitForTimeout(800);
  await shot(page, '04-rules');
  await page.goto(`${base}#/pages/mine/index`);
  await page.getByTestId('logout').waitFor();
  await shot(page, '05-mine', false);

  // Office: 管理 tab, people and an invite code.
  page = await newPage('demo');
  await page.goto(base);
  await page.getByTestId('persona-card-p7').click();
  await page.getByTestId('tab-admin').waitFor();
  await shot(page, '06-home-office', false);
  await page.getByTestId('tab-admin').click();
  await page.getByTestId('person-row-p3').waitFor();
  await shot(page, '07-admin-people', false);
  await page.getByTestId('person-row-p3').click();
  await page.getByTestId('invite-code').waitFor();
  await shot(page, '08-invite-code', false);

  // No demo login: guidance + citizen entry, then citizen home.
  page = await newPage('no-demo');
  await page.goto(base);
  await page.getByText('请在微信中打开').waitFor();
  await shot(page, '09-login-no-demo', false);
  await page.getByTestId('citizen-entry').click();
  await page.getByTestId('entry-citizen').waitFor();
  await shot(page, '10-home-citizen', false);
  await page.getByTestId('entry-citizen').click();
  await page.getByText('效能投诉').waitFor();
  await shot(page, '11-citizen-info');
  await page.goto(`${base}#/subpackages/representative/pages/home/index`);
  await page.getByText('如何参与').waitFor();
  await shot(page, '12-representative-info');

  // Offline.
  page = await newPage('offline');
  await page.goto(base);
  await page.getByText('网络不可用').first().waitFor();
  await shot(page, '13-login-offline', false);
} finally {
  await browser.close();
  server.close();
}

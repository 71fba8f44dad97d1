// The office's ledger screens: a diary spot check (draw a sample, read a diary, record a finding), the 述廉 queue
// (approve a submitted report with a photo attachment), the quarterly ledger check, 全局大会 attendance; and the
// branch secretary's 支部活动 and 党费催缴 pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, pngBytes, screenshot, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICE = 'p039';
const SECRETARY = 'p016'; // 杨玉兰, 执法一处, branch secretary
const COLLEAGUE = 'p017';

/** Today in the bureau's zone (the browser runs in Asia/Shanghai too), `YYYY-MM-DD`. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function lastMonth() {
  const [y, m] = today().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('office ledger pages', { skip: missing ?? false }, () => {
  let server;
  let b;
  const api = async (personId, method, path, body) => {
    const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
    const { token } = await login.json();
    const isForm = body instanceof FormData;
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body && !isForm ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? (isForm ? body : JSON.stringify(body)) : undefined,
    });
    const json = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  before(async () => {
    server = await startServer();
    b = await openBrowser();
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('the office draws a diary spot check and records a finding', async () => {
    const { page } = b;
    const month = lastMonth();
    await api(SECRETARY, 'POST', '/api/diary/entries', { date: `${month}-12`, content: '上午到城东农贸市场检查占道经营，整改3户；下午整理巡查台账报处长' });

    await loginAs(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/diary-check/index`);
    await page.getByTestId('spot-form').waitFor({ timeout: 30_000 });
    await screenshot(page, 'ledgers-diary-check-empty');
    await tap(page, 'spot-section-zf1');
    await tap(page, 'spot-size-10');
    await tap(page, 'spot-draw');
    await page.getByTestId('spot-detail').waitFor({ timeout: 15_000 });
    await tap(page, `spot-person-${SECRETARY}`);
    await page.getByText('整改3户').first().waitFor({ timeout: 15_000 });
    await typeInto(page, 'spot-findings', '抽查执法一处全部人员：杨玉兰记录具体；其余人员本月漏记较多，已通报处室');
    await screenshot(page, 'ledgers-diary-check-detail');
    await tap(page, 'spot-findings-save');
    const row = page.getByTestId(`spot-check-zf1-${month}`);
    await row.getByText('已登记').waitFor({ timeout: 15_000 });
    await screenshot(page, 'ledgers-diary-check-list');

    const checks = await api(OFFICE, 'GET', `/api/diary/spot-checks?month=${month}`);
    assert.equal(checks.length, 1);
    assert.match(checks[0].findings, /记录具体/);
  });

  it('the office approves a submitted 述廉 report with its photo', async () => {
    const { page } = b;
    const form = new FormData();
    form.append('file', new Blob([pngBytes()], { type: 'image/png' }), 'photo.png');
    const file = await api(COLLEAGUE, 'POST', '/api/files', form);
    const year = Number(today().slice(0, 4));
    await api(COLLEAGUE, 'POST', '/api/integrity/reports', {
      year,
      body: '本年度严格遵守廉洁自律各项规定，未收受礼品礼金，未接受基层吃请，下基层调研自行解决食宿。',
      fileIds: [file.id],
      submit: true,
    });

    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/integrity-review/index`);
    const row = page.getByTestId(`integrity-row-${COLLEAGUE}`);
    await row.waitFor({ timeout: 30_000 });
    await screenshot(page, 'ledgers-integrity-queue');
    await tap(page, `integrity-row-${COLLEAGUE}`);
    await page.getByTestId('integrity-detail').waitFor({ timeout: 15_000 });
    const thumb = page.getByTestId(`evidence-thumb-${file.id}`);
    await thumb.waitFor({ timeout: 15_000 });
    // the thumbnail really loads through its signed link
    await page.waitForFunction((id) => {
      const img = document.querySelector(`[data-testid="evidence-thumb-${id}"] img`) ?? document.querySelector(`img[data-testid="evidence-thumb-${id}"]`);
      return !!img && img.complete && img.naturalWidth > 0;
    }, file.id, { timeout: 15_000 });
    // returning without a comment is refused on the page
    await tap(page, 'integrity-return');
    await page.getByTestId('integrity-error').waitFor({ timeout: 10_000 });
    await typeInto(page, 'integrity-comment', '内容属实，同意归档');
    await screenshot(page, 'ledgers-integrity-detail');
    await tap(page, 'integrity-approve');
    await page.getByTestId('integrity-done').waitFor({ timeout: 15_000 });
    await screenshot(page, 'ledgers-integrity-done');

    const archive = await api(COLLEAGUE, 'GET', '/api/integrity/files/me');
    assert.equal(archive.reports.length, 1);
    assert.equal(archive.reports[0].reviewComment, '内容属实，同意归档');
  });

  it('the office records a 全局大会 and sees the quarterly ledger check page', async () => {
    const { page } = b;
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/gatherings/index`);
    await tap(page, 'gathering-new');
    await page.getByTestId('gathering-form').waitFor({ timeout: 15_000 });
    await tap(page, `att-status-${COLLEAGUE}`); // 出席 → 迟到
    await tap(page, `att-status-${COLLEAGUE}`); // → 缺席
    await tap(page, `att-leave-${COLLEAGUE}`); // 已请假
    await screenshot(page, 'ledgers-gathering-form');
    await tap(page, 'gathering-save');
    await page.getByTestId('gathering-done').waitFor({ timeout: 15_000 });
    await screenshot(page, 'ledgers-gatherings');
    const list = await api(OFFICE, 'GET', '/api/meetings?kind=bureau');
    const absent = list.items[0].attendance.find((a) => a.personId === COLLEAGUE);
    assert.deepEqual([absent.status, absent.leave], ['absent', true]);

    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/ledger-check/index`);
    await page.getByTestId('ledger-form').waitFor({ timeout: 30_000 });
    await screenshot(page, 'ledgers-ledger-check');
    assert.deepEqual(b.errors, []);
  });

  it('the branch secretary sees the pace toward 12 and records dues follow-up', async () => {
    const { page } = b;
    await page.evaluate(() => localStorage.clear());
    await loginAs(page, server.baseUrl, SECRETARY);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/branch/index`);
    await page.getByTestId('pace').waitFor({ timeout: 30_000 });
    await screenshot(page, 'ledgers-branch');
    await tap(page, 'branch-new');
    await page.getByTestId('branch-form').waitFor({ timeout: 15_000 });
    await typeInto(page, 'branch-title', '主题党日：学习新修订的纪律处分条例');
    await typeInto(page, 'branch-minutes', '学习条例第一至三章，交流发言3人');
    await screenshot(page, 'ledgers-branch-form');
    await tap(page, 'branch-save');
    await page.getByText('学习新修订的纪律处分条例').first().waitFor({ timeout: 15_000 });

    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/branch-dues/index`);
    await page.getByTestId('dues-form').waitFor({ timeout: 30_000 });
    await screenshot(page, 'ledgers-branch-dues');
    assert.deepEqual(b.errors, []);
  });
});

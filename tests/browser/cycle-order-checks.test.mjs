// The 五比五评 three-year cycle planner and the 卫生秩序 checks on H5: the office plans a cycle, a plan leaving a section
// out is refused with its name on the page, the complete one saves; the office opens a 卫生秩序 round, scores 执法一处
// item by item with a photo, files the round; the chief of 执法一处 sees the section's total, deductions and rank.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, pngBytes, screenshot as save, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

/** Taro H5 slides a new page in: let it settle before the screenshot. */
async function screenshot(page, name) {
  await page.waitForTimeout(500);
  await save(page, name);
}

const OFFICE = 'p039';
const LEADER = 'p001';
const CHIEF = 'p015';

/** Signs out (the session lives in storage; cleared from a page without the app, so nothing writes it back) and in again. */
async function switchTo(page, baseUrl, personId) {
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await loginAs(page, baseUrl, personId);
}

async function api(server, personId, path, init = {}) {
  const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
  const { token } = await login.json();
  const res = await fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const body = await res.json().catch(() => null);
  assert.ok(res.ok, `${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe('五比五评 cycle planner and 卫生秩序 checks on H5', { skip: missing ?? false }, () => {
  let server;
  let b;
  before(async () => {
    server = await startServer();
    b = await openBrowser();
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('the office plans a three-year cycle: leaving a section out is refused with its name; the complete plan saves', async () => {
    const { page, errors } = b;
    // a cycle after the demo's (2024–2026) and clear of any saved one, whatever the year the test runs in
    const start = new Date().getFullYear() + 3;
    await loginAs(page, server.baseUrl, OFFICE);
    await page.getByTestId('entry-group-appraisal').getByTestId('entry-wubi-cycle').waitFor();
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/wubi-cycle/index?startYear=${start}`);
    await page.getByTestId('cycle-grid').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('cycle-range').innerText(), new RegExp(`${start}–${start + 2}`));
    assert.match(await page.getByTestId('cycle-coverage').innerText(), /已覆盖 0 \/ 7/);

    const plan = { [start]: ['jdk', 'csglk', 'zfzd'], [start + 1]: ['zhzx', 'ylc'], [start + 2]: ['hwc'] };
    for (const [year, ids] of Object.entries(plan)) for (const id of ids) await tap(page, `cycle-cell-${id}-${year}`);
    assert.match(await page.getByTestId('cycle-uncovered').innerText(), /市公用事业和市政管理处/);
    await screenshot(page, 'cycle-planner-uncovered');

    await tap(page, 'cycle-save');
    await page.getByTestId('form-error').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('form-error').innerText(), /市公用事业和市政管理处/);
    await screenshot(page, 'cycle-planner-refused');
    assert.ok(!(await api(server, OFFICE, '/api/wubi-cycles')).some((c) => c.startYear === start), 'nothing saved');

    await tap(page, `cycle-cell-gyc-${start + 2}`);
    assert.match(await page.getByTestId('cycle-coverage').innerText(), /已覆盖 7 \/ 7/);
    await tap(page, 'cycle-save');
    await page.waitForFunction(() => document.querySelector('[data-testid="cycle-saved"]')?.textContent?.includes('已保存 · 方学军'), null, { timeout: 30_000 });
    await screenshot(page, 'cycle-planner-saved');
    const saved = await api(server, OFFICE, `/api/wubi-cycles/plan?startYear=${start}`);
    assert.equal(saved.complete, true);
    assert.deepEqual(saved.plan.map((y) => y.sectionIds.length), [3, 2, 2]);

    // leaders read the plan without toggles or a save button
    await switchTo(page, server.baseUrl, LEADER);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/wubi-cycle/index?startYear=${start}`);
    await page.getByTestId('cycle-grid').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('cycle-save').count(), 0);
    assert.deepEqual(errors, []);
  });

  it('the office scores a 卫生秩序 round item by item with a photo and files it; the chief sees the result and rank', async () => {
    const { page, errors } = b;
    await switchTo(page, server.baseUrl, OFFICE);
    await tap(page, 'entry-order-checks');
    await page.getByTestId('oc-tab-rounds').waitFor({ timeout: 30_000 });
    await screenshot(page, 'order-checks-rounds');
    await tap(page, 'oc-tab-ranking');
    await page.getByTestId('oc-year-chart').waitFor({ timeout: 30_000 }).catch(() => undefined);
    await screenshot(page, 'order-checks-year-ranking');

    await tap(page, 'oc-tab-new');
    await typeInto(page, 'oc-inspectors', '局办公室 李明、张华');
    await tap(page, 'oc-create');
    await page.getByTestId('oc-sheet-row-zf1').waitFor({ timeout: 30_000 });
    const roundId = decodeURIComponent(new URL(page.url().replace('/#/', '/')).searchParams.get('id'));
    assert.ok(roundId);

    // 执法一处 on the score sheet: −2 for the desk with a note, a photo
    await tap(page, 'oc-sheet-row-zf1');
    await page.getByTestId('oc-item-desk').waitFor({ timeout: 30_000 });
    for (let i = 0; i < 4; i++) await tap(page, 'oc-plus-desk');
    assert.match(await page.getByTestId('oc-points-desk').innerText(), /−2/);
    await typeInto(page, 'oc-note-desk', '桌面文件堆放杂乱');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'oc-photo')]);
    await chooser.setFiles({ name: 'desk.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByTestId('oc-photo-picked').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('oc-sheet-total').innerText(), /98/);
    await screenshot(page, 'order-check-sheet');
    await tap(page, 'oc-sheet-save');
    await page.waitForFunction(() => document.querySelector('[data-testid="oc-sheet-total-zf1"]')?.textContent?.includes('98'), null, { timeout: 30_000 });

    // the other sections through the API, then file the round on the page
    const scores = { bgs: [], fgc: [{ itemId: 'corners', points: 5, note: '门后墙角积尘' }], zf2: [{ itemId: 'appearance', points: 3, note: '一人未佩戴工作牌' }], zhdd: [], zzc: [{ itemId: 'discipline', points: 4, note: '一人离岗未报告' }], dzz: [], jcs: [{ itemId: 'arrangement', points: 3, note: '窗台堆放杂物' }] };
    for (const [section, deductions] of Object.entries(scores)) {
      await api(server, OFFICE, `/api/order-checks/rounds/${roundId}/sheets/${section}`, { method: 'PUT', body: JSON.stringify({ deductions }) });
    }
    await page.reload();
    await page.getByTestId('oc-round-chart').waitFor({ timeout: 30_000 });
    await tap(page, 'oc-close');
    await page.locator('.taro-modal__foot').getByText('确定').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="oc-round-status"]')?.textContent?.includes('已归档'), null, { timeout: 30_000 });
    await screenshot(page, 'order-check-round-filed');

    // the chief of 执法一处: total, the deduction with its reason, the photo and the rank (3 sections at 100 ahead)
    await switchTo(page, server.baseUrl, CHIEF);
    await tap(page, 'entry-my-order-checks');
    await page.getByTestId('moc-summary').waitFor({ timeout: 30_000 });
    const round = await api(server, OFFICE, `/api/order-checks/rounds/${roundId}`);
    const card = page.getByTestId(`moc-round-${round.round}`);
    await card.waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId(`moc-total-${round.round}`).innerText(), /98/);
    assert.match(await card.innerText(), /办公桌面整洁：桌面文件堆放杂乱/);
    assert.match(await page.getByTestId(`moc-rank-${round.round}`).innerText(), /第 4 名（共 8 个处室）/);
    await card.locator('[data-testid^="evidence-thumb-"]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'order-checks-chief');
    assert.deepEqual(errors, []);
  });
});

// A citizen scans the QR code and submits a 效能投诉 with a photo on H5, then checks its status with the tracking
// code. The 监察室 moves it to 查实 (verified); the person complained about sees the scoring consequence (DE-5).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap, pngBytes, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const STAFF = 'p016';
const OFFICE = 'p039';

describe('complaints on H5', { skip: missing ?? false }, () => {
  let server;
  let citizen;
  let office;
  let staff;
  let trackingCode;
  const content = '执法人员在夜市检查时态度生硬，大声呵斥摊主。<script>alert(1)</script>';

  before(async () => {
    server = await startServer({ COMPLAINT_RATE_LIMIT: '100' });
    citizen = await openBrowser();
    office = await openBrowser();
    staff = await openBrowser();
  });
  after(async () => {
    for (const b of [citizen, office, staff]) await b?.browser.close();
    await server?.stop();
  });

  it('a citizen submits a complaint with a photo and gets a tracking code', async () => {
    const { page, errors } = citizen;
    await page.goto(`${server.baseUrl}/#/subpackages/citizen/pages/complaint/index`);
    await tap(page, 'category-attitude');
    await typeInto(page, 'complaint-content', content);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'add-photo')]);
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByTestId('photo-thumb').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'complaint-form');
    await tap(page, 'submit-complaint');
    await page.getByTestId('tracking-code').waitFor({ timeout: 30_000 });
    trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
    assert.match(trackingCode, /^[A-Z2-9]{12}$/);
    await screenshot(page, 'complaint-submitted');
    assert.deepEqual(errors, []);
  });

  it('the citizen checks the status with the tracking code', async () => {
    const { page, errors } = citizen;
    await page.goto(`${server.baseUrl}/#/subpackages/citizen/pages/track/index`);
    await typeInto(page, 'track-code-input', trackingCode.toLowerCase());
    await tap(page, 'track-submit');
    await page.getByTestId('track-status').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('track-status').innerText()).trim(), '已受理');
    await screenshot(page, 'complaint-track');
    assert.deepEqual(errors, []);
  });

  it('the office moves it to verified and the person sees the deduction', async () => {
    const token = (await (await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId: OFFICE }) })).json()).token;
    const api = async (method, path, body) => {
      const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      assert.ok(res.ok, `${method} ${path} → ${res.status} ${await res.clone().text()}`);
      return res.json();
    };
    const item = (await api('GET', '/api/complaints?status=received')).find((c) => c.trackingCode === trackingCode);
    assert.ok(item, 'the office sees the new complaint');
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await api('POST', `/api/complaints/${item.id}/assign`, { sectionId: 'zf1', deadline });
    await api('POST', `/api/complaints/${item.id}/investigate`, { findings: '调取执法记录仪，情况属实。', personId: STAFF });

    const { page, errors } = office;
    await loginAs(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/complaints/index`);
    await tap(page, `complaint-row-${item.id}`);
    await page.getByTestId('action-verify').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('complaint-content').innerText()).trim(), content);
    await tap(page, 'action-verify');
    await page.getByText('答复投诉人（凭查询码可见）').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('complaint-status').innerText()).trim(), '查实');
    const costs = await page.getByTestId('complaint-cost').allInnerTexts();
    assert.ok(costs.some((c) => c.includes('DE-5 本人 −3，处长 −1，每位副处长 −1')), costs.join(' | '));
    await screenshot(page, 'complaint-office-verified');
    await typeInto(page, 'reply-text', '经查属实，已批评教育并按规定扣分。感谢监督。');
    await tap(page, 'action-reply');
    await page.getByText('答复：经查属实').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(errors, []);

    await loginAs(staff.page, server.baseUrl, STAFF);
    await staff.page.goto(`${server.baseUrl}/#/subpackages/officer/pages/my-complaints/index`);
    await staff.page.getByTestId('my-complaint-cost').first().waitFor({ timeout: 30_000 });
    const mine = await staff.page.getByTestId('my-complaint-cost').allInnerTexts();
    assert.ok(mine.some((c) => c.includes('DE-5 本人 −3')), mine.join(' | '));
    await screenshot(staff.page, 'complaint-my-deductions');
    assert.deepEqual(staff.errors, []);

    await citizen.page.goto(`${server.baseUrl}/#/subpackages/citizen/pages/track/index?code=${trackingCode}`);
    await citizen.page.getByText('经查属实，已批评教育').first().waitFor({ timeout: 30_000 });
    assert.equal((await citizen.page.getByTestId('track-status').innerText()).trim(), '已办结（已答复）');
    await screenshot(citizen.page, 'complaint-track-replied');
  });
});

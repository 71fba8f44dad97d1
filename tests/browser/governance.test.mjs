// Duty and system ledgers: the office merges two overlapping applications the demo suggests and the applicant sees
// the outcome; the office confirms the demo's overdue coordination record as a break (a JI-2 incident for the
// 经办人, pending verification); a chief submits a missing efficiency system for review.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICE = 'p039';
const CHIEF_ZF1 = 'p015';
const CHIEF_ZF2 = 'p021';

/** Signs in as another persona (the session lives in storage; cleared from a page without the app, so nothing writes it back). */
async function switchTo(page, baseUrl, personId) {
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await loginAs(page, baseUrl, personId);
}

describe('duty and system ledgers', { skip: missing ?? false }, () => {
  let server;
  let b;
  const api = async (personId, method, path, body) => {
    const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
    const { token } = await login.json();
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
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

  it('the office merges the overlapping applications; the other applicant sees "已合并"', async () => {
    const { page } = b;
    await switchTo(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/gov-approvals/index`);
    await page.getByTestId('overlap-demo-app-zf1-night').waitFor({ timeout: 30_000 });
    await screenshot(page, 'governance-approvals');
    await typeInto(page, 'overlap-note-demo-app-zf1-night', '同一时期检查综合执法支队，合并为一次检查，两处室共同参加');
    await tap(page, 'overlap-merge-demo-app-zf1-night');
    await page.getByTestId('approvals-done').waitFor({ timeout: 15_000 });
    await screenshot(page, 'governance-approvals-merged');

    const merged = await api(OFFICE, 'GET', '/api/governance/applications/demo-app-zf2-shops');
    assert.equal(merged.status, 'merged');
    assert.equal(merged.mergedIntoId, 'demo-app-zf1-night');

    await switchTo(page, server.baseUrl, CHIEF_ZF2);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/gov-applications/index`);
    const card = page.getByTestId('application-demo-app-zf2-shops');
    await card.getByText('已合并').first().waitFor({ timeout: 30_000 });
    await card.getByText('夜市占道经营专项检查').first().waitFor({ timeout: 5_000 });
    await screenshot(page, 'governance-applications-chief');
  });

  it('the office confirms the overdue coordination record as a break: a JI-2 incident for the 经办人, pending verification', async () => {
    const { page } = b;
    await switchTo(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/gov-coordination-review/index`);
    await tap(page, 'review-demo-coord-overdue');
    await page.getByTestId('coordination-review').waitFor({ timeout: 30_000 });
    await screenshot(page, 'governance-coordination-review');
    await typeInto(page, 'coordination-review-note', '逾期未办结，群众重复投诉，经核查属处室衔接断档');
    await tap(page, 'coordination-confirm-break');
    await page.getByTestId('coordination-break').getByText('已认定脱节断档').waitFor({ timeout: 15_000 });
    await page.getByTestId('coordination-incident').waitFor({ timeout: 5_000 });
    await screenshot(page, 'governance-coordination-confirmed');

    const record = await api(OFFICE, 'GET', '/api/governance/coordination/demo-coord-overdue');
    assert.equal(record.responsiblePersonId, 'p017');
    const incident = await api(OFFICE, 'GET', `/api/incidents/${record.incidentId}`);
    assert.equal(incident.rule, 'JI-2');
    assert.equal(incident.personId, 'p017');
    assert.equal(incident.status, 'pending');
  });

  it('a chief submits a missing efficiency system for the office to review', async () => {
    const { page } = b;
    await switchTo(page, server.baseUrl, CHIEF_ZF1);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/gov-systems/index`);
    await page.getByTestId('systems-missing').waitFor({ timeout: 30_000 });
    await screenshot(page, 'governance-systems');
    await tap(page, 'system-new-refusal_filing');
    await typeInto(page, 'system-content', '对不符合条件、不予办理的事项，经办人须当场说明理由和依据，登记后报处长备案，每月报考评办。');
    await tap(page, 'system-submit');
    await page.getByTestId('system-pending').waitFor({ timeout: 15_000 });
    await screenshot(page, 'governance-system-submitted');

    const overview = await api(OFFICE, 'GET', '/api/governance/overview');
    assert.ok(overview.pendingSystems.some((s) => s.sectionId === 'zf1' && s.kind === 'refusal_filing'));
  });
});

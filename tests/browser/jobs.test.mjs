// Background jobs on H5: the office recomputes the scores and exports the annual report and the month's attendance;
// each button shows the job's progress, then the result (a summary, or 下载 which saves the Excel file).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICE = 'p039';

describe('background jobs on H5', { skip: missing ?? false }, () => {
  let server;
  let b;
  const uploads = mkdtempSync(join(tmpdir(), 'kaoping-browser-jobs-'));
  before(async () => {
    server = await startServer({ UPLOAD_DIR: uploads });
    b = await openBrowser();
    await loginAs(b.page, server.baseUrl, OFFICE);
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('the office recomputes the scores: progress, then how many people were recomputed', async () => {
    const { page, errors } = b;
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/leaderboard/index`);
    await page.getByTestId('leaderboard').waitFor({ timeout: 30_000 });
    await tap(page, 'recompute-start');
    await page.getByTestId('recompute-summary').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('recompute-summary').innerText(), /^机关绩效考评 \d{4} 年：已重算 \d+ 人$/);
    await screenshot(page, 'job-recompute-done');
    assert.deepEqual(errors, []);
  });

  it('the annual report is prepared in the background and downloads as an Excel file', async () => {
    const { page, errors } = b;
    const year = new Date().getFullYear();
    await tap(page, 'score-report-start');
    await page.getByTestId('score-report-done').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('score-report-done').innerText(), new RegExp(`考评年度报表-${year}\\.xlsx`));
    await screenshot(page, 'job-report-done');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), tap(page, 'score-report-download')]);
    assert.equal(download.suggestedFilename(), `考评年度报表-${year}.xlsx`);
    assert.deepEqual(errors, []);
  });

  it('the month’s attendance export from 考勤管理', async () => {
    const { page, errors } = b;
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/att-admin/index`);
    await tap(page, 'export-xlsx-start');
    await page.getByTestId('export-xlsx-done').waitFor({ timeout: 60_000 });
    await screenshot(page, 'job-attendance-export-done');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), tap(page, 'export-xlsx-download')]);
    assert.match(download.suggestedFilename(), /^考勤月报-\d{4}-\d{2}\.xlsx$/);
    assert.deepEqual(errors, []);
  });
});

// A citizen scans a section's QR code (H5), answers, submits and sees thanks; a second submission is refused
// politely. A representative opens an invitation link and evaluates every section.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { missingPrerequisite, openBrowser, screenshot, startServer, tap } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const CITIZEN_SURVEY = '00000000-0000-4000-8000-00000000a001';
const REP_CODE = 'DEMOREP2024A001';

/** Taps the element's centre (NutUI buttons intercept pointer events on their inner text). */
async function answerChoices(page, questions) {
  for (const [q, v] of questions) await tap(page, `choice-${q}-${v}`);
}

describe('surveys on H5', { skip: missing ?? false }, () => {
  let server;
  let qrUrl;
  before(async () => {
    server = await startServer({ SURVEY_RATE_LIMIT: '1000' });
    const login = await (await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: 'p039' }) })).json();
    const res = await fetch(`${server.baseUrl}/api/surveys/${CITIZEN_SURVEY}/qr-link?sectionId=jdk`, { headers: { authorization: `Bearer ${login.token}` } });
    assert.equal(res.status, 200);
    const link = await res.json();
    // the QR encodes PUBLIC_BASE_URL; the test server listens elsewhere
    qrUrl = `${server.baseUrl}/${link.url.slice(link.url.indexOf('#'))}`;
  });
  after(async () => {
    await server?.stop();
  });

  it('a citizen opens the QR URL, answers, submits and sees thanks; a second submission is refused politely', async () => {
    const b = await openBrowser();
    try {
      const { page, errors } = b;
      await page.goto(qrUrl);
      await page.getByTestId('survey-section').waitFor({ timeout: 30_000 });
      assert.equal((await page.getByTestId('survey-section').innerText()).trim(), '城管监督科');
      await answerChoices(page, [
        ['q1', '满意'],
        ['q2', '基本满意'],
        ['q3', '满意'],
      ]);
      await tap(page, 'star-q4-4');
      await screenshot(page, 'survey-citizen-form');
      await page.waitForTimeout(1200); // a human takes a moment (the speeder floor is 1 s per question)
      await tap(page, 'survey-submit');
      await page.getByTestId('survey-thanks').waitFor({ timeout: 30_000 });
      assert.match(await page.getByTestId('survey-thanks').innerText(), /感谢您的评价/);
      await screenshot(page, 'survey-citizen-thanks');

      // the same device scans again and answers differently
      await page.goto('about:blank');
      await page.goto(qrUrl);
      await page.getByTestId('survey-section').waitFor({ timeout: 30_000 });
      await answerChoices(page, [
        ['q1', '不满意'],
        ['q2', '不满意'],
        ['q3', '不满意'],
      ]);
      await tap(page, 'star-q4-1');
      await page.waitForTimeout(1200);
      await tap(page, 'survey-submit');
      await page.getByTestId('survey-already').waitFor({ state: 'attached', timeout: 30_000 });
      assert.match(await page.locator('.state-view__title').innerText(), /您已评价过，感谢参与/);
      await screenshot(page, 'survey-citizen-already');
      assert.deepEqual(errors, []);
    } finally {
      await b.browser.close();
    }
  });

  it('a representative opens an invitation and completes it', async () => {
    const b = await openBrowser();
    try {
      const { page, errors } = b;
      await page.goto(`${server.baseUrl}/#/subpackages/representative/pages/home/index?code=${REP_CODE}`);
      await page.getByTestId('rep-home').waitFor({ timeout: 30_000 });
      await screenshot(page, 'survey-rep-home');
      for (let i = 0; i < 20; i++) {
        const next = page.locator('[data-testid^="rep-section-"]:not(.rep-home__item--done)').first();
        if ((await page.getByTestId('rep-done').count()) > 0) break;
        await next.waitFor({ timeout: 30_000 });
        const id = await next.getAttribute('data-testid');
        await tap(page, id);
        await page.getByTestId('rep-form').waitFor({ timeout: 30_000 });
        await answerChoices(page, [
          ['q1', i % 2 ? '满意' : '基本满意'],
          ['q2', '满意'],
          ['q3', i % 3 ? '满意' : '基本满意'],
        ]);
        if (i === 0) await screenshot(page, 'survey-rep-form');
        await page.waitForTimeout(1000);
        await tap(page, 'rep-submit');
        await page.getByTestId('rep-form').waitFor({ state: 'detached', timeout: 30_000 });
        await page.locator('[data-testid="rep-home"], [data-testid="rep-done"]').first().waitFor({ timeout: 30_000 });
      }
      await page.getByTestId('rep-done').waitFor({ timeout: 30_000 });
      await screenshot(page, 'survey-rep-done');
      // the used invitation cannot be opened again
      const again = await fetch(`${server.baseUrl}/api/survey-invitations/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: REP_CODE }) });
      assert.equal(again.status, 400);
      assert.deepEqual(errors, []);
    } finally {
      await b.browser.close();
    }
  });
});

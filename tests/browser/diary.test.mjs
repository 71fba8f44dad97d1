// An officer's vague diary entry is refused with what to write instead; a proper one is saved; the chief reviews it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICER = 'p016';
const CHIEF = 'p015';

describe('work diary', { skip: missing ?? false }, () => {
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

  async function write(page, text) {
    const box = page.locator('[data-testid="diary-content"] textarea');
    await box.waitFor({ timeout: 30_000 });
    await box.fill(text);
  }

  it('refuses a vague entry, saves a proper one, and the chief reviews it', async () => {
    const { page, errors } = b;
    await loginAs(page, server.baseUrl, OFFICER);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/diary/index`);
    await write(page, '上午处理公务，下午办理文件');
    await page.getByTestId('diary-save').click();
    const error = page.getByTestId('diary-error');
    await error.waitFor({ timeout: 15_000 });
    assert.match(await error.innerText(), /做了什么.*为谁.*结果如何/);
    await screenshot(page, 'diary-vague-refused');

    await write(page, '上午到城东农贸市场检查占道经营，整改3户；下午起草《关于规范户外广告的通知》初稿，报处长审核');
    await page.getByTestId('diary-save').click();
    await page.getByTestId('diary-saved').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('diary-error').count(), 0);
    await page.getByText('整改3户').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'diary-saved');

    await page.evaluate(() => localStorage.clear());
    await loginAs(page, server.baseUrl, CHIEF);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/diary-review/index`);
    const row = page.getByTestId(`review-person-${OFFICER}`);
    await row.waitFor({ timeout: 30_000 });
    await screenshot(page, 'diary-review-list');
    await row.click();
    await page.getByTestId('review-panel').waitFor({ timeout: 15_000 });
    await page.getByText('整改3户').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="review-comment"] textarea').fill('内容具体，请补记漏记的工作日');
    await screenshot(page, 'diary-review-panel');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-panel').waitFor({ state: 'detached', timeout: 15_000 });
    await row.getByText('已阅').waitFor({ timeout: 15_000 });
    await screenshot(page, 'diary-reviewed');
    assert.deepEqual(errors, []);
  });
});

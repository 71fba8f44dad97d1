// An officer of 执法一处 opens 考勤打卡 on H5: inside the bureau's fence the clock-in succeeds; moved 4 km away
// it is refused with the distance; a field clock-in (外勤) with a camera photo and a note succeeds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, pngBytes, screenshot, startServer, tap } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const INSIDE = { latitude: 30.9406, longitude: 118.7581, accuracy: 15 }; // 局机关办公楼 (radius 200 m)
const OUTSIDE = { latitude: 30.98, longitude: 118.758, accuracy: 15 }; // ~4.4 km north

describe('attendance clock-in on H5', { skip: missing ?? false }, () => {
  let server;
  let b;
  before(async () => {
    server = await startServer();
    b = await openBrowser({ geolocation: INSIDE, permissions: ['geolocation'] });
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('inside the fence: clock-in succeeds', async () => {
    const { page } = b;
    await loginAs(page, server.baseUrl, 'p016');
    await tap(page, 'entry-att-clock');
    const status = page.getByTestId('location-status');
    await status.filter({ hasText: '已进入考勤范围' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'attendance-clock-inside');
    await tap(page, 'clock-button');
    const ok = page.getByTestId('clock-success');
    await ok.waitFor({ timeout: 30_000 });
    assert.match(await ok.innerText(), /上班打卡成功/);
    assert.match(await ok.innerText(), /局机关办公楼/);
    await page.getByTestId('punch-row').first().waitFor();
    await screenshot(page, 'attendance-clock-success');
  });

  it('outside every fence: the clock-in is refused with the distance', async () => {
    const { page, context } = b;
    await context.setGeolocation(OUTSIDE);
    await tap(page, 'clock-button');
    const refused = page.getByTestId('clock-refused');
    await refused.waitFor({ timeout: 30_000 });
    const text = await refused.innerText();
    assert.match(text, /不在考勤范围内/);
    assert.match(text, /外勤打卡/);
    await page.getByTestId('location-status').filter({ hasText: '不在考勤范围内' }).waitFor();
    await screenshot(page, 'attendance-clock-outside');
  });

  it('a field clock-in with a camera photo and a note succeeds', async () => {
    const { page } = b;
    await tap(page, 'field-entry');
    await page.getByTestId('field-form').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'take-photo')]);
    await chooser.setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByTestId('field-photo').waitFor();
    await page.locator('[data-testid="field-note"] textarea, textarea[data-testid="field-note"]').first().fill('城北夜市占道经营巡查');
    await screenshot(page, 'attendance-field-form');
    await tap(page, 'field-submit');
    const ok = page.getByTestId('clock-success');
    await ok.waitFor({ timeout: 30_000 });
    assert.match(await ok.innerText(), /外勤打卡已提交/);
    await screenshot(page, 'attendance-field-success');
    assert.deepEqual(b.errors, []);
  });
});

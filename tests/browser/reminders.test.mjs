// Reminders on H5: an officer opens 提醒设置 from 我的 (WeChat messages need the mini-program) and turns a kind off;
// the office runs the sweep from 提醒发送记录 and sees the delivery; the officer finds the reminder in 消息通知.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICER = 'p016';
const OFFICE = 'p039';

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

async function switchTo(page, baseUrl, personId) {
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await loginAs(page, baseUrl, personId);
}

describe('reminders', { skip: missing ?? false }, () => {
  let server;
  let b;
  before(async () => {
    // any hour of any day: the sweep is run by hand here, not by the schedule; the appeal window closes tomorrow
    server = await startServer({ REMINDER_WINDOW: '00:00-24:00', REMINDERS_CRON: 'off', APPEAL_DAYS: '1' });
    b = await openBrowser();
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('settings from 我的, the office sweep and log, the notice', async () => {
    const { page, errors } = b;
    await loginAs(page, server.baseUrl, OFFICER);
    await page.goto(`${server.baseUrl}/#/pages/mine/index`);
    await tap(page, 'mine-reminders');
    const hint = page.getByTestId('reminders-h5-hint');
    await hint.waitFor({ timeout: 30_000 });
    assert.match(await hint.innerText(), /微信消息提醒需要在微信小程序中订阅/);
    assert.equal(await page.getByTestId('subscribe-wechat').count(), 0);
    await tap(page, 'reminder-toggle-meeting_pace');
    await page.waitForFunction(() => document.querySelector('[data-testid="reminder-state-meeting_pace"]')?.textContent === '已关闭', null, { timeout: 30_000 });
    await screenshot(page, 'reminders-settings');

    // an incident verified today: its appeal window (APPEAL_DAYS=1) closes tomorrow
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const inc = await api(server, OFFICE, '/api/incidents', { method: 'POST', body: JSON.stringify({ rule: 'NB-5', personId: OFFICER, date: today, description: '交办的整改任务推诿拖延' }) });
    await api(server, OFFICE, `/api/incidents/${inc.id}/verify`, { method: 'POST', body: JSON.stringify({ note: '经查属实' }) });

    await switchTo(page, server.baseUrl, OFFICE);
    await tap(page, 'entry-reminder-log');
    await page.getByTestId('reminder-sweep').waitFor({ timeout: 30_000 });
    await tap(page, 'reminder-sweep');
    await page.locator('.taro-modal__foot').getByText('检查').click();
    await page.getByText('检查完成').waitFor({ timeout: 30_000 });
    await page.locator('.taro-modal__foot').getByText('知道了').click();
    await page.getByText('检查完成').waitFor({ state: 'hidden', timeout: 30_000 });
    await page.getByText('考评事件申诉期即将结束').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'reminders-log');
    const log = await api(server, OFFICE, '/api/reminders?kind=incident');
    const mine = log.items.find((r) => r.personId === OFFICER && r.subject === inc.id);
    assert.ok(mine, 'the officer has an appeal reminder');
    assert.equal(mine.wechatOutcome, 'disabled');
    // turned off: no meeting-pace reminder for the officer
    const pace = await api(server, OFFICE, `/api/reminders?kind=meeting_pace&personId=${OFFICER}`);
    assert.equal(pace.items.length, 0);

    await switchTo(page, server.baseUrl, OFFICER);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/notices/index`);
    await page.getByText('考评事件申诉期即将结束').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'reminders-notice');
    assert.deepEqual(errors, []);
  });
});

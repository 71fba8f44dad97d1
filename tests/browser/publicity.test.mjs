// 进度公示 and 公众开放日 on H5: a citizen opens a section's public progress page and registers for its open day
// (gets the check-in code); the office opens the check-in page, enters the code and checks them in; the counts move,
// a second check-in is reported and not counted, and the citizen's ticket shows the check-in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot as save, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICE = 'p039';

/** A screenshot once Taro's page transition is over (nothing wider than the phone any more). */
async function screenshot(page, name) {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, null, { timeout: 30_000 });
  await save(page, name);
}
const CHIEF_JDK = 'p043';

describe('progress board and open day on H5', { skip: missing ?? false }, () => {
  let server;
  let citizen;
  let office;
  let chief;
  let openDayId;
  let code;

  before(async () => {
    server = await startServer({ PUBLICITY_RATE_LIMIT: '1000' });
    citizen = await openBrowser();
    office = await openBrowser();
    chief = await openBrowser();
    const section = await (await fetch(`${server.baseUrl}/api/publicity/sections/jdk`)).json();
    openDayId = section.openDays[0]?.id;
    assert.ok(openDayId, 'the demo has an upcoming open day for 城管监督科');
  });
  after(async () => {
    for (const b of [citizen, office, chief]) await b?.browser.close();
    await server?.stop();
  });

  it('a citizen reads a section’s public progress and registers for its open day', async () => {
    const { page, errors } = citizen;
    await page.goto(`${server.baseUrl}/#/subpackages/citizen/pages/progress/index`);
    await page.getByTestId('progress-section-jdk').waitFor({ timeout: 30_000 });
    await screenshot(page, 'publicity-list');
    await tap(page, 'progress-section-jdk');
    await page.getByTestId('progress-section-name').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('progress-section-name').innerText()).trim(), '城管监督科');
    assert.equal(await page.getByTestId('board-task').count(), 3);
    assert.ok((await page.getByTestId('board-problem').count()) >= 1);
    await page.getByText('城市管理领域突出问题专项督查').first().waitFor();
    await screenshot(page, 'publicity-section');

    await tap(page, `register-${openDayId}`);
    await typeInto(page, 'reg-name', '李明');
    await typeInto(page, 'reg-phone', '13812341234');
    await tap(page, 'reg-audience-citizen');
    await typeInto(page, 'reg-org', '新华社区');
    await screenshot(page, 'publicity-register-form');
    await tap(page, 'reg-submit');
    await page.getByTestId('checkin-code').waitFor({ timeout: 30_000 });
    code = (await page.getByTestId('checkin-code').innerText()).trim();
    assert.match(code, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    assert.ok(await page.getByTestId('checkin-qr').isVisible());
    assert.ok((await page.getByTestId('ticket').innerText()).includes('138****1234'));
    await screenshot(page, 'publicity-registered');
    assert.deepEqual(errors, []);
  });

  it('the office checks them in with the code; a second check-in is not counted', async () => {
    const { page, errors } = office;
    await loginAs(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/open-days/index`);
    await page.getByTestId(`od-row-${openDayId}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'publicity-office-open-days');
    await tap(page, 'od-new');
    await page.getByTestId('open-day-form').waitFor({ timeout: 30_000 });
    await screenshot(page, 'publicity-office-new-open-day');
    await tap(page, `od-checkin-${openDayId}`);
    await page.getByTestId('count-checked-in').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('count-registered').innerText()).trim(), '6');
    assert.equal((await page.getByTestId('count-checked-in').innerText()).trim(), '0');

    await typeInto(page, 'checkin-code-input', code.toLowerCase());
    await tap(page, 'checkin-lookup');
    await page.getByTestId('checkin-found').waitFor({ timeout: 30_000 });
    const found = await page.getByTestId('checkin-found').innerText();
    assert.ok(found.includes('李明') && found.includes('138****1234') && !found.includes('13812341234'), found);
    await screenshot(page, 'publicity-checkin-found');
    await tap(page, 'checkin-confirm');
    await page.getByText('李明（市民）签到成功').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('count-checked-in').innerText()).trim(), '1');
    assert.ok((await page.getByTestId('count-citizen').innerText()).includes('签到 1'));
    await screenshot(page, 'publicity-checked-in');

    await typeInto(page, 'checkin-code-input', code);
    await tap(page, 'checkin-lookup');
    await page.getByTestId('checkin-found').waitFor({ timeout: 30_000 });
    await tap(page, 'checkin-confirm');
    await page.getByText('不重复计数').first().waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('count-checked-in').innerText()).trim(), '1');
    assert.equal((await page.getByTestId('count-registered').innerText()).trim(), '6');
    await screenshot(page, 'publicity-checkin-twice');
    assert.deepEqual(errors, []);
  });

  it('the citizen’s ticket shows the check-in', async () => {
    const { page, errors } = citizen;
    await page.goto(`${server.baseUrl}/#/subpackages/citizen/pages/my-registration/index`);
    await page.getByTestId('ticket-checked-in').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('checkin-code').innerText()).trim(), code);
    await screenshot(page, 'publicity-my-registration');
    assert.deepEqual(errors, []);
  });

  it('the chief edits the board and the office reviews it (pages render)', async () => {
    await loginAs(chief.page, server.baseUrl, CHIEF_JDK);
    await chief.page.goto(`${server.baseUrl}/#/subpackages/officer/pages/progress-edit/index`);
    await chief.page.getByTestId('edit-task').first().waitFor({ timeout: 30_000 });
    assert.equal((await chief.page.getByTestId('board-status').innerText()).trim(), '已公示');
    await tap(chief.page, 'note-open');
    await typeInto(chief.page, 'note-text', '第四轮督查完成，整改率 95%');
    await tap(chief.page, 'note-add');
    await chief.page.getByText('有未保存的修改').waitFor({ timeout: 30_000 });
    assert.equal(await chief.page.getByTestId('note-form').count(), 0, 'the note form closes once the note is added');
    await tap(chief.page, 'board-main-action');
    await chief.page.getByText('草稿已保存。公众仍看到已公示的版本').waitFor({ timeout: 30_000 });
    await tap(chief.page, 'board-main-action');
    await chief.page.getByText('已提交考评办审核，审核通过后向公众公示。').waitFor({ timeout: 30_000 });
    assert.equal((await chief.page.getByTestId('board-main-status').innerText()).trim(), '已提交，等待考评办审核（修改会撤回提交）');
    await screenshot(chief.page, 'publicity-chief-edit');
    assert.deepEqual(chief.errors, []);

    const { page, errors } = office;
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/progress-review/index`);
    await page.getByTestId('board-row-jdk').waitFor({ timeout: 30_000 });
    await screenshot(page, 'publicity-office-review-list');
    await tap(page, 'board-row-jdk');
    await page.getByTestId('board-approve').waitFor({ timeout: 30_000 });
    await tap(page, 'board-approve');
    await page.getByTestId('board-row-jdk').waitFor({ timeout: 30_000 });
    const pub = await (await fetch(`${server.baseUrl}/api/publicity/sections/jdk`)).json();
    assert.ok(pub.board.tasks.some((t) => t.updates.some((u) => u.text === '第四轮督查完成，整改率 95%')), 'the approved note is public');
    await screenshot(page, 'publicity-office-reviewed');
    assert.deepEqual(errors, []);
  });
});

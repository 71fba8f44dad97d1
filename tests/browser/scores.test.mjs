// The office records an incident (NB-5) against a 执法一处 staff member and verifies it; the person's score page shows
// the deduction with its rule and evidence; the leaderboard reflects it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const OFFICE = 'p039';
const PERSON = 'p018';

async function api(server, personId, path) {
  const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
  const { token } = await login.json();
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return res.json();
}

describe('records and scores on H5', { skip: missing ?? false }, () => {
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

  it('office records and verifies an incident; the score page and the leaderboard show the deduction', async () => {
    const { page, errors } = b;
    const year = new Date().getFullYear();
    const before = await api(server, PERSON, `/api/scores/people/${PERSON}?year=${year}`);
    assert.equal(typeof before.total, 'number');

    await loginAs(page, server.baseUrl, OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/incident-new/index`);
    await tap(page, 'rule-NB-5');
    await page.getByTestId('cost-preview').waitFor();
    assert.match(await page.getByTestId('cost-preview').innerText(), /本人 −2，处长 −1，每位副处长 −1/);
    await typeInto(page, 'person-search', '罗晓燕');
    await tap(page, `person-${PERSON}`);
    await typeInto(page, 'incident-description', '交办的违停整治任务推诿拖延，未按期落实');
    await screenshot(page, 'incident-new');
    await tap(page, 'incident-submit');
    await page.getByTestId('incident-status').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('incident-status').innerText(), /待核实/);
    await tap(page, 'detail-verify');
    await page.getByText('已核实').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'incident-verified');

    // the person's score page (as the person): the NB-5 deduction with its rule text and the evidence link
    const person = await openBrowser();
    try {
      await loginAs(person.page, server.baseUrl, PERSON);
      await person.page.goto(`${server.baseUrl}/#/subpackages/officer/pages/scores/index`);
      const item = person.page.getByTestId('item-NB-5').first();
      await item.waitFor({ timeout: 30_000 });
      const text = await item.innerText();
      assert.match(text, /−2/);
      assert.match(text, /推诿拖拉/);
      assert.match(text, /证据：考评事件/);
      await person.page.getByTestId('radar-chart').waitFor();
      await screenshot(person.page, 'score-person');
      const total = Number(await person.page.getByTestId('score-total').innerText());
      assert.ok(total < before.total, `total ${total} should be below ${before.total}`);
      await item.getByText(/证据：/).click();
      await person.page.getByTestId('incident-rule').waitFor({ timeout: 30_000 });
      assert.match(await person.page.getByTestId('incident-rule').innerText(), /NB-5/);
      await screenshot(person.page, 'score-evidence');
      assert.deepEqual(person.errors, []);

      // the leaderboard (office) reflects it
      await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/leaderboard/index`);
      const cell = page.getByTestId(`board-total-${PERSON}`);
      await cell.waitFor({ timeout: 30_000 });
      assert.equal(Number(await cell.innerText()), total);
      await screenshot(page, 'leaderboard');
    } finally {
      await person.browser.close();
    }
    assert.deepEqual(errors, []);
  });
});

// A newcomer opens the H5 app served by the API, picks the chief of 执法一处 on the persona picker, and sees
// their name and section on the home page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { missingPrerequisite, openBrowser, screenshot, startServer } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

describe('login through the persona picker', { skip: missing ?? false }, () => {
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

  it('a chief picks their persona and sees their name and section', async () => {
    const { page, errors } = b;
    await page.goto(`${server.baseUrl}/`);
    const chief = page.locator('[data-testid^="persona-card-"][data-persona-role="chief"]').first();
    await chief.waitFor({ timeout: 30_000 });
    await screenshot(page, 'login-persona-picker');
    const personId = (await chief.getAttribute('data-testid')).replace('persona-card-', '');
    const personas = await (await fetch(`${server.baseUrl}/api/auth/dev/personas`)).json();
    const persona = personas.find((p) => p.personId === personId);
    assert.equal(persona.role, 'chief');
    await chief.click();
    await page.getByTestId('me-name').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('me-name').innerText()).trim(), persona.name);
    assert.match(await page.getByTestId('me-section').innerText(), new RegExp(persona.sectionName));
    await screenshot(page, 'home-chief');
    assert.deepEqual(errors, []);
  });
});

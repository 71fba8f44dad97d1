// Review meetings (seed 000 五.(十)) and the chiefs' extras (七.(一)): a leader comments on a section at the 月度总结会,
// a staff member finishes a 整改任务 with a note, the office sets the 附加项权重, and the chief sees what feeds the score.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, screenshot, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

const LEADER = 'p001';
const OFFICE = 'p039';
const CHIEF = 'p015'; // 向宏伟, 执法一处
const STAFF = 'p016'; // 杨玉兰, 执法一处

/** This month in the bureau's zone (the browser runs in Asia/Shanghai too), `YYYY-MM`. */
const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

describe('review meetings and the chiefs’ extras', { skip: missing ?? false }, () => {
  let server;
  let b;
  const api = async (personId, method, path, body) => {
    const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
    const { token } = await login.json();
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const fresh = async (personId) => {
    await b.page.evaluate(() => localStorage.clear());
    await loginAs(b.page, server.baseUrl, personId);
  };

  before(async () => {
    server = await startServer();
    b = await openBrowser();
  });
  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('a leader comments on 执法一处: a level, a comment, one main action', async () => {
    const { page } = b;
    await loginAs(page, server.baseUrl, LEADER);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/leader-comment/index`);
    await page.getByTestId('lc-form').waitFor({ timeout: 30_000 });
    await tap(page, 'lc-section-zf1');
    await tap(page, 'lc-level-fair');
    await typeInto(page, 'lc-comment', '夜市整治成效明显，执法台账还需完善，下月重点抓好汛期保障。');
    await screenshot(page, 'reviews-leader-comment');
    await tap(page, 'lc-submit');
    await page.getByTestId('lc-done').waitFor({ timeout: 15_000 });
    await page.getByTestId('lc-mine-zf1').waitFor({ timeout: 15_000 });
    await screenshot(page, 'reviews-leader-comment-done');

    const month = await api(OFFICE, 'GET', `/api/reviews/monthly?month=${thisMonth()}`);
    const mine = month.comments.filter((c) => c.leaderId === LEADER && c.sectionId === 'zf1');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].score, 85);
    assert.match(mine[0].comment, /汛期保障/);
  });

  it('a staff member finishes a 整改任务 with what was done', async () => {
    const { page } = b;
    const open = await api(STAFF, 'GET', '/api/reviews/tasks?status=open');
    const task = open.find((x) => x.ownerId === STAFF);
    assert.ok(task, 'the demo data gives 杨玉兰 an open task');
    await fresh(STAFF);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/review-tasks/index`);
    await page.getByTestId(`task-${task.id}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'reviews-tasks');
    await tap(page, `task-open-${task.id}`);
    await typeInto(page, `task-note-${task.id}`, '执法台账已逐案补齐，处理结果已登记，经处长审核。');
    await tap(page, `task-done-${task.id}`);
    await page.getByTestId(`task-${task.id}`).waitFor({ state: 'detached', timeout: 15_000 });
    const done = await api(STAFF, 'GET', '/api/reviews/tasks?status=done');
    const finished = done.find((x) => x.id === task.id);
    assert.equal(finished.status, 'done');
    assert.match(finished.followUp, /逐案补齐/);
  });

  it('the office sets the 附加项权重, and the chief sees what feeds the score', async () => {
    const { page } = b;
    await fresh(OFFICE);
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/extras-weights/index`);
    await page.getByTestId('weights-form').waitFor({ timeout: 30_000 });
    await typeInto(page, 'weight-leader_comments', '10');
    await typeInto(page, 'weight-quarterly_review', '10');
    await typeInto(page, 'weight-half_year_unit_scoring', '5');
    await typeInto(page, 'weight-innovation', '5');
    await page.getByTestId('weights-sum').getByText('30%').waitFor({ timeout: 10_000 });
    await screenshot(page, 'reviews-extras-weights');
    await tap(page, 'weights-save');
    await page.getByText('最近修改').waitFor({ timeout: 15_000 });
    const weights = await api(OFFICE, 'GET', '/api/scores/extras-weights');
    assert.deepEqual(weights.weights.map((w) => w.weight), [0.1, 0.1, 0.05, 0.05]);

    await fresh(CHIEF);
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/review-extras/index`);
    await page.getByTestId('extras-section-zf1').waitFor({ timeout: 30_000 });
    await page.getByTestId('extras-zf1-leader_comments').getByText('权重 10%').waitFor({ timeout: 10_000 });
    await screenshot(page, 'reviews-extras');
    await page.goto(`${server.baseUrl}/#/subpackages/officer/pages/scores/index`);
    await page.getByTestId('score-extras').waitFor({ timeout: 30_000 });
    await page.getByTestId('extra-leader_comments').waitFor({ timeout: 10_000 });
    await screenshot(page, 'reviews-score-extras');
    const score = await api(CHIEF, 'GET', `/api/scores/people/${CHIEF}?scheme=jiguan`);
    assert.equal(score.extras.length, 4);
    assert.equal(score.extras[0].weight, 0.1);
    assert.notEqual(score.extras[0].score, null);
    assert.deepEqual(b.errors, []);
  });
});

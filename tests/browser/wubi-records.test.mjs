// 五比五评 records on H5: the office records an inspection round for the section heads and a commendation; the head's
// wubi score reflects both. Also the grouped home with the 消息通知 badge, the notices page opening an incident with
// evidence thumbnails, the 一票否决 and 考评事件导入 pages (screenshots of each).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, missingPrerequisite, openBrowser, pngBytes, screenshot as save, startServer, tap, typeInto } from './support/harness.mjs';

const missing = missingPrerequisite();
if (missing && process.env.CI) throw new Error(`browser tests cannot run under CI: ${missing}`);

/** Taro H5 slides a new page in: let it settle before the screenshot. */
async function screenshot(page, name) {
  await page.waitForTimeout(500);
  await save(page, name);
}

const OFFICE = 'p039';
const STAFF = 'p018';

async function token(server, personId) {
  const login = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId }) });
  return (await login.json()).token;
}

async function api(server, personId, path, init = {}) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${await token(server, personId)}`, ...(init.body && typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  assert.ok(res.ok, `${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe('五比五评 records, notices and the grouped home on H5', { skip: missing ?? false }, () => {
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

  it('office records an inspection round and a commendation; the head’s wubi score reflects them', async () => {
    const { page, errors } = b;
    // the 五比五评 section heads, from the API
    const sections = (await api(server, OFFICE, '/api/sections')).filter((s) => s.wubiType);
    const people = await api(server, OFFICE, '/api/people');
    const heads = people.filter((p) => p.position === 'chief' && sections.some((s) => s.id === p.sectionId));
    assert.ok(heads.length >= 2, 'demo bureau has wubi section heads');
    const head = heads[0];
    const scoreOf = () => api(server, OFFICE, `/api/scores/people/${head.id}?scheme=wubi`);
    const d1 = (s) => s.dimensions.find((d) => d.id === 'WB-D1')?.score;
    const before = await scoreOf();

    // the grouped home: headers, the new entries under 考评
    await loginAs(page, server.baseUrl, OFFICE);
    for (const g of ['daily', 'attendance', 'ledger', 'appraisal', 'admin']) await page.getByTestId(`entry-group-${g}`).waitFor();
    for (const k of ['inspections', 'commendations', 'vetoes', 'incident-import']) {
      assert.equal(await page.getByTestId('entry-group-appraisal').getByTestId(`entry-${k}`).count(), 1, `${k} under 考评`);
    }
    assert.equal(await page.getByTestId('entry-group-daily').getByTestId('entry-notices').count(), 1);
    await screenshot(page, 'home-office-grouped');

    // 督查记录: the list per kind, then record a 日常督查 round with a photo and a score for every head
    await tap(page, 'entry-inspections');
    await page.getByTestId('kind-daily').waitFor({ timeout: 30_000 });
    const roundsBefore = Number((await page.getByTestId('kind-count-daily').innerText()).match(/\d+/)[0]);
    await screenshot(page, 'inspections-list');
    await tap(page, 'insp-tab-new');
    await page.getByTestId(`insp-score-${head.id}`).waitFor({ timeout: 30_000 });
    await tap(page, 'insp-kind-daily');
    assert.match(await page.getByTestId('insp-round').innerText(), new RegExp(`第 ${roundsBefore + 1} 轮`));
    await typeInto(page, 'insp-inspector', '局督查组 王建国');
    await typeInto(page, 'insp-notes', '门前三包落实情况抽查，发现占道经营 2 处');
    for (const h of heads) await typeInto(page, `insp-score-${h.id}`, h.id === head.id ? '40' : '88');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'insp-photo')]);
    await chooser.setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByTestId('insp-photo-picked').waitFor({ timeout: 30_000 });
    await screenshot(page, 'inspection-new');
    await tap(page, 'insp-submit');
    await page.getByTestId('kind-daily').waitFor({ timeout: 30_000 });
    await page.waitForFunction((n) => document.querySelector('[data-testid="kind-count-daily"]')?.textContent?.includes(`共 ${n} 轮`), roundsBefore + 1, { timeout: 30_000 });
    await page.locator('[data-testid^="evidence-thumb-"]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'inspections-after');

    const afterInspection = await scoreOf();
    assert.notEqual(d1(afterInspection), d1(before), 'WB-D1 changes with the new round');
    assert.ok(d1(afterInspection) < d1(before), `a 40 pulls WB-D1 down (${d1(before)} → ${d1(afterInspection)})`);

    // 表彰加分: a provincial commendation for the head (with a scan); the same matter at city level counts once
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/commendations/index`);
    await tap(page, 'comm-tab-new');
    await typeInto(page, 'comm-person-search', head.name);
    await tap(page, `comm-person-${head.id}`);
    await typeInto(page, 'comm-matter', '防汛抢险先进集体');
    await tap(page, 'comm-level-provincial');
    await typeInto(page, 'comm-docno', '皖政〔2025〕18号');
    const [scan] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'comm-scan')]);
    await scan.setFiles({ name: 'scan.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByTestId('comm-scan-picked').waitFor({ timeout: 30_000 });
    await screenshot(page, 'commendation-new');
    await tap(page, 'comm-submit');
    await page.getByTestId('matter-防汛抢险先进集体').waitFor({ timeout: 30_000 });
    const afterCommend = await scoreOf();
    assert.equal(Math.round((afterCommend.bonus - before.bonus) * 100) / 100, 3, 'provincial: +3');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await api(server, OFFICE, '/api/commendations', { method: 'POST', body: JSON.stringify({ personId: head.id, level: 'city', matter: '防汛抢险先进集体', docNo: '市政〔2025〕7号', date: today }) });
    await page.reload();
    await page.getByTestId('matter-防汛抢险先进集体').getByText('同事项不重复计分').waitFor({ timeout: 30_000 });
    await screenshot(page, 'commendations-list');
    const afterSecond = await scoreOf();
    assert.equal(afterSecond.bonus, afterCommend.bonus, 'the same matter at a lower level adds nothing');
    assert.ok(afterSecond.total > afterInspection.total, 'the commendation raises the total');

    // 一票否决 and 考评事件导入: the pages open; the consequence is spelt out
    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/vetoes/index`);
    await page.getByTestId('veto-tab-new').waitFor({ timeout: 30_000 });
    await screenshot(page, 'vetoes-list');
    await tap(page, 'veto-tab-new');
    await tap(page, 'veto-reason-V2');
    assert.match(await page.getByTestId('veto-consequence').innerText(), /一票否决：该科室负责人年度等次为不称职/);
    await screenshot(page, 'veto-new');

    await page.goto(`${server.baseUrl}/#/subpackages/admin/pages/incident-import/index`);
    await page.getByTestId('incident-import-template').waitFor({ timeout: 30_000 });
    const template = await fetch(`${server.baseUrl}/api/incidents/import-template`, { headers: { Authorization: `Bearer ${await token(server, OFFICE)}` } });
    // the template's sample row plus a row naming nobody: nothing is imported, the bad row is named
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template.arrayBuffer()));
    wb.worksheets[0].addRow(['NB-1', '', 'p999', '2025-03-05', '未按要求报告情况']);
    const [sheet] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'incident-import-pick')]);
    await sheet.setFiles({ name: 'incidents.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByTestId('incident-import-errors').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('incident-import-error-row').first().innerText(), /第 3 行/);
    await screenshot(page, 'incident-import-errors');
    assert.deepEqual(errors, []);
  });

  it('notices: the home shows the unread badge; a tapped notice is read and opens the incident with thumbnails', async () => {
    const officeToken = await token(server, OFFICE);
    const form = new FormData();
    form.append('file', new Blob([pngBytes()], { type: 'image/png' }), 'evidence.png');
    const upload = await (await fetch(`${server.baseUrl}/api/files`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${officeToken}` } })).json();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const incident = await api(server, OFFICE, '/api/incidents', { method: 'POST', body: JSON.stringify({ rule: 'NB-1', personId: STAFF, date: today, description: '未按要求报告路段巡查情况', fileIds: [upload.id] }) });
    const { unread, items } = await api(server, STAFF, '/api/notices');
    assert.ok(unread >= 1);
    const mine = items.find((n) => n.link?.includes(incident.id));
    assert.ok(mine, 'the person was notified of the incident');

    const s = await openBrowser();
    try {
      const { page, errors } = s;
      await loginAs(page, server.baseUrl, STAFF);
      const badge = page.getByTestId('entry-badge-notices');
      await badge.waitFor({ timeout: 30_000 });
      assert.equal(await badge.innerText(), String(unread));
      await screenshot(page, 'home-staff-grouped');
      await tap(page, 'entry-notices');
      await page.getByTestId('notices-unread').waitFor({ timeout: 30_000 });
      await screenshot(page, 'notices');
      await tap(page, `notice-${mine.id}`);
      await page.getByTestId('incident-rule').waitFor({ timeout: 30_000 });
      const thumb = page.getByTestId(`evidence-thumb-${upload.id}`);
      await thumb.waitFor({ timeout: 30_000 });
      // the thumbnail loads from the signed URL, without a token
      await page.waitForFunction((id) => {
        const img = document.querySelector(`[data-testid="evidence-thumb-${id}"] img`) ?? document.querySelector(`img[data-testid="evidence-thumb-${id}"]`);
        return !!img && img.complete && img.naturalWidth > 0;
      }, upload.id, { timeout: 30_000 });
      await screenshot(page, 'incident-evidence-thumbs');
      assert.equal((await api(server, STAFF, '/api/notices')).unread, unread - 1);
      assert.equal(incident.status, 'pending');
      assert.deepEqual(errors, []);
    } finally {
      await s.browser.close();
    }
  });
});

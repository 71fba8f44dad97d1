/**
 * Background jobs end to end (in-process queue; the same with BullMQ in shared-state.redis.spec.ts): exports and the
 * bureau-wide recompute answer 202 with a job, the job reaches done with a result, the file downloads under the same
 * role and scope as the original export, and nobody but the requester and the office reads a job.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { DEMO, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

/** The response body as bytes. */
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('background jobs', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const CHIEF_JDK = DEMO.chiefJdk;
  const uploads = mkdtempSync(join(tmpdir(), 'kaoping-jobs-'));

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_DIR: uploads });
    for (const id of [DEMO.office, DEMO.chiefZf1, DEMO.staffZf1, DEMO.leader, CHIEF_JDK]) tokens[id] = await t.login(id);
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const http = () => request(t.app.getHttpServer());
  const get = (who: string, url: string) => http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
  const post = (who: string, url: string, body: object) => http().post(url).set('Authorization', `Bearer ${tokens[who]}`).send(body);
  const download = (who: string, id: string) => binary(get(who, `/api/jobs/${id}/download`));
  /** Waits for the queue to finish the job (no timing asserted), then reads it over HTTP as `who`. */
  const finished = async (who: string, id: string) => {
    await t.app.get(JobQueue).waitUntilFinished(id, 60_000);
    return (await get(who, `/api/jobs/${id}`).expect(200)).body;
  };
  const workbook = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };

  it('successful-export: the office exports a month in the background; the job reaches done and the file downloads', async () => {
    const started = await post(DEMO.office, '/api/attendance/reports/export', { month: '2024-03' }).expect(202);
    expect(started.body).toMatchObject({ name: 'attendance.export', label: '导出考勤月报', result: null, error: null, finishedAt: null });
    expect(['queued', 'running']).toContain(started.body.state);
    const job = await finished(DEMO.office, started.body.id);
    expect(job).toMatchObject({ id: started.body.id, state: 'done', progress: 100, error: null });
    expect(job.result).toMatchObject({ kind: 'file', fileName: '考勤月报-2024-03.xlsx', downloadUrl: `/api/jobs/${started.body.id}/download` });
    expect(new Date(job.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.createdAt).getTime());

    const file = await download(DEMO.office, started.body.id).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('考勤月报-2024-03.xlsx')}`);
    expect((file.body as Buffer).length).toBe(job.result.size);
    const sheet = (await workbook(file.body as Buffer)).getWorksheet('2024-03 考勤')!;
    // the same rows as the synchronous export
    const direct = await binary(get(DEMO.office, '/api/attendance/reports/export?month=2024-03')).expect(200);
    expect(sheet.rowCount).toBe((await workbook(direct.body as Buffer)).getWorksheet('2024-03 考勤')!.rowCount);
    expect(sheet.rowCount).toBeGreaterThan(40);

    // kept where every instance finds it: UPLOAD_DIR/jobs
    expect(readdirSync(join(uploads, 'jobs'))).toContain(`${started.body.id}.xlsx`);

    const mine = await get(DEMO.office, '/api/jobs').expect(200);
    expect(mine.body[0]).toMatchObject({ id: started.body.id, state: 'done' });
  });

  it('failing-export with a bad month is refused naming the field, and nothing is queued or written', async () => {
    const before = await tableCounts(t.ds);
    const jobs = (await get(DEMO.office, '/api/jobs').expect(200)).body.length;
    const res = await post(DEMO.office, '/api/attendance/reports/export', { month: '2024-13' }).expect(400);
    expect(res.body.field).toBe('month');
    await post(DEMO.office, '/api/scores/report', {}).expect(400);
    await post(DEMO.office, '/api/complaints/summary/export', { month: 'June' }).expect(400);
    expect((await get(DEMO.office, '/api/jobs').expect(200)).body).toHaveLength(jobs);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('scope: a chief exports their own section only; the chief and the office read the job, anyone else gets 404', async () => {
    const other = await post(DEMO.chiefZf1, '/api/attendance/reports/export', { month: '2024-03', sectionId: 'jdk' }).expect(403);
    expect(other.body.code).toBe('OUT_OF_SCOPE');
    expect((await get(DEMO.chiefZf1, '/api/jobs').expect(200)).body).toEqual([]);

    const started = await post(DEMO.chiefZf1, '/api/attendance/reports/export', { month: '2024-03' }).expect(202);
    const id = started.body.id as string;
    expect((await finished(DEMO.chiefZf1, id)).state).toBe('done');
    await get(DEMO.office, `/api/jobs/${id}`).expect(200);
    for (const outsider of [CHIEF_JDK, DEMO.staffZf1, DEMO.leader]) {
      expect((await get(outsider, `/api/jobs/${id}`).expect(404)).body.code).toBe('NOT_FOUND');
      await download(outsider, id).expect(404);
    }
    expect((await get(CHIEF_JDK, '/api/jobs').expect(200)).body).toEqual([]);
    // the office's list is the office's own jobs, not the chief's
    expect((await get(DEMO.office, '/api/jobs').expect(200)).body.map((j: { id: string }) => j.id)).not.toContain(id);
    expect((await get(DEMO.chiefZf1, '/api/jobs').expect(200)).body.map((j: { id: string }) => j.id)).toEqual([id]);

    const file = await download(DEMO.chiefZf1, id).expect(200);
    const sheet = (await workbook(file.body as Buffer)).getWorksheet('2024-03 考勤')!;
    const sections = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && sections.add(String(row.getCell(1).value)));
    expect([...sections]).toEqual(['执法一处']);
    await download(DEMO.office, id).expect(200);
  });

  it('recompute: the office recomputes a year in the background; the result says how many people; nothing to download', async () => {
    await post(DEMO.leader, '/api/scores/runs', { scheme: 'jiguan', year: 2024 }).expect(403);
    const started = await post(DEMO.office, '/api/scores/runs', { scheme: 'jiguan', year: 2024 }).expect(202);
    expect(started.body.name).toBe('scores.recompute');
    const job = await finished(DEMO.office, started.body.id);
    expect(job).toMatchObject({ state: 'done', progress: 100, result: { kind: 'summary' } });
    expect(job.result.text).toMatch(/^机关绩效考评 2024 年：已重算 \d+ 人$/);
    const people = Number(/(\d+) 人/.exec(job.result.text)![1]);
    const board = await get(DEMO.office, '/api/scores?scheme=jiguan&year=2024').expect(200);
    expect(board.body.rows.length).toBeGreaterThan(30);
    expect(people).toBeGreaterThanOrEqual(board.body.rows.length);
    expect((await get(DEMO.office, `/api/jobs/${started.body.id}/download`).expect(409)).body.code).toBe('CONFLICT');
  });

  it('the annual score report: a leader starts it, reads and downloads it; the office may too; a chief may not', async () => {
    const started = await post(DEMO.leader, '/api/scores/report', { year: 2024 }).expect(202);
    const job = await finished(DEMO.leader, started.body.id);
    expect(job).toMatchObject({ state: 'done', result: { kind: 'file', fileName: '考评年度报表-2024.xlsx' } });
    const file = await download(DEMO.leader, started.body.id).expect(200);
    expect((await workbook(file.body as Buffer)).worksheets.map((w) => w.name)).toEqual(['机关绩效考评', '机关绩效考评明细', '五比五评', '五比五评明细']);
    await get(DEMO.office, `/api/jobs/${started.body.id}`).expect(200);
    await get(DEMO.chiefZf1, `/api/jobs/${started.body.id}`).expect(404);
    await post(DEMO.chiefZf1, '/api/scores/report', { year: 2024 }).expect(403);
  });

  it('the complaint summary export runs as a job too', async () => {
    const started = await post(DEMO.office, '/api/complaints/summary/export', { month: '2026-06' }).expect(202);
    const job = await finished(DEMO.office, started.body.id);
    expect(job.result).toMatchObject({ kind: 'file', fileName: '效能投诉月度汇总-2026-06.xlsx' });
    const file = await download(DEMO.office, started.body.id).expect(200);
    expect((await workbook(file.body as Buffer)).worksheets.map((w) => w.name)).toContain('汇总');
  });

  it('an unknown job is 404', async () => {
    await get(DEMO.office, '/api/jobs/00000000-0000-0000-0000-000000000000').expect(404);
    await download(DEMO.office, 'no-such-job').expect(404);
  });
});

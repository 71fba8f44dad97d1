import request from 'supertest';
import { FilesService } from '../../src/files/files.service.js';
import { PNG_1X1 } from '../support/images.js';
import { DEMO, startTestApp, tableCounts, type TestApp } from '../support/test-app.js';

describe('file uploads', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: '2048' });
    staff = await t.login(DEMO.staffZf1);
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());
  const upload = (token: string, bytes: Buffer, name = 'photo.png') => http().post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', bytes, name);

  it('successful-upload: stores a PNG and lets the uploader, their chief and the office read it, not others', async () => {
    const res = await upload(staff, PNG_1X1).expect(201);
    expect(res.body).toMatchObject({ mime: 'image/png', size: PNG_1X1.length, url: `/api/files/${res.body.id}` });
    const own = await http().get(res.body.url).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(own.body as Buffer, PNG_1X1)).toBe(0);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login(DEMO.chiefZf1)}`).expect(200);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login(DEMO.office)}`).expect(200);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login('p018')}`).expect(403);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login('p021')}`).expect(403);
  });

  it('failing-upload: judges by content — a script named .png is refused with 415 and nothing is stored', async () => {
    const before = await tableCounts(t.ds);
    const res = await upload(staff, Buffer.from('<script>alert(1)</script>'), 'evil.png').expect(415);
    expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('failing-upload: too large → 413; no file → 400 naming file', async () => {
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(4096)]);
    expect((await upload(staff, big).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await http().post('/api/files').set('Authorization', `Bearer ${staff}`).expect(400)).body.field).toBe('file');
  });

  it('claim: only the uploader may attach a file, and only to one kind of record', async () => {
    const files = t.app.get(FilesService);
    const res = await upload(staff, PNG_1X1).expect(201);
    const owner = { kind: 'person', id: DEMO.staffZf1, name: '', role: 'staff', sectionId: 'zf1', sectionName: '', position: 'staff', branchSecretary: false } as const;
    const other = { ...owner, id: 'p018' };
    await expect(files.claim([res.body.id], other, 'test')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'fileIds' });
    await files.claim([res.body.id], owner, 'attendance:field');
    await files.claim([res.body.id], owner, 'attendance:field'); // a retry of the same record is fine
    await expect(files.claim([res.body.id], owner, 'complaint')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('attachments of the personal integrity file are for the person and the office only', async () => {
    const files = t.app.get(FilesService);
    const res = await upload(staff, PNG_1X1).expect(201);
    const owner = { kind: 'person', id: DEMO.staffZf1, name: '', role: 'staff', sectionId: 'zf1', sectionName: '', position: 'staff', branchSecretary: false } as const;
    await files.claim([res.body.id], owner, 'integrity_report');
    await http().get(res.body.url).set('Authorization', `Bearer ${staff}`).expect(200);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login(DEMO.office)}`).expect(200);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login(DEMO.chiefZf1)}`).expect(403);
    await http().get(res.body.url).set('Authorization', `Bearer ${await t.login(DEMO.leader)}`).expect(403);
  });

  it('a signed preview URL shows the file without a token, and only while valid and untampered', async () => {
    const res = await upload(staff, PNG_1X1).expect(201);
    const preview: string = res.body.previewUrl;
    expect(preview).toMatch(/^\/api\/files\/[\w-]+\/content\?exp=\d+&sig=/);
    const ok = await http().get(preview).expect(200);
    expect(ok.headers['content-type']).toBe('image/png');
    // change the signature's first character (to one it is not: replacing it with a fixed 'A' failed 1 run in 64)
    await http().get(preview.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`)).expect(404);
    await http().get(preview.replace(/exp=\d+/, 'exp=1')).expect(404); // the signature covers the expiry
    await http().get(preview.replace(/exp=\d+/, 'exp=abc')).expect(400);
    const expired = t.app.get(FilesService).signedUrl(res.body.id, -10);
    expect((await http().get(expired).expect(410)).body.code).toBe('LINK_EXPIRED');
  });
});

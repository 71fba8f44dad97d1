import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { canReadPerson } from '../access/scope.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time.js';
import { Env } from '../config/env.js';
import { OrgService } from '../org/org.service.js';
import { EXTENSIONS, sniffMime, stripMetadata } from './content-check.js';
import { StoredFile } from './stored-file.entity.js';

/**
 * Attachments of records with a narrower audience than the uploader's data scope: purpose → the roles that may read
 * them besides the uploader. The personal integrity file (廉政档案) is for the person and the office only.
 */
const RESTRICTED_PURPOSES: Record<string, readonly string[]> = {
  integrity_report: ['office'],
};

export interface FileInfo {
  id: string;
  url: string;
  /** Signed, expiring URL usable in `<image src>`. */
  previewUrl: string;
  mime: string;
  size: number;
}

@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Env) private readonly env: Env,
    @Inject(Clock) private readonly clock: Clock,
    private readonly org: OrgService,
  ) {}

  info(f: StoredFile): FileInfo {
    return { id: f.id, url: `/api/files/${f.id}`, previewUrl: this.signedUrl(f.id), mime: f.mime, size: f.size };
  }

  private signature(id: string, exp: number): string {
    return createHmac('sha256', this.env.JWT_SECRET).update(`file:${id}:${exp}`).digest('base64url');
  }

  /**
   * A short-lived URL that shows the file without a token (for `<image src>`, which cannot send headers). Hand it
   * only to someone allowed to read the file; it expires after `ttlSeconds`.
   */
  signedUrl(id: string, ttlSeconds = 3600): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + ttlSeconds;
    return `/api/files/${id}/content?exp=${exp}&sig=${this.signature(id, exp)}`;
  }

  /**
   * Evidence entries `{ id, mime, previewUrl }` for files of a record, in the order given (unknown ids left out).
   * Call it only after checking that the caller may read the record: the URLs need no token.
   */
  async previews(ids: string[]): Promise<{ id: string; mime: string; previewUrl: string }[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const files = new Map((await this.ds.getRepository(StoredFile).findBy({ id: In(unique) })).map((f) => [f.id, f]));
    return unique.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id: f.id, mime: f.mime, previewUrl: this.signedUrl(f.id) }] : [];
    });
  }

  /** The bytes behind a signed URL; a wrong or expired signature is refused. */
  async readSigned(id: string, exp: number, sig: string): Promise<{ file: StoredFile; bytes: Buffer; filename: string }> {
    const expected = Buffer.from(this.signature(id, exp));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DomainError('NOT_FOUND', '链接无效');
    if (exp * 1000 < this.clock.now().getTime()) throw new DomainError('LINK_EXPIRED', '链接已过期，请刷新页面');
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id });
    if (!file) throw DomainError.notFound('文件', 'id');
    return { file, bytes: await readFile(this.path(file.id)), filename: `${file.id}.${EXTENSIONS[file.mime as keyof typeof EXTENSIONS] ?? 'bin'}` };
  }

  private path(id: string): string {
    return join(this.env.uploadDir, id);
  }

  /** Checks the bytes, strips image metadata, stores the copy and records it as the caller's. */
  async upload(principal: Principal, bytes: Buffer | undefined): Promise<FileInfo> {
    if (!bytes || bytes.length === 0) throw DomainError.invalid('file', '请选择要上传的文件');
    if (bytes.length > this.env.MAX_UPLOAD_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.floor(this.env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB`, 'file');
    }
    const mime = sniffMime(bytes);
    if (!mime) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '仅支持 JPG、PNG、WebP 图片或 PDF 文件', 'file');
    const clean = stripMetadata(bytes, mime);
    const repo = this.ds.getRepository(StoredFile);
    const file = repo.create({
      ownerKind: principal.kind,
      ownerId: principal.id,
      mime,
      size: clean.length,
      sha256: createHash('sha256').update(clean).digest('hex'),
      purpose: null,
      claimedAt: null,
    });
    await mkdir(this.env.uploadDir, { recursive: true });
    const tmp = `${this.path(file.id)}.part`;
    await writeFile(tmp, clean);
    await rename(tmp, this.path(file.id));
    await repo.insert(file);
    return this.info(file);
  }

  /**
   * Attaches uploaded files to a record: each must exist, belong to the caller and not be attached elsewhere.
   * Pass the record's transaction manager so the claim and the record are written together.
   */
  async claim(fileIds: string[], principal: Principal, purpose: string, em: EntityManager = this.ds.manager, field = 'fileIds'): Promise<StoredFile[]> {
    if (fileIds.length === 0) return [];
    const unique = [...new Set(fileIds)];
    const repo = em.getRepository(StoredFile);
    const files = await repo.findBy({ id: In(unique) });
    for (const id of unique) {
      const f = files.find((x) => x.id === id);
      if (!f || f.ownerKind !== principal.kind || f.ownerId !== principal.id) {
        throw DomainError.invalid(field, '附件不存在或不是本人上传的，请重新上传');
      }
      if (f.claimedAt && f.purpose !== purpose) throw DomainError.invalid(field, '该附件已用于其他记录，请重新上传');
    }
    const now = this.clock.now();
    await repo.update({ id: In(unique) }, { purpose, claimedAt: now });
    return files;
  }

  /** The bytes of a file the caller may see: their own, or (staff roles) within their data scope. */
  async read(principal: Principal, id: string): Promise<{ file: StoredFile; bytes: Buffer; filename: string }> {
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id });
    if (!file) throw DomainError.notFound('文件', 'id');
    if (!(await this.mayRead(principal, file))) throw DomainError.forbidden('无权查看该文件');
    const bytes = await readFile(this.path(file.id));
    return { file, bytes, filename: `${file.id}.${EXTENSIONS[file.mime as keyof typeof EXTENSIONS] ?? 'bin'}` };
  }

  private async mayRead(p: Principal, file: StoredFile): Promise<boolean> {
    if (file.ownerKind === p.kind && file.ownerId === p.id) return true;
    if (p.kind !== 'person') return false;
    const restricted = file.purpose ? RESTRICTED_PURPOSES[file.purpose] : undefined;
    if (restricted) return restricted.includes(p.role);
    if (p.role === 'office' || p.role === 'leader') return true;
    if (file.ownerKind !== 'person') return false;
    const owner = await this.org.principalFor(file.ownerId);
    return !!owner && canReadPerson(p, { id: owner.id, sectionId: owner.sectionId });
  }
}

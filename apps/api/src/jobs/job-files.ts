import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DomainError } from '../common/errors/domain-error.js';
import { Env } from '../config/env.js';
import type { JobFileResult } from './job-queue.js';

const KEY = /^jobs\/[A-Za-z0-9_-]{1,80}\.[a-z0-9]{1,8}$/;

/**
 * Files jobs produce (Excel exports), kept under `UPLOAD_DIR/jobs/` — the directory every API instance shares —
 * so the instance that answers the download need not be the one that ran the job. Removed after JOB_RETENTION_DAYS.
 */
@Injectable()
export class JobFiles {
  constructor(@Inject(Env) private readonly env: Env) {}

  private get dir(): string {
    return join(this.env.uploadDir, 'jobs');
  }

  /** Writes the file (atomically: a reader never sees half of it) and answers the job result that names it. */
  async save(jobId: string, fileName: string, mime: string, bytes: Buffer): Promise<JobFileResult> {
    const ext = (extname(fileName).slice(1).toLowerCase() || 'bin').replace(/[^a-z0-9]/g, '');
    const storageKey = `jobs/${jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.${ext}`;
    if (!KEY.test(storageKey)) throw new Error(`bad job file key ${storageKey}`);
    await mkdir(this.dir, { recursive: true });
    const target = join(this.env.uploadDir, storageKey);
    await writeFile(`${target}.part`, bytes);
    await rename(`${target}.part`, target);
    return { kind: 'file', fileName, mime, size: bytes.length, storageKey };
  }

  async read(result: JobFileResult): Promise<Buffer> {
    if (!KEY.test(result.storageKey)) throw DomainError.notFound('任务文件');
    try {
      return await readFile(join(this.env.uploadDir, result.storageKey));
    } catch {
      throw new DomainError('NOT_FOUND', '文件已过期被清理，请重新导出');
    }
  }

  /** Deletes result files older than `maxAgeMs`; answers how many. */
  async removeOlderThan(maxAgeMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        if (now - (await stat(path)).mtimeMs > maxAgeMs) {
          await unlink(path);
          removed++;
        }
      } catch {
        // removed by another instance meanwhile
      }
    }
    return removed;
  }
}

import type { JobDto } from '@kaoping/contracts';
import { buildUrl, http } from './http';
import { openDownload } from './transfer';

/** Background jobs (exports, recomputes): read a job's progress, download its file. */
export const jobsApi = {
  get: (id: string) => http.get<JobDto>(`/api/jobs/${encodeURIComponent(id)}`, { toast: false }),
  mine: () => http.get<JobDto[]>('/api/jobs', { toast: false }),
  /** Downloads a finished job's file with the session token and opens (weapp) or saves (H5) it. */
  download: (job: JobDto) => {
    if (job.result?.kind !== 'file') return Promise.reject(new Error('该任务没有可下载的文件'));
    return openDownload(buildUrl(job.result.downloadUrl), job.result.fileName);
  },
};

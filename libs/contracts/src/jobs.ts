import type { Role } from './auth';

/** Background jobs (bureau-wide recomputes, Excel exports, reminder sweeps): queued → running → done | failed. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_NAMES = ['scores.recompute', 'scores.report', 'attendance.export', 'complaints.export', 'reminders.sweep', 'jobs.cleanup'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_LABELS: Record<JobName, string> = {
  'scores.recompute': '全局重算成绩',
  'scores.report': '导出年度考评报表',
  'attendance.export': '导出考勤月报',
  'complaints.export': '导出投诉月度汇总',
  'reminders.sweep': '发送提醒',
  'jobs.cleanup': '清理过期任务文件',
};

/** What a finished job produced: a file to download, or a short summary (e.g. “已重算 68 人”). */
export type JobResultDto =
  | { kind: 'file'; fileName: string; mime: string; size: number; downloadUrl: string }
  | { kind: 'summary'; text: string };

export interface JobDto {
  id: string;
  name: JobName;
  label: string;
  state: JobState;
  /** 0–100. */
  progress: number;
  /** What the job is doing now (Chinese), or null. */
  message: string | null;
  result: JobResultDto | null;
  /** Why it failed (Chinese), or null. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The roles (and section) the action that started a job required; whoever reads the job (its requester or the office) must still hold them. */
export interface JobAccessDto {
  roles: Role[];
  sectionId: string | null;
}

import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import type { JobDto } from '@kaoping/contracts';
import { OfflineError, errorMessage } from '../../services/http';
import { jobsApi } from '../../services/jobs.api';
import { StateView } from '../state-view';
import './index.scss';

/** How often a running job is looked at. */
export const POLL_MS = 1000;

export interface JobProgressProps {
  /** The main button's text, e.g. “导出全局考勤 Excel”. */
  label: string;
  /** Starts the job (a POST answering 202 with the job). */
  start: () => Promise<JobDto>;
  /** Called once when the job is done (e.g. reload the page's data). */
  onDone?: (job: JobDto) => void;
  /** For a result without a file: what “查看结果” does (e.g. scroll to the refreshed list). Without it, no button. */
  onView?: (job: JobDto) => void;
  /** Prefix of the data-testid attributes (default “job”). */
  testId?: string;
  /** Secondary look for the start button (when the page has another main action). */
  secondary?: boolean;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'tracking'; job: JobDto }
  | { kind: 'lost'; job: JobDto; offline: boolean; message: string }
  | { kind: 'refused'; message: string };

const STATE_TEXT: Record<JobDto['state'], string> = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A background job from the button that starts it to its result: queued → running (progress bar with what it is
 * doing) → done (下载 the file, or 查看结果) or failed (the reason and 重试). Polls the job while it runs; a lost
 * connection shows the offline state with 重试, which goes on following the same job.
 */
export function JobProgress({ label, start, onDone, onView, testId = 'job', secondary }: JobProgressProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [downloading, setDownloading] = useState(false);
  const alive = useRef(true);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const tracked = phase.kind === 'tracking' ? phase.job : null;
  const following = tracked && (tracked.state === 'queued' || tracked.state === 'running') ? tracked.id : null;

  useEffect(() => {
    if (!following) return;
    const timer = setTimeout(() => {
      jobsApi.get(following).then(
        (job) => {
          if (!alive.current) return;
          setPhase({ kind: 'tracking', job });
          if (job.state === 'done') doneRef.current?.(job);
        },
        (err: unknown) => alive.current && tracked && setPhase({ kind: 'lost', job: tracked, offline: err instanceof OfflineError, message: errorMessage(err) }),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [following, tracked]);

  const run = async () => {
    setPhase({ kind: 'starting' });
    try {
      const job = await start();
      if (!alive.current) return;
      setPhase({ kind: 'tracking', job });
      if (job.state === 'done') doneRef.current?.(job);
    } catch (err) {
      if (alive.current) setPhase({ kind: 'refused', message: errorMessage(err) });
    }
  };

  const download = async (job: JobDto) => {
    setDownloading(true);
    try {
      await jobsApi.download(job);
    } catch (err) {
      if (alive.current) setPhase({ kind: 'lost', job, offline: err instanceof OfflineError, message: err instanceof Error ? err.message : errorMessage(err) });
    } finally {
      if (alive.current) setDownloading(false);
    }
  };

  const busy = phase.kind === 'starting' || !!following;
  const job = phase.kind === 'tracking' || phase.kind === 'lost' ? phase.job : null;

  return (
    <View className="job-progress" data-testid={testId}>
      {job && (job.state === 'queued' || job.state === 'running') && phase.kind === 'tracking' && (
        <View className="job-progress__card" data-testid={`${testId}-progress`}>
          <View className="job-progress__head">
            <Text className="job-progress__label">{job.label}</Text>
            <Text className="job-progress__state" data-testid={`${testId}-state`}>
              {STATE_TEXT[job.state]} {job.state === 'running' ? `${job.progress}%` : ''}
            </Text>
          </View>
          <View className="job-progress__track">
            <View className="job-progress__bar" style={{ width: `${job.state === 'queued' ? 0 : job.progress}%` }} />
          </View>
          <Text className="job-progress__message">{job.message ?? (job.state === 'queued' ? '等待后台处理，可先离开本页' : '正在处理…')}</Text>
        </View>
      )}
      {job?.state === 'done' && phase.kind === 'tracking' && (
        <View className="job-progress__card job-progress__card--done" data-testid={`${testId}-done`}>
          <Text className="job-progress__label">{job.label}：已完成</Text>
          {job.result?.kind === 'file' && (
            <>
              <Text className="job-progress__message">
                {job.result.fileName}（{sizeText(job.result.size)}）
              </Text>
              <Button block size="large" type="primary" loading={downloading} data-testid={`${testId}-download`} onClick={() => void download(job)}>
                下载
              </Button>
            </>
          )}
          {job.result?.kind === 'summary' && (
            <>
              <Text className="job-progress__message" data-testid={`${testId}-summary`}>
                {job.result.text}
              </Text>
              {onView && (
                <Button block size="large" type="primary" fill="outline" data-testid={`${testId}-view`} onClick={() => onView(job)}>
                  查看结果
                </Button>
              )}
            </>
          )}
        </View>
      )}
      {job?.state === 'failed' && phase.kind === 'tracking' && (
        <View data-testid={`${testId}-failed`}>
          <StateView kind="error" title={`${job.label}失败`} description={job.error ?? '任务执行出错'} onRetry={() => void run()} />
        </View>
      )}
      {phase.kind === 'lost' && (
        <View data-testid={`${testId}-lost`}>
          <StateView kind={phase.offline ? 'offline' : 'error'} description={phase.message} onRetry={() => setPhase({ kind: 'tracking', job: { ...phase.job, state: phase.job.state === 'done' ? 'done' : 'running' } })} />
        </View>
      )}
      {(phase.kind === 'idle' || phase.kind === 'starting' || job?.state === 'done') && (
        // once done, the result's button is the main action: starting again becomes the secondary one
        <Button block size="large" type={secondary || job?.state === 'done' ? 'default' : 'primary'} loading={phase.kind === 'starting'} disabled={busy} data-testid={`${testId}-start`} onClick={() => void run()}>
          {label}
        </Button>
      )}
      {phase.kind === 'refused' && (
        <View data-testid={`${testId}-refused`}>
          <StateView kind="error" title="未能开始" description={phase.message} onRetry={() => void run()} />
        </View>
      )}
    </View>
  );
}

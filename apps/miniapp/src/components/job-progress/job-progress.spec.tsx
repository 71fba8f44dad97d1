import { act, fireEvent, render, screen } from '@testing-library/react';
import type { JobDto } from '@kaoping/contracts';
import { OfflineError } from '../../services/http';
import { jobsApi } from '../../services/jobs.api';
import { JobProgress, POLL_MS } from './index';

jest.mock('../../services/jobs.api', () => ({ jobsApi: { get: jest.fn(), mine: jest.fn(), download: jest.fn() } }));

const get = jobsApi.get as jest.Mock;
const download = jobsApi.download as jest.Mock;

const job = (over: Partial<JobDto>): JobDto => ({
  id: 'j1',
  name: 'attendance.export',
  label: '导出考勤月报',
  state: 'queued',
  progress: 0,
  message: null,
  result: null,
  error: null,
  createdAt: '2026-03-02T01:00:00.000Z',
  finishedAt: null,
  ...over,
});

const FILE = { kind: 'file' as const, fileName: '考勤月报-2026-02.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 20480, downloadUrl: '/api/jobs/j1/download' };

async function tick(): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(POLL_MS);
  });
}

describe('<JobProgress>', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts the job, shows queued then running with the progress and message, then done with 下载', async () => {
    const start = jest.fn(() => Promise.resolve(job({})));
    const onDone = jest.fn();
    get.mockResolvedValueOnce(job({ state: 'running', progress: 40, message: '正在汇总：执法一处（3/15）' }));
    get.mockResolvedValueOnce(job({ state: 'done', progress: 100, result: FILE, finishedAt: '2026-03-02T01:00:05.000Z' }));
    render(<JobProgress label="导出全局考勤 Excel" start={start} onDone={onDone} />);

    await act(async () => fireEvent.click(screen.getByTestId('job-start')));
    expect(start).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('job-state').textContent).toContain('排队中');
    expect(screen.queryByTestId('job-start')).toBeNull();

    await tick();
    expect(get).toHaveBeenCalledWith('j1');
    expect(screen.getByTestId('job-state').textContent).toContain('进行中 40%');
    expect(screen.getByText('正在汇总：执法一处（3/15）')).toBeTruthy();

    await tick();
    expect(screen.getByTestId('job-done').textContent).toContain('考勤月报-2026-02.xlsx（20 KB）');
    expect(onDone).toHaveBeenCalledTimes(1);
    download.mockResolvedValueOnce(undefined);
    await act(async () => fireEvent.click(screen.getByTestId('job-download')));
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ id: 'j1', result: FILE }));
    // no more polling once finished
    await tick();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('a failed job shows why, and 重试 starts it again', async () => {
    const start = jest.fn(() => Promise.resolve(job({ state: 'running', progress: 10 })));
    get.mockResolvedValueOnce(job({ state: 'failed', error: '考评年度尚未开始' }));
    render(<JobProgress label="全局重算" start={start} />);
    await act(async () => fireEvent.click(screen.getByTestId('job-start')));
    await tick();
    expect(screen.getByTestId('job-failed').textContent).toContain('考评年度尚未开始');
    await act(async () => fireEvent.click(screen.getByText('重试')));
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('a summary result offers 查看结果 when the page says what it shows', async () => {
    const onView = jest.fn();
    const done = job({ name: 'scores.recompute', label: '全局重算成绩', state: 'done', progress: 100, result: { kind: 'summary', text: '机关绩效考评 2026 年：已重算 60 人' } });
    render(<JobProgress label="全局重算" start={() => Promise.resolve(done)} onView={onView} />);
    await act(async () => fireEvent.click(screen.getByTestId('job-start')));
    expect(screen.getByTestId('job-summary').textContent).toBe('机关绩效考评 2026 年：已重算 60 人');
    fireEvent.click(screen.getByTestId('job-view'));
    expect(onView).toHaveBeenCalledWith(done);
  });

  it('losing the network while following shows the offline state; 重试 goes on following the same job', async () => {
    get.mockRejectedValueOnce(new OfflineError());
    get.mockResolvedValueOnce(job({ state: 'running', progress: 70 }));
    render(<JobProgress label="导出" start={() => Promise.resolve(job({ state: 'running', progress: 20 }))} />);
    await act(async () => fireEvent.click(screen.getByTestId('job-start')));
    await tick();
    expect(screen.getByTestId('job-lost').textContent).toContain('连接失败');
    await act(async () => fireEvent.click(screen.getByText('重试')));
    await tick();
    expect(get).toHaveBeenLastCalledWith('j1');
    expect(screen.getByTestId('job-state').textContent).toContain('70%');
  });

  it('a refused start (e.g. no permission) shows the message with 重试', async () => {
    const start = jest.fn(() => Promise.reject(new Error('x')));
    render(<JobProgress label="导出" start={start} />);
    await act(async () => fireEvent.click(screen.getByTestId('job-start')));
    expect(screen.getByTestId('job-refused').textContent).toContain('未能开始');
  });
});

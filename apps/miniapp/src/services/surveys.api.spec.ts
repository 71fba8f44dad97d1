import Taro from '@tarojs/taro';
import { submitCitizenSurvey, surveyQueue } from './surveys.api';

const request = Taro.request as jest.Mock;

const ANSWERS = [{ questionId: 'q1', value: '满意' }];

beforeEach(() => {
  request.mockReset();
  for (const key of ['kaoping.token', 'kaoping.me', 'kaoping.refresh', 'kaoping.queue.surveys', 'kaoping.queue.surveys.failed']) Taro.removeStorageSync(key);
});

describe('citizen survey answers and the offline queue', () => {
  it('keeps an answer when the API cannot even sign the citizen in (503), and signs in when delivering it', async () => {
    // the database is down: signing the citizen in answers 503 (retry later), when answering and when sending
    request.mockResolvedValueOnce({ statusCode: 503, data: { statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' }, header: {} });
    request.mockResolvedValueOnce({ statusCode: 503, data: { statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' }, header: {} });
    const r = await submitCitizenSurvey({ t: 'qr-token-0001', answers: ANSWERS, durationMs: 30_000, idempotencyKey: 'k-1', label: '评价' });
    expect(r.queued).toBe(true);
    expect(surveyQueue.pending()).toEqual([expect.objectContaining({ idempotencyKey: 'k-1', body: expect.objectContaining({ bearer: null, citizen: true }) })]);

    // back: the drain signs the citizen in, then posts the answer with that token
    request.mockImplementation(async (opts: { url: string; header: Record<string, string> }) => {
      if (opts.url.endsWith('/api/auth/citizen')) {
        return { statusCode: 200, data: { token: 'citizen-jwt', expiresIn: 3600, me: { kind: 'citizen', id: 'c1', role: 'citizen', name: '市民' } }, header: {} };
      }
      return { statusCode: 201, data: { id: 'r1', status: 'received' }, header: {} };
    });
    expect(await surveyQueue.drain()).toEqual({ sent: 1, failed: 0, remaining: 0 });
    const post = request.mock.calls.find(([o]) => o.url.endsWith('/api/survey-forms/responses'))![0];
    expect(post.header.Authorization).toBe('Bearer citizen-jwt');
    expect(post.data).toMatchObject({ token: 'qr-token-0001', idempotencyKey: 'k-1' });
  });

  it('a refusal of the sign-in itself (4xx) is shown, not queued', async () => {
    request.mockResolvedValueOnce({ statusCode: 429, data: { statusCode: 429, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' }, header: {} });
    await expect(submitCitizenSurvey({ t: 'qr-token-0001', answers: ANSWERS, durationMs: 30_000, idempotencyKey: 'k-2', label: '评价' })).rejects.toThrow('请求过于频繁');
    expect(surveyQueue.pending()).toEqual([]);
  });
});

import { ApiError, OfflineError } from './http';
import { OfflineQueue, type QueuedRequest } from './offline-queue';

function memoryStorage() {
  const map = new Map<string, unknown>();
  return { map, get: (k: string) => map.get(k) ?? '', set: (k: string, v: unknown) => void map.set(k, v) };
}

const body = (key: string) => ({ type: 'in', idempotencyKey: key });
const item = (key: string) => ({ path: '/api/attendance/punches', body: body(key), idempotencyKey: key, label: `打卡 ${key}` });

describe('offline queue', () => {
  it('keeps a request that cannot reach the API, persisted in storage', async () => {
    const storage = memoryStorage();
    const send = jest.fn().mockRejectedValue(new OfflineError());
    const q = new OfflineQueue('t1', send, storage);
    const res = await q.submit({ ...item('a1'), offlineBody: { ...body('a1'), offline: true } });
    expect(res.queued).toBe(true);
    // a fresh queue over the same storage (the app restarted) still has it, with the offline body
    const again = new OfflineQueue('t1', send, storage);
    expect(again.pending()).toEqual([expect.objectContaining({ idempotencyKey: 'a1', body: { ...body('a1'), offline: true } })]);
  });

  it('throws a refusal (4xx) to the caller instead of queuing it', async () => {
    const q = new OfflineQueue('t2', jest.fn().mockRejectedValue(new ApiError({ statusCode: 422, code: 'ATTENDANCE_OUTSIDE_FENCE', message: '不在考勤范围内' })), memoryStorage());
    await expect(q.submit(item('b1'))).rejects.toThrow('不在考勤范围内');
    expect(q.pending()).toEqual([]);
  });

  it('retries on reconnect and on app show, and drains each item exactly once', async () => {
    const storage = memoryStorage();
    let online = false;
    const sent: string[] = [];
    const send = jest.fn(async (i: QueuedRequest) => {
      await new Promise((r) => setTimeout(r, 5));
      if (!online) throw new OfflineError();
      sent.push(i.idempotencyKey);
      return { id: i.idempotencyKey };
    });
    const q = new OfflineQueue('t3', send, storage);
    q.enqueue(item('c1'));
    q.enqueue(item('c2'));
    q.enqueue(item('c2')); // the same key twice is kept once
    let reconnect: () => void = () => {};
    let show: () => void = () => {};
    const stop = q.start({ onReconnect: (cb) => ((reconnect = cb), () => {}), onShow: (cb) => ((show = cb), () => {}) });
    await q.drain(); // start() tried at once: still offline
    expect(q.pending().map((i) => i.idempotencyKey)).toEqual(['c1', 'c2']);
    expect(q.pending()[0]!.attempts).toBe(1);

    online = true;
    reconnect();
    show(); // both fire together: one drain
    const again = q.drain();
    await again;
    expect(sent).toEqual(['c1', 'c2']);
    expect(q.pending()).toEqual([]);
    show();
    await q.drain();
    expect(sent).toEqual(['c1', 'c2']);
    stop();
  });

  it('sets a refused item aside with its error, and carries on with the rest', async () => {
    const storage = memoryStorage();
    const send = jest.fn(async (i: QueuedRequest) => {
      if (i.idempotencyKey === 'd1') throw new ApiError({ statusCode: 422, code: 'ATTENDANCE_SYNC_EXPIRED', message: '已超过补传时限' });
      return {};
    });
    const q = new OfflineQueue('t4', send, storage);
    q.enqueue(item('d1'));
    q.enqueue(item('d2'));
    const res = await q.drain();
    expect(res).toEqual({ sent: 1, failed: 1, remaining: 0 });
    expect(q.failed()).toEqual([expect.objectContaining({ idempotencyKey: 'd1', error: expect.objectContaining({ code: 'ATTENDANCE_SYNC_EXPIRED', message: '已超过补传时限' }) })]);
    await q.drain();
    expect(send).toHaveBeenCalledTimes(2); // the refused one is not retried
    q.dismissFailed('d1');
    expect(q.failed()).toEqual([]);
  });

  it('keeps the item on a 5xx (API unavailable) and stops draining there', async () => {
    const send = jest.fn().mockRejectedValue(new ApiError({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用' }));
    const q = new OfflineQueue('t5', send, memoryStorage());
    q.enqueue(item('e1'));
    q.enqueue(item('e2'));
    expect(await q.drain()).toEqual({ sent: 0, failed: 0, remaining: 2 });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

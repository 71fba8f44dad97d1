// Writes with idempotency keys, every attempt recorded, and the invariant checked against the database afterwards:
// every request that got a 2xx is stored, exactly once, under the id it was answered with; after retrying the
// failed ones with the same keys, every key is stored exactly once; nothing else is stored.
import assert from 'node:assert/strict';
import { call, queryOnce, sleep } from './harness.mjs';

const TABLES = {
  punch: { table: 'attendance_punches', path: '/api/attendance/punches' },
  survey: { table: 'survey_responses', path: '/api/survey-forms/responses' },
};

export class WriteLog {
  /** `prefix` starts every idempotency key of this run (the database is checked for keys with it). */
  constructor(prefix) {
    this.prefix = prefix;
    this.entries = new Map();
    this.seq = 0;
  }

  newKey(kind) {
    return `${this.prefix}-${kind}-${String(++this.seq).padStart(6, '0')}`;
  }

  /** Registers a write; `request` = { body, token, headers } sent to the kind's path with its key. */
  add(kind, key, request) {
    const entry = { kind, key, request, attempts: [] };
    this.entries.set(key, entry);
    return entry;
  }

  /** Sends the write for `key` to `baseUrl` once and records the answer. */
  async send(key, baseUrl, timeoutMs) {
    const e = this.entries.get(key);
    const res = await call(baseUrl, 'POST', TABLES[e.kind].path, { ...e.request, timeoutMs });
    e.attempts.push({ baseUrl, status: res.status, body: res.body, error: res.error, retryAfter: res.headers?.get('retry-after') ?? null, at: Date.now() });
    return res;
  }

  all() {
    return [...this.entries.values()];
  }

  attempts() {
    return this.all().flatMap((e) => e.attempts.map((a) => ({ ...a, key: e.key, kind: e.kind })));
  }

  stored(e) {
    return e.attempts.some((a) => a.status >= 200 && a.status < 300);
  }

  /** Sends every key that has no 2xx yet again (same body, same key) until each has one. */
  async retryUntilStored(baseUrls, { rounds = 20, timeoutMs = 30_000 } = {}) {
    for (let round = 0; round < rounds; round++) {
      const pending = this.all().filter((e) => !this.stored(e));
      if (pending.length === 0) return;
      await pool(pending, 4, (e, i) => this.send(e.key, baseUrls[i % baseUrls.length], timeoutMs));
      if (pending.some((e) => !this.stored(e))) await sleep(500);
    }
    const left = this.all().filter((e) => !this.stored(e));
    assert.equal(left.length, 0, `still not stored after retries: ${left.map((e) => `${e.key} → ${JSON.stringify(e.attempts.at(-1))}`).join('\n')}`);
  }

  /** The invariant, checked in the database at `dbUrl`. */
  async checkInvariant(dbUrl) {
    const rows = new Map();
    for (const kind of Object.keys(TABLES)) {
      const found = await queryOnce(dbUrl, `SELECT idempotencyKey AS k, COUNT(*) AS c, MIN(id) AS id, MAX(id) AS id2 FROM \`${TABLES[kind].table}\` WHERE idempotencyKey LIKE ? GROUP BY idempotencyKey`, [`${this.prefix}-${kind}-%`]);
      for (const r of found) rows.set(r.k, { kind, count: Number(r.c), id: r.id, id2: r.id2 });
    }
    const duplicates = [...rows].filter(([, r]) => r.count !== 1);
    assert.deepEqual(duplicates, [], 'an idempotency key stored more than once');
    const phantoms = [...rows.keys()].filter((k) => !this.entries.has(k));
    assert.deepEqual(phantoms, [], 'rows stored for keys never sent');
    let answered = 0;
    for (const e of this.all()) {
      const row = rows.get(e.key);
      for (const a of e.attempts.filter((x) => x.status >= 200 && x.status < 300)) {
        answered++;
        assert.ok(row, `${e.key} was answered ${a.status} but is not in the database`);
        assert.equal(a.body.id, row.id, `${e.key}: answered with id ${a.body.id}, stored as ${row.id}`);
      }
    }
    return { keys: this.entries.size, stored: rows.size, answered2xx: answered };
  }
}

/** Runs `fn` over `items` with at most `width` in flight. */
export async function pool(items, width, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/**
 * Load until `stop()` is called: `workers` loops, each creating a new write (`make()` → key) and sending it to
 * the next target. Returns `{ stop, done, counts }`; `counts` tallies answers by status (0 = no answer).
 */
export function load(log, { targets, workers, make, timeoutMs }) {
  let running = true;
  let turn = 0;
  const counts = new Map();
  const waiters = [];
  const notify = () => {
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const done = Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (running) {
        const key = make(w);
        const target = targets()[turn++ % targets().length];
        const res = await log.send(key, target, timeoutMs);
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        notify();
        // a refused or unanswered request: the phone would wait a moment before its next tap
        if (res.status < 200 || res.status >= 300) await sleep(50);
      }
    }),
  );
  return {
    counts,
    done,
    /** Resolves once `test(counts)` holds (checked after every answer). */
    until(test, what, timeoutMs2 = 120_000) {
      return new Promise((resolve, reject) => {
        const w = { test: () => test(counts), resolve };
        if (w.test()) return resolve();
        waiters.push(w);
        setTimeout(() => reject(new Error(`load: waited ${timeoutMs2 / 1000} s for ${what}; answers so far ${JSON.stringify([...counts])}`)), timeoutMs2).unref();
      });
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

export const ok = (counts) => [...counts].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
export const count = (counts, status) => counts.get(status) ?? 0;

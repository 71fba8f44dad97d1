/**
 * A tested backup: dump a MySQL/MariaDB database with `mariadb-dump`/`mysqldump`, restore the dump into a scratch
 * database with the `mariadb`/`mysql` client, and compare every table (row count and `CHECKSUM TABLE`) between the
 * source and the restored copy. The scratch database is always dropped. Used by `npm run backup:verify`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { dropDatabase, ensureDatabase, splitMysqlUrl, withDatabase } from './scratch.js';

export interface TableCheck {
  table: string;
  sourceRows: number;
  restoredRows: number | null;
  sourceChecksum: string | null;
  restoredChecksum: string | null;
  /** `ok`; `mismatch` (the restore differs); `missing` (not in the restore); `extra` (only in the restore);
   *  `busy` (the source table was written while the dump ran, so it cannot be compared exactly). */
  status: 'ok' | 'mismatch' | 'missing' | 'extra' | 'busy';
}

export interface BackupReport {
  tool: string;
  dumpBytes: number;
  tables: TableCheck[];
  ok: boolean;
}

export interface BackupOptions {
  /** The database to back up, `mysql://user:pass@host:port/db`. */
  sourceUrl: string;
  /** Keep the dump at this path (otherwise it is written to a temporary file and deleted). */
  outFile?: string;
  /** Called after the restore, before the comparison, with the scratch database's URL (tests use it to tamper). */
  afterRestore?: (scratchUrl: string) => Promise<void>;
}

/** The first of `names` found on PATH. */
function which(names: string[]): string | null {
  for (const name of names) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export function dumpTools(): { dump: string; client: string } {
  const dump = which(['mariadb-dump', 'mysqldump']);
  const client = which(['mariadb', 'mysql']);
  if (!dump || !client) throw new Error('找不到 mariadb-dump/mysqldump 或 mariadb/mysql 客户端（apt-get install -y mariadb-client）');
  return { dump, client };
}

/** A `[client]` option file for the URL's credentials, so the password is not on the command line. */
function optionFile(dir: string, url: string): string {
  const u = new URL(url);
  const lines = ['[client]', `host=${u.hostname || '127.0.0.1'}`, `port=${u.port || '3306'}`, `user=${decodeURIComponent(u.username || 'root')}`];
  if (u.password) lines.push(`password="${decodeURIComponent(u.password).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  const file = join(dir, 'client.cnf');
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

function run(cmd: string, args: string[], io: { stdin?: string; stdout?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // the dump is complete when the process has exited and the file is flushed
    let pending = io.stdout ? 2 : 1;
    const done = () => --pending === 0 && resolve();
    if (io.stdout) {
      const file = createWriteStream(io.stdout);
      file.on('error', reject);
      file.on('finish', done);
      child.stdout.pipe(file);
    } else {
      child.stdout.resume();
    }
    child.stdin.on('error', () => undefined); // a client that exits early: its exit code reports it
    if (io.stdin) createReadStream(io.stdin).on('error', reject).pipe(child.stdin);
    else child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done() : reject(new Error(`${cmd} 退出码 ${code}：${stderr.trim().slice(0, 500)}`))));
  });
}

interface TableState {
  rows: number;
  checksum: string | null;
}

async function tableStates(conn: Connection, database: string): Promise<Map<string, TableState>> {
  const [tables] = await conn.query(`SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`, [database]);
  const out = new Map<string, TableState>();
  for (const { t } of tables as { t: string }[]) {
    const q = `\`${database.replace(/`/g, '``')}\`.\`${t.replace(/`/g, '``')}\``;
    const [[count]] = (await conn.query(`SELECT COUNT(*) AS c FROM ${q}`)) as unknown as [{ c: number | string }[]];
    const [[sum]] = (await conn.query(`CHECKSUM TABLE ${q}`)) as unknown as [{ Checksum: number | string | null }[]];
    out.set(t, { rows: Number(count!.c), checksum: sum?.Checksum === null || sum?.Checksum === undefined ? null : String(sum.Checksum) });
  }
  return out;
}

/** Dumps `sourceUrl`, restores it into a scratch database, compares every table, drops the scratch database. */
export async function verifyBackup(options: BackupOptions): Promise<BackupReport> {
  const { dump, client } = dumpTools();
  const { database } = splitMysqlUrl(options.sourceUrl);
  const scratchUrl = withDatabase(options.sourceUrl, `${database}_restore_${randomBytes(4).toString('hex')}`.slice(0, 64));
  const scratch = splitMysqlUrl(scratchUrl).database;
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-backup-'));
  const cnf = optionFile(dir, options.sourceUrl);
  const dumpFile = options.outFile ?? join(dir, `${database}.sql`);
  const conn = await createConnection({ uri: splitMysqlUrl(options.sourceUrl).server });
  try {
    const before = await tableStates(conn, database);
    await run(dump, [`--defaults-extra-file=${cnf}`, '--single-transaction', '--quick', '--triggers', '--hex-blob', '--default-character-set=utf8mb4', '--no-tablespaces', database], { stdout: dumpFile });
    const after = await tableStates(conn, database);
    await ensureDatabase(scratchUrl, true);
    try {
      await run(client, [`--defaults-extra-file=${cnf}`, '--default-character-set=utf8mb4', scratch], { stdin: dumpFile });
      if (options.afterRestore) await options.afterRestore(scratchUrl);
      const restored = await tableStates(conn, scratch);
      const tables: TableCheck[] = [];
      for (const [table, src] of after) {
        const got = restored.get(table);
        const prior = before.get(table);
        const busy = !prior || prior.rows !== src.rows || prior.checksum !== src.checksum;
        const same = !!got && got.rows === src.rows && got.checksum === src.checksum;
        tables.push({
          table,
          sourceRows: src.rows,
          restoredRows: got?.rows ?? null,
          sourceChecksum: src.checksum,
          restoredChecksum: got?.checksum ?? null,
          status: !got ? 'missing' : same ? 'ok' : busy ? 'busy' : 'mismatch',
        });
      }
      for (const [table, got] of restored) {
        if (!after.has(table)) tables.push({ table, sourceRows: 0, restoredRows: got.rows, sourceChecksum: null, restoredChecksum: got.checksum, status: 'extra' });
      }
      return { tool: dump, dumpBytes: statSync(dumpFile).size, tables, ok: tables.every((t) => t.status === 'ok' || t.status === 'busy') && tables.length > 0 };
    } finally {
      await dropDatabase(scratchUrl);
    }
  } finally {
    await conn.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report as a text table (Chinese headings, one row per table). */
export function formatBackupReport(report: BackupReport): string {
  const label: Record<TableCheck['status'], string> = { ok: '一致', mismatch: '不一致', missing: '恢复后缺失', extra: '恢复后多出', busy: '备份期间有写入，未比对' };
  const rows = [['表', '源库行数', '恢复行数', '源校验和', '恢复校验和', '结果'], ...report.tables.map((t) => [t.table, String(t.sourceRows), t.restoredRows === null ? '—' : String(t.restoredRows), t.sourceChecksum ?? '—', t.restoredChecksum ?? '—', label[t.status]])];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  return [line(rows[0]!), ...rows.slice(1).map(line)].join('\n');
}

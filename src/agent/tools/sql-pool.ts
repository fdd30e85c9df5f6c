// The query processes behind the read-only SQL tool (query_f1_database; the agent and MCP alike): a small
// pool of long-lived child processes (SQL_WORKERS) at the lowest CPU priority, each running one query at a
// time, with a bounded queue (SQL_QUEUE) in front. A child process, not a worker thread, because a runaway
// query inside SQLite's C code cannot be interrupted from JavaScript but a process can be killed: past the
// time limit (SQL_TIMEOUT) the process is killed and a fresh one takes its place. Results are capped in
// rows and in bytes inside the child, so an oversized result never reaches the server's memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';

const require = createRequire(import.meta.url);

// Plain CommonJS run by `node -e` in each child. Rows are counted in JSON bytes as they are read; the first
// row that does not fit stops the read, and a first row that alone exceeds the cap is kept with its long
// values cut, so the answer always says what the columns hold.
const RUNNER_SOURCE = `
const Database = require(process.env.SQL_DRIVER);
const dbs = new Map();
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
function open(path) {
  let db = dbs.get(path);
  if (!db) {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    dbs.set(path, db);
    // A swapped-in database comes under a new path: keep the two newest versions open, close older ones.
    for (const [p, old] of dbs) if (dbs.size > 2 && p !== path) { old.close(); dbs.delete(p); }
  }
  return db;
}
function cut(row, room) {
  const out = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && v.length > room) out[k] = v.slice(0, room) + '…';
    else if (v && typeof v === 'object') out[k] = '[' + v.length + ' bytes of binary data]';
    else out[k] = v;
  }
  return out;
}
process.on('message', (job) => {
  let reply;
  try {
    const stmt = open(job.path).prepare(job.sql);
    if (!stmt.reader || !stmt.readonly) throw new Error('Only a single read-only SELECT is allowed.');
    const columns = stmt.columns().map((c) => c.name);
    const rows = [];
    let bytes = 2;
    let truncated = null;
    for (const raw of stmt.iterate()) {
      if (rows.length >= job.maxRows) { truncated = 'rows'; break; }
      let row = raw;
      for (const [k, v] of Object.entries(row)) if (v && typeof v === 'object') { row = cut(row, Infinity); break; }
      let size = Buffer.byteLength(JSON.stringify(row)) + 1;
      if (bytes + size > job.maxBytes) {
        truncated = 'bytes';
        if (rows.length === 0) {
          row = cut(row, Math.max(16, Math.floor(job.maxBytes / (2 * Math.max(1, columns.length)))));
          size = Buffer.byteLength(JSON.stringify(row)) + 1;
          rows.push(row);
          bytes += size;
        }
        break;
      }
      rows.push(row);
      bytes += size;
    }
    reply = { id: job.id, ok: true, rows, columns, truncated, bytes };
  } catch (e) {
    reply = { id: job.id, ok: false, error: e && e.message ? e.message : String(e) };
  }
  process.send(reply);
});
`;

export interface SqlResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Why the result was cut: at SQL_MAX_ROWS rows, or at SQL_MAX_BYTES bytes; null when complete. */
  truncated: 'rows' | 'bytes' | null;
  /** JSON size of the rows returned. */
  bytes: number;
  /** Time waiting for a free process, and running. */
  queuedMs: number;
  ms: number;
}

export interface SqlLimits {
  workers: number;
  queue: number;
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
}

export function sqlLimits(config: Config): SqlLimits {
  return {
    workers: config.SQL_WORKERS,
    queue: config.SQL_QUEUE,
    maxRows: config.SQL_MAX_ROWS,
    maxBytes: config.SQL_MAX_BYTES,
    timeoutMs: Math.min(config.SQL_TIMEOUT, config.TOOL_TIMEOUT) * 1000,
  };
}

interface Job {
  path: string;
  sql: string;
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  enqueued: number;
  waitTimer?: NodeJS.Timeout;
  resolve: (r: SqlResult) => void;
  reject: (e: Error) => void;
}

type Reply =
  | {
      id: number;
      ok: true;
      rows: Record<string, unknown>[];
      columns: string[];
      truncated: SqlResult['truncated'];
      bytes: number;
    }
  | { id: number; ok: false; error: string };

interface Slot {
  child?: ChildProcess;
  /** The child has loaded the driver and said so (starting one is not part of a query's time). */
  ready?: boolean;
  job?: Job;
}

/** How long a new query process may take to start (node + the SQLite driver; slow on a loaded machine). */
const START_LIMIT_MS = 20_000;

export class SqlPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly readyListeners = new WeakMap<ChildProcess, () => void>();
  private nextId = 1;

  constructor(readonly limits: SqlLimits) {
    this.slots = Array.from({ length: limits.workers }, () => ({}));
  }

  /** Queries waiting for a free process (metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Processes running a query now (metrics). */
  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Processes running (started and not killed), for tests and the benchmark. */
  get processes(): number[] {
    return this.slots.flatMap((s) => (s.child?.pid ? [s.child.pid] : []));
  }

  run(
    path: string,
    sql: string,
    opts: { signal?: AbortSignal; maxRows?: number; timeoutMs?: number } = {},
  ): Promise<SqlResult> {
    if (opts.signal?.aborted) return Promise.reject(new AppError('timeout', 'The query was cancelled.'));
    if (this.queue.length >= this.limits.queue && !this.slots.some((s) => !s.job))
      return Promise.reject(
        new AppError('unavailable', 'The SQL tool is busy with other queries; try again in a few seconds.'),
      );
    return new Promise((resolve, reject) => {
      const job: Job = {
        path,
        sql,
        maxRows: Math.min(opts.maxRows ?? this.limits.maxRows, this.limits.maxRows),
        maxBytes: this.limits.maxBytes,
        timeoutMs: opts.timeoutMs ?? this.limits.timeoutMs,
        signal: opts.signal,
        enqueued: performance.now(),
        resolve,
        reject,
      };
      const leaveQueue = (err: AppError) => {
        const i = this.queue.indexOf(job);
        if (i === -1) return;
        this.queue.splice(i, 1);
        clearTimeout(job.waitTimer);
        reject(err);
      };
      opts.signal?.addEventListener(
        'abort',
        () => leaveQueue(new AppError('timeout', 'The query was cancelled.')),
        {
          once: true,
        },
      );
      // A query waits for a process at most as long as it may run, then is refused as busy.
      job.waitTimer = setTimeout(
        () =>
          leaveQueue(
            new AppError(
              'unavailable',
              'The SQL tool is busy with other queries; try again in a few seconds.',
            ),
          ),
        job.timeoutMs,
      );
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Kills every process (tests, benchmark, shutdown); queued queries are refused. */
  close(): void {
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.waitTimer);
      job.reject(new AppError('unavailable', 'The SQL tool stopped.'));
    }
    for (const slot of this.slots) {
      slot.child?.kill('SIGKILL');
      slot.child = undefined;
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      clearTimeout(job.waitTimer);
      this.start(slot, job);
    }
  }

  private spawnChild(slot: Slot): ChildProcess {
    const child = spawn(process.execPath, ['--max-old-space-size=256', '-e', RUNNER_SOURCE], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { SQL_DRIVER: require.resolve('better-sqlite3'), PATH: process.env.PATH ?? '' },
    });
    try {
      if (child.pid) setPriority(child.pid, 19);
    } catch {
      // not allowed here: it runs at normal priority
    }
    slot.ready = false;
    const onReady = (m: { ready?: boolean }) => {
      if (!m.ready) return;
      child.off('message', onReady);
      if (slot.child === child) slot.ready = true;
      this.readyListeners.get(child)?.();
    };
    child.on('message', onReady);
    return child;
  }

  private idle(child: ChildProcess): void {
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private start(slot: Slot, job: Job): void {
    const child = (slot.child ??= this.spawnChild(slot));
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
    slot.job = job;
    const id = this.nextId++;
    let settled = false;
    const finish = (outcome: () => void, kill: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', onAbort);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (kill) {
        child.kill('SIGKILL');
        if (slot.child === child) slot.child = undefined;
      } else this.idle(child);
      slot.job = undefined;
      outcome();
      this.dispatch();
    };
    const onMessage = (m: Reply) => {
      if (m.id !== id) return;
      const ms = performance.now() - started;
      const queuedMs = started - job.enqueued;
      finish(
        () =>
          m.ok
            ? job.resolve({
                columns: m.columns,
                rows: m.rows,
                truncated: m.truncated,
                bytes: m.bytes,
                ms,
                queuedMs,
              })
            : job.reject(new AppError('bad_request', `SQL error: ${m.error}`)),
        false,
      );
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(
        () =>
          job.reject(
            new AppError(
              'internal',
              code === 134 || signal === 'SIGABRT'
                ? 'The query needed more memory than it may use and was stopped.'
                : `The query process stopped (${signal ?? code}).`,
            ),
          ),
        true,
      );
    const onAbort = () => finish(() => job.reject(new AppError('timeout', 'The query was cancelled.')), true);
    const tooLong = () =>
      finish(
        () =>
          job.reject(
            new AppError('timeout', `The query ran longer than ${job.timeoutMs / 1000} s and was stopped.`),
          ),
        true,
      );
    let timer: NodeJS.Timeout;
    let started = performance.now();
    const send = () => {
      if (settled) return;
      clearTimeout(timer);
      started = performance.now();
      timer = setTimeout(tooLong, job.timeoutMs);
      child.send({ id, path: job.path, sql: job.sql, maxRows: job.maxRows, maxBytes: job.maxBytes });
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    job.signal?.addEventListener('abort', onAbort, { once: true });
    if (slot.ready) send();
    else {
      timer = setTimeout(
        () => finish(() => job.reject(new AppError('unavailable', 'The query process did not start.')), true),
        START_LIMIT_MS,
      );
      this.readyListeners.set(child, send);
    }
  }
}

const pools = new Map<string, SqlPool>();

/** The pool for these limits, shared by every caller in the process (agent, MCP, benchmark). */
export function sqlPool(limits: SqlLimits): SqlPool {
  const key = JSON.stringify(limits);
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new SqlPool(limits)));
  return pool;
}

/** Every pool of this process (metrics). */
export function allSqlPools(): SqlPool[] {
  return [...pools.values()];
}

export function closeSqlPools(): void {
  for (const p of pools.values()) p.close();
  pools.clear();
}

/** One log line per query, with what it cost. */
export function logSqlCost(logger: Logger, sql: string, r: SqlResult): void {
  logger.info(
    {
      event: 'tool.sql',
      sql: sql.slice(0, 200),
      rows: r.rows.length,
      bytes: r.bytes,
      truncated: r.truncated,
      ms: Math.round(r.ms),
      queuedMs: Math.round(r.queuedMs),
    },
    'SQL query',
  );
}

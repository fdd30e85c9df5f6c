// Read-only SQL over the F1 database for statistics no other tool covers. Safety in layers: a separate
// read-only connection with query_only on, exactly one statement that SQLite itself reports as read-only,
// a row cap, and a time cap enforced by running the query in a child process that is killed on timeout.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { SCHEMA_SQL } from '../../data/schema.ts';
import { defineTool } from './types.ts';
import { table } from './common.ts';

export const SQL_MAX_ROWS = 200;
const SQL_TIME_LIMIT_MS = 5_000;

const require = createRequire(import.meta.url);

// Plain CommonJS run in a child process (`node -e`): a runaway query inside SQLite's C code cannot be
// interrupted from JavaScript (a worker thread would keep burning CPU), but a process can be killed.
const RUNNER_SOURCE = `
process.once('message', (job) => {
  let db;
  let reply;
  try {
    const Database = require(job.driver);
    db = new Database(job.path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    const stmt = db.prepare(job.sql);
    if (!stmt.reader || !stmt.readonly) throw new Error('Only a single read-only SELECT is allowed.');
    const rows = [];
    let truncated = false;
    for (const row of stmt.iterate()) {
      if (rows.length >= job.maxRows) { truncated = true; break; }
      rows.push(row);
    }
    reply = { ok: true, rows, truncated, columns: stmt.columns().map((c) => c.name) };
  } catch (e) {
    reply = { ok: false, error: e && e.message ? e.message : String(e) };
  }
  if (db) db.close();
  process.send(reply, () => process.exit(0));
});
`;

interface WorkerReply {
  ok: boolean;
  rows?: Record<string, unknown>[];
  columns?: string[];
  truncated?: boolean;
  error?: string;
}

/** Rejects anything but one SELECT / WITH … SELECT before it reaches SQLite. */
export function checkSelect(sql: string): string {
  const stripped = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .trim()
    .replace(/;\s*$/, '');
  if (!/^(select|with)\b/i.test(stripped))
    throw new AppError('bad_request', 'Only a single SELECT statement is allowed.');
  const code = stripped.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  if (code.includes(';')) throw new AppError('bad_request', 'Only one statement is allowed (no ";").');
  if (/\b(attach|detach|pragma|vacuum|insert|update|delete|replace|create|drop|alter)\b/i.test(code)) {
    throw new AppError('bad_request', 'Only reading is allowed: no ATTACH, PRAGMA or writes.');
  }
  return stripped;
}

export function runReadOnlySql(
  path: string,
  sql: string,
  {
    maxRows = SQL_MAX_ROWS,
    timeoutMs = SQL_TIME_LIMIT_MS,
    signal,
  }: { maxRows?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Required<Pick<WorkerReply, 'rows' | 'columns' | 'truncated'>>> {
  const checked = checkSelect(sql);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RUNNER_SOURCE], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null) child.kill('SIGKILL');
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new AppError('timeout', `The query ran longer than ${timeoutMs / 1000} s and was stopped.`)),
        ),
      timeoutMs,
    );
    const onAbort = () => finish(() => reject(new AppError('timeout', 'The query was cancelled.')));
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('message', (m: WorkerReply) =>
      finish(() =>
        m.ok
          ? resolve({ rows: m.rows ?? [], columns: m.columns ?? [], truncated: m.truncated ?? false })
          : reject(new AppError('bad_request', `SQL error: ${m.error}`)),
      ),
    );
    child.once('error', (e) =>
      finish(() => reject(new AppError('internal', `SQL runner failed: ${e.message}`))),
    );
    child.once('exit', (code) =>
      finish(() =>
        reject(new AppError('internal', `SQL runner exited (${code}) ${stderr.slice(0, 200)}`.trim())),
      ),
    );
    child.send({ driver: require.resolve('better-sqlite3'), path, sql: checked, maxRows });
  });
}

const SCHEMA_FOR_MODEL = SCHEMA_SQL.replace(/\n\s*\n/g, '\n').trim();

export default defineTool({
  name: 'query_f1_database',
  description: `Read-only SQL (SQLite dialect) over the whole F1 database, 1950 to today, for statistics the other tools do not cover (records, counts across seasons, "most wins at Monaco"). Exactly one SELECT (WITH allowed); at most ${SQL_MAX_ROWS} rows; ${SQL_TIME_LIMIT_MS / 1000} s limit. Ids are kebab-case (driver 'max-verstappen', constructor 'red-bull', circuit 'monza', grand_prix 'italy'). race_result.session is 'RACE' or 'SPRINT_RACE'; position_number is NULL when not classified. Prefer the specific tools for single races and standings. Schema:\n${SCHEMA_FOR_MODEL}`,
  inputSchema: z.object({ sql: z.string().min(1).max(4000).describe('One SELECT statement') }),
  async execute({ sql }, ctx) {
    const { rows, columns, truncated } = await runReadOnlySql(ctx.config.DATABASE_PATH, sql, {
      timeoutMs: Math.min(SQL_TIME_LIMIT_MS, ctx.config.TOOL_TIMEOUT * 1000),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    const shown = rows.slice(0, 50);
    const markdown = [
      table(
        columns,
        shown.map((r) => columns.map((c) => r[c] as string | number | null)),
      ),
      rows.length > shown.length || truncated
        ? `_${rows.length}${truncated ? '+' : ''} rows; first ${shown.length} shown._`
        : `_${rows.length} rows._`,
    ].join('\n');
    return { data: { columns, rows, truncated }, markdown, sources: ['f1db — SQL query'] };
  },
});

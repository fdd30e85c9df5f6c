// Read-only SQL over the F1 database for statistics no other tool covers. Safety in layers: a separate
// read-only connection with query_only on, exactly one statement that SQLite itself reports as read-only,
// caps on rows and bytes, and a time cap, in a pool of killable query processes (sql-pool.ts) shared by the
// agent and MCP.
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { SCHEMA_SQL } from '../../data/schema.ts';
import { defineTool } from './types.ts';
import { table } from './common.ts';
import { logSqlCost, sqlLimits, sqlPool, type SqlResult } from './sql-pool.ts';

const DEFAULTS = {
  SQL_WORKERS: 2,
  SQL_QUEUE: 16,
  SQL_MAX_ROWS: 200,
  SQL_MAX_BYTES: 256 * 1024,
  SQL_TIMEOUT: 5,
};
/** Characters of one value shown in the Markdown table (the data keeps what fitted the byte cap). */
const CELL_CHARS = 200;

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

/** Runs one checked SELECT in the shared pool (limits from the configuration; defaults when not given). */
export function runReadOnlySql(
  path: string,
  sql: string,
  {
    config,
    timeoutMs,
    signal,
  }: {
    config?: Pick<Config, keyof typeof DEFAULTS | 'TOOL_TIMEOUT'>;
    timeoutMs?: number;
    signal?: AbortSignal;
  } = {},
): Promise<SqlResult> {
  const checked = checkSelect(sql);
  const limits = sqlLimits({ ...DEFAULTS, TOOL_TIMEOUT: 30, ...config } as Config);
  return sqlPool(limits).run(path, checked, {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  });
}

const SCHEMA_FOR_MODEL = SCHEMA_SQL.replace(/\n\s*\n/g, '\n').trim();

const cell = (v: unknown): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const text = String(v);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
};

export default defineTool({
  name: 'query_f1_database',
  description: `Read-only SQL (SQLite dialect) over the whole F1 database, 1950 to today, for statistics the other tools do not cover (records, counts across seasons, "most wins at Monaco"). Exactly one SELECT (WITH allowed); at most ${DEFAULTS.SQL_MAX_ROWS} rows and ${DEFAULTS.SQL_MAX_BYTES / 1024} KB per result (cut beyond, and said so); ${DEFAULTS.SQL_TIMEOUT} s limit. Select only the columns you need. Ids are kebab-case (driver 'max-verstappen', constructor 'red-bull', circuit 'monza', grand_prix 'italy'). race_result.session is 'RACE' or 'SPRINT_RACE'; position_number is NULL when not classified. Prefer the specific tools for single races and standings. Schema:\n${SCHEMA_FOR_MODEL}`,
  inputSchema: z.object({ sql: z.string().min(1).max(4000).describe('One SELECT statement') }),
  async execute({ sql }, ctx) {
    // The path of the very version the other tools read (a swapped-in database has its own, see data/handle.ts).
    const result = await runReadOnlySql(ctx.db().name, sql, {
      config: ctx.config,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    logSqlCost(ctx.logger, sql, result);
    const { rows, columns, truncated, bytes } = result;
    const shown = rows.slice(0, 50);
    const note =
      truncated === 'bytes'
        ? `_Result cut at ${Math.round(ctx.config.SQL_MAX_BYTES / 1024)} KB: ${rows.length} row(s) kept${rows.length > shown.length ? `, first ${shown.length} shown` : ''}. Select fewer or shorter columns for the rest._`
        : truncated === 'rows'
          ? `_${rows.length}+ rows: cut at ${rows.length}${rows.length > shown.length ? `, first ${shown.length} shown` : ''}._`
          : rows.length > shown.length
            ? `_${rows.length} rows; first ${shown.length} shown._`
            : `_${rows.length} rows._`;
    const markdown = [
      table(
        columns,
        shown.map((r) => columns.map((c) => cell(r[c]))),
      ),
      note,
    ].join('\n');
    return {
      data: { columns, rows, truncated: truncated !== null, truncatedBy: truncated, bytes },
      markdown,
      sources: ['f1db — SQL query'],
    };
  },
});

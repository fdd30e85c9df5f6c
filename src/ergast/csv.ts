// Reading the Ergast CSV dump (ERGAST_CSV_DIR: drivers.csv, constructors.csv, ...). The dump mixes quoted and
// unquoted rows and writes SQL NULL as `\N`; both are normalised here (NULL → null).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unavailable } from '../errors.ts';

export type CsvRow = Record<string, string | null>;

export function readErgastCsv(dir: string, table: string): CsvRow[] {
  const file = join(dir, `${table}.csv`);
  if (!existsSync(file)) throw unavailable(`Ergast CSV table missing: ${file} (check ERGAST_CSV_DIR)`);
  const rows = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
    bom: true,
  }) as Record<string, string>[];
  return rows.map((r) => {
    const out: CsvRow = {};
    for (const [k, v] of Object.entries(r)) out[k] = v === '\\N' || v === '' ? null : v;
    return out;
  });
}

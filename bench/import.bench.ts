// Import benchmark: the full f1db tree (1950 → 2026) into a fresh SQLite file, repeated; prints the median.
// The same work as `race-engineer data import`, including the Ergast cross-walk (from ERGAST_CSV_DIR if set).
// Usage: F1DB_DIR=../shared/data/f1db [ERGAST_CSV_DIR=…] npx tsx bench/import.bench.ts [runs]
import './data-env.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importF1db } from '../src/data/import/importer.ts';
import { silentLogger } from '../src/logger.ts';
import { ergastCrosswalkStep } from '../src/ergast/crosswalk.ts';

const source = process.env.F1DB_DIR;
if (!source) {
  console.error('bench:import needs F1DB_DIR (an f1db source tree)');
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const times: number[] = [];
let rows = 0;
try {
  for (let i = 0; i < runs; i++) {
    const dbPath = join(dir, `run-${i}.db`);
    const summary = await importF1db({
      source,
      dbPath,
      logger: silentLogger,
      extraSteps: [ergastCrosswalkStep(process.env.ERGAST_CSV_DIR)],
    });
    times.push(summary.durationMs);
    rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    console.log(`run ${i + 1}/${runs}: ${(summary.durationMs / 1000).toFixed(2)} s`);
  }
  // The unchanged-source path (what `npm start` and the test setup take on every start).
  const skip = await importF1db({
    source,
    dbPath: join(dir, 'run-0.db'),
    logger: silentLogger,
    skipIfCurrent: true,
  });
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log('\n| benchmark | value |\n| --- | --- |');
  console.log(
    `| full import 1950→2026 + Ergast cross-walk (${process.env.ERGAST_CSV_DIR ? 'from the CSV tables' : 'derived ids'}), median of ${runs} | ${(median / 1000).toFixed(2)} s (target < 60 s) |`,
  );
  console.log(`| rows imported | ${rows.toLocaleString('en')} |`);
  console.log(`| rows per second | ${Math.round(rows / (median / 1000)).toLocaleString('en')} |`);
  console.log(`| unchanged source (skip check) | ${(skip.durationMs / 1000).toFixed(2)} s |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

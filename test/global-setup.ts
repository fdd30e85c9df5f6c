// Builds the shared test database once per test run from the real f1db data (F1DB_DIR, set by .ci/run),
// and points every test worker at it through DATABASE_PATH; fills the shared lap tables cache.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importF1db } from '../src/data/import/importer.ts';
import { silentLogger } from '../src/logger.ts';
import { withDataDirDefaults } from '../src/config.ts';
import { ergastCrosswalkStep } from '../src/ergast/crosswalk.ts';
import { runLapsWarmup } from '../src/data/laps/laps-warmup.ts';

export const TEST_DB_PATH = resolve('.cache/test/race-engineer.db');
/** What the suites that skip without EVAL_DIR read from it. */
const EVAL_FILES = ['f1-qa-dev.jsonl', 'ergast-samples'];

export default async function setup(): Promise<void> {
  // F1_DATA_DIR names the whole data folder; test workers inherit the variables it stands for.
  Object.assign(process.env, withDataDirDefaults(process.env));
  const source = process.env.F1DB_DIR;
  if (!source)
    throw new Error(
      'Tests need the F1 data: F1_DATA_DIR=<data folder> (or at least F1DB_DIR=<f1db source tree>)',
    );
  // Tests over the eval sets (the offline engine's dev questions, the Ergast samples) skip on a machine
  // without them; under CI (.ci/run sets REQUIRE_BROWSER=1, as it must not pass by skipping) a missing set fails.
  if (process.env.CI || process.env.REQUIRE_BROWSER === '1') {
    const evalDir = process.env.EVAL_DIR ?? resolve('../shared/eval');
    const missing = EVAL_FILES.filter((f) => !existsSync(resolve(evalDir, f)));
    if (missing.length > 0)
      throw new Error(
        `CI needs the eval sets: ${missing.join(', ')} missing in ${evalDir} (set EVAL_DIR to the shared eval folder)`,
      );
  }
  mkdirSync(resolve('.cache/test'), { recursive: true });
  await importF1db({
    source,
    dbPath: TEST_DB_PATH,
    logger: silentLogger,
    skipIfCurrent: true,
    // The Ergast ids as `data import` builds them (derived ones only when ERGAST_CSV_DIR is unset).
    extraSteps: [ergastCrosswalkStep(process.env.ERGAST_CSV_DIR)],
  });
  process.env.DATABASE_PATH = TEST_DB_PATH;
  // The lap tables parsed once into a shared cache (a few seconds on a fresh clone, then skipped), so test
  // files that replay or analyse races do not each parse every season at once; tests of a cold cache use
  // their own folders.
  process.env.ANALYSIS_CACHE_DIR = process.env.ANALYSIS_CACHE_DIR ?? resolve('.cache/test/laps-cache');
  if (process.env.LAPS_DIR)
    runLapsWarmup({ lapsDir: process.env.LAPS_DIR, cacheDir: process.env.ANALYSIS_CACHE_DIR });
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
}

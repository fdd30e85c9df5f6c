// Test support: the shared test database, which the global setup imports with the Ergast cross-walk
// built from ERGAST_CSV_DIR (as `race-engineer data import` does). An import that kept a cross-walk of an
// older version (the import is skipped while f1db is unchanged) gets the current one rebuilt in place.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { silentLogger } from '../logger.ts';
import { CROSSWALK_VERSION, buildErgastCrosswalk, ergastCrosswalkVersion } from './crosswalk.ts';

/** Path of the shared test database, checked to hold ids matched from the Ergast CSV tables. */
export function ergastTestDatabase(): string {
  const path = process.env.DATABASE_PATH;
  if (!path || !existsSync(path))
    throw new Error('Ergast tests need DATABASE_PATH (set by the global setup)');
  const csvDir = process.env.ERGAST_CSV_DIR;
  if (!csvDir) throw new Error('Ergast tests need ERGAST_CSV_DIR (e.g. ../shared/data/ergast-csv/data)');
  const db = new Database(path, { timeout: 60_000 });
  try {
    // Immediate: of two test files starting together, the second waits and then finds it current.
    db.transaction(() => {
      if (ergastCrosswalkVersion(db) !== CROSSWALK_VERSION) buildErgastCrosswalk(db, csvDir, silentLogger);
    }).immediate();
    const matched = db.prepare(`SELECT count(*) AS n FROM ergast_driver_id WHERE derived = 0`).get() as {
      n: number;
    };
    if (matched.n === 0) throw new Error(`${path} has no Ergast ids matched from the CSV tables`);
  } finally {
    db.close();
  }
  return path;
}

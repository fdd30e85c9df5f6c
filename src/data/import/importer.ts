// f1db source tree (YAML) → embedded SQLite database.
// Atomic: the database is built aside (`<path>.importing-<pid>`) and renamed over the old one only when
// complete, so a failed or interrupted import leaves the previous database untouched. Idempotent: an
// unchanged source (same content hash, same schema) is recognised and can be skipped.
import Database from 'better-sqlite3';
import * as yaml from 'js-yaml';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Logger } from '../../logger.ts';
import { AppError } from '../../errors.ts';
import { INDEX_SQL, SCHEMA_SQL, SCHEMA_VERSION } from '../schema.ts';
import { contentHash, localUpstreamCommit, resolveSource } from './source.ts';
import { deriveColumns } from './derive.ts';
import * as map from './load.ts';
import type { Row } from './load.ts';
import { createProgress } from './progress.ts';

export interface ImportOptions {
  /** An f1db source directory (the repository root or its src/data) or an f1db source tarball URL. */
  source: string;
  dbPath: string;
  logger: Logger;
  /** Show a progress line on the terminal (CLI only). */
  progress?: boolean;
  /** Skip the import when the existing database already holds this exact source. */
  skipIfCurrent?: boolean;
  /** The version to record (an f1db release, `2026.20.1`); default: the upstream commit, else the content hash. */
  version?: string;
  /** More meta rows to record (the release tag and date of a synced f1db release). */
  meta?: Record<string, string>;
  /** Extra steps run inside the new database before it is swapped in (e.g. the Ergast id cross-walk). */
  extraSteps?: ((db: Database.Database, logger: Logger) => void | Promise<void>)[];
}

export interface ImportSummary {
  dbPath: string;
  f1dbVersion: string;
  counts: Record<string, number>;
  durationMs: number;
  skipped: boolean;
}

type Y = Record<string, unknown>;

/** Files of one race folder → (table, session) they fill. */
const RACE_FILES: Record<string, { kind: 'race' | 'qualifying' | 'practice' | 'grid'; session: string }> = {
  'race-results.yml': { kind: 'race', session: 'RACE' },
  'sprint-race-results.yml': { kind: 'race', session: 'SPRINT_RACE' },
  'qualifying-results.yml': { kind: 'qualifying', session: 'QUALIFYING' },
  'sprint-qualifying-results.yml': { kind: 'qualifying', session: 'SPRINT_QUALIFYING' },
  'qualifying-1-results.yml': { kind: 'qualifying', session: 'QUALIFYING_1' },
  'qualifying-2-results.yml': { kind: 'qualifying', session: 'QUALIFYING_2' },
  'pre-qualifying-results.yml': { kind: 'qualifying', session: 'PRE_QUALIFYING' },
  'free-practice-1-results.yml': { kind: 'practice', session: 'FREE_PRACTICE_1' },
  'free-practice-2-results.yml': { kind: 'practice', session: 'FREE_PRACTICE_2' },
  'free-practice-3-results.yml': { kind: 'practice', session: 'FREE_PRACTICE_3' },
  'free-practice-4-results.yml': { kind: 'practice', session: 'FREE_PRACTICE_4' },
  'warming-up-results.yml': { kind: 'practice', session: 'WARMING_UP' },
  'starting-grid-positions.yml': { kind: 'grid', session: 'RACE' },
  'sprint-starting-grid-positions.yml': { kind: 'grid', session: 'SPRINT_RACE' },
};
const KIND_TABLE = {
  race: 'race_result',
  qualifying: 'qualifying_result',
  practice: 'practice_result',
  grid: 'starting_grid',
};
const KIND_ROW = {
  race: map.raceResultRow,
  qualifying: map.qualifyingRow,
  practice: map.practiceRow,
  grid: map.startingGridRow,
};

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function parseYaml(text: string, file: string): unknown {
  if (text.trim() === '') return null; // f1db has a few empty result files (sessions that were not run)
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (err) {
    throw new AppError('bad_request', `Invalid YAML in ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
}

class Writer {
  private statements = new Map<string, Database.Statement>();
  readonly counts: Record<string, number> = Object.create(null) as Record<string, number>;
  constructor(private db: Database.Database) {}

  insert(table: string, row: Row): void {
    const cols = Object.keys(row);
    const key = `${table}(${cols.join(',')})`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(
        `INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`,
      );
      this.statements.set(key, stmt);
    }
    stmt.run(row);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }
}

export function readMetaOf(path: string): Record<string, string> | null {
  if (!existsSync(path)) return null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Removes what killed imports left beside the database (`<db>.importing-<pid>` of a process no longer
 * running); called at every start and before every import.
 */
export function removeLeftoverImports(dbPath: string, logger?: Logger): string[] {
  const dir = dirname(resolve(dbPath));
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    const m = new RegExp(`^${escapeRegExp(basename(dbPath))}\\.importing-(\\d+)$`).exec(f);
    if (!m || (Number(m[1]) !== process.pid && processAlive(Number(m[1])))) continue;
    rmSync(join(dir, f), { force: true });
    removed.push(f);
  }
  if (removed.length)
    logger?.info({ event: 'data.import.leftovers_removed', files: removed }, 'removed unfinished imports');
  return removed;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function skippedSummary(dbPath: string, version: string, started: number): ImportSummary {
  return { dbPath, f1dbVersion: version, counts: {}, durationMs: performance.now() - started, skipped: true };
}

export async function importF1db(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { logger } = opts;
  const dbPath = resolve(opts.dbPath);
  // A local tree that names its upstream commit is recognised without reading it (a fresh clone, where file
  // times say nothing, included): same commit and schema → current.
  const commit = opts.skipIfCurrent ? localUpstreamCommit(opts.source) : null;
  if (commit) {
    const existing = readMetaOf(dbPath);
    if (existing?.upstream_commit === commit && existing.schema_version === String(SCHEMA_VERSION)) {
      logger.info(
        { event: 'data.import.skipped', version: existing.f1db_version, dbPath },
        'F1 database already current',
      );
      return skippedSummary(dbPath, existing.f1db_version ?? commit.slice(0, 12), started);
    }
  }
  const source = await resolveSource(opts.source, logger);
  try {
    const files = listYaml(source.dataDir);
    if (files.length === 0) throw new AppError('bad_request', `No f1db YAML files under ${source.dataDir}`);
    const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const hash = contentHash(files.map((f) => ({ path: relative(source.dataDir, f), text: texts.get(f)! })));
    const version =
      opts.version ?? (source.upstreamCommit ? source.upstreamCommit.slice(0, 12) : `sha256:${hash}`);

    const existing = readMetaOf(dbPath);
    if (
      opts.skipIfCurrent &&
      existing?.content_hash === hash &&
      existing.schema_version === String(SCHEMA_VERSION)
    ) {
      logger.info({ event: 'data.import.skipped', version, dbPath }, 'F1 database already current');
      return skippedSummary(dbPath, version, started);
    }

    logger.info(
      { event: 'data.import.started', source: opts.source, version, files: files.length },
      'importing f1db',
    );
    mkdirSync(dirname(dbPath), { recursive: true });
    removeLeftoverImports(dbPath, logger);
    const tmpPath = `${dbPath}.importing-${process.pid}`;
    const db = new Database(tmpPath);
    let ok = false;
    try {
      // The file is private until the swap, so durability during the build buys nothing.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -200000');
      db.pragma('foreign_keys = OFF'); // entities reference each other in any order; checked after the load
      db.exec(SCHEMA_SQL);
      const w = new Writer(db);
      const load = (rel: string): unknown => {
        const file = join(source.dataDir, rel);
        const text = texts.get(file);
        return text === undefined ? null : parseYaml(text, file);
      };
      const progress = createProgress(opts.progress ?? false, 'importing f1db');

      db.transaction(() => {
        loadEntities(source.dataDir, files, texts, w);
        const seasonsDir = join(source.dataDir, 'seasons');
        const years = readdirSync(seasonsDir)
          .filter((d) => /^\d{4}$/.test(d))
          .sort();
        years.forEach((yearText, i) => {
          progress.update(i, years.length, `season ${yearText}`);
          loadSeason(Number(yearText), join(seasonsDir, yearText), source.dataDir, load, w);
        });
        progress.done(`${years.length} seasons`);
      })();

      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        logger.warn(
          {
            event: 'data.import.dangling_references',
            count: violations.length,
            sample: violations.slice(0, 5),
          },
          'f1db rows reference missing entities',
        );
      }
      deriveColumns(db);
      db.exec(INDEX_SQL);
      for (const step of opts.extraSteps ?? []) await step(db, logger);
      const meta = {
        f1db_version: version,
        content_hash: hash,
        schema_version: String(SCHEMA_VERSION),
        imported_at: new Date().toISOString(),
        source: opts.source,
        ...(source.upstreamCommit ? { upstream_commit: source.upstreamCommit } : {}),
        ...opts.meta,
      };
      const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries(meta)) putMeta.run(k, v);
      db.exec('ANALYZE');
      // Rollback-journal mode for the published file: it is read-only between imports, and a WAL side file
      // (-wal/-shm, named after the path) could otherwise outlive the file it belonged to across a swap.
      db.pragma('journal_mode = DELETE');
      ok = true;
      const durationMs = performance.now() - started;
      logger.info(
        { event: 'data.import.done', version, counts: w.counts, ms: Math.round(durationMs) },
        'f1db imported',
      );
      db.close();
      renameSync(tmpPath, dbPath);
      return { dbPath, f1dbVersion: version, counts: w.counts, durationMs, skipped: false };
    } finally {
      if (db.open) db.close();
      if (!ok) {
        rmSync(tmpPath, { force: true });
        logger.error(
          { event: 'data.import.failed', dbPath },
          'import failed; the previous database is untouched',
        );
      }
    }
  } finally {
    source.cleanup();
  }
}

function loadEntities(dataDir: string, files: string[], texts: Map<string, string>, w: Writer): void {
  const inFolder = (folder: string) => files.filter((f) => dirname(f) === join(dataDir, folder));
  const each = (folder: string, fn: (y: Y, text: string) => void) => {
    for (const f of inFolder(folder)) {
      const text = texts.get(f)!;
      fn(parseYaml(text, f) as Y, text);
    }
  };
  each('continents', (y) => w.insert('continent', map.continentRow(y)));
  each('countries', (y) => w.insert('country', map.countryRow(y)));
  each('drivers', (y) => {
    const { driver, family } = map.driverRows(y);
    w.insert('driver', driver);
    for (const f of family) w.insert('driver_family_relationship', f);
  });
  each('constructors', (y) => {
    const { constructor, chronology } = map.constructorRows(y);
    w.insert('constructor', constructor);
    for (const c of chronology) w.insert('constructor_chronology', c);
  });
  each('engine-manufacturers', (y) =>
    w.insert('engine_manufacturer', map.simpleRow(y, { id: 'id', name: 'name', country_id: 'countryId' })),
  );
  each('tyre-manufacturers', (y) =>
    w.insert('tyre_manufacturer', map.simpleRow(y, { id: 'id', name: 'name', country_id: 'countryId' })),
  );
  each('chassis', (y) =>
    w.insert(
      'chassis',
      map.simpleRow(y, { id: 'id', constructor_id: 'constructorId', name: 'name', full_name: 'fullName' }),
    ),
  );
  each('engines', (y) =>
    w.insert(
      'engine',
      map.simpleRow(y, {
        id: 'id',
        engine_manufacturer_id: 'engineManufacturerId',
        name: 'name',
        full_name: 'fullName',
        capacity: 'capacity',
        configuration: 'configuration',
        aspiration: 'aspiration',
      }),
    ),
  );
  each('entrants', (y) => w.insert('entrant', map.simpleRow(y, { id: 'id', name: 'name' })));
  each('circuits', (y, text) => {
    const { circuit, layouts } = map.circuitRows(y, map.layoutYearsFromText(text));
    w.insert('circuit', circuit);
    for (const l of layouts) w.insert('circuit_layout', l);
  });
  each('grands-prix', (y) => w.insert('grand_prix', map.grandPrixRow(y)));
}

function loadSeason(
  year: number,
  dir: string,
  dataDir: string,
  load: (rel: string) => unknown,
  w: Writer,
): void {
  const rel = (p: string) => relative(dataDir, p);
  w.insert('season', { year });
  const entrants = (load(rel(join(dir, 'entrants.yml'))) as Y[] | null) ?? [];
  for (const r of map.seasonEntrantDriverRows(year, entrants)) w.insert('season_entrant_driver', r);
  const list = <T>(file: string) => (load(rel(file)) as T[] | null) ?? [];
  list<Y>(join(dir, 'driver-standings.yml')).forEach((y, i) =>
    w.insert('season_driver_standing', map.driverStandingRow({ year }, y, i)),
  );
  list<Y>(join(dir, 'constructor-standings.yml')).forEach((y, i) =>
    w.insert('season_constructor_standing', map.constructorStandingRow({ year }, y, i)),
  );

  const racesDir = join(dir, 'races');
  if (!existsSync(racesDir)) return;
  for (const raceFolder of readdirSync(racesDir).sort()) {
    const raceDir = join(racesDir, raceFolder);
    const race = load(rel(join(raceDir, 'race.yml'))) as Y | null;
    if (!race) continue;
    const raceId = Number(race.id);
    w.insert('race', map.raceRow(race, year));
    for (const [file, { kind, session }] of Object.entries(RACE_FILES)) {
      list<Y>(join(raceDir, file)).forEach((y, i) =>
        w.insert(KIND_TABLE[kind], KIND_ROW[kind](raceId, session, y, i)),
      );
    }
    list<Y>(join(raceDir, 'pit-stops.yml')).forEach((y, i) =>
      w.insert('pit_stop', map.pitStopRow(raceId, y, i)),
    );
    list<Y>(join(raceDir, 'fastest-laps.yml')).forEach((y, i) =>
      w.insert('fastest_lap', map.fastestLapRow(raceId, y, i)),
    );
    list<Y>(join(raceDir, 'driver-of-the-day-results.yml')).forEach((y, i) =>
      w.insert('driver_of_the_day', map.driverOfTheDayRow(raceId, y, i)),
    );
    list<Y>(join(raceDir, 'driver-standings.yml')).forEach((y, i) =>
      w.insert('driver_standing', map.driverStandingRow({ race_id: raceId }, y, i)),
    );
    list<Y>(join(raceDir, 'constructor-standings.yml')).forEach((y, i) =>
      w.insert('constructor_standing', map.constructorStandingRow({ race_id: raceId }, y, i)),
    );
  }
}

import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as tar from 'tar';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { importF1db } from './importer.ts';

const F1DB = process.env.F1DB_DIR!;

describe('the imported f1db database (full data)', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(process.env.DATABASE_PATH!, { readonly: true });
  });
  afterAll(() => db.close());
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

  it('holds every season from 1950 and records the f1db version', () => {
    expect(one<{ n: number; lo: number }>('SELECT COUNT(*) n, MIN(year) lo FROM season')).toEqual({
      n: 77,
      lo: 1950,
    });
    const meta = one<{ value: string }>("SELECT value FROM meta WHERE key = 'f1db_version'");
    expect(meta.value).toMatch(/^[0-9a-f]{12}$|^sha256:/);
  });

  it('has the 2021 Abu Dhabi result with derived pole, fastest lap and pit stops', () => {
    const winner = one<Record<string, unknown>>(
      `SELECT rr.driver_id, rr.pole_position, rr.fastest_lap, rr.pit_stops, rr.time_millis FROM race_result rr
       JOIN race r ON r.id = rr.race_id WHERE r.year = 2021 AND r.grand_prix_id = 'abu-dhabi'
       AND rr.session = 'RACE' AND rr.position_number = 1`,
    );
    expect(winner).toMatchObject({
      driver_id: 'max-verstappen',
      pole_position: 1,
      fastest_lap: 1,
      pit_stops: 3,
    });
    expect(winner.time_millis).toBe(5_417_345);
  });

  it('marks the 2008 title, decided by one point, and no champion for a season in progress', () => {
    const top = db
      .prepare(
        'SELECT driver_id, points, championship_won FROM season_driver_standing WHERE year = 2008 ORDER BY position_display_order LIMIT 2',
      )
      .all();
    expect(top).toEqual([
      { driver_id: 'lewis-hamilton', points: 98, championship_won: 1 },
      { driver_id: 'felipe-massa', points: 97, championship_won: 0 },
    ]);
    expect(
      one<{ n: number }>(
        'SELECT COUNT(*) n FROM season_driver_standing WHERE year = 2026 AND championship_won = 1',
      ).n,
    ).toBe(0);
  });

  it('knows sprint weekends and their sessions', () => {
    const race = one<{ is_sprint_weekend: number; sprint_race_date: string }>(
      "SELECT is_sprint_weekend, sprint_race_date FROM race WHERE year = 2025 AND grand_prix_id = 'united-states'",
    );
    expect(race).toEqual({ is_sprint_weekend: 1, sprint_race_date: '2025-10-18' });
    const sprintWinner = one<{ driver_id: string }>(
      `SELECT driver_id FROM race_result rr JOIN race r ON r.id = rr.race_id
       WHERE r.year = 2025 AND r.grand_prix_id = 'united-states' AND rr.session = 'SPRINT_RACE' AND position_number = 1`,
    );
    expect(sprintWinner.driver_id).toBe('max-verstappen');
  });

  it('keeps retirement reasons and non-numeric positions', () => {
    const dnf = one<{ position_text: string; position_number: number | null; reason_retired: string }>(
      `SELECT position_text, position_number, reason_retired FROM race_result rr JOIN race r ON r.id = rr.race_id
       WHERE r.year = 2021 AND r.grand_prix_id = 'italy' AND rr.session = 'RACE' AND driver_id = 'max-verstappen'`,
    );
    expect(dnf).toEqual({ position_text: 'DNF', position_number: null, reason_retired: 'Collision' });
  });

  it('keeps the number each driver raced with, which can change (Verstappen 33 → 1 → 3)', () => {
    const numbers = db
      .prepare(
        `SELECT DISTINCT r.year, rr.driver_number FROM race_result rr JOIN race r ON r.id = rr.race_id
         WHERE rr.driver_id = 'max-verstappen' AND rr.session = 'RACE' AND r.year IN (2021, 2022, 2026)`,
      )
      .all();
    expect(numbers).toEqual([
      { year: 2021, driver_number: '33' },
      { year: 2022, driver_number: '1' },
      { year: 2026, driver_number: '3' },
    ]);
  });

  it('has standings after every round', () => {
    const afterRound10 = one<{ driver_id: string; points: number }>(
      `SELECT ds.driver_id, ds.points FROM driver_standing ds JOIN race r ON r.id = ds.race_id
       WHERE r.year = 2021 AND r.round = 10 AND ds.position_number = 1`,
    );
    expect(afterRound10).toEqual({ driver_id: 'max-verstappen', points: 185 });
  });
});

describe('import atomicity and idempotence (small f1db subset)', () => {
  let work: string;
  let source: string;
  let dbPath: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'f1db-import-test-'));
    source = join(work, 'f1db');
    const data = join(F1DB, 'src', 'data');
    for (const folder of readdirSync(data)) {
      if (folder === 'seasons') continue;
      cpSync(join(data, folder), join(source, 'src', 'data', folder), { recursive: true });
    }
    cpSync(join(data, 'seasons', '1950'), join(source, 'src', 'data', 'seasons', '1950'), {
      recursive: true,
    });
    dbPath = join(work, 'out', 'race-engineer.db');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const count = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) n FROM race').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('imports, then skips an unchanged source', async () => {
    const first = await importF1db({ source, dbPath, logger: silentLogger });
    expect(first.skipped).toBe(false);
    expect(first.counts.race).toBe(7);
    expect(count(dbPath)).toBe(7);
    const second = await importF1db({ source, dbPath, logger: silentLogger, skipIfCurrent: true });
    expect(second.skipped).toBe(true);
  });

  it('leaves the previous database untouched when an import fails', async () => {
    const broken = join(
      source,
      'src',
      'data',
      'seasons',
      '1950',
      'races',
      '01-great-britain',
      'race-results.yml',
    );
    writeFileSync(broken, '- position: 1\n  driverId: [unclosed\n');
    await expect(importF1db({ source, dbPath, logger: silentLogger })).rejects.toThrow(/Invalid YAML/);
    expect(count(dbPath)).toBe(7);
    expect(readdirSync(join(work, 'out')).filter((f) => f.includes('.importing-'))).toEqual([]);
  });

  it('cleans up what an interrupted import left behind', async () => {
    const stale = `${dbPath}.importing-999999`;
    writeFileSync(stale, 'half a database');
    rmSync(join(source, 'src', 'data', 'seasons', '1950', 'races', '01-great-britain', 'race-results.yml'));
    await importF1db({ source, dbPath, logger: silentLogger });
    expect(existsSync(stale)).toBe(false);
    expect(count(dbPath)).toBe(7);
  });

  it('downloads and unpacks an f1db source tarball over HTTP', async () => {
    // Shaped like the real archive: one top-level folder holding the repository.
    const flat = join(work, 'flat.tar.gz');
    await tar.c({ gzip: true, file: flat, cwd: source, prefix: 'f1db-main' }, ['src']);
    const server = createServer((req, res) => {
      if (req.url !== '/f1db.tar.gz') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/gzip' });
      createReadStream(flat).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const urlDb = join(work, 'from-url.db');
      const summary = await importF1db({
        source: `http://127.0.0.1:${port}/f1db.tar.gz`,
        dbPath: urlDb,
        logger: silentLogger,
      });
      expect(summary.counts.race).toBe(7);
      expect(summary.f1dbVersion).toMatch(/^sha256:/);
      await expect(
        importF1db({
          source: `http://127.0.0.1:${port}/missing.tar.gz`,
          dbPath: urlDb,
          logger: silentLogger,
        }),
      ).rejects.toThrow(/HTTP 404/);
    } finally {
      server.close();
    }
    await expect(
      importF1db({
        source: 'http://127.0.0.1:1/f1db.tar.gz',
        dbPath: join(work, 'x.db'),
        logger: silentLogger,
      }),
    ).rejects.toThrow(/Could not download f1db .* set F1DB_DIR/);
  });

  it('rejects a directory that is not an f1db tree with a clear message', async () => {
    await expect(importF1db({ source: work + '/nope', dbPath, logger: silentLogger })).rejects.toThrow(
      /f1db source directory not found/,
    );
  });
});

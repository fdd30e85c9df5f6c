// The lap tables warm-up: a real worker thread (TypeScript through tsx) parsing a real season CSV into the
// per-race disk cache, strategy answers from those files against answers parsed from the CSV, invalidation
// when a CSV changes, and the start-up switch.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../data/db.ts';
import { silentLogger } from '../../logger.ts';
import type { App } from '../../server/app.ts';
import {
  clearLapsMemoryCache,
  isSeasonCached,
  lapsCacheStats,
  lapsCsv,
  lapsFile,
  loadRaceLaps,
  loadSeasonRounds,
  seasonCacheDir,
} from './laps.ts';
import {
  ensureLapsCached,
  lapsSeasons,
  lapsWarmupEnabled,
  warmLapsCache,
  warmLapsCacheOnListen,
} from './laps-warmup.ts';
import { getPitStrategy, getPitStrategyAsync } from '../../analysis/strategy/service.ts';

const config = loadConfig();
const lapsDir = config.LAPS_DIR!;
const db = openDatabase(config.DATABASE_PATH);
afterAll(() => db.close());
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('lap tables warm-up', () => {
  it('lists every season CSV, newest first', () => {
    const seasons = lapsSeasons(lapsDir);
    expect(seasons[0]!.year).toBeGreaterThanOrEqual(2025);
    expect(seasons).toContainEqual({ session: 'grand_prix', year: 2018 });
    expect(seasons).toContainEqual({ session: 'sprint', year: 2021 });
    expect(seasons.map((s) => s.year)).toEqual(seasons.map((s) => s.year).sort((a, b) => b - a));
  });

  it('writes one file per race of a season in a worker; strategy from those files equals strategy from the CSV', async () => {
    const cacheDir = tmp('laps-warm-');
    // 2022 Miami, the first edition: every lap the answer reads is in the warmed season.
    const result = await warmLapsCache({
      lapsDir,
      cacheDir,
      seasons: [{ session: 'grand_prix', year: 2022 }],
      lowPriority: false,
    }).done;
    expect(result).toMatchObject({ seasons: 1, parsed: 1, cached: 0, failed: 0 });
    expect(result.races).toBe(22);
    const dir = seasonCacheDir(cacheDir, lapsCsv(lapsDir, 2022)!);
    const files = readdirSync(dir);
    expect(files).toHaveLength(23); // the index and 22 races
    expect(files).toContain('rounds.json');
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThan(1_000_000);

    const ask = (cache: string) =>
      getPitStrategy({ ...config, ANALYSIS_CACHE_DIR: cache }, db, 2022, 5, { driver: 'VER', lap: 20 });
    clearLapsMemoryCache();
    const parses = lapsCacheStats.csvParses;
    const reads = lapsCacheStats.diskRaceReads;
    const fromFiles = ask(cacheDir);
    expect(lapsCacheStats.csvParses).toBe(parses); // nothing parsed: read from the race files
    expect(lapsCacheStats.diskRaceReads).toBeGreaterThan(reads);
    clearLapsMemoryCache();
    const fromCsv = ask('');
    expect(lapsCacheStats.csvParses).toBe(parses + 1);
    expect(fromCsv.hasLapData).toBe(true);
    expect(fromCsv.stints.length).toBeGreaterThan(0);
    expect(fromFiles).toEqual(fromCsv);

    // Done already: a second warm-up has nothing to parse.
    const again = await warmLapsCache({ lapsDir, cacheDir, seasons: [{ session: 'grand_prix', year: 2022 }] })
      .done;
    expect(again).toMatchObject({ seasons: 1, parsed: 0, cached: 1 });
  }, 120_000);

  it('parses a changed CSV again and removes the files of its earlier version', async () => {
    const dir = tmp('laps-dir-');
    const cacheDir = tmp('laps-warm-');
    mkdirSync(join(dir, 'sprint'));
    const file = lapsFile(dir, 2021, 'sprint');
    copyFileSync(lapsFile(lapsDir, 2021, 'sprint'), file);
    const first = await warmLapsCache({ lapsDir: dir, cacheDir, lowPriority: false }).done;
    expect(first).toMatchObject({ seasons: 1, parsed: 1, races: 3, removed: 0 });
    const old = seasonCacheDir(cacheDir, lapsCsv(dir, 2021, 'sprint')!);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const second = await warmLapsCache({ lapsDir: dir, cacheDir, lowPriority: false }).done;
    expect(second).toMatchObject({ seasons: 1, parsed: 1, races: 3, removed: 1 });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(seasonCacheDir(cacheDir, lapsCsv(dir, 2021, 'sprint')!))).toBe(true);
    clearLapsMemoryCache();
    expect(loadRaceLaps(dir, 2021, 10, 'sprint', cacheDir)?.laps.length).toBeGreaterThan(0);
  }, 60_000);

  it("the season index names each round's event: rounds are listed without parsing; an index without names is rebuilt", async () => {
    const dir = tmp('laps-dir-');
    const cacheDir = tmp('laps-warm-');
    mkdirSync(join(dir, 'sprint'));
    copyFileSync(lapsFile(lapsDir, 2021, 'sprint'), lapsFile(dir, 2021, 'sprint'));
    await warmLapsCache({ lapsDir: dir, cacheDir, lowPriority: false }).done;
    const expected = [
      { round: 10, eventName: 'British Grand Prix' },
      { round: 14, eventName: 'Italian Grand Prix' },
      { round: 19, eventName: 'São Paulo Grand Prix' },
    ];
    clearLapsMemoryCache();
    const parses = lapsCacheStats.csvParses;
    expect(loadSeasonRounds(dir, 2021, 'sprint', cacheDir)).toEqual(expected);
    expect(lapsCacheStats.csvParses).toBe(parses);
    expect(loadSeasonRounds(dir, 2019, 'sprint', cacheDir)).toEqual([]);

    // The index of the earlier layout (round numbers only): the season counts as not cached.
    const index = join(seasonCacheDir(cacheDir, lapsCsv(dir, 2021, 'sprint')!), 'rounds.json');
    writeFileSync(index, JSON.stringify({ rounds: [10, 14, 19] }));
    clearLapsMemoryCache();
    expect(loadSeasonRounds(dir, 2021, 'sprint', cacheDir)).toEqual(expected);
    expect(lapsCacheStats.csvParses).toBe(parses + 1);
    const again = await warmLapsCache({ lapsDir: dir, cacheDir, lowPriority: false }).done;
    expect(again).toMatchObject({ parsed: 0, cached: 1 }); // the load above rewrote the index
  }, 60_000);

  it('ensureLapsCached fills the missing seasons in a thread, once for concurrent callers, then costs nothing', async () => {
    const cacheDir = tmp('laps-ensure-');
    const season = [{ session: 'sprint', year: 2021 }] as const;
    const csv = lapsCsv(lapsDir, 2021, 'sprint')!;
    const before = lapsCacheStats.csvParses;
    await Promise.all([
      ensureLapsCached(lapsDir, cacheDir, [...season]),
      ensureLapsCached(lapsDir, cacheDir, [...season]),
    ]);
    expect(isSeasonCached(cacheDir, csv)).toBe(true);
    expect(lapsCacheStats.csvParses).toBe(before); // parsed in the worker, not on this thread
    const written = readdirSync(seasonCacheDir(cacheDir, csv)).length;
    await ensureLapsCached(lapsDir, cacheDir, [...season]);
    expect(readdirSync(seasonCacheDir(cacheDir, csv))).toHaveLength(written);
  }, 60_000);

  it('getPitStrategyAsync on a cold cache has its seasons parsed in a thread: same answer, no parse here', async () => {
    const cacheDir = tmp('laps-async-');
    const cfg = { ...config, ANALYSIS_CACHE_DIR: cacheDir };
    clearLapsMemoryCache();
    const parses = lapsCacheStats.csvParses;
    const answer = await getPitStrategyAsync(cfg, db, 2022, 5, { driver: 'VER', lap: 20 });
    expect(lapsCacheStats.csvParses).toBe(parses);
    expect(isSeasonCached(cacheDir, lapsCsv(lapsDir, 2022)!)).toBe(true);
    expect(isSeasonCached(cacheDir, lapsCsv(lapsDir, 2023)!)).toBe(false); // only seasons up to the race's
    clearLapsMemoryCache();
    expect(answer).toEqual(
      getPitStrategy({ ...config, ANALYSIS_CACHE_DIR: '' }, db, 2022, 5, { driver: 'VER', lap: 20 }),
    );
  }, 120_000);

  it('starts when the server listens (off in tests unless ANALYSIS_WARMUP is set, off without a cache dir)', async () => {
    const base = { LAPS_DIR: lapsDir, ANALYSIS_CACHE_DIR: './data/cache', NODE_ENV: 'test' } as const;
    expect(lapsWarmupEnabled({ ...base, ANALYSIS_WARMUP: undefined })).toBe(false);
    expect(lapsWarmupEnabled({ ...base, NODE_ENV: 'production', ANALYSIS_WARMUP: undefined })).toBe(true);
    expect(lapsWarmupEnabled({ ...base, ANALYSIS_WARMUP: true })).toBe(true);
    expect(lapsWarmupEnabled({ ...base, ANALYSIS_WARMUP: true, ANALYSIS_CACHE_DIR: '' })).toBe(false);
    expect(lapsWarmupEnabled({ ...base, ANALYSIS_WARMUP: true, LAPS_DIR: undefined })).toBe(false);

    // A lap tables folder with one small season, behind a bare server.
    const dir = tmp('laps-dir-');
    const cacheDir = tmp('laps-warm-');
    mkdirSync(join(dir, 'sprint'));
    copyFileSync(lapsFile(lapsDir, 2021, 'sprint'), lapsFile(dir, 2021, 'sprint'));
    const app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as App;
    const cfg = loadConfig({
      ...process.env,
      LAPS_DIR: dir,
      ANALYSIS_CACHE_DIR: cacheDir,
      ANALYSIS_WARMUP: 'true',
    });
    warmLapsCacheOnListen(app, cfg, silentLogger);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const index = join(seasonCacheDir(cacheDir, lapsCsv(dir, 2021, 'sprint')!), 'rounds.json');
    const deadline = Date.now() + 30_000;
    while (!existsSync(index) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await app.close();
    expect(existsSync(index)).toBe(true);
  }, 60_000);
});

// Analysis benchmark: cold and warm latency of the analysis functions behind the REST routes and agent
// tools (predictions, pit strategy, championship scenario), the lap tables warm-up (the server's background
// thread filling the per-race disk cache) and the duration of the 2022–2025 backtest.
// Usage: DATABASE_PATH=... LAPS_DIR=... ERGAST_CSV_DIR=... npx tsx bench/analysis.bench.ts
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/data/db.ts';
import { runBacktest } from '../src/analysis/predictions/backtest.ts';
import { loadHistory } from '../src/analysis/predictions/history.ts';
import { getRacePredictions } from '../src/analysis/predictions/service.ts';
import { championshipScenario } from '../src/analysis/scenario/service.ts';
import { getPitStrategy } from '../src/analysis/strategy/service.ts';
import { clearLapsMemoryCache, lapsCacheStats } from '../src/data/laps/laps.ts';
import { warmLapsCache } from '../src/data/laps/laps-warmup.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const config = loadConfig();
const db = openDatabase(config.DATABASE_PATH);
const ms = (x: number) => `${x.toFixed(1)} ms`;

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function measure(label: string, fn: (i: number) => unknown, runs = 20): void {
  const cold = time(() => fn(0));
  const warm = Array.from({ length: runs }, (_, i) => time(() => fn(i + 1)));
  console.log(
    `${label.padEnd(42)} cold ${ms(cold).padStart(10)}   warm median ${ms(median(warm)).padStart(9)}`,
  );
}

const rounds = [1, 5, 10, 15, 20];
measure('predictions (2024, five rounds)', (i) => getRacePredictions(db, 2024, rounds[i % rounds.length]!));
measure('championship scenario (2025 after round 21)', () => championshipScenario(db, 2025, { round: 21 }));
if (config.LAPS_DIR) {
  // 2023 Belgian GP: the race and four earlier editions at Spa, i.e. five seasons of lap tables.
  const strategy = (cacheDir: string) => () =>
    getPitStrategy({ ...config, ANALYSIS_CACHE_DIR: cacheDir }, db, 2023, 12, { driver: 'VER', lap: 20 });
  const label = 'pit strategy (2023 Belgian GP, VER lap 20)';
  const parses = () => lapsCacheStats.csvParses;
  // The first call also pays one-time loads (safety-car tables, JIT); the two "cold laps" rows after it
  // start from an empty memory cache in a warmed-up process, so they differ only in where the laps come from.
  let p = parses();
  const first = time(strategy(''));
  console.log(
    `${label.padEnd(42)} first call, no disk cache ${ms(first).padStart(10)}  (${parses() - p} season CSVs parsed)`,
  );
  clearLapsMemoryCache();
  p = parses();
  const noCache = time(strategy(''));
  console.log(
    `${''.padEnd(42)} cold laps, no disk cache  ${ms(noCache).padStart(10)}  (${parses() - p} season CSVs parsed)`,
  );

  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-laps-'));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const w = await warmLapsCache({ lapsDir: config.LAPS_DIR, cacheDir }).done;
  loop.disable();
  console.log(
    `lap tables warm-up (worker thread)         ${ms(w.ms).padStart(10)}  ${w.parsed} season CSVs, ${w.races} race files; event loop delay max ${ms(loop.max / 1e6)} meanwhile`,
  );

  clearLapsMemoryCache();
  p = parses();
  const reads = lapsCacheStats.diskRaceReads;
  const fromDisk = time(strategy(cacheDir));
  console.log(
    `${label.padEnd(42)} cold laps, disk cache     ${ms(fromDisk).padStart(10)}  (${parses() - p} CSVs parsed, ${lapsCacheStats.diskRaceReads - reads} race files read)`,
  );
  const warm = Array.from({ length: 20 }, () => time(strategy(cacheDir)));
  console.log(`${''.padEnd(42)} warm median               ${ms(median(warm)).padStart(10)}`);
  rmSync(cacheDir, { recursive: true, force: true });
}
const history = loadHistory(db);
const t = performance.now();
const r = runBacktest(history, { from: 2022, to: 2025 });
const total = performance.now() - t;
console.log(
  `backtest 2022–2025: ${r.overall.model.races} races in ${ms(total)}; Brier(win) ${r.overall.model.brierWin.toFixed(3)} vs grid ${r.overall.baseline.brierWin.toFixed(3)} (${((1 - r.overall.model.brierWin / r.overall.baseline.brierWin) * 100).toFixed(1)} % better)`,
);
db.close();

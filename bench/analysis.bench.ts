// Analysis benchmark: cold and warm latency of the analysis functions behind the REST routes and agent
// tools (predictions, pit strategy, championship scenario), and the duration of the 2022–2025 backtest.
// Usage: DATABASE_PATH=... LAPS_DIR=... ERGAST_CSV_DIR=... npx tsx bench/analysis.bench.ts
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/data/db.ts';
import { runBacktest } from '../src/analysis/predictions/backtest.ts';
import { loadHistory } from '../src/analysis/predictions/history.ts';
import { getRacePredictions } from '../src/analysis/predictions/service.ts';
import { championshipScenario } from '../src/analysis/scenario/service.ts';
import { getPitStrategy } from '../src/analysis/strategy/service.ts';

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
  measure('pit strategy (2023 Belgian GP, VER lap 20)', () =>
    getPitStrategy(config, db, 2023, 12, { driver: 'VER', lap: 20 }),
  );
}
const history = loadHistory(db);
const t = performance.now();
const r = runBacktest(history, { from: 2022, to: 2025 });
const total = performance.now() - t;
console.log(
  `backtest 2022–2025: ${r.overall.model.races} races in ${ms(total)}; Brier(win) ${r.overall.model.brierWin.toFixed(3)} vs grid ${r.overall.baseline.brierWin.toFixed(3)} (${((1 - r.overall.model.brierWin / r.overall.baseline.brierWin) * 100).toFixed(1)} % better)`,
);
db.close();

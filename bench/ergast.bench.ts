// Ergast-compatible API: time to build the f1db ↔ Ergast cross-walk, and per-request latency (median,
// p90) of typical client requests through the full HTTP stack (fastify inject, no network), compared
// with the hosted successor's budget of 4 requests/s (Jolpica's limit: 250 ms between requests).
//
// Usage: F1DB_DIR=../shared/data/f1db ERGAST_CSV_DIR=../shared/data/ergast-csv/data LAPS_DIR=… npm run bench:ergast
//   DATABASE_PATH  start from this imported database instead of .cache/bench/race-engineer.db
//   BENCH_N        requests per scenario (40)
import './data-env.ts';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importF1db } from '../src/data/import/importer.ts';
import { silentLogger } from '../src/logger.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/server/context.ts';
import { buildErgastCrosswalk } from '../src/ergast/crosswalk.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_N ?? 40);
const JOLPICA_MS = 250;

async function sourceDatabase(): Promise<string> {
  if (process.env.DATABASE_PATH && existsSync(process.env.DATABASE_PATH))
    return resolve(process.env.DATABASE_PATH);
  if (!process.env.F1DB_DIR) {
    console.error(
      'bench:ergast needs F1DB_DIR (an f1db source tree) or DATABASE_PATH (an imported database)',
    );
    process.exit(2);
  }
  const path = resolve(root, '.cache/bench/race-engineer.db');
  mkdirSync(dirname(path), { recursive: true });
  await importF1db({ source: process.env.F1DB_DIR, dbPath: path, logger: silentLogger, skipIfCurrent: true });
  return path;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;

const csvDir = process.env.ERGAST_CSV_DIR;
if (!csvDir) {
  console.error('bench:ergast needs ERGAST_CSV_DIR (the Ergast CSV tables)');
  process.exit(2);
}
const target = resolve(root, '.cache/bench/ergast.db');
mkdirSync(dirname(target), { recursive: true });
copyFileSync(await sourceDatabase(), target);
const db = new Database(target);
const t0 = performance.now();
const summary = buildErgastCrosswalk(db, csvDir, silentLogger);
const buildMs = performance.now() - t0;
db.close();
console.log(
  `cross-walk build: ${(buildMs / 1000).toFixed(2)} s (drivers ${summary.drivers.matched} matched / ${summary.drivers.derived} derived, ` +
    `results ${summary.results.matched} / ${summary.results.derived})`,
);

const config = loadConfig({ ...process.env, DATABASE_PATH: target, LOG_LEVEL: 'silent' });
const ctx = createContext(config, silentLogger);
const app = await buildApp(config, silentLogger, ctx);
const scenarios = [
  '/ergast/f1/2023/9/results.json',
  '/ergast/f1/2023/results.json?limit=100&offset=100',
  '/ergast/f1/drivers/alonso/results.json?limit=100',
  '/ergast/f1/drivers/alonso/circuits/monaco/results/1.json',
  '/ergast/f1/2023/13/qualifying.json',
  '/ergast/f1/2023/18/pitstops.json?limit=100',
  '/ergast/f1/2023/1/laps.json?limit=100',
  '/ergast/f1/2021/21/driverStandings.json',
  '/ergast/f1/2023/constructorStandings.json',
  '/ergast/f1/drivers.json?limit=100&offset=500',
  '/ergast/f1/constructors/red_bull/seasons.json',
  '/ergast/f1/status.json?limit=100',
  '/ergast/f1/current/last/results.json',
];
console.log(
  `\n${'request'.padEnd(60)} ${'median ms'.padStart(10)} ${'p90 ms'.padStart(8)} ${'× faster than 4/s'.padStart(18)}`,
);
const medians: number[] = [];
for (const url of scenarios) {
  const first = await app.inject({ url });
  if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await app.inject({ url });
    times.push(performance.now() - s);
  }
  const m = median(times);
  medians.push(m);
  console.log(
    `${url.padEnd(60)} ${m.toFixed(2).padStart(10)} ${p90(times).toFixed(2).padStart(8)} ${(JOLPICA_MS / m).toFixed(0).padStart(18)}`,
  );
}
console.log(
  `\nmedian of medians: ${median(medians).toFixed(2)} ms per request (${N} requests per scenario, after one warm-up)`,
);
await app.close();
await ctx.close();

// Timing archive sync benchmark (issue 14): one season from a local server in the archive's layout serving the
// recordings of LIVETIMING_DIR (season Index.json → session Index.json → topics), into a fresh TIMING_DIR.
// Prints, as medians of BENCH_RUNS runs: sync time, requests, bytes downloaded and bytes stored (gzipped); then
// the unchanged re-run (only the season index is fetched) and the time to build every stored session's laps.
// Usage: F1_DATA_DIR=../shared/data npm run bench:timing [-- --season 2025]
import './data-env.ts';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { runSync } from '../src/data/sync/run.ts';
import { TimingArchiveServer } from '../src/data/sync/testing/timing-archive.ts';
import { listRecordedSessions, recordedSessionLaps } from '../src/data/laps/recorded.ts';

const i = process.argv.indexOf('--season');
const season = Number(i === -1 ? 2025 : process.argv[i + 1]);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const recordings = process.env.LIVETIMING_DIR;
if (!recordings) {
  console.error('bench:timing needs LIVETIMING_DIR (or F1_DATA_DIR) with live-timing recordings');
  process.exit(2);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const du = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (s, e) => s + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );

const work = mkdtempSync(join(tmpdir(), 'bench-timing-'));
const archive = new TimingArchiveServer(recordings);
try {
  const base = await archive.start();
  const full: { ms: number; requests: number; bytes: number; stored: number; summary: string }[] = [];
  const unchanged: number[] = [];
  const build: number[] = [];
  for (let r = 0; r < runs; r++) {
    const config = loadConfig({
      TIMING_ARCHIVE_URL: base,
      TIMING_DIR: join(work, `t${r}`),
      LOG_LEVEL: 'silent',
    });
    const opts = {
      config,
      logger: silentLogger,
      only: ['timing' as const],
      seasons: { from: season, to: season },
    };
    const run = await runSync(opts);
    if (run.failures.length) throw new Error(run.failures[0]!.error);
    const o = run.outcomes[0]!;
    full.push({
      ms: o.ms,
      requests: o.requests,
      bytes: o.bytes,
      stored: du(config.TIMING_DIR),
      summary: o.summary,
    });
    unchanged.push((await runSync(opts)).outcomes[0]!.ms);
    const t0 = performance.now();
    for (const s of listRecordedSessions([config.TIMING_DIR])) recordedSessionLaps(s);
    build.push(performance.now() - t0);
  }
  const f = full[0]!;
  console.log(`timing archive, season ${season}, ${runs} runs (local server, ${recordings})`);
  console.log(`  ${f.summary}`);
  console.log(
    `  sync: median ${median(full.map((x) => x.ms))} ms, ${f.requests} requests, ${(f.bytes / 1e6).toFixed(2)} MB downloaded, ${(f.stored / 1e6).toFixed(2)} MB stored (gzip)`,
  );
  console.log(`  unchanged re-run: median ${median(unchanged)} ms (1 request)`);
  console.log(`  building every stored session's lap table: median ${median(build).toFixed(0)} ms`);
} finally {
  await archive.close();
  rmSync(work, { recursive: true, force: true });
}

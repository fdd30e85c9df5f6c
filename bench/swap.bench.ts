// Data sync benchmark (issue 14): f1db from a local GitHub releases server in GitHub's wire format.
//   1. sync time and bytes of the whole f1db tree (a fresh database: releases API → 302 → tarball → import),
//   2. an unchanged release skipped (median of 5 checks),
//   3. a patch release swapped into a serving server under steady load: requests, errors and latency
//      percentiles of the requests during the sync-and-swap, and of those overlapping the swap instant.
// Usage: F1DB_DIR=../shared/data/f1db npm run bench:swap [-- --seasons 2020-2026] [--clients 16]
import './data-env.ts';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { syncF1dbRelease } from '../src/data/sync/f1db-release.ts';
import { f1dbTarball, GithubReleasesServer } from '../src/data/sync/testing/github-releases.ts';
import { percentile, startLoad } from '../src/data/sync/testing/load.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/server/context.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const f1db = process.env.F1DB_DIR;
if (!f1db) {
  console.error('bench:swap needs F1DB_DIR (an f1db source tree)');
  process.exit(2);
}
const allSeasons = readdirSync(join(f1db, 'src', 'data', 'seasons'))
  .filter((d) => /^\d{4}$/.test(d))
  .map(Number);
const range = arg('seasons')?.split('-').map(Number);
const seasons = range ? allSeasons.filter((y) => y >= range[0]! && y <= (range[1] ?? range[0]!)) : allSeasons;
const clients = Number(arg('clients') ?? 16);

const work = mkdtempSync(join(tmpdir(), 'bench-swap-'));
const gh = new GithubReleasesServer();
try {
  const tarball = await f1dbTarball(f1db, seasons, 'c'.repeat(40));
  await gh.start();
  gh.release = { tag: 'v2026.20.0', publishedAt: '2026-10-26T12:00:00Z', tarball };
  const config = loadConfig({
    DATABASE_PATH: join(work, 'race-engineer.db'),
    CHATS_DB_PATH: join(work, 'chats.db'),
    PUSH_DB_PATH: join(work, 'push.db'),
    DATA_SYNC_DIR: join(work, 'sync'),
    GITHUB_API_URL: gh.base,
    DATA_SYNC: 'f1db',
    ERGAST_CSV_DIR: process.env.ERGAST_CSV_DIR ?? '',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
  console.log(
    `f1db tree: ${seasons.length} seasons (${seasons[0]}–${seasons.at(-1)}), tarball ${(tarball.length / 1e6).toFixed(1)} MB`,
  );

  const t0 = performance.now();
  const first = await syncF1dbRelease(config, silentLogger);
  console.log(
    `1. sync into a fresh database: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${first.requests} requests, ${(first.bytes / 1e6).toFixed(1)} MB`,
  );

  const skips: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = await syncF1dbRelease(config, silentLogger);
    if (r.changed) throw new Error('an unchanged release was imported again');
    skips.push(performance.now() - s);
  }
  console.log(
    `2. unchanged release skipped: median ${percentile(skips, 50).toFixed(1)} ms (5 checks, 1 request each)`,
  );

  const ctx = createContext(config, silentLogger);
  await ctx.store.open();
  const app = await buildApp(config, silentLogger, ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const paths = [
      '/api/health',
      '/api/seasons',
      `/api/races/${seasons.at(-1)}/1`,
      `/api/standings/drivers/${seasons.at(-1)}`,
    ];
    const warm = startLoad(base, paths, clients);
    await new Promise((r) => setTimeout(r, 2000));
    const before = await warm.stop();
    gh.release = { tag: 'v2026.20.1', publishedAt: '2026-10-27T09:00:00Z', tarball };
    const load = startLoad(base, paths, clients);
    const syncStart = performance.now();
    let swapAt = 0;
    ctx.data.onSwap(() => (swapAt = performance.now()));
    const run = await ctx.sync.runNow();
    const syncEnd = performance.now();
    await new Promise((r) => setTimeout(r, 1000));
    const answers = await load.stop();
    if (!run?.outcomes[0]?.changed)
      throw new Error(`the patch release was not taken: ${JSON.stringify(run)}`);
    const during = answers.filter((a) => a.endedAt >= syncStart && a.startedAt <= syncEnd);
    const around = answers.filter((a) => a.endedAt >= swapAt - 1000 && a.startedAt <= swapAt + 1000);
    const errors = answers.filter((a) => a.status !== 200).length;
    const versions = [...new Set(answers.map((a) => a.version).filter(Boolean))];
    const ms = (xs: { ms: number }[], p: number) =>
      percentile(
        xs.map((x) => x.ms),
        p,
      ).toFixed(1);
    console.log(
      `3. swap under load (${clients} clients, ${paths.length} routes; import in a worker thread):`,
    );
    console.log(
      `   before (2 s): ${before.length} requests, p50 ${ms(before, 50)} ms, p99 ${ms(before, 99)} ms`,
    );
    console.log(
      `   sync + swap (${((syncEnd - syncStart) / 1000).toFixed(1)} s): ${during.length} requests, p50 ${ms(during, 50)} ms, p99 ${ms(during, 99)} ms`,
    );
    console.log(
      `   ±1 s around the swap: ${around.length} requests, p50 ${ms(around, 50)} ms, p99 ${ms(around, 99)} ms`,
    );
    console.log(
      `   total: ${answers.length} requests, ${errors} errors (non-200 or failed), versions seen: ${versions.join(' → ')}`,
    );
  } finally {
    await app.close();
  }
} finally {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
}

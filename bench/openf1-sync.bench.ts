// OpenF1 sync benchmark (issue 14): one season from a local server replaying OpenF1's JSON from the recordings
// of OPENF1_DIR, into a fresh OPENF1_CACHE_DIR, paced at OpenF1's public limits (3/s, 30/min; override with
// OPENF1_RATE_PER_SECOND/OPENF1_RATE_PER_MINUTE). Prints sync time, requests, bytes, sessions; then the
// unchanged re-run (only the season's session and meeting lists are asked for).
// Usage: F1_DATA_DIR=../shared/data npx tsx bench/openf1-sync.bench.ts [--season 2024]
import './data-env.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { syncOpenF1 } from '../src/data/sync/openf1.ts';
import { OpenF1ArchiveServer } from '../src/data/sync/testing/openf1-archive.ts';

const i = process.argv.indexOf('--season');
const season = Number(i === -1 ? 2024 : process.argv[i + 1]);
const dir = process.env.OPENF1_DIR;
if (!dir) {
  console.error('bench:openf1 needs OPENF1_DIR (or F1_DATA_DIR) with the OpenF1 recordings');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'bench-openf1-'));
const server = new OpenF1ArchiveServer(dir, (e) => e.season === season);
try {
  await server.start();
  const config = loadConfig({
    ...process.env,
    OPENF1_BASE_URL: server.base,
    OPENF1_CACHE_DIR: join(work, 'openf1'),
    LOG_LEVEL: 'silent',
  });
  const seasons = { from: season, to: season };
  let t = performance.now();
  const first = await syncOpenF1(config, silentLogger, { seasons });
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await syncOpenF1(config, silentLogger, { seasons });
  const againMs = performance.now() - t;
  const limited = server.seen.filter((s) => s.status === 429).length;
  console.log(
    `openf1 ${season} at ${config.OPENF1_RATE_PER_SECOND}/s, ${config.OPENF1_RATE_PER_MINUTE}/min: ` +
      `${(firstMs / 1000).toFixed(1)} s, ${first.requests} requests, ${(first.bytes / 1e6).toFixed(1)} MB, ` +
      `${first.sessions.fetched} sessions (${first.summary}); 429s seen: ${limited}`,
  );
  console.log(
    `unchanged re-run: ${(againMs / 1000).toFixed(2)} s, ${again.requests} requests (${again.summary})`,
  );
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

// The SQL tool's caps, measured on the real server (`race-engineer serve`, production logging) from this
// process over MCP (POST /mcp tools/call query_f1_database), as the issue-13 probe did:
//   1. one oversized result (`SELECT hex(randomblob(5000000)) … LIMIT 20`, 100 MB of text uncapped): the bytes
//      of the answer and the server's RSS before, at peak (VmHWM) and after;
//   2. 12 runaway queries at once (a recursive CTE without end) while a normal request
//      (GET /api/races/2024/5) is timed every 20 ms: its p50/p99/max against the same request on an idle
//      server, and how many query processes the server ran at most.
//
// Usage: F1_DATA_DIR=../shared/data npm run bench:sql
//   DATABASE_PATH   use this database instead of building .cache/bench/race-engineer.db from F1DB_DIR
//   SQL_WORKERS, SQL_QUEUE, SQL_MAX_BYTES, SQL_TIMEOUT are passed to the server as set.
import './data-env.ts';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importF1db } from '../src/data/import/importer.ts';
import { silentLogger } from '../src/logger.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HUGE = 'SELECT hex(randomblob(5000000)) AS blob FROM race LIMIT 20';
const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) AS n FROM c';
const NORMAL = '/api/races/2024/5';

async function databasePath(): Promise<string> {
  if (process.env.DATABASE_PATH && existsSync(process.env.DATABASE_PATH))
    return resolve(process.env.DATABASE_PATH);
  const source = process.env.F1DB_DIR;
  if (!source) {
    console.error('bench:sql needs F1_DATA_DIR / F1DB_DIR (an f1db source tree) or DATABASE_PATH');
    process.exit(2);
  }
  const path = resolve(root, '.cache/bench/race-engineer.db');
  mkdirSync(dirname(path), { recursive: true });
  await importF1db({ source, dbPath: path, logger: silentLogger, skipIfCurrent: true });
  return path;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [resolve(root, 'bin/race-engineer.js'), 'serve', '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_PATH: dbPath,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        RULEBOOK_AUTO_INGEST: 'false',
        ANALYSIS_WARMUP: 'false',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`server did not answer within 60 s: ${stderr.trim()}`);
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function childProcesses(pid: number): number {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean).length;
  } catch {
    return 0;
  }
}

async function mcpSql(base: string, sql: string): Promise<{ bytes: number; text: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'query_f1_database', arguments: { sql } },
    }),
  });
  const text = await res.text();
  return { bytes: Buffer.byteLength(text), text, ms: performance.now() - t0 };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function timeNormal(base: string, until: () => boolean, minSamples = 0): Promise<number[]> {
  const out: number[] = [];
  while (!until() || out.length < minSamples) {
    const t0 = performance.now();
    const res = await fetch(base + NORMAL);
    await res.arrayBuffer();
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

const dbPath = await databasePath();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = await startServer(dbPath, port);
const pid = server.pid!;
try {
  // Warm: the route, the SQL pool's first processes.
  for (let i = 0; i < 20; i++) await (await fetch(base + NORMAL)).arrayBuffer();
  await mcpSql(base, 'SELECT 1 AS one');
  const idleStop = Date.now() + 4000;
  const idle = await timeNormal(base, () => Date.now() > idleStop);

  const before = memory(pid);
  const huge = await mcpSql(base, HUGE);
  const during = memory(pid);
  await new Promise((r) => setTimeout(r, 1000));
  const after = memory(pid);
  const cut = /Result cut at ([\d.]+ KB)/.exec(huge.text)?.[1] ?? 'not cut';

  let maxChildren = childProcesses(pid);
  const watch = setInterval(() => (maxChildren = Math.max(maxChildren, childProcesses(pid))), 100);
  let done = false;
  const t0 = performance.now();
  const heavy = Promise.all(Array.from({ length: 12 }, () => mcpSql(base, RUNAWAY))).then((r) => {
    done = true;
    return r;
  });
  const loaded = await timeNormal(base, () => done, 50);
  const heavyResults = await heavy;
  const heavyMs = performance.now() - t0;
  clearInterval(watch);
  const outcome = (t: string) =>
    /longer than/.test(t)
      ? 'stopped at the time limit'
      : /busy/.test(t)
        ? 'refused: busy'
        : `other (${t.slice(0, 120)})`;
  const outcomes = new Map<string, number>();
  for (const r of heavyResults) outcomes.set(outcome(r.text), (outcomes.get(outcome(r.text)) ?? 0) + 1);

  const f = (x: number) => x.toFixed(1);
  console.log(
    `\nSQL tool caps (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  console.log(`oversized result (${HUGE}):`);
  console.log(`  answer ${(huge.bytes / 1024).toFixed(0)} KB in ${f(huge.ms)} ms (${cut})`);
  console.log(
    `  server RSS ${f(before.rss)} MB before, peak ${f(Math.max(during.peak, after.peak))} MB (was ${f(before.peak)}), ${f(after.rss)} MB 1 s after`,
  );
  console.log(`12 runaway queries at once, ${f(heavyMs / 1000)} s until all answered:`);
  console.log(`  outcomes: ${[...outcomes].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`  query processes at most: ${maxChildren}`);
  console.log(
    `  GET ${NORMAL}: idle p50 ${f(percentile(idle, 50))} / p99 ${f(percentile(idle, 99))} ms (${idle.length} requests); ` +
      `under the 12 queries p50 ${f(percentile(loaded, 50))} / p99 ${f(percentile(loaded, 99))} / max ${f(Math.max(...loaded))} ms (${loaded.length} requests)`,
  );
} finally {
  server.kill('SIGTERM');
}

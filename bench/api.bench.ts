// API latency under load: the real server (`race-engineer serve`, production logging) in one process,
// autocannon driving it from this one at a fixed request rate; prints p50/p90/p99 per scenario.
// Target (issue 2): p99 < 10 ms at 2 000 requests/s for /api/races/... and /api/standings/....
//
// Usage: F1DB_DIR=../shared/data/f1db npm run bench:api
//   DATABASE_PATH   use this database instead of building .cache/bench/race-engineer.db from F1DB_DIR
//   BENCH_RATE      requests per second (2000)     BENCH_DURATION  seconds per scenario (10)
//   BENCH_CONNECTIONS  concurrent connections (32)  BENCH_LOG_LEVEL server log level (info)
//   BENCH_NICE      scheduling priority for the server and the load generator (e.g. -10; needs root): on a
//                   shared machine, measures the service as it would run on its own box. Printed with the table.
import './data-env.ts';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, setPriority } from 'node:os';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importF1db } from '../src/data/import/importer.ts';
import { silentLogger } from '../src/logger.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rate = Number(process.env.BENCH_RATE ?? 2000);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGET_P99_MS = 10;
const nice = process.env.BENCH_NICE ? Number(process.env.BENCH_NICE) : undefined;

async function databasePath(): Promise<string> {
  if (process.env.DATABASE_PATH && existsSync(process.env.DATABASE_PATH))
    return resolve(process.env.DATABASE_PATH);
  const source = process.env.F1DB_DIR;
  if (!source) {
    console.error('bench:api needs F1DB_DIR (an f1db source tree) or DATABASE_PATH (an imported database)');
    process.exit(2);
  }
  const path = resolve(root, '.cache/bench/race-engineer.db');
  mkdirSync(dirname(path), { recursive: true });
  console.log('preparing the database (imported once, then reused)…');
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
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      },
      // JSON request logs are written (as in production) and discarded.
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`server did not answer within 60 s: ${stderr.trim()}`);
}

/** Request paths of each scenario, from what the database holds. */
function scenarios(dbPath: string): { name: string; paths: string[] }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const finished = db
      .prepare(
        `SELECT year, round FROM race r WHERE EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id)
         ORDER BY year, round`,
      )
      .all() as { year: number; round: number }[];
    const shuffle = <T>(xs: T[]) => {
      // Deterministic shuffle (LCG) so runs are comparable.
      let seed = 42;
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a;
    };
    const races = shuffle(finished.map((r) => `/api/races/${r.year}/${r.round}`));
    const standings = shuffle(
      finished
        .filter((r) => r.year >= 1958)
        .flatMap((r) => [
          `/api/standings/drivers/${r.year}?round=${r.round}`,
          `/api/standings/constructors/${r.year}?round=${r.round}`,
        ]),
    );
    const seasons = [...new Set(finished.map((r) => r.year))];
    const byName = shuffle(
      seasons
        .filter((y) => y >= 1990)
        .flatMap((y) => [`/api/races/${y}/monza`, `/api/standings/drivers/${y}`]),
    );
    return [
      { name: `races: every finished round 1950→2026 (${races.length} URLs)`, paths: races },
      { name: `standings: after every round 1958→2026 (${standings.length} URLs)`, paths: standings },
      { name: `races by name + final standings (${byName.length} URLs)`, paths: byName },
    ];
  } finally {
    db.close();
  }
}

/** CPU time (ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Linux pressure stall information: share of the last 60 s some task waited for a CPU. */
function cpuPressure(): string {
  try {
    const m = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? `, CPU pressure ${m[1]}% of the last minute` : '';
  } catch {
    return '';
  }
}

interface Row {
  scenario: string;
  cpuPerReq: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  failures: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

async function load(base: string, name: string, paths: string[], serverPid: number): Promise<Row> {
  const requests = paths.map((path) => ({ method: 'GET', path }));
  // One autocannon run: its first WARM_S seconds are discarded. An instance builds every request of the list
  // when it starts (~0.3 s for 2 000 URLs) while its rate clock already runs, so the responses of its first
  // moments carry the load generator's start-up, not the server's time.
  const WARM_S = 2;
  const latencies: number[] = [];
  let failures = 0;
  let measuring = false;
  let cpuBefore = NaN;
  let measuredFrom = 0;
  const instance = autocannon({
    url: base,
    connections,
    overallRate: rate,
    duration: WARM_S + duration,
    timeout: 10,
    requests,
  });
  const warm = setTimeout(() => {
    measuring = true;
    cpuBefore = cpuMs(serverPid);
    measuredFrom = performance.now();
  }, WARM_S * 1000);
  // The per-response event carries the exact duration (autocannon's histogram has 1 ms resolution).
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (!measuring) return;
    if (status >= 200 && status < 300) latencies.push(ms);
    else failures++;
  });
  const result = await instance;
  clearTimeout(warm);
  const seconds = (performance.now() - measuredFrom) / 1000;
  const cpuUsed = cpuMs(serverPid) - cpuBefore;
  const served = latencies.length + failures;
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario: name,
    cpuPerReq: cpuUsed / served,
    reqPerSec: Math.round(served / seconds),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    failures: failures + result.errors + result.timeouts,
  };
}

async function warm(base: string, paths: string[]): Promise<number> {
  // One pass over every URL so the measured run sees the steady state (prepared statements, memoised
  // finished rounds and tables); returns the slowest cold request for the record.
  let slowest = 0;
  for (const p of paths) {
    const t = performance.now();
    const res = await fetch(base + p);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`warm-up: ${p} → HTTP ${res.status}`);
    slowest = Math.max(slowest, performance.now() - t);
  }
  return slowest;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

async function main(): Promise<void> {
  const dbPath = await databasePath();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`starting the server on ${base} (database ${dbPath})…`);
  const server = await startServer(dbPath, port);
  if (nice !== undefined) {
    setPriority(nice);
    setPriority(server.pid!, nice);
  }
  try {
    const rows: Row[] = [];
    for (const s of scenarios(dbPath)) {
      const t = performance.now();
      const coldMax = await warm(base, s.paths);
      console.log(
        `warmed ${s.paths.length} URLs in ${((performance.now() - t) / 1000).toFixed(1)} s (slowest cold ${ms(coldMax)} ms); ` +
          `loading at ${rate} req/s for ${duration} s…`,
      );
      rows.push(await load(base, s.name, s.paths, server.pid!));
    }
    const [load1] = loadavg();
    const pressure = cpuPressure();
    console.log(
      `\nAPI latency at ${rate} req/s, ${connections} connections, ${duration} s per scenario ` +
        `(server and load generator in separate processes; machine load average ${load1!.toFixed(1)} ` +
        `on ${availableParallelism()} cores${pressure}${nice !== undefined ? `; server and load generator at nice ${nice}` : ''} ` +
        `— other work on the machine inflates the tail)\n`,
    );
    console.log(
      '| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/req | failures | p99 < 10 ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
    for (const r of rows) {
      const ok = r.p99 < TARGET_P99_MS && r.failures === 0 && r.reqPerSec >= rate * 0.95;
      console.log(
        `| ${r.scenario} | ${r.reqPerSec} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${ms(r.max)} | ` +
          `${ms(r.cpuPerReq)} | ${r.failures} | ${ok ? 'yes' : 'NO'} |`,
      );
    }
    console.log(
      '\nLatencies are exact per-response times over the measured seconds (after a 2 s warm-up of the same run). ' +
        'Server CPU ms/req = server process CPU time / requests served.',
    );
  } finally {
    server.kill('SIGTERM');
  }
}

await main();

// Live fan-out benchmark: one server process (real hub + WebSocket routes, one state change every 250 ms) and,
// per tier, separate client processes holding 1 000 / 5 000 / 10 000 WebSocket clients on loopback.
// Prints p50/p99 delivery latency, server memory per client, server CPU (and its kernel share), the median time
// of one delta broadcast over every client, the client processes' CPU, and the plain-TCP floor for the top tier.
// Usage: npm run bench:live [-- 1000,5000,10000 [measureSeconds]]   (BENCH_CLIENT_PROCS=2 client processes,
// BENCH_CLIENT=ws for `ws` library clients, BENCH_SERVER_NODE_ARGS="--cpu-prof" to profile the server,
// BENCH_SERVER_NODES=2 for two server nodes under node:cluster sharing the port over the Redis bus, REDIS_URL)
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const tiers = (process.argv[2] ?? '1000,5000,10000').split(',').map(Number);
const measureMs = Number(process.argv[3] ?? 10) * 1000;
const clientProcs = Number(process.env.BENCH_CLIENT_PROCS ?? 2);
const execArgv = ['--import', 'tsx'];

function request<T>(child: ChildProcess, msg: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg as object);
  });
}
const next = <T>(child: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    const exited = (code: number | null) =>
      reject(new Error(`bench process exited (${code}) before answering`));
    child.once('exit', exited);
    child.once('message', (m) => {
      child.off('exit', exited);
      resolve(m as T);
    });
  });

const serverNodes = Number(process.env.BENCH_SERVER_NODES ?? 1);
const server = fork(serverNodes > 1 ? 'bench/live/cluster-server.ts' : 'bench/live/server.ts', [], {
  execArgv: [
    '--expose-gc',
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ...execArgv,
  ],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
process.on('exit', () => server.kill());
const { port } = await next<{ port: number }>(server);
const url = `ws://127.0.0.1:${port}/api/live/current`;
// Warm the channel once so the baseline includes the session itself, not just the process.
{
  const warm = fork('bench/live/clients.ts', [url, '1', '500'], {
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await next(warm);
  warm.send('go');
  await next(warm);
}
await new Promise((r) => setTimeout(r, 500));

interface Row {
  clients: number;
  connected: number;
  connectS: number;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  kbPerClient: number;
  heapKbPerClient: number;
  cpuPct: number;
  sysPct: number;
  broadcastMs: number;
  clientCpuPct: number;
  errors: number;
}
const rows: Row[] = [];
for (const n of tiers) {
  const base = await request<{ rss: number; heapUsed: number }>(server, { cmd: 'memory' });
  // Several client processes, so the load generator is not what limits delivery.
  const share = Array.from(
    { length: clientProcs },
    (_, k) => Math.floor(n / clientProcs) + (k < n % clientProcs ? 1 : 0),
  );
  const procs = share.map((count) =>
    fork('bench/live/clients.ts', [url, String(count), String(measureMs)], {
      execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  const exited = Promise.all(procs.map((c) => new Promise((r) => c.once('exit', r))));
  type Connected = { connectMs: number; snapshots: number; errors: number; closes: object };
  const conns = await Promise.all(procs.map((c) => next<Connected>(c)));
  const connected = {
    connectMs: Math.max(...conns.map((c) => c.connectMs)),
    snapshots: conns.reduce((a, c) => a + c.snapshots, 0),
    errors: conns.reduce((a, c) => a + c.errors, 0),
    closes: conns.map((c) => c.closes),
  };
  process.stdout.write(
    `${connected.snapshots}/${n} clients (${clientProcs} processes) got a snapshot in ${(connected.connectMs / 1000).toFixed(1)} s (${connected.errors} errors, closes ${JSON.stringify(connected.closes)}); measuring ${measureMs / 1000} s…\n`,
  );
  const mem = await request<{ rss: number; heapUsed: number; clients: number }>(server, { cmd: 'memory' });
  await request(server, { cmd: 'cpu-start' });
  const results = procs.map((c) => next<{ latencies: number[]; errors: number; cpuPct: number }>(c));
  for (const c of procs) c.send('go');
  const dones = await Promise.all(results);
  const cpu = await request<{ cpuPct: number; sysPct: number; broadcastMs: number }>(server, {
    cmd: 'cpu-stop',
  });
  await exited;
  const latencies = dones.flatMap((d) => d.latencies).sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const done = {
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.at(-1) ?? NaN,
    samples: latencies.length,
    errors: dones.reduce((a, d) => a + d.errors, 0),
  };
  rows.push({
    clients: n,
    connected: connected.snapshots,
    connectS: connected.connectMs / 1000,
    p50: done.p50,
    p99: done.p99,
    max: done.max,
    samples: done.samples,
    kbPerClient: (mem.rss - base.rss) / 1024 / Math.max(1, connected.snapshots),
    heapKbPerClient: (mem.heapUsed - base.heapUsed) / 1024 / Math.max(1, connected.snapshots),
    cpuPct: cpu.cpuPct,
    sysPct: cpu.sysPct,
    broadcastMs: cpu.broadcastMs,
    clientCpuPct: dones.reduce((a, d) => a + d.cpuPct, 0),
    errors: connected.errors + done.errors,
  });
  await new Promise((r) => setTimeout(r, 1500)); // let the server drop the closed sockets
}
server.send({ cmd: 'exit' });
// What plain TCP sockets cost on this machine for the top tier: the floor under one broadcast.
const floor = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/live/floor.ts', 'writer', String(tiers.at(-1))], {
    encoding: 'utf8',
  }),
) as { sockets: number; passMs: number; sysMs: number };

const header = [
  'clients',
  'connected',
  'p50 ms',
  'p99 ms',
  'max ms',
  'deliveries',
  'RSS KB/client',
  'heap KB/client',
  'server CPU % (sys)',
  'broadcast ms',
  'clients CPU %',
  'errors',
];
const table = rows.map((r) => [
  String(r.clients),
  String(r.connected),
  String(r.p50),
  String(r.p99),
  String(r.max),
  String(r.samples),
  r.kbPerClient.toFixed(1),
  r.heapKbPerClient.toFixed(1),
  `${r.cpuPct.toFixed(0)} (${r.sysPct.toFixed(0)})`,
  r.broadcastMs.toFixed(0),
  r.clientCpuPct.toFixed(0),
  String(r.errors),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |';
console.log('\nLive fan-out, one state change every 250 ms, clients on loopback in a separate process');
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table) console.log(line(row));
console.log(
  `floor: one 200-byte write to each of ${floor.sockets} plain TCP sockets on loopback takes ${floor.passMs.toFixed(0)} ms (${floor.sysMs.toFixed(0)} ms of it kernel)`,
);
const top = rows.at(-1);
if (top) {
  console.log(
    `goal at ${top.clients} clients (${top.connected} connected): p99 < 100 ms → ${top.p99 < 100 ? 'met' : 'NOT met'}; < 50 KB/client → ${top.kbPerClient < 50 ? 'met' : 'NOT met'}`,
  );
}

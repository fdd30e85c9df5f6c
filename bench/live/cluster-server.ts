// Benchmark server as several nodes on this machine: node:cluster workers share the port (the primary hands out
// connections round-robin), each runs bench/live/server.ts with LIVE_BUS=redis (one ingests, all fan out).
// Answers the parent's IPC commands by asking every worker and summing (memory, CPU) or taking the slowest.
import cluster, { type Worker } from 'node:cluster';

const nodes = Number(process.env.BENCH_SERVER_NODES ?? 2);
cluster.setupPrimary({ exec: 'bench/live/server.ts' });
const workers: Worker[] = Array.from({ length: nodes }, () =>
  cluster.fork({ BENCH_LIVE_BUS: 'redis', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }),
);
const ask = <T>(w: Worker, m?: unknown) =>
  new Promise<T>((resolve) => {
    w.once('message', (a) => resolve(a as T));
    if (m !== undefined) w.send(m as object);
  });
const ports = await Promise.all(workers.map((w) => ask<{ port: number }>(w)));
process.on('message', (m: { cmd: string }) => {
  void Promise.all(workers.map((w) => ask<Record<string, number>>(w, m))).then((answers) => {
    const sum = (k: string) => answers.reduce((a, x) => a + (x[k] ?? 0), 0);
    if (m.cmd === 'memory') {
      process.send!({ rss: sum('rss'), heapUsed: sum('heapUsed'), clients: sum('clients') });
    } else if (m.cmd === 'cpu-stop') {
      process.send!({
        cpuPct: sum('cpuPct'),
        sysPct: sum('sysPct'),
        broadcastMs: Math.max(...answers.map((a) => a.broadcastMs ?? NaN)),
      });
    } else process.send!({ ok: true });
  });
  if (m.cmd === 'exit') setTimeout(() => process.exit(0), 2_000);
});
process.send!({ port: ports[0]!.port });

// The floor under the live fan-out on this machine: plain TCP sockets on loopback, no WebSocket, no hub. One
// process writes the same 200-byte buffer to each of N sockets (a child process reads them), 20 times, 250 ms
// apart, and reports the median time of one pass over every socket. A broadcast to N WebSocket clients cannot
// be faster than this; on loopback most of it is kernel time (the write also runs the receiver's TCP input).
// Usage: tsx bench/live/floor.ts <N>  (prints one JSON line; `npm run bench:live` runs it for its top tier)
import { fork } from 'node:child_process';
import net from 'node:net';

const [mode, nArg, portArg] = process.argv.slice(2);
const N = Number(nArg);

if (mode === 'reader') {
  const buffer = Buffer.alloc(64 * 1024);
  for (let i = 0; i < N; i++) {
    net.connect({ port: Number(portArg), host: '127.0.0.1', onread: { buffer, callback: () => true } });
  }
  setInterval(() => undefined, 60_000);
} else {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    sockets.push(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', 4096, r));
  const reader = fork(
    new URL(import.meta.url).pathname,
    ['reader', String(N), String((server.address() as net.AddressInfo).port)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const t0 = Date.now();
  while (sockets.length < N && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
  const frame = Buffer.alloc(200, 0x61);
  const passes: { ms: number; sysMs: number }[] = [];
  for (let t = 0; t < 20; t++) {
    await new Promise((r) => setTimeout(r, 250));
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    for (const s of sockets) s.write(frame);
    passes.push({ ms: performance.now() - w0, sysMs: process.cpuUsage(cpu0).system / 1000 });
  }
  passes.sort((a, b) => a.ms - b.ms);
  const mid = passes[passes.length >> 1]!;
  console.log(JSON.stringify({ sockets: sockets.length, passMs: mid.ms, sysMs: mid.sysMs }));
  reader.kill();
  process.exit(0);
}

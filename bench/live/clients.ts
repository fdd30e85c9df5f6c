// Benchmark client process: opens N WebSocket clients on loopback to /api/live/current, answers pings, and
// measures delivery latency of every delta (now − the wall time the source stamped into the clock).
import WebSocket from 'ws';

const [url, nArg, measureArg] = process.argv.slice(2);
const N = Number(nArg);
const MEASURE_MS = Number(measureArg);
const sockets: WebSocket[] = [];
const latencies: number[] = [];
let measuring = false;
let snapshots = 0;
let errors = 0;

function open(): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url!, { perMessageDeflate: false });
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('{"type":"delta"')) {
        if (!measuring) return;
        const i = text.indexOf('"utc":"');
        if (i >= 0) latencies.push(Date.now() - Date.parse(text.slice(i + 7, i + 31)));
      } else if (text.startsWith('{"type":"snapshot"')) {
        snapshots++;
        resolve();
      } else if (text.startsWith('{"type":"ping"')) ws.send('{"type":"pong"}');
    });
    ws.on('error', () => {
      errors++;
      resolve();
    });
    sockets.push(ws);
  });
}

const t0 = Date.now();
const BATCH = 250;
for (let i = 0; i < N; i += BATCH) {
  await Promise.all(Array.from({ length: Math.min(BATCH, N - i) }, () => open()));
}
const connectMs = Date.now() - t0;
process.send!({ phase: 'connected', connectMs, snapshots, errors });
await new Promise<void>((r) => process.once('message', () => r()));
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_MS));
measuring = false;
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
process.send!({
  phase: 'done',
  samples: latencies.length,
  p50: q(0.5),
  p99: q(0.99),
  max: latencies.at(-1) ?? NaN,
  errors,
});
for (const ws of sockets) ws.terminate();
setTimeout(() => process.exit(0), 200);

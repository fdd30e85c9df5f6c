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
const closes = new Map<number, number>();

function open(): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url!, { perMessageDeflate: false, skipUTF8Validation: true });
    ws.on('message', (data: Buffer) => {
      // Peek at the bytes instead of decoding and parsing every frame: the client process must not be the bottleneck.
      const head = data.toString('latin1', 0, 18);
      if (head.startsWith('{"type":"delta"')) {
        if (!measuring) return;
        const i = data.indexOf('"utc":"');
        if (i >= 0) latencies.push(Date.now() - Date.parse(data.toString('latin1', i + 7, i + 31)));
      } else if (head.startsWith('{"type":"snapshot"')) {
        snapshots++;
        resolve();
      } else if (head.startsWith('{"type":"ping"')) ws.send('{"type":"pong"}');
    });
    ws.on('error', () => {
      errors++;
      resolve();
    });
    ws.on('close', (code) => {
      closes.set(code, (closes.get(code) ?? 0) + 1);
      resolve();
    });
    sockets.push(ws);
  });
}

const t0 = Date.now();
const BATCH = 250;
const CONNECT_DEADLINE_MS = Number(process.env.BENCH_CONNECT_DEADLINE_MS ?? 120_000);
for (let i = 0; i < N && Date.now() - t0 < CONNECT_DEADLINE_MS; i += BATCH) {
  // A batch that does not complete within 30 s is counted, not waited for forever.
  const batch = Promise.all(Array.from({ length: Math.min(BATCH, N - i) }, () => open()));
  const timedOut = await Promise.race([
    batch.then(() => false),
    new Promise((r) => setTimeout(() => r(true), 30_000)),
  ]);
  if (timedOut) errors++;
}
const connectMs = Date.now() - t0;
process.send!({ phase: 'connected', connectMs, snapshots, errors, closes: Object.fromEntries(closes) });
await new Promise<void>((r) => process.once('message', () => r()));
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_MS));
measuring = false;
// The raw samples go to the parent, which merges the client processes before taking percentiles.
for (const ws of sockets) ws.terminate();
// Exit only once the (large) result has been handed to the parent.
process.send!({ phase: 'done', latencies, errors }, undefined, {}, () => process.exit(0));

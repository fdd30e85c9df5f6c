// Benchmark client process: opens N WebSocket clients on loopback to /api/live/current, answers pings, and
// measures delivery latency of every delta (now − the wall time the source stamped into the clock).
//
// The clients share the 2 cores with the server, so the load generator must cost as little as possible: by
// default each client is a plain TCP socket speaking RFC 6455 itself (HTTP upgrade with a checked
// Sec-WebSocket-Accept, unmasked server frames parsed from one shared read buffer, masked client frames),
// about a third of the CPU of a `ws` client per message. BENCH_CLIENT=ws uses the `ws` library instead.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import WebSocket from 'ws';

const [url, nArg, measureArg] = process.argv.slice(2);
const N = Number(nArg);
const MEASURE_MS = Number(measureArg);
const useWs = process.env.BENCH_CLIENT === 'ws';
const latencies: number[] = [];
let measuring = false;
let snapshots = 0;
let errors = 0;
const closes = new Map<number, number>();
const close = (code: number) => closes.set(code, (closes.get(code) ?? 0) + 1);
const terminators: (() => void)[] = [];

const DELTA = Buffer.from('{"type":"delta"');
const SNAPSHOT = Buffer.from('{"type":"snapshot"');
const PING = Buffer.from('{"type":"ping"');
const UTC = Buffer.from('"utc":"');
const PONG_TEXT = '{"type":"pong"}';

/** Handles one text message held in buf[start, end). Returns true when it was a ping (answer it). */
function onText(buf: Buffer, start: number, end: number, connected: () => void): boolean {
  const starts = (p: Buffer) =>
    end - start >= p.length && buf.compare(p, 0, p.length, start, start + p.length) === 0;
  if (starts(DELTA)) {
    if (!measuring) return false;
    const i = buf.indexOf(UTC, start);
    if (i >= 0 && i + 31 <= end)
      latencies.push(Date.now() - Date.parse(buf.toString('latin1', i + 7, i + 31)));
  } else if (starts(SNAPSHOT)) {
    snapshots++;
    connected();
  } else if (starts(PING)) return true;
  return false;
}

function openWs(resolve: () => void): void {
  const ws = new WebSocket(url!, { perMessageDeflate: false, skipUTF8Validation: true });
  ws.on('message', (data: Buffer) => {
    if (onText(data, 0, data.length, resolve)) ws.send(PONG_TEXT);
  });
  ws.on('error', () => {
    errors++;
    resolve();
  });
  ws.on('close', (code) => {
    close(code);
    resolve();
  });
  terminators.push(() => ws.terminate());
}

// Client → server frames are masked (RFC 6455 §5.3); the pong is the same for every client.
function maskedFrame(text: string, opcode = 0x1): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | payload.length; // < 126 bytes
  mask.copy(frame, 2);
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}
const PONG_FRAME = maskedFrame(PONG_TEXT);
const readBuffer = Buffer.alloc(256 * 1024);
const target = new URL(url!);

function openRaw(resolve: () => void): void {
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  let upgraded = false;
  let closed = false;
  /** Bytes of an incomplete frame (or handshake) carried over to the next read. */
  let rest: Buffer | null = null;
  const fail = () => {
    if (!closed) errors++;
    closed = true;
    socket.destroy();
    resolve();
  };
  const parse = (buf: Buffer, end: number): number => {
    let at = 0;
    if (!upgraded) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0 || h >= end) return 0;
      const head = buf.toString('latin1', 0, h);
      if (!head.startsWith('HTTP/1.1 101') || !head.includes(`Sec-WebSocket-Accept: ${accept}`)) {
        fail();
        return end;
      }
      upgraded = true;
      at = h + 4;
    }
    while (end - at >= 2) {
      const opcode = buf[at]! & 0x0f;
      let len = buf[at + 1]! & 0x7f;
      let p = at + 2;
      if (len === 126) {
        if (end - at < 4) break;
        len = buf.readUInt16BE(at + 2);
        p = at + 4;
      } else if (len === 127) {
        if (end - at < 10) break;
        len = Number(buf.readBigUInt64BE(at + 2));
        p = at + 10;
      }
      if (end - p < len) break;
      if (opcode === 0x1 || opcode === 0x2) {
        if (onText(buf, p, p + len, resolve)) socket.write(PONG_FRAME);
      } else if (opcode === 0x8) {
        close(len >= 2 ? buf.readUInt16BE(p) : 1005);
        closed = true;
        socket.end(maskedFrame('', 0x8));
        resolve();
      } else if (opcode === 0x9) socket.write(maskedFrame(buf.toString('latin1', p, p + len), 0xa));
      at = p + len;
    }
    return at;
  };
  const socket = net.connect({
    host: target.hostname,
    port: Number(target.port),
    noDelay: true,
    onread: {
      buffer: readBuffer,
      callback: (n) => {
        const buf = readBuffer;
        if (rest) {
          // Rare (a frame split across reads, e.g. the snapshot): join and parse from a private copy.
          const joined = Buffer.concat([rest, buf.subarray(0, n)]);
          const used = parse(joined, joined.length);
          rest = used < joined.length ? joined.subarray(used) : null;
        } else {
          const used = parse(buf, n);
          // The read buffer is reused by the next read: keep a copy of what was not consumed.
          rest = used < n ? Buffer.from(buf.subarray(used, n)) : null;
        }
        return true;
      },
    },
  });
  socket.on('connect', () =>
    socket.write(
      `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ),
  );
  socket.on('error', fail);
  socket.on('close', () => {
    if (!closed) close(1006);
    closed = true;
    resolve();
  });
  terminators.push(() => {
    closed = true;
    socket.destroy();
  });
}

function open(): Promise<void> {
  return new Promise((resolve) => (useWs ? openWs : openRaw)(resolve));
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
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
await new Promise((r) => setTimeout(r, MEASURE_MS));
measuring = false;
const cpu = process.cpuUsage(cpu0);
const cpuPct = ((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 100;
// The raw samples go to the parent, which merges the client processes before taking percentiles.
for (const t of terminators) t();
// Exit only once the (large) result has been handed to the parent.
process.send!({ phase: 'done', latencies, errors, cpuPct }, undefined, {}, () => process.exit(0));

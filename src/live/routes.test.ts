// The live HTTP surface end to end: real server, real WebSocket/SSE clients, real recordings.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import {
  ClientConn,
  Hub,
  HARD_BUFFER_LIMIT,
  HEARTBEAT_SLICES,
  SOFT_BUFFER_LIMIT,
  type Transport,
} from './hub.ts';
import { LocalBus } from './bus.ts';
import { reduceAll } from './reducer.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { waitFor } from './testing/collect.ts';
import { TestClient } from './testing/ws-client.ts';

let app: App;
let base: string;
let ws: string;
const MEXICO_Q = 'livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying';
const catalog = new RecordingCatalog({
  livetimingDir: process.env.LIVETIMING_DIR,
  lapsDir: process.env.LAPS_DIR,
  openf1Dir: process.env.OPENF1_DIR,
});

beforeAll(async () => {
  const config = loadConfig({
    ...process.env,
    WS_HEARTBEAT_INTERVAL: '0.2',
    WS_STALE_TIMEOUT: '0.9',
    LOG_LEVEL: 'silent',
  });
  const ctx = createContext(config, silentLogger);
  app = await buildApp(config, silentLogger, ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
  ws = `ws://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app?.close();
});

const clients: TestClient[] = [];
function client(path: string, opts: { answerPings?: boolean } = { answerPings: true }): TestClient {
  const c = new TestClient(ws + path, opts);
  clients.push(c);
  return c;
}
afterAll(() => clients.forEach((c) => c.close()));

describe('GET /api/live/sessions', () => {
  it('lists the replayable recordings of all three kinds', async () => {
    const res = await fetch(`${base}/api/live/sessions`);
    expect(res.status).toBe(200);
    const { sessions } = (await res.json()) as {
      sessions: { id: string; source: string; year: number; round: number; session: string }[];
    };
    expect(sessions.find((s) => s.id === MEXICO_Q)).toMatchObject({
      year: 2025,
      round: 20,
      session: 'Q',
      source: 'livetiming',
    });
    expect(sessions.find((s) => s.id === 'laps:2024:1:R')).toMatchObject({
      year: 2024,
      round: 1,
      session: 'R',
    });
    expect(sessions.some((s) => s.source === 'openf1')).toBe(true);
  });
});

describe('bad input', () => {
  it('an unknown session is a 404 before the upgrade', async () => {
    const sock = new WebSocket(`${ws}/api/live/1999/3`);
    const status = await new Promise<number>((resolve) => {
      sock.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      sock.on('open', () => resolve(101));
      sock.on('error', () => undefined);
    });
    expect(status).toBe(404);
    const res = await fetch(`${base}/api/live/1999/3`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('a bad round is a 400', async () => {
    const res = await fetch(`${base}/api/live/2025/abc`);
    expect(res.status).toBe(400);
  });

  it('a malformed frame gets an error; repeated ones close the socket with 1008', async () => {
    const c = client('/api/live/2024/1');
    await c.next('hello');
    c.send('not json');
    const err = await c.next('error');
    expect(err.code).toBe('bad_request');
    c.send({ type: 'replay.speed', speed: 500 });
    await c.next('error', (m) => /speed/.test(String(m.message)));
    for (let i = 0; i < 4; i++) c.send({ type: 'nonsense' });
    await waitFor(() => c.closeCode !== null, 5_000, 'close');
    expect(c.closeCode).toBe(1008);
  });
});

describe('streaming a replay', () => {
  it('snapshot on connect, then deltas that rebuild the server state; seek gives a fresh snapshot', async () => {
    const c = client('/api/live/2025/20?session=Q');
    const hello = await c.next('hello');
    expect(hello.session).toMatchObject({ id: MEXICO_Q, year: 2025, round: 20 });
    await c.next('snapshot');
    // Take control: pause, seek into Q3 at 60×.
    c.send({ type: 'replay.pause' });
    c.send({ type: 'replay.seek', positionMs: 62 * 60_000 });
    const snap = await c.next('snapshot', (m) => (m.state as { timeMs: number }).timeMs === 62 * 60_000);
    const rec = await catalog.load(MEXICO_Q);
    const expected = reduceAll(rec.updates.filter((u) => u.timeMs <= 62 * 60_000));
    expect((snap.state as { order: string[] }).order).toEqual(expected.order);
    c.send({ type: 'replay.speed', speed: 60 });
    c.send({ type: 'replay.play' });
    await c.next('delta');
    await new Promise((r) => setTimeout(r, 1500));
    c.send({ type: 'replay.pause' });
    const paused = await c.next('replay', (m) => (m.status as { playing: boolean }).playing === false);
    const at = (paused.status as { positionMs: number }).positionMs;
    expect(at).toBeGreaterThan(62 * 60_000 + 30_000);
    await new Promise((r) => setTimeout(r, 100));
    const truth = reduceAll(rec.updates.filter((u) => u.timeMs <= at));
    expect(c.seqGaps).toBe(0);
    expect(c.state!.order).toEqual(truth.order);
    expect(c.state!.drivers).toEqual(truth.drivers);
    // Deltas carry changed fields only: never the whole driver table.
    const deltas = c.of('delta');
    expect(deltas.length).toBeGreaterThan(5);
    const sizes = deltas.map((d) => JSON.stringify(d).length).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]!).toBeLessThan(JSON.stringify(c.state).length / 10);
  });

  it('one ingest per session however many clients; replay.start gives a private copy and replay.stop returns', async () => {
    const a = client('/api/live/2024/1');
    const b = client('/api/live/2024/1');
    await Promise.all([a.next('snapshot'), b.next('snapshot')]);
    const stats = (await (await fetch(`${base}/api/live/stats`)).json()) as {
      channels: { key: string; clients: number; ingesting: boolean }[];
    };
    const shared = stats.channels.filter((ch) => ch.key === 'replay:laps:2024:1:R');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.clients).toBeGreaterThanOrEqual(2);
    a.send({ type: 'replay.start', id: 'laps:2021:22:R', speed: 60, positionMs: 3_000_000 });
    const hello = await a.next('hello');
    expect((hello.session as { id: string }).id).toBe('laps:2021:22:R');
    const snap = await a.next('snapshot');
    expect(Object.keys((snap.state as { drivers: object }).drivers).length).toBe(19); // Mazepin did not start
    a.send({ type: 'replay.stop' });
    const back = await a.next('hello');
    expect((back.session as { id: string }).id).toBe('laps:2024:1:R');
  });

  it('a broadcast delay holds messages back by the asked seconds', async () => {
    const live = client('/api/live/2025/20?session=R');
    const delayed = client('/api/live/2025/20?session=R');
    await Promise.all([live.next('snapshot'), delayed.next('snapshot')]);
    delayed.send({ type: 'delay', seconds: 1 });
    const sent = Date.now();
    const snap = await delayed.next('snapshot', () => true, 5_000);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(900);
    expect(snap.type).toBe('snapshot');
  });
});

describe('liveness', () => {
  it('pings every WS_HEARTBEAT_INTERVAL and closes clients silent for WS_STALE_TIMEOUT', async () => {
    const alive = client('/api/live/2024/1', { answerPings: true });
    const silent = client('/api/live/2024/1', { answerPings: false });
    await Promise.all([alive.next('hello'), silent.next('hello')]);
    await waitFor(() => silent.closeCode !== null, 5_000, 'stale close');
    expect(silent.closeCode).toBe(1001);
    expect(silent.of('ping').length).toBeGreaterThanOrEqual(2);
    expect(alive.closeCode).toBeNull();
    expect(alive.of('ping').length).toBeGreaterThanOrEqual(3);
  });
});

describe('SSE twin', () => {
  it('streams hello, snapshot and deltas; control goes through POST', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}/api/live/2024/1/sse`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: snapshot\n/);
    const clientId = /"clientId":"([^"]+)"/.exec(text)![1]!;
    const ctl = await fetch(`${base}/api/live/2024/1/control?client=${clientId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'replay.speed', speed: 60 }),
    });
    expect(ctl.status).toBe(200);
    expect(((await ctl.json()) as { replay: { speed: number } }).replay.speed).toBe(60);
    // An invalid body is a 400 with the error, as over WebSocket (not 200 {ok:true}).
    for (const body of ['{"type":"replay.speed","speed":500}', '{"type":"nope"}', '[]']) {
      const wrong = await fetch(`${base}/api/live/2024/1/control?client=${clientId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/invalid message/),
      });
    }
    await readUntil(/event: delta\ndata: \{"type":"delta"/);
    ac.abort();
    const bad = await fetch(`${base}/api/live/2024/1/control?client=00000000-0000-4000-8000-000000000000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"replay.play"}',
    });
    expect(bad.status).toBe(404);
  });
});

describe('slow consumers', () => {
  it('skip deltas past the soft limit, get one snapshot when drained, and are closed past the hard limit', async () => {
    const hub = new Hub({
      bus: new LocalBus(),
      logger: silentLogger,
      catalog,
      heartbeatMs: 60_000,
      staleMs: 60_000,
    });
    const sent: string[] = [];
    let buffered = 0;
    let closed: number | null = null;
    const transport: Transport = {
      answersPings: true,
      send: (_t, type) => sent.push(type),
      buffered: () => buffered,
      close: (code) => (closed = code),
    };
    const ch = await hub.open(
      {
        key: 'replay:laps:2024:1:R',
        session: { id: 'x', year: 2024, round: 1, session: 'R', name: 'x', live: false },
        recordingId: 'laps:2024:1:R',
      },
      async () => {
        const { ReplaySource } = await import('./sources/replay.ts');
        return new ReplaySource(await catalog.load('laps:2024:1:R'), { speed: 60, positionMs: 600_000 });
      },
    );
    const c: ClientConn = hub.register(transport);
    hub.attach(c, ch);
    await waitFor(() => sent.includes('delta'), 10_000, 'deltas');
    buffered = SOFT_BUFFER_LIMIT + 1;
    const n = sent.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(sent.slice(n).filter((t) => t === 'delta')).toHaveLength(0);
    buffered = 0;
    await waitFor(() => sent.length > n, 5_000, 'resume');
    expect(sent[n]).toBe('snapshot');
    buffered = HARD_BUFFER_LIMIT + 1;
    await waitFor(() => closed !== null, 5_000, 'close');
    expect(closed).toBe(1013);
    await hub.close();
  });
});

describe('broadcast frames', () => {
  it('frames text once per message with the RFC 6455 length encodings', async () => {
    const { textFrame } = await import('./transport.ts');
    for (const n of [5, 125, 126, 65_535, 65_536, 200_000]) {
      const text = 'x'.repeat(n);
      const f = textFrame(text);
      expect(f[0]).toBe(0x81);
      const len = f[1] === 126 ? f.readUInt16BE(2) : f[1] === 127 ? Number(f.readBigUInt64BE(2)) : f[1];
      const headerLen = f[1] === 126 ? 4 : f[1] === 127 ? 10 : 2;
      expect(len).toBe(n);
      expect(f.length).toBe(headerLen + n);
      expect(textFrame(text)).toBe(f); // cached for the next client
    }
  });
});

describe('heartbeat', () => {
  it('pings every client once per interval, in staggered groups rather than all at once', async () => {
    vi.useFakeTimers();
    try {
      const hub = new Hub({
        bus: new LocalBus(),
        logger: silentLogger,
        catalog,
        heartbeatMs: 1_500,
        staleMs: 60_000,
      });
      const pings: number[][] = [];
      const errors: string[] = [];
      for (let i = 0; i < 2 * HEARTBEAT_SLICES; i++) {
        const times: number[] = [];
        pings.push(times);
        const c = hub.register({
          answersPings: true,
          send: (text, type) => (type === 'ping' ? times.push(Date.now()) : errors.push(text)),
          buffered: () => 0,
          close: () => undefined,
        });
        await c.handle('{"type":"pong"}'); // marks alive, answers nothing
      }
      vi.advanceTimersByTime(3_000);
      for (const times of pings) expect(times).toHaveLength(2);
      // Each group is pinged at its own moment: as many distinct first pings as groups, two clients each.
      expect(new Set(pings.map((t) => t[0])).size).toBe(HEARTBEAT_SLICES);
      expect(errors).toEqual([]);
      await hub.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SSE chunks', () => {
  it('encodes each broadcast once for every SSE client', async () => {
    const { sseChunk } = await import('./transport.ts');
    const text = JSON.stringify({ type: 'delta', seq: 1, delta: { lap: { current: 3 } }, name: 'Pérez' });
    const chunk = sseChunk(text, 'delta');
    expect(chunk.toString('utf8')).toBe(`event: delta\ndata: ${text}\n\n`);
    expect(sseChunk(text, 'delta')).toBe(chunk);
    expect(sseChunk(text, 'snapshot').toString('utf8')).toBe(`event: snapshot\ndata: ${text}\n\n`);
  });
});

// Channel lifecycle on the hub: no channel outlives its clients, a private copy starts where its client was,
// late joiners get the true replay position; and a message bus (Redis) that goes away answers 503 at once,
// tells clients `reconnecting`, and recovers with a snapshot.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { LocalBus, RedisBus, type LiveBus } from './bus.ts';
import { Hub, type ChannelInfo, type Transport } from './hub.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { ReplaySource } from './sources/replay.ts';
import { waitFor } from './testing/collect.ts';

const ID = 'livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying';
const catalog = new RecordingCatalog({ livetimingDir: process.env.LIVETIMING_DIR });
const info: ChannelInfo = {
  key: `replay:${ID}`,
  session: { id: ID, year: 2025, round: 20, session: 'Q', name: 'Mexico City Grand Prix', live: false },
  recordingId: ID,
};
const makeSource = async () => new ReplaySource(await catalog.load(ID), { speed: 60 });

type Msg = { type: string; status?: unknown; [k: string]: unknown };
function transport(): Transport & { msgs: Msg[] } {
  const msgs: Msg[] = [];
  return {
    msgs,
    answersPings: true,
    send: (text) => void msgs.push(JSON.parse(text) as Msg),
    buffered: () => 0,
    close: () => undefined,
  };
}
const lastReplay = (t: { msgs: Msg[] }) =>
  t.msgs.filter((m) => m.type === 'replay').at(-1)?.status as { positionMs: number } | undefined;

const hubs: Hub[] = [];
function hub(bus: LiveBus = new LocalBus(), lingerMs = 200): Hub {
  const h = new Hub({ bus, logger: silentLogger, catalog, heartbeatMs: 60_000, staleMs: 120_000, lingerMs });
  hubs.push(h);
  return h;
}
afterAll(async () => {
  for (const h of hubs) await h.close().catch(() => undefined);
});

describe('channel lifecycle', () => {
  it('a shared channel left by a client taking control closes; replay.stop reopens it', async () => {
    const h = hub();
    const ch = await h.open(info, makeSource);
    const t = transport();
    const c = h.register(t);
    h.attach(c, ch);
    await c.submit({ type: 'replay.pause' });
    expect(c.channel).not.toBe(ch);
    await waitFor(() => !h.channels.has(info.key), 3_000, 'the empty shared channel to close');
    expect(ch.ingest).toBeNull();
    await c.submit({ type: 'replay.stop' });
    expect(h.channels.get(info.key)?.clients.has(c)).toBe(true);
    expect([...h.channels.keys()]).toEqual([info.key]); // the private copy is gone
    await h.remove(c);
    await waitFor(() => h.channels.size === 0, 3_000, 'every channel to close');
  });

  it('late joiners get the true position; a private copy starts where the shared replay is', async () => {
    const h = hub();
    const ch = await h.open(info, makeSource);
    const first = h.register(transport());
    h.attach(first, ch);
    await new Promise((r) => setTimeout(r, 1_000)); // 60× → about a minute into the session
    const late = transport();
    const lc = h.register(late);
    h.attach(lc, ch);
    const joined = lastReplay(late)!.positionMs;
    expect(joined).toBeGreaterThan(30_000);
    await lc.submit({ type: 'replay.pause' });
    const forked = lastReplay(late)!.positionMs;
    expect(forked).toBeGreaterThanOrEqual(joined);
    expect(forked).toBeLessThan(joined + 30_000);
    // The shared channel keeps its other client and keeps going.
    expect(h.channels.get(info.key)?.clients.size).toBe(1);
  });

  it('a control message over POST is validated like a frame: a bad body rejects with bad_request', async () => {
    const h = hub();
    const c = h.register(transport());
    h.attach(c, await h.open(info, makeSource));
    await expect(c.submit({ type: 'replay.speed', speed: 500 })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(c.submit({ nope: true })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(c.submit({ type: 'replay.speed', speed: 4 })).resolves.toBeUndefined();
  });

  it('commentary is written on the server: one line per detected event, in the same stream', async () => {
    const h = hub();
    const t = transport();
    const c = h.register(t);
    h.attach(c, await h.open(info, makeSource));
    await c.submit({ type: 'replay.start', id: ID, positionMs: 1_500_000, speed: 60 });
    await waitFor(() => t.msgs.some((m) => m.type === 'commentary'), 10_000, 'a commentary line');
    const lines = t.msgs.filter((m) => m.type === 'commentary').map((m) => m.line as { text: string });
    const events = t.msgs.filter((m) => m.type === 'event');
    expect(lines.length).toBe(events.length);
    expect(lines.some((l) => /^Fastest lap: [A-Z]{3} 1:\d\d\.\d{3}$/.test(l.text))).toBe(true);
  });

  it('after switching channel with a delay set, nothing queued for the old channel arrives', async () => {
    const h = hub();
    const t = transport();
    const c = h.register(t);
    h.attach(c, await h.open(info, makeSource));
    await c.submit({ type: 'delay', seconds: 1 });
    await new Promise((r) => setTimeout(r, 300));
    await c.submit({ type: 'replay.start', id: ID, positionMs: 0 });
    const hello = t.msgs.findLastIndex((m) => m.type === 'hello');
    await new Promise((r) => setTimeout(r, 1_300));
    const after = t.msgs.slice(hello + 1).filter((m) => m.type === 'snapshot' || m.type === 'delta');
    // The first state message after the new hello is the new channel's snapshot, from position 0.
    expect(after[0]?.type).toBe('snapshot');
    expect((after[0] as unknown as { state: { timeMs: number } }).state.timeMs).toBeLessThan(5_000);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('Redis away and back', () => {
  it('opening a channel with Redis unreachable answers unavailable within a second', async () => {
    const h = hub(new RedisBus(`redis://127.0.0.1:${await freePort()}`, silentLogger, 'test:'));
    const started = Date.now();
    await expect(h.open(info, makeSource)).rejects.toMatchObject({ code: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('clients hear reconnecting while Redis is down, then a snapshot and live when it is back', async () => {
    const port = await freePort();
    let redis: ChildProcess | null = null;
    const startRedis = async () => {
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
    };
    await startRedis();
    try {
      const bus = new RedisBus(`redis://127.0.0.1:${port}`, silentLogger, `test:${port}:`);
      await waitFor(() => bus.ready(), 5_000, 'redis to be ready');
      const h = hub(bus);
      const t = transport();
      const c = h.register(t);
      h.attach(c, await h.open(info, makeSource));
      await waitFor(() => t.msgs.some((m) => m.type === 'delta'), 5_000, 'deltas');
      redis!.kill('SIGKILL');
      await waitFor(
        () => t.msgs.some((m) => m.type === 'status' && m.status === 'reconnecting'),
        5_000,
        'reconnecting',
      );
      const mark = t.msgs.length;
      await startRedis();
      await waitFor(
        () => t.msgs.slice(mark).some((m) => m.type === 'snapshot'),
        10_000,
        'a snapshot after Redis returns',
      );
      expect(t.msgs.slice(mark).some((m) => m.type === 'status' && m.status === 'live')).toBe(true);
      await waitFor(() => t.msgs.slice(mark).some((m) => m.type === 'delta'), 5_000, 'deltas again');
    } finally {
      (redis as ChildProcess | null)?.kill('SIGKILL');
    }
  });
});

// One conformance suite for the LiveSource interface, run against every source: the three replays, the SignalR
// client against a local feed server, the OpenF1 poller against a local OpenF1 server.
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { RecordingCatalog } from '../recordings/catalog.ts';
import { readFeedRecording } from '../recordings/jsonstream.ts';
import { listFeedRecordings } from '../recordings/livetiming.ts';
import { readOpenF1Records } from '../recordings/openf1.ts';
import { CollectingSink, waitFor } from '../testing/collect.ts';
import { startFeedServer, type FeedServer } from '../testing/feed-server.ts';
import { startOpenF1Server, type OpenF1Server } from '../testing/openf1-server.ts';
import { OpenF1Poller } from './openf1.ts';
import { ReplaySource } from './replay.ts';
import { SignalRSource } from './signalr.ts';
import type { LiveSource } from './source.ts';

const { LIVETIMING_DIR, LAPS_DIR, OPENF1_DIR } = process.env;
const catalog = new RecordingCatalog({
  livetimingDir: LIVETIMING_DIR,
  lapsDir: LAPS_DIR,
  openf1Dir: OPENF1_DIR,
});
const MEXICO_Q = 'livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying';
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function mexicoFeedServer(opts: { startMs: number; speed: number }): Promise<FeedServer> {
  const dir = (await listFeedRecordings(LIVETIMING_DIR!)).find((r) => r.id === MEXICO_Q)!.dir;
  const server = await startFeedServer({ frames: await readFeedRecording(dir), ...opts });
  servers.push(server);
  return server;
}

async function bahrainOpenF1Server(opts: { startMs: number; speed: number }): Promise<OpenF1Server> {
  const server = await startOpenF1Server({
    sessionKey: 9472,
    year: 2024,
    meetingName: 'Sakhir',
    records: await readOpenF1Records(OPENF1_DIR!, 2024, 9472),
    ...opts,
  });
  servers.push(server);
  return server;
}

interface Case {
  name: string;
  make: () => Promise<LiveSource>;
}

const cases: Case[] = [
  {
    name: 'replay of a live-timing recording',
    make: async () => new ReplaySource(await catalog.load(MEXICO_Q), { positionMs: 20 * 60_000, speed: 60 }),
  },
  {
    name: 'replay of a race rebuilt from lap tables',
    make: async () =>
      new ReplaySource(await catalog.load('laps:2024:1:R'), { positionMs: 10 * 60_000, speed: 60 }),
  },
  {
    name: 'replay of an OpenF1 recording',
    make: async () =>
      new ReplaySource(await catalog.load('openf1:9472'), { positionMs: 10 * 60_000, speed: 60 }),
  },
  {
    name: 'F1 SignalR Core client',
    make: async () => {
      const server = await mexicoFeedServer({ startMs: 20 * 60_000, speed: 20 });
      return new SignalRSource({ url: server.url, logger: silentLogger, maxBackoffMs: 300 });
    },
  },
  {
    name: 'OpenF1 REST poller',
    make: async () => {
      const server = await bahrainOpenF1Server({ startMs: 10 * 60_000, speed: 30 });
      return new OpenF1Poller({
        baseUrl: server.url,
        sessionKey: 'latest',
        intervalMs: 300,
        logger: silentLogger,
      });
    },
  },
];

describe.each(cases)('LiveSource conformance: $name', ({ make }) => {
  it('reports live, emits normalised updates that build a running order, and goes quiet when stopped', async () => {
    const source = await make();
    const sink = new CollectingSink();
    source.start(sink);
    try {
      await waitFor(() => sink.statuses.includes('live'), 10_000, 'status live');
      await waitFor(
        () =>
          Object.keys(sink.state.drivers).length >= 15 &&
          sink.state.order.some((n) => sink.state.drivers[n]!.position === 1),
        15_000,
        'a field of drivers with a leader',
      );
      const t = sink.state.timeMs;
      await waitFor(
        () => sink.state.timeMs > t && sink.updates.some((u) => u.kind === 'driver'),
        10_000,
        'time to advance',
      );
      for (const u of sink.updates) {
        expect(Number.isFinite(u.timeMs)).toBe(true);
        expect(u.timeMs).toBeGreaterThanOrEqual(0);
      }
      expect(sink.state.order).toHaveLength(Object.keys(sink.state.drivers).length);
      // Positions of the cars with one are distinct.
      const positions = Object.values(sink.state.drivers)
        .filter((d) => !d.retired && d.position !== null)
        .map((d) => d.position);
      expect(new Set(positions).size).toBe(positions.length);
      const before = sink.updates.length;
      await source.stop();
      const stoppedAt = sink.updates.length;
      await new Promise((r) => setTimeout(r, 500));
      expect(sink.updates.length).toBe(stoppedAt);
      expect(stoppedAt).toBeGreaterThanOrEqual(before);
    } finally {
      await source.stop();
    }
  });
});

describe('network sources survive an upstream drop', () => {
  it('SignalR: drop → reconnecting → live again on a new connection, with a fresh full state', async () => {
    const server = await mexicoFeedServer({ startMs: 30 * 60_000, speed: 5 });
    const source = new SignalRSource({ url: server.url, logger: silentLogger, maxBackoffMs: 300 });
    const sink = new CollectingSink();
    source.start(sink);
    try {
      await waitFor(() => Object.keys(sink.state.drivers).length >= 20, 10_000, 'drivers');
      expect(server.subscriptions[0]).toEqual(
        expect.arrayContaining(['TimingData', 'DriverList', 'RaceControlMessages']),
      );
      expect(server.subscriptions[0]).not.toContain('CarData.z');
      server.drop(400);
      await waitFor(() => sink.statuses.includes('reconnecting'), 5_000, 'reconnecting');
      await waitFor(() => server.connections >= 2 && sink.statuses.at(-1) === 'live', 10_000, 'reconnected');
      expect(Object.keys(sink.state.drivers).length).toBe(20);
    } finally {
      await source.stop();
    }
  });

  it('OpenF1: an outage → reconnecting with backoff, then live; the limiter keeps under 30 requests / 10 s', async () => {
    const server = await bahrainOpenF1Server({ startMs: 20 * 60_000, speed: 10 });
    const source = new OpenF1Poller({
      baseUrl: server.url,
      sessionKey: 9472,
      intervalMs: 100,
      logger: silentLogger,
      maxBackoffMs: 400,
    });
    const sink = new CollectingSink();
    source.start(sink);
    try {
      await waitFor(
        () => sink.statuses.includes('live') && Object.keys(sink.state.drivers).length >= 15,
        10_000,
        'live',
      );
      server.outage(600);
      await waitFor(() => sink.statuses.at(-1) === 'reconnecting', 5_000, 'reconnecting');
      await waitFor(() => sink.statuses.at(-1) === 'live', 10_000, 'live again');
      // Polling every 100 ms would need ~80 requests / s: the token bucket held it at the API's limit.
      expect(server.rejected).toBe(0);
    } finally {
      await source.stop();
    }
  });
});

// /api/live/current following the F1 live feed (LIVE_SOURCE=f1) served by a local SignalR Core server:
// clients get the state, are told `reconnecting` when the upstream drops, keep their state, and resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { readFeedRecording } from './recordings/jsonstream.ts';
import { listFeedRecordings } from './recordings/livetiming.ts';
import { waitFor } from './testing/collect.ts';
import { startFeedServer, type FeedServer } from './testing/feed-server.ts';
import { TestClient } from './testing/ws-client.ts';

let app: App;
let feed: FeedServer;
let port: number;

beforeAll(async () => {
  const rec = (await listFeedRecordings(process.env.LIVETIMING_DIR!)).find((r) =>
    r.id.includes('Mexico-City_Qualifying'),
  )!;
  feed = await startFeedServer({ frames: await readFeedRecording(rec.dir), startMs: 40 * 60_000, speed: 10 });
  const config = loadConfig({
    ...process.env,
    LIVE_SOURCE: 'f1',
    F1_LIVE_URL: feed.url,
    LOG_LEVEL: 'silent',
  });
  app = await buildApp(config, silentLogger, createContext(config, silentLogger));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app?.close();
  await feed?.close();
});

describe('GET /api/live/current with the F1 live feed', () => {
  it('streams the feed, survives an upstream drop with the state kept, and one ingest serves every client', async () => {
    const a = new TestClient(`ws://127.0.0.1:${port}/api/live/current`, { answerPings: true });
    const b = new TestClient(`ws://127.0.0.1:${port}/api/live/current`, { answerPings: true });
    try {
      const hello = await a.next('hello');
      expect(hello.session).toMatchObject({ live: true });
      await waitFor(() => Object.keys(a.state?.drivers ?? {}).length === 20, 10_000, 'drivers');
      await waitFor(() => Object.keys(b.state?.drivers ?? {}).length === 20, 10_000, 'drivers on b');
      expect(feed.connections).toBe(1);
      expect(a.state!.session?.name).toContain('Qualifying');
      const order = a.state!.order;
      feed.drop(500);
      await a.next('status', (m) => m.status === 'reconnecting', 5_000);
      expect(a.state!.order).toEqual(order); // the state is kept while reconnecting
      await a.next('status', (m) => m.status === 'live', 10_000);
      expect(feed.connections).toBe(2);
      const n = a.of('delta').length;
      await waitFor(() => a.of('delta').length > n, 10_000, 'deltas after reconnect');
      expect(a.seqGaps).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });
});

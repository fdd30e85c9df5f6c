// Two server processes sharing one ingest through the real Redis on 127.0.0.1:6379 (LIVE_BUS=redis).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './testing/collect.ts';
import { TestClient } from './testing/ws-client.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const nodes: ChildProcess[] = [];
const clients: TestClient[] = [];

async function startNode(): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/live/testing/node-process.ts'], {
    env: {
      ...process.env,
      LIVE_BUS: 'redis',
      REDIS_URL,
      LOG_LEVEL: 'warn',
      WS_HEARTBEAT_INTERVAL: '2',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  nodes.push(proc);
  const rl = createInterface({ input: proc.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    rl.on('line', (line) => {
      try {
        const port = (JSON.parse(line) as { port?: unknown }).port;
        if (typeof port === 'number') resolve(port); // else a log line
      } catch {
        // a log line
      }
    });
    proc.once('exit', (code) => reject(new Error(`node exited with ${code}`)));
  });
  return { proc, port };
}

interface Stats {
  node: string;
  channels: { key: string; clients: number; ingesting: boolean; seq: number }[];
}
const stats = async (port: number) =>
  (await (await fetch(`http://127.0.0.1:${port}/api/live/stats`)).json()) as Stats;
const KEY = 'replay:livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying';
const ingesting = (s: Stats) => s.channels.find((c) => c.key === KEY)?.ingesting ?? false;

beforeAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('race-engineer:live:*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  for (const p of nodes) if (p.exitCode === null) p.kill('SIGTERM');
});

describe('LIVE_BUS=redis with two server processes', () => {
  it('one node ingests, both fan out the same deltas, and the other takes over when the first dies', async () => {
    const [a, b] = await Promise.all([startNode(), startNode()]);
    const ca = new TestClient(`ws://127.0.0.1:${a.port}/api/live/2025/20?session=Q`, { answerPings: true });
    clients.push(ca);
    await ca.next('snapshot', () => true, 20_000);
    const cb = new TestClient(`ws://127.0.0.1:${b.port}/api/live/2025/20?session=Q`, { answerPings: true });
    clients.push(cb);
    await cb.next('snapshot', () => true, 20_000);

    const [sa, sb] = await Promise.all([stats(a.port), stats(b.port)]);
    expect(sa.node).not.toBe(sb.node);
    expect([ingesting(sa), ingesting(sb)]).toEqual([true, false]);

    // Same deltas (same seq, same content) reach the clients of both nodes, without gaps.
    await waitFor(() => cb.of('delta').length >= 3, 20_000, 'deltas on node b');
    const fromA = new Map(ca.of('delta').map((m) => [m.seq, JSON.stringify(m.delta)]));
    const common = cb.of('delta').filter((m) => fromA.has(m.seq));
    expect(common.length).toBeGreaterThan(0);
    for (const m of common) expect(JSON.stringify(m.delta)).toBe(fromA.get(m.seq));
    expect(cb.seqGaps).toBe(0);
    const timeBefore = cb.state!.timeMs;

    // The ingesting node dies: its ownership expires and node b resumes from the last published state.
    a.proc.kill('SIGKILL');
    let took = false;
    await waitFor(
      () => {
        void stats(b.port).then((s) => (took = ingesting(s)));
        return took;
      },
      30_000,
      'node b to take over',
    );
    const n = cb.of('delta').length;
    await waitFor(() => cb.of('delta').length > n, 10_000, 'deltas after takeover');
    expect(cb.state!.timeMs).toBeGreaterThanOrEqual(timeBefore);
  }, 90_000);
});

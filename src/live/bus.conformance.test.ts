// One LiveBus conformance suite, run against the in-process bus and Redis (127.0.0.1:6379, as CI starts it):
// messages reach every subscriber in order and stop after unsubscribing; one claimant owns a key; a released key
// can be claimed again; a node joining late reads the last published state (where the bus stores it).
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { LocalBus, RedisBus, type HubMessage, type LiveBus } from './bus.ts';
import { initialState } from './reducer.ts';
import { waitFor } from './testing/collect.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: LiveBus[] = [];
afterAll(async () => {
  for (const b of opened) await b.close().catch(() => undefined);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`).catch(() => [] as string[]);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

interface Backend {
  name: string;
  /** Two nodes on the same backend (the in-process bus is one node: it is its own peer). */
  pair(): Promise<[LiveBus, LiveBus]>;
  sharesAcrossNodes: boolean;
  storesState: boolean;
}

const prefix = `test:conformance:${process.pid}:${Date.now()}:`;
const backends: Backend[] = [
  {
    name: 'in-process',
    pair: async () => {
      const b = new LocalBus();
      opened.push(b);
      return [b, b];
    },
    sharesAcrossNodes: false,
    storesState: false,
  },
  {
    name: 'redis',
    pair: async () => {
      const a = new RedisBus(REDIS_URL, silentLogger, prefix);
      const b = new RedisBus(REDIS_URL, silentLogger, prefix);
      opened.push(a, b);
      await waitFor(() => a.ready() && b.ready(), 5_000, 'redis');
      return [a, b];
    },
    sharesAcrossNodes: true,
    storesState: true,
  },
];

describe.each(backends)('LiveBus conformance: $name', (backend) => {
  it('delivers every message to every subscriber in order, and nothing after unsubscribing', async () => {
    const [a, b] = await backend.pair();
    const got1: number[] = [];
    const got2: number[] = [];
    const off1 = await a.subscribe('k1', (m) => m.type === 'delta' && got1.push(m.seq));
    const off2 = await b.subscribe('k1', (m) => m.type === 'delta' && got2.push(m.seq));
    for (let seq = 1; seq <= 20; seq++) a.publish('k1', { type: 'delta', seq, delta: { timeMs: seq } });
    await waitFor(() => got1.length === 20 && got2.length === 20, 5_000, 'every message');
    expect(got1).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(got2).toEqual(got1);
    await off1();
    a.publish('k1', { type: 'delta', seq: 21, delta: {} });
    await waitFor(() => got2.length === 21, 5_000, 'the message after one unsubscribed');
    expect(got1).toHaveLength(20);
    await off2();
    expect(a.ready()).toBe(true);
  });

  it('one claimant owns a key until it releases it', async () => {
    const [a, b] = await backend.pair();
    expect(await a.claim('k2')).toBe(true);
    expect(await a.claim('k2')).toBe(true); // renewing
    if (backend.sharesAcrossNodes) {
      expect(await b.claim('k2')).toBe(false);
      await a.release('k2');
      expect(await b.claim('k2')).toBe(true);
      await b.release('k2');
    }
  });

  it('a node joining late reads the last published state', async () => {
    const [a, b] = await backend.pair();
    const state = { ...initialState(), timeMs: 1234 };
    const snap: HubMessage = { type: 'snapshot', seq: 7, state };
    a.publish('k3', snap);
    if (!backend.storesState) {
      expect(await b.loadState('k3')).toBeNull(); // one node: there is no one to join late
      return;
    }
    let stored: Awaited<ReturnType<LiveBus['loadState']>> = null;
    for (let i = 0; i < 50 && !stored; i++) {
      stored = await b.loadState('k3');
      if (!stored) await new Promise((r) => setTimeout(r, 20));
    }
    expect(stored).toEqual({ seq: 7, state });
  });
});

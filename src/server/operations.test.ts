// Operations surface of one node: liveness and readiness probes, Prometheus metrics, graceful shutdown
// (live WebSockets closed with 1012, a request in flight still answered).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { waitFor } from '../live/testing/collect.ts';
import { TestClient } from '../live/testing/ws-client.ts';
import { buildApp, type App } from './app.ts';
import { createContext, type AppContext } from './context.ts';
import { shutdownGracefully } from './serve.ts';

const dir = mkdtempSync(join(tmpdir(), 'ops-'));
const configOf = (extra: Record<string, string> = {}) =>
  loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    LLM_PROVIDER: 'offline',
    CHATS_DB_PATH: join(dir, `chats-${Math.random().toString(36).slice(2)}.db`),
    ANALYSIS_DB_PATH: join(dir, `analysis-${Math.random().toString(36).slice(2)}.db`),
    RULEBOOK_DIR: '',
    RULEBOOK_DB_PATH: join(dir, 'no-rulebook.db'),
    SHUTDOWN_TIMEOUT: '20',
    ...extra,
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('probes and metrics', () => {
  let app: App;
  let ctx: AppContext;
  beforeAll(async () => {
    const config = configOf();
    ctx = createContext(config, silentLogger);
    app = await buildApp(config, silentLogger, ctx);
  });
  afterAll(async () => app?.close());

  it('live answers; ready lists its checks and is 200 when the database, store and rulebook are fine', async () => {
    expect((await app.inject('/api/health/live')).json()).toEqual({ status: 'live' });
    const ready = await app.inject('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: {
        database: { ok: true },
        store: { ok: true, detail: expect.stringMatching(/^sqlite, \d+ migrations applied/) },
        rulebook: { ok: true, detail: expect.stringMatching(/^(off|open)/) },
        shutdown: { ok: true },
      },
    });
  });

  it('ready is 503 with the error shape when the F1 database is missing', async () => {
    const config = configOf({ DATABASE_PATH: join(dir, 'missing.db') });
    const c = createContext(config, silentLogger);
    const a = await buildApp(config, silentLogger, c);
    try {
      const r = await a.inject('/api/health/ready');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({
        status: 'unready',
        checks: { database: { ok: false } },
        error: { code: 'unavailable', message: expect.stringMatching(/^Not ready: database/) },
      });
    } finally {
      await a.close();
    }
  });

  it('/metrics: HTTP latency by route pattern, agent answers by engine and outcome, live gauges, sync age', async () => {
    expect((await app.inject('/api/schedule/2024')).statusCode).toBe(200);
    expect((await app.inject('/api/schedule/2023')).statusCode).toBe(200);
    const ask = await app.inject({
      method: 'POST',
      url: '/api/ask',
      payload: { question: 'Who won the 2021 title?' },
    });
    expect(ask.statusCode).toBe(200);
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(
      /race_engineer_http_request_duration_seconds_count\{method="GET",route="\/api\/schedule\/:year",status="200"\} 2/,
    );
    expect(text).toMatch(/race_engineer_agent_answers_total\{engine="offline",outcome="answered"\} 1/);
    expect(text).toMatch(/race_engineer_agent_tool_calls_total\{tool="[a-z_]+",outcome="ok"\} \d+/);
    expect(text).toMatch(/race_engineer_live_clients 0/);
    expect(text).toMatch(/race_engineer_sql_queue_waiting 0/);
    expect(text).toMatch(/race_engineer_data_sync_age_seconds \d+/);
    expect(text).toMatch(/race_engineer_process_cpu_seconds_total/);
  });
});

describe('graceful shutdown', () => {
  it('turns readiness off, closes live WebSockets with 1012 (reconnect), and answers the request in flight', async () => {
    const config = configOf({ WS_HEARTBEAT_INTERVAL: '5', WS_STALE_TIMEOUT: '60' });
    const ctx = createContext(config, silentLogger);
    const app = await buildApp(config, silentLogger, ctx);
    // A slow request in flight when the signal comes.
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 600));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const client = new TestClient(`ws://127.0.0.1:${port}/api/live/2024/1`, { answerPings: true });
    await client.next('snapshot');
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    const stopping = shutdownGracefully(app, ctx, 'SIGTERM');
    expect(ctx.draining).toBe(true);
    await waitFor(() => client.closeCode !== null, 5000);
    expect(client.closeCode).toBe(1012);
    expect(await slow).toEqual({ done: true });
    await stopping;
    await expect(fetch(`http://127.0.0.1:${port}/api/health/live`)).rejects.toThrow();
  }, 60_000);
});

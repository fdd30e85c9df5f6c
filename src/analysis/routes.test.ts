// The analysis endpoints through the real HTTP stack (fastify inject) over the real database and data set,
// including malformed and unknown inputs.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { runPredictionStartup } from './predictions/warm-on-listen.ts';

let app: App;
let ctx: AppContext;

beforeAll(async () => {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    ANALYSIS_DB_PATH: join(mkdtempSync(join(tmpdir(), 'analysis-')), 'analysis.db'),
    ANALYSIS_CACHE_DIR: '.cache/test/analysis',
    // Nothing listens here: weather must degrade to "forecast unavailable", never fail.
    OPEN_METEO_URL: 'http://127.0.0.1:9',
  });
  ctx = createContext(config, silentLogger);
  app = await buildApp(config, silentLogger, ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
async function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await app.inject({ method, url, payload: payload as Json });
  return { status: res.statusCode, body: res.json() as Json };
}

describe('analysis routes', () => {
  it('GET /api/predictions/:year/:round (number or name) off the event loop, cached, never writing', async () => {
    // The event loop stays free while the models are fitted (in the predictions thread): no timer waits long.
    let longest = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 10);
    const r = await call('GET', '/api/predictions/2024/miami');
    clearInterval(probe);
    expect(r.status).toBe(200);
    expect(r.body.round).toBe(6);
    expect(r.body.predictions[0]).toHaveProperty('pWin');
    expect(longest).toBeLessThan(400);
    const upcoming = await call('GET', '/api/predictions/2026/13');
    expect(upcoming.status).toBe(200);
    expect(upcoming.body.stage).toBe('pre-qualifying');
    // Same race, same data version: the same prediction (the cached one, generated once).
    const again = await call('GET', '/api/predictions/2026/13');
    expect(again.body.generatedAt).toBe(upcoming.body.generatedAt);
    // A GET never writes: no tracker file appears, the accuracy summary is empty.
    expect(existsSync(ctx.config.ANALYSIS_DB_PATH)).toBe(false);
    const acc = await call('GET', '/api/predictions/accuracy');
    expect(acc.status).toBe(200);
    expect(acc.body.tracked).toBe(0);
    expect(existsSync(ctx.config.ANALYSIS_DB_PATH)).toBe(false);
    // The start-up job stores the next race not yet run (as of the clock) for the tracker.
    await runPredictionStartup(
      ctx.config,
      () => ctx.db(),
      ctx.store.tracker,
      silentLogger,
      () => new Date('2026-07-01T00:00:00Z'),
    );
    const tracked = await call('GET', '/api/predictions/accuracy');
    expect(tracked.body.tracked).toBe(1);
    expect(tracked.body.races[0]).toMatchObject({ year: 2026, scores: null });
  }, 120_000);

  it('GET /api/strategy/:year/:round with a driver and a lap', async () => {
    const r = await call('GET', '/api/strategy/2024/8?driver=LEC&lap=30');
    expect(r.status).toBe(200);
    expect(r.body.rejoin).toMatchObject({ driver: 'LEC', afterLap: 30 });
    expect(r.body.safetyCar.safetyCarProbability).toBeGreaterThan(0);
    expect((await call('GET', '/api/strategy/2024/8?lap=abc')).status).toBe(400);
    expect((await call('GET', '/api/strategy/2024/8?driver=QQQ')).status).toBe(400);
  }, 120_000);

  it('GET /api/weather/:year/:round', async () => {
    const past = await call('GET', '/api/weather/2024/14');
    expect(past.status).toBe(200);
    expect(past.body.status).toBe('past');
    const upcoming = await call('GET', '/api/weather/2026/23');
    expect(upcoming.status).toBe(200);
    expect(upcoming.body.forecastAvailable).toBe(false);
    expect(upcoming.body.notes.join(' ')).toMatch(/unavailable/i);
  }, 120_000);

  it('GET /api/scenario/:year and POST what-if', async () => {
    const s = await call('GET', '/api/scenario/2025?round=21&driver=VER');
    expect(s.status).toBe(200);
    expect(s.body.driver.driverId).toBe('max-verstappen');
    const w = await call('POST', '/api/scenario/2025/what-if', {
      afterRound: 21,
      results: [{ round: 22, order: ['NOR', 'PIA', 'VER'] }],
    });
    expect(w.status).toBe(200);
    expect(w.body.standings[0].driverId).toBe('lando-norris');
    const bad = await call('POST', '/api/scenario/2025/what-if', { results: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  }, 120_000);

  it('bad input: 400 / 404 with a message', async () => {
    for (const [url, status] of [
      ['/api/predictions/abc/1', 400],
      ['/api/predictions/2024/40', 404],
      ['/api/predictions/1990/1', 400],
      ['/api/strategy/2024/99', 404],
      ['/api/weather/2024/0', 400],
      ['/api/scenario/1980', 400],
      ['/api/scenario/2025?round=-1', 400],
    ] as const) {
      const r = await call('GET', url);
      expect(r.status, url).toBe(status);
      expect(typeof r.body.error.message).toBe('string');
    }
  });
});

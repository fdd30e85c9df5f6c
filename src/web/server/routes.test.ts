// The server side of the web app: track outlines matched from f1db circuits to the circuits-geojson
// collection, and the built client served at / with an SPA fallback that leaves API 404s alone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { buildApp, type App } from '../../server/app.ts';
import { createContext, type AppContext } from '../../server/context.ts';
import { registerWebRoutes } from './routes.ts';
import { haversineKm } from './outline.ts';

const hasOutlines = !!process.env.CIRCUITS_GEOJSON_DIR;

describe.skipIf(!hasOutlines)('GET /api/circuits/:id/outline', () => {
  let app: App;
  let ctx: AppContext;
  beforeAll(async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    ctx = createContext(config, silentLogger);
    app = await buildApp(config, silentLogger, ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('matches f1db circuits to their outline by location', async () => {
    for (const [id, outline] of [
      ['monza', 'it-1922'],
      ['yas-marina', 'ae-2009'],
      ['spa-francorchamps', 'be-1925'],
      ['bahrain', 'bh-2002'],
    ]) {
      const res = await app.inject(`/api/circuits/${id}/outline`);
      expect(res.statusCode, id).toBe(200);
      const body = res.json() as {
        outlineId: string;
        circuitId: string;
        points: [number, number][];
        bbox: number[];
      };
      expect(body.outlineId, id).toBe(outline);
      expect(body.circuitId).toBe(id);
      expect(body.points.length).toBeGreaterThan(50);
      const [minLon, minLat, maxLon, maxLat] = body.bbox as [number, number, number, number];
      expect(haversineKm(minLat, minLon, maxLat, maxLon)).toBeLessThan(5);
    }
  });

  it('accepts an outline id directly', async () => {
    const res = await app.inject('/api/circuits/it-1922/outline');
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toMatch(/Monza/);
  });

  it('404s an unknown circuit and one with no outline (Reims has none), with a message', async () => {
    const unknown = await app.inject('/api/circuits/atlantis/outline');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Unknown circuit/);
    const none = await app.inject('/api/circuits/reims/outline');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toMatch(/No track outline/);
  });
});

describe('serving the built client', () => {
  let dist: string;
  let app: App;
  let ctx: AppContext;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Race Engineer</title>');
    writeFileSync(join(dist, 'assets', 'app-abc.js'), 'console.log(1)');
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    ctx = createContext(config, silentLogger);
    app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as App;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    // As the real app does (src/server/app.ts): AppError → its status.
    app.setErrorHandler((err: Error & { status?: number }, _req, reply) =>
      reply.status(err.status ?? 500).send({ error: err.message }),
    );
    await registerWebRoutes(app, ctx, `${dist}/`);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and the hashed assets', async () => {
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Race Engineer');
    const asset = await app.inject('/assets/app-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('falls back to index.html for client routes opened by a browser', async () => {
    const res = await app.inject({ url: '/race/2021/22', headers: { accept: 'text/html,*/*' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Race Engineer');
  });

  it('keeps JSON 404s for API paths and for clients that do not ask for HTML', async () => {
    const api = await app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.body).not.toContain('<!doctype');
    const plain = await app.inject('/standings');
    expect(plain.statusCode).toBe(404);
    expect(plain.body).not.toContain('<!doctype');
  });
});

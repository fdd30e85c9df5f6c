// Every F1 data endpoint through the real HTTP stack (fastify inject) over the real database,
// including malformed and unknown inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { buildApp, type App } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';

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

// Responses are checked field by field: reading them as loosely typed JSON keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return {
    status: res.statusCode,
    body: res.json() as Json,
    type: res.headers['content-type'],
  };
}

async function expectError(url: string, status: 400 | 404, message?: RegExp) {
  const r = await get(url);
  expect(r.status, url).toBe(status);
  expect(r.body.error.code).toBe(status === 400 ? 'bad_request' : 'not_found');
  expect(typeof r.body.error.message).toBe('string');
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  if (message) expect(r.body.error.message).toMatch(message);
  return r.body.error;
}

describe('health', () => {
  it('GET /api/health gives the data version and the latest race with results', async () => {
    const r = await get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(typeof r.body.dataVersion).toBe('string');
    expect(r.body.latestRace).toMatchObject({ year: 2026, round: 11 });
  });
});

describe('seasons and schedule', () => {
  it('GET /api/seasons', async () => {
    const r = await get('/api/seasons');
    expect(r.status).toBe(200);
    expect(r.body.seasons[0].year).toBe(1950);
    expect(r.body.seasons.find((s: { year: number }) => s.year === 2007).driversChampion.id).toBe(
      'kimi-raikkonen',
    );
  });

  it('GET /api/schedule/:year', async () => {
    const r = await get('/api/schedule/2024');
    expect(r.status).toBe(200);
    expect(r.body.rounds).toHaveLength(24);
    const monza = r.body.rounds[15];
    expect(monza).toMatchObject({ round: 16, grandPrixId: 'italy', status: 'completed', sprint: false });
    expect(monza.circuit).toMatchObject({ id: 'monza', latitude: 45.620556, longitude: 9.289444 });
    expect(monza.sessions.find((s: { kind: string }) => s.kind === 'RACE').startsAt).toBe(
      '2024-09-01T13:00:00Z',
    );
  });

  it('rejects malformed seasons with 400 and unknown ones with 404', async () => {
    await expectError('/api/schedule/abc', 400, /year/);
    await expectError('/api/schedule/1800', 400, /1950 or later/);
    await expectError('/api/schedule/2024.5', 400);
    await expectError('/api/schedule/2035', 404, /No 2035 season/);
  });
});

describe('races', () => {
  it('GET /api/races/:year/:round by number and by grand prix name', async () => {
    const byNumber = await get('/api/races/2024/16');
    expect(byNumber.status).toBe(200);
    expect(byNumber.type).toMatch(/application\/json/);
    for (const name of ['monza', 'italian', 'Italian%20Grand%20Prix', 'ITALY']) {
      const byName = await get(`/api/races/2024/${name}`);
      expect(byName.status, name).toBe(200);
      expect(byName.body.round).toBe(16);
    }
    const b = byNumber.body;
    expect(b.podium.map((p: { driver: { code: string } }) => p.driver.code)).toEqual(['LEC', 'PIA', 'NOR']);
    expect(b.classification[0]).toMatchObject({
      grid: 4,
      placesGained: 3,
      laps: 53,
      points: 25,
      status: 'Finished',
    });
    expect(b.qualifying[0].q1).toMatch(/^1:\d\d\.\d{3}$/);
    expect(b.pitStops[0]).toHaveProperty('lap');
    expect(b.fastestLap.driver.id).toBe('lando-norris');
  });

  it('includes sprint results on sprint weekends', async () => {
    const r = await get('/api/races/2024/china');
    expect(r.body.sprint[0].driver.id).toBe('max-verstappen');
    expect(r.body.sprintQualifying[0].position).toBe(1);
  });

  it('rejects bad rounds', async () => {
    await expectError('/api/races/2024/0', 400, /round/);
    await expectError('/api/races/2024/-3', 400, /round/);
    await expectError('/api/races/abc/1', 400, /year/);
    await expectError('/api/races/1800/1', 400);
    await expectError('/api/races/2024/25', 404, /No round 25 in 2024/);
    await expectError('/api/races/2040/1', 404, /No 2040 season/);
    const ambiguous = await expectError('/api/races/2020/silverstone', 404, /ambiguous/);
    expect(ambiguous.matches).toHaveLength(2);
    const unknown = await expectError('/api/races/2024/atlantis', 404, /No round matches "atlantis"/);
    expect(unknown.matches.length).toBeGreaterThan(0);
  });
});

describe('standings', () => {
  it('GET /api/standings/drivers/:year, final and after a round', async () => {
    const final = await get('/api/standings/drivers/2008');
    expect(final.body).toMatchObject({ year: 2008, round: 18, final: true });
    expect(final.body.standings[0]).toMatchObject({
      driver: { id: 'lewis-hamilton' },
      points: 98,
      champion: true,
    });
    const after = await get('/api/standings/drivers/2008?round=10');
    expect(after.body).toMatchObject({ round: 10, final: false });
    expect(after.body.standings[0].points).toBe(58);
  });

  it('GET /api/standings/constructors/:year', async () => {
    const r = await get('/api/standings/constructors/2024?round=abu%20dhabi');
    expect(r.status).toBe(200);
    expect(r.body.standings[0]).toMatchObject({ team: { id: 'mclaren' }, points: 666, champion: true });
  });

  it('rejects bad standings requests', async () => {
    await expectError('/api/standings/drivers/abc', 400);
    await expectError('/api/standings/drivers/2008?round=0', 400, /round/);
    await expectError('/api/standings/drivers/2008?round=19', 404);
    await expectError('/api/standings/constructors/2026?round=23', 404, /results up to round/);
    await expectError('/api/standings/constructors/1066', 400);
  });
});

describe('drivers, constructors, circuits', () => {
  it('GET /api/drivers?search=', async () => {
    const r = await get('/api/drivers?search=verstappen');
    expect(r.body.drivers.map((d: { id: string }) => d.id)).toEqual(['max-verstappen', 'jos-verstappen']);
    const none = await get('/api/drivers?search=qqqqqqqq');
    expect(none.status).toBe(200);
    expect(none.body.drivers).toEqual([]);
    const season = await get('/api/drivers?year=1988');
    expect(season.body.drivers.map((d: { id: string }) => d.id)).toContain('ayrton-senna');
    await expectError('/api/drivers?limit=0', 400);
    await expectError('/api/drivers?year=1900', 400);
  });

  it('GET /api/drivers/:id by code, number and name', async () => {
    for (const q of ['VER', 'max%20verstappen', 'verstappen', 'max-verstappen', '33']) {
      const r = await get(`/api/drivers/${q}`);
      expect(r.status, q).toBe(200);
      expect(r.body.id).toBe('max-verstappen');
    }
    const r = await get('/api/drivers/raikkonen');
    expect(r.body.name).toBe('Kimi Räikkönen');
    expect(r.body.career).toMatchObject({ titles: 1, firstSeason: 2001 });
    for (const k of ['starts', 'wins', 'poles', 'podiums', 'points', 'titles', 'seasons']) {
      expect(typeof r.body.career[k], k).toBe('number');
    }
    const e = await expectError('/api/drivers/zzzyxx', 404, /No driver matches/);
    expect(Array.isArray(e.matches)).toBe(true);
  });

  it('GET /api/constructors and /api/constructors/:id', async () => {
    expect((await get('/api/constructors?search=ferrari')).body.constructors[0].id).toBe('ferrari');
    const mcl = await get('/api/constructors/mclaren');
    expect(mcl.body.career.titles).toBeGreaterThanOrEqual(9);
    await expectError('/api/constructors/nonexistent%20racing%20team', 404);
  });

  it('GET /api/circuits and /api/circuits/:id', async () => {
    expect((await get('/api/circuits')).body.circuits.length).toBeGreaterThan(70);
    const spa = await get('/api/circuits/spa');
    expect(spa.body).toMatchObject({ id: 'spa-francorchamps', country: 'Belgium' });
    await expectError('/api/circuits/xqzv', 404);
  });
});

describe('compare', () => {
  it('GET /api/compare/:year/:a/:b', async () => {
    const r = await get('/api/compare/2007/raikkonen/hamilton');
    expect(r.status).toBe(200);
    expect(r.body.a).toMatchObject({ driver: { id: 'kimi-raikkonen' }, points: 110, wins: 6 });
    expect(r.body.b).toMatchObject({ driver: { id: 'lewis-hamilton' }, points: 109 });
    expect(r.body.rounds).toHaveLength(17);
    expect(r.body.qualifying.a + r.body.qualifying.b).toBeGreaterThan(10);
  });

  it('rejects bad comparisons', async () => {
    await expectError('/api/compare/abc/VER/HAM', 400);
    await expectError('/api/compare/2024/VER/VER', 400, /same driver/);
    await expectError('/api/compare/2024/VER/nobodyatall', 404);
    await expectError('/api/compare/1955/VER/HAM', 404);
  });
});

describe('OpenAPI', () => {
  it('documents every data route with a tag and a summary', async () => {
    const r = await get('/docs/json');
    const paths = r.body.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    const mine = [
      '/api/seasons',
      '/api/schedule/{year}',
      '/api/races/{year}/{round}',
      '/api/standings/drivers/{year}',
      '/api/standings/constructors/{year}',
      '/api/drivers',
      '/api/drivers/{id}',
      '/api/constructors',
      '/api/constructors/{id}',
      '/api/circuits',
      '/api/circuits/{id}',
      '/api/compare/{year}/{a}/{b}',
    ];
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(mine));
    for (const p of mine) {
      expect(paths[p]!.get!.tags?.length, p).toBeGreaterThan(0);
      expect(paths[p]!.get!.summary, p).toBeTruthy();
    }
  });
});

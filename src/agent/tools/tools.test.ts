// The tool registry and the data tools against the real test database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, type Config } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { openDatabase, type Db } from '../../data/db.ts';
import { listTools, runTool, toolJsonSchema } from './registry.ts';
import { resolveDriver } from '../../data/queries/resolve.ts';
import { checkSelect, runReadOnlySql } from './sql.tool.ts';
import type { AgentTool, ToolContext } from './types.ts';

let db: Db;
let config: Config;
let ctx: ToolContext;
const NOW = new Date('2026-11-26T12:00:00Z');

beforeAll(() => {
  config = loadConfig({ ...process.env, TAVILY_API_KEY: '' });
  db = openDatabase(config.DATABASE_PATH);
  ctx = { config, logger: silentLogger, db: () => db, now: () => NOW };
});
afterAll(() => db.close());

const ok = async (name: string, args: unknown) => {
  const o = await runTool(name, args, ctx);
  if (!o.ok) throw new Error(`${name}: ${o.error}`);
  return o.result!;
};

describe('registry', () => {
  it('lists every tool with a description, a zod schema, JSON Schema and execute', () => {
    const names = listTools(config).map((t) => t.name);
    for (const n of [
      'get_season_schedule',
      'get_race_results',
      'get_qualifying_results',
      'get_sprint_results',
      'get_sprint_qualifying_results',
      'get_driver_standings',
      'get_constructor_standings',
      'compare_drivers',
      'get_driver_profile',
      'query_f1_database',
      'calculate_championship_scenario',
      'get_pit_strategy',
      'get_race_predictions',
      'get_weather_conditions',
      'consult_rulebook',
    ]) {
      expect(names).toContain(n);
    }
    for (const t of listTools(config)) {
      expect(t.description.length).toBeGreaterThan(40);
      expect(t.inputSchema).toBeInstanceOf(z.ZodType);
      expect(toolJsonSchema(t)).toMatchObject({ type: 'object' });
    }
  });

  it('offers web search only when a search key is configured', () => {
    expect(listTools(config).map((t) => t.name)).not.toContain('perform_web_search');
    const withKey = loadConfig({ ...process.env, TAVILY_API_KEY: 'tvly-x' });
    expect(listTools(withKey).map((t) => t.name)).toContain('perform_web_search');
  });

  it('turns unknown tools, bad arguments, thrown errors and timeouts into error outcomes', async () => {
    expect((await runTool('nope', {}, ctx)).error).toMatch(/Unknown tool "nope"/);
    expect((await runTool('get_race_results', { year: 1900, grand_prix: 'x' }, ctx)).error).toMatch(
      /Invalid arguments/,
    );
    const slow: AgentTool = {
      name: 'slow',
      description: 'never answers in time',
      inputSchema: z.object({}),
      execute: () => new Promise(() => {}),
    };
    const failing: AgentTool = {
      name: 'failing',
      description: 'throws',
      inputSchema: z.object({}),
      execute: () => {
        throw new Error('sensor failure');
      },
    };
    const fast = { ...ctx, config: { ...config, TOOL_TIMEOUT: 0.05 } };
    const t = await runTool('slow', {}, fast, [slow]);
    expect(t).toMatchObject({ ok: false, error: 'Tool "slow" timed out after 0.05 s' });
    expect(await runTool('failing', {}, ctx, [failing])).toMatchObject({
      ok: false,
      error: 'sensor failure',
    });
  });
});

describe('data tools', () => {
  it('race results: winner, fastest lap, pit stops and sources', async () => {
    const r = await ok('get_race_results', { year: 2021, grand_prix: 'Abu Dhabi' });
    const data = r.data as {
      results: { driver: string; pitStops: number | null }[];
      fastestLap: { driver: string };
    };
    expect(data.results[0]!.driver).toBe('Max Verstappen');
    expect(data.fastestLap.driver).toBe('Max Verstappen');
    expect(r.markdown).toContain('| 1 | Max Verstappen | Red Bull |');
    expect(r.sources).toEqual(['f1db — 2021 Abu Dhabi GP classification']);
  });

  it('resolves names as fans type them and relative references through the calendar', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 2019, grand_prix: 'red bull ring' }, 'Austrian Grand Prix'],
      [{ year: 2020, grand_prix: 'Sakhir' }, 'Sakhir Grand Prix'],
      [{ year: 2017, grand_prix: 'Sakhir' }, 'Bahrain Grand Prix'],
      [
        { year: 2023, grand_prix: 'Formula 1 Rolex Grosser Preis von Österreich 2023' },
        'Austrian Grand Prix',
      ],
      [{ year: 2020, grand_prix: 'barcelona' }, 'Spanish Grand Prix'],
      [{ grand_prix: 'last race' }, '2026 Hungarian Grand Prix'],
      [{ year: 'this season', grand_prix: 'round 3' }, '2026 Japanese Grand Prix'],
    ];
    for (const [args, expected] of cases) {
      const r = await ok('get_race_results', args);
      expect(r.markdown.split('\n')[0], JSON.stringify(args)).toContain(expected);
    }
    const next = await ok('get_season_schedule', {});
    expect((next.data as { nextRace: { grandPrix: string } }).nextRace.grandPrix).toBe('Qatar Grand Prix');
  });

  it('says plainly when a race has not been run or does not exist', async () => {
    expect((await runTool('get_race_results', { year: 2026, grand_prix: 'Las Vegas' }, ctx)).error).toMatch(
      /not available/,
    );
    expect((await runTool('get_race_results', { year: 2011, grand_prix: 'Bahrain' }, ctx)).error).toMatch(
      /The Bahrain Grand Prix was not held in 2011\. The 2011 calendar: Australian, .*Brazilian\./,
    );
    expect((await runTool('get_race_results', { year: 2027, grand_prix: 'Monza' }, ctx)).error).toMatch(
      /2027 season is not available/,
    );
    expect((await runTool('get_sprint_results', { year: 2021, grand_prix: 'Monaco' }, ctx)).error).toMatch(
      /not available: the 2021 Monaco Grand Prix was not a sprint weekend/,
    );
    // A slip in a race's name reads as the REST routes read it.
    expect((await ok('get_race_results', { year: 2019, grand_prix: 'Monzza' })).markdown).toMatch(/Leclerc/);
    expect((await runTool('get_driver_profile', { driver: 'Zzyzx Qwerty' }, ctx)).error).toMatch(
      /No driver matches "Zzyzx Qwerty"/,
    );
  });

  it("gives the calendar in the time zone asked for (tool argument) or the asker's", async () => {
    const r = await ok('get_season_schedule', { year: 2025, time_zone: 'Europe/London' });
    const races = (r.data as { races: { grandPrix: string; localStart?: string }[] }).races;
    expect(races.find((x) => x.grandPrix === 'Abu Dhabi Grand Prix')?.localStart).toBe(
      'Sun 7 Dec, 13:00 (Europe/London)',
    );
    expect(r.markdown).toContain('Start (Europe/London)');
    const own = await runTool('get_season_schedule', { year: 2025 }, { ...ctx, timeZone: 'Asia/Kolkata' });
    expect(own.result!.markdown).toContain('Start (Asia/Kolkata)');
    const bad = await runTool('get_season_schedule', { year: 2025, time_zone: 'Mars/Olympus' }, ctx);
    expect(bad).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('names drivers and teams through the resolver every REST route uses: same nicknames, same errors', async () => {
    const entries = async (args: object) => {
      const r = await ok('get_team_lineup', args);
      return [...new Set((r.data as { entries: { driverId: string }[] }).entries.map((e) => e.driverId))];
    };
    expect(await entries({ year: 2021, driver: 'checo' })).toEqual(['sergio-perez']);
    expect((await entries({ year: 2012, team: 'the scuderia' })).sort()).toEqual([
      'felipe-massa',
      'fernando-alonso',
    ]);
    // Two namesakes of one season: the same ambiguity error (with both listed) as /api/drivers/schumacher?year=2001.
    const both = await runTool('get_team_lineup', { year: 2001, driver: 'schumacher' }, ctx);
    expect(both.code).toBe('not_found');
    let rest: unknown;
    try {
      resolveDriver(db, 'schumacher', { year: 2001 });
    } catch (err) {
      rest = (err as Error).message;
    }
    expect(both.error).toBe(rest);
    expect(both.error).toMatch(/ambiguous in 2001: it could be Michael Schumacher .*Ralf Schumacher/);
  });

  it('standings after a round count wins to that round', async () => {
    const r = await ok('get_driver_standings', { year: 2022, after_round: 13 });
    const top = (r.data as { standings: { name: string; wins: number; points: number }[] }).standings[0]!;
    expect(top).toMatchObject({ name: 'Max Verstappen', wins: 8, points: 258 });
    const c = await ok('get_constructor_standings', { year: 2023, after_grand_prix: 'Silverstone' });
    expect((c.data as { afterRound: number; standings: { name: string }[] }).standings[0]!.name).toBe(
      'Red Bull',
    );
  });

  it('compares two drivers at a race and over a season', async () => {
    const race = await ok('compare_drivers', {
      driver1: 'Brundle',
      driver2: 'Herbert',
      year: 1993,
      grand_prix: 'Japanese GP',
    });
    expect((race.data as { ahead: string }).ahead).toBe('martin-brundle');
    const season = await ok('compare_drivers', { driver1: 'Hamilton', driver2: 'Verstappen', year: 2021 });
    const d = season.data as { driver1: { wins: number }; driver2: { wins: number } };
    expect([d.driver1.wins, d.driver2.wins]).toEqual([8, 10]);
  });

  it('career totals up to a round', async () => {
    const r = await ok('get_driver_profile', { driver: 'Ocon', up_to_year: 2026, up_to_round: 11 });
    expect(r.data).toMatchObject({ name: 'Esteban Ocon', podiums: 4, wins: 1 });
  });
});

describe('query_f1_database', () => {
  it('runs one read-only SELECT with a row cap', async () => {
    const r = await ok('query_f1_database', { sql: 'SELECT id FROM driver ORDER BY id' });
    const data = r.data as { rows: unknown[]; truncated: boolean };
    expect(data.rows).toHaveLength(200);
    expect(data.truncated).toBe(true);
  });

  it('refuses writes, several statements, ATTACH and PRAGMA', async () => {
    for (const sql of [
      'DELETE FROM race',
      'SELECT 1; DROP TABLE race',
      "ATTACH DATABASE '/tmp/x.db' AS x",
      'PRAGMA query_only = OFF',
      'WITH x AS (SELECT 1) DELETE FROM race',
    ]) {
      expect(() => checkSelect(sql), sql).toThrow();
      expect((await runTool('query_f1_database', { sql }, ctx)).ok).toBe(false);
    }
    // Quoted text is data, not SQL.
    expect(checkSelect("SELECT 'drop; delete' AS x")).toBe("SELECT 'drop; delete' AS x");
  });

  it('stops a runaway query at the time limit', async () => {
    const t0 = Date.now();
    await expect(
      runReadOnlySql(
        config.DATABASE_PATH,
        'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c',
        {
          timeoutMs: 300,
        },
      ),
    ).rejects.toThrow(/longer than 0.3 s/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('perform_web_search', () => {
  it('queries the search API with the key and returns titled snippets with URLs', async () => {
    const seen: { auth?: string; body?: Record<string, unknown> } = {};
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen.auth = req.headers.authorization;
        seen.body = JSON.parse(raw) as Record<string, unknown>;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            query: seen.body.query,
            results: [
              {
                title: 'Team confirms 2027 line-up',
                url: 'https://example.org/news/1',
                content: 'The team announced…',
                score: 0.9,
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const cfg = loadConfig({
        ...process.env,
        TAVILY_API_KEY: 'tvly-secret',
        TAVILY_BASE_URL: `http://127.0.0.1:${port}`,
      });
      const o = await runTool(
        'perform_web_search',
        { query: 'F1 2027 driver line-up' },
        { ...ctx, config: cfg },
      );
      expect(o.ok).toBe(true);
      expect(seen.auth).toBe('Bearer tvly-secret');
      expect(seen.body).toMatchObject({ query: 'F1 2027 driver line-up', max_results: 3 });
      expect(o.result!.markdown).toContain('**Team confirms 2027 line-up**');
      expect(o.result!.sources).toEqual(['https://example.org/news/1']);
    } finally {
      server.close();
    }
  });
});

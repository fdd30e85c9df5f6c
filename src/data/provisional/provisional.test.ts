// Provisional results end to end on the 2025 Mexico City GP recording (live timing, no TimingData): a server on
// a copy of the F1 database without that race's result replays the recording through the live ingest; GET
// results answers the provisional classification shortly after the flag, in f1db's order, the offline agent
// says it is provisional from live timing, and swapping the full database in supersedes it. The MCP/agent
// results tool reads the same store; once f1db has the race the stored row is removed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { runTool } from '../../agent/tools/registry.ts';
import { toolContext } from '../../mcp/context.ts';
import { RecordingCatalog } from '../../live/recordings/catalog.ts';
import { reduceAll } from '../../live/reducer.ts';
import { runProvisionalCheck } from '../../server/provisional-check.ts';
import { openStore, type Store } from '../../store/store.ts';
import { openDatabase, type Db } from '../db.ts';
import { classificationFromState } from './classify.ts';
import { ProvisionalResults } from './service.ts';
import { syncOpenF1 } from '../sync/openf1.ts';
import { OpenF1ArchiveServer } from '../sync/testing/openf1-archive.ts';

const LIVETIMING = process.env.LIVETIMING_DIR!;
const RECORDING = join(LIVETIMING, 'pitwall-2025', '2025_Mexico-City-Grand-Prix_Mexico-City_Race');
const ID = 'livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Race';

describe('provisional results', () => {
  it('replayed race: answerable after the flag, equal to f1db, provisional in the agent, superseded by the release', async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    const r = await runProvisionalCheck(config, silentLogger, { recording: RECORDING, leadMinutes: 1 });
    expect(r.year).toBe(2025);
    expect(r.round).toBe(20);
    expect(r.answerableMs).toBeGreaterThanOrEqual(r.flagMs);
    expect(r.minutesAfterFlag).toBeLessThan(2);
    expect(r.cars).toBe(20);
    expect(r.equal).toBe(true);
    expect(r.agent).toMatch(/^Lando Norris won/);
    expect(r.agent).toMatch(/provisional, from live timing/);
    expect(r.supersededMs).not.toBeNull();
  }, 60_000);

  describe('store and tool', () => {
    let work: string;
    let store: Store;
    let stripped: Db;
    let full: Db;
    let current: () => Db;
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'provisional-'));
      const path = join(work, 'f1.db');
      copyFileSync(process.env.DATABASE_PATH!, path);
      const w = new Database(path);
      w.prepare(
        "DELETE FROM race_result WHERE session = 'RACE' AND race_id IN (SELECT id FROM race WHERE (year = 2025 AND round = 20) OR (year = 2024 AND round = 1))",
      ).run();
      w.close();
      stripped = openDatabase(path);
      full = openDatabase(process.env.DATABASE_PATH!);
      current = () => stripped;
      store = openStore({ CHATS_DB_PATH: join(work, 'chats.db'), ANALYSIS_DB_PATH: join(work, 'a.db') });
    });
    afterAll(async () => {
      await store.close();
      stripped.close();
      full.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('records the state at the flag (live only unless from replays), serves it through the MCP tool context, then supersedes it', async () => {
      const catalog = new RecordingCatalog({ livetimingDir: LIVETIMING });
      const rec = await catalog.load(ID);
      const state = reduceAll(rec.updates);
      expect(
        classificationFromState(state)
          .slice(0, 3)
          .map((x) => x.code),
      ).toEqual(['NOR', 'LEC', 'VER']);
      const info = {
        key: `replay:${ID}`,
        session: { id: ID, year: 2025, round: 20, session: 'R', name: 'Mexico City Grand Prix', live: false },
      };
      const liveOnly = new ProvisionalResults({
        store: store.provisional,
        db: () => current(),
        logger: silentLogger,
      });
      expect(await liveOnly.record(info, state)).toBe(false);
      const p = new ProvisionalResults({
        store: store.provisional,
        db: () => current(),
        logger: silentLogger,
        fromReplays: true,
      });
      expect(await p.record(info, state)).toBe(true);
      expect(await p.record(info, state)).toBe(false); // same classification: not written again

      const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
      const ctx = toolContext({ config, logger: silentLogger, db: () => current(), provisional: p.lookup });
      const out = await runTool('get_race_results', { year: 2025, grand_prix: 'round 20' }, ctx);
      expect(out.ok).toBe(true);
      const data = out.result!.data as { provisional?: boolean; results: { driver: string }[] };
      expect(data.provisional).toBe(true);
      expect(data.results[0]!.driver).toBe('Lando Norris');
      expect(out.result!.markdown).toMatch(/provisional, from live timing/);

      // The release with the race is in: f1db's classification, and the stored row is gone.
      current = () => full;
      const after = await runTool('get_race_results', { year: 2025, grand_prix: 'round 20' }, ctx);
      expect((after.result!.data as { provisional?: boolean }).provisional).toBeUndefined();
      expect(await p.lookup(2025, 20, 'RACE')).toBeNull();
      expect(await store.provisional.get(2025, 20, 'RACE')).toBeNull();
    });

    it("OpenF1's session_result from the sync cache stands in when live timing recorded nothing", async () => {
      const server = new OpenF1ArchiveServer(process.env.OPENF1_DIR!, (e) => e.season === 2024);
      await server.start();
      const cacheDir = join(work, 'openf1');
      try {
        const config = loadConfig({
          OPENF1_BASE_URL: server.base,
          OPENF1_CACHE_DIR: cacheDir,
          OPENF1_RATE_PER_SECOND: '1000',
          OPENF1_RATE_PER_MINUTE: '100000',
          LOG_LEVEL: 'silent',
        });
        await syncOpenF1(config, silentLogger, { seasons: { from: 2024, to: 2024 } });
      } finally {
        await server.close();
      }
      current = () => stripped;
      const p = new ProvisionalResults({
        store: store.provisional,
        db: () => current(),
        logger: silentLogger,
        openf1CacheDir: cacheDir,
      });
      // The recordings carry no session_result: the cached one is empty, so there is nothing to stand in.
      expect(await p.lookup(2024, 1, 'RACE')).toBeNull();
      // OpenF1's session_result records (fields as its API documents them) for the 2024 Bahrain GP.
      const index = JSON.parse(readFileSync(join(cacheDir, 'openf1', 'index.json'), 'utf8')) as {
        session_key: number;
      }[];
      const key = index[0]!.session_key;
      const record = (position: number, n: number, gap: number, extra = {}) => ({
        position,
        driver_number: n,
        number_of_laps: 57,
        gap_to_leader: gap,
        dnf: false,
        dns: false,
        dsq: false,
        meeting_key: 1229,
        session_key: key,
        ...extra,
      });
      writeFileSync(
        join(cacheDir, 'openf1', '2024', String(key), 'session_result.json'),
        JSON.stringify([
          record(2, 11, 22.457),
          record(1, 1, 0),
          record(3, 55, 25.11),
          { ...record(20, 2, 0), position: null, number_of_laps: 55, gap_to_leader: null, dnf: true },
        ]),
      );
      const r = await p.lookup(2024, 1, 'RACE');
      expect(r?.source).toBe('openf1');
      expect(r?.rows.map((x) => `${x.positionText}:${x.code}:${x.gap ?? ''}`)).toEqual([
        '1:VER:',
        '2:PER:+22.457',
        '3:SAI:+25.110',
        'DNF:SAR:',
      ]);
      const ctx = toolContext({
        config: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }),
        logger: silentLogger,
        db: () => current(),
        provisional: p.lookup,
      });
      const out = await runTool('get_race_results', { year: 2024, grand_prix: 'round 1' }, ctx);
      expect(out.result!.markdown).toMatch(/provisional, from OpenF1/);
    }, 60_000);
  });
});

// The F1 timing archive source against a local server in the archive's layout, serving the real recordings
// of F1_DATA_DIR/livetiming (season Index.json → session Index.json → topic .jsonStream): a season is synced
// into TIMING_DIR (gzipped topics, the lap tables buildable from it), a second run fetches nothing but the
// season index, a cut download resumes with a Range request, 429/5xx back off within the budget, an upstream
// down fails the run with one clear error and leaves what is stored alone; --dry-run lists and fetches nothing.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { RecordingCatalog } from '../../live/recordings/catalog.ts';
import { loadRaceLaps } from '../laps/laps.ts';
import { listRecordedSessions, recordedSessionLaps, setRecordedLapsDirs } from '../laps/recorded.ts';
import { USER_AGENT } from './http.ts';
import { planSync, runSync } from './run.ts';
import { TimingArchiveServer } from './testing/timing-archive.ts';
import { ARCHIVE_TOPICS } from './timing-archive.ts';

const recordings = join(process.env.LIVETIMING_DIR ?? join(process.env.F1_DATA_DIR!, 'livetiming'));
const QUALI = '2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying';
const QUALI_RAW = join(recordings, 'pitwall-2025', QUALI, 'raw');

let work: string;
let archive: TimingArchiveServer;
let base: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'timing-archive-'));
  archive = new TimingArchiveServer(recordings);
  base = await archive.start();
});
afterAll(async () => {
  await archive.close();
  rmSync(work, { recursive: true, force: true });
  setRecordedLapsDirs([]);
});

let n = 0;
let config: Config;
beforeEach(() => {
  n++;
  archive.seen.length = 0;
  archive.failNext = [];
  archive.cutNextBodyAt = null;
  archive.down = false;
  config = loadConfig({
    TIMING_ARCHIVE_URL: base,
    TIMING_DIR: join(work, `timing-${n}`),
    DATA_SYNC_BACKOFF_MS: '5',
    LOG_LEVEL: 'silent',
  });
});

const sync = (c = config) =>
  runSync({ config: c, logger: silentLogger, only: ['timing'], seasons: { from: 2025, to: 2025 } });
const sessionDir = (c: Config, folder: string) => join(c.TIMING_DIR, '2025', folder);

describe('timing archive sync', () => {
  it('syncs a season: every product topic the archive has, gzipped, byte for byte; then nothing to do', async () => {
    const run = await sync();
    expect(run.failures).toEqual([]);
    const o = run.outcomes[0]!;
    expect(o.summary).toMatch(/^3 sessions fetched/);
    expect(o.changed).toBe(true);
    const stored = readdirSync(join(config.TIMING_DIR, '2025')).sort();
    expect(stored).toEqual([
      QUALI,
      '2025_Mexico-City-Grand-Prix_Mexico-City_Race',
      '2025_Singapore-Grand-Prix_Marina-Bay_Race',
    ]);
    const raw = join(sessionDir(config, QUALI), 'raw');
    for (const topic of ARCHIVE_TOPICS) {
      const src = join(QUALI_RAW, `${topic}.jsonStream`);
      if (!existsSync(src)) {
        expect(existsSync(join(raw, `${topic}.jsonStream.gz`))).toBe(false);
        continue;
      }
      const gz = join(raw, `${topic}.jsonStream.gz`);
      expect(gunzipSync(readFileSync(gz)).equals(readFileSync(src))).toBe(true);
    }
    // Stored compressed, telemetry and the other topics left out.
    expect(existsSync(join(raw, 'CarData.z.jsonStream.gz'))).toBe(false);
    const gzBytes = readdirSync(raw).reduce((s, f) => s + statSync(join(raw, f)).size, 0);
    expect(gzBytes).toBeLessThan(statSync(join(QUALI_RAW, 'TimingData.jsonStream')).size / 3);
    const missing = JSON.parse(readFileSync(join(sessionDir(config, QUALI), 'topics.json'), 'utf8')) as {
      missing: string[];
    };
    expect(missing.missing).toEqual(['LapCount']); // qualifying has no lap count
    expect(archive.seen.every((s) => s.userAgent === USER_AGENT)).toBe(true);

    // The synced folder is a recording: the lap tables build from it.
    const q = listRecordedSessions([config.TIMING_DIR]).find((s) => s.name === 'Qualifying')!;
    expect(q).toMatchObject({ year: 2025, round: 20, eventName: 'Mexico City Grand Prix' });
    const laps = recordedSessionLaps(q);
    expect(Math.min(...laps.filter((l) => l.driver === 'NOR').map((l) => l.lapTime ?? Infinity))).toBe(
      75.586,
    );

    archive.seen.length = 0;
    const again = await sync();
    expect(again.outcomes[0]).toMatchObject({ changed: false, requests: 1 });
    expect(archive.seen.map((s) => s.url)).toEqual(['/static/2025/Index.json']);
  });

  it('a synced race serves the lap-table reader without any CSV', async () => {
    await sync();
    setRecordedLapsDirs([config.TIMING_DIR]);
    const race = loadRaceLaps(undefined, 2025, 20, 'grand_prix');
    expect(race?.eventName).toBe('Mexico City Grand Prix');
    const ver = race!.laps.filter((l) => l.driver === 'VER');
    expect(ver.length).toBeGreaterThan(60);
    expect(ver[0]).toMatchObject({ lap: 1, stint: 1, compound: 'MEDIUM', tyreLife: 1 });
    setRecordedLapsDirs([]);
  });

  it('a synced session is a replay in the recordings catalog', async () => {
    await sync();
    const catalog = new RecordingCatalog({ timingDir: config.TIMING_DIR });
    const listed = await catalog.list();
    const q = listed.find((m) => m.id === `timing:${QUALI}`)!;
    expect(q).toMatchObject({ year: 2025, round: 20, session: 'Q', complete: true });
    expect(q.durationMs).toBeGreaterThan(3_600_000);
    const loaded = await catalog.load(q.id);
    expect(loaded.updates.filter((u) => u.kind === 'driver').length).toBeGreaterThan(1000);
  });

  it('resumes a cut topic download with a Range request', async () => {
    archive.cutNextBodyAt = 300_000; // inside the first large topic (TimingData, ~1 MB)
    const run = await sync();
    expect(run.failures).toEqual([]);
    // Resumed from what reached the disk before the cut (up to the 300 000 bytes sent).
    const ranged = archive.seen.filter((s) => s.range !== null);
    expect(ranged).toHaveLength(1);
    expect(ranged[0]!.url).toMatch(/_Qualifying\/TimingData\.jsonStream$/);
    const from = Number(/^bytes=(\d+)-$/.exec(ranged[0]!.range!)?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(300_000);
    const gz = join(sessionDir(config, QUALI), 'raw', 'TimingData.jsonStream.gz');
    expect(gunzipSync(readFileSync(gz)).equals(readFileSync(join(QUALI_RAW, 'TimingData.jsonStream')))).toBe(
      true,
    );
  });

  it('an interrupted run is taken up where it stopped', async () => {
    // A budget that runs out mid-way through the season: the run fails, the next one finishes the rest.
    const tight = { ...config, TIMING_SYNC_BUDGET: 20 };
    const first = await sync(tight);
    expect(first.failures[0]?.error).toMatch(/request budget of 20/);
    const done = readdirSync(join(config.TIMING_DIR, '2025')).filter((d) =>
      existsSync(join(sessionDir(config, d), 'session_info.json')),
    );
    expect(done.length).toBeLessThan(3);
    const firstTopics = archive.seen.filter((s) => s.url.endsWith('.jsonStream')).map((s) => s.url);
    archive.seen.length = 0;
    const second = await sync();
    expect(second.failures).toEqual([]);
    const again = archive.seen.filter((s) => s.url.endsWith('.jsonStream')).map((s) => s.url);
    // No topic completed in the first run is fetched again.
    const completedFirst = firstTopics.slice(0, -1);
    expect(again.filter((u) => completedFirst.includes(u))).toEqual([]);
    expect(
      readdirSync(join(config.TIMING_DIR, '2025')).filter((d) =>
        existsSync(join(sessionDir(config, d), 'session_info.json')),
      ),
    ).toHaveLength(3);
  });

  it('backs off on 429 and 5xx and still completes', async () => {
    archive.failNext = [429, 503, 500];
    const run = await sync();
    expect(run.failures).toEqual([]);
    expect(archive.seen.slice(0, 4).map((s) => s.url)).toEqual(Array(4).fill('/static/2025/Index.json'));
    expect(run.outcomes[0]!.summary).toMatch(/^3 sessions fetched/);
  });

  it('an upstream down for the whole run fails the source with one error and keeps what is stored', async () => {
    await sync();
    const before = readdirSync(join(config.TIMING_DIR, '2025')).sort();
    archive.down = true;
    const run = await sync({ ...config, DATA_SYNC_BACKOFF_MS: 1 });
    expect(run.outcomes).toEqual([]);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]!.error).toMatch(/f1-timing: .*Index\.json failed after 5 attempts/);
    expect(readdirSync(join(config.TIMING_DIR, '2025')).sort()).toEqual(before);
  });

  it('--dry-run lists the sessions it would fetch and fetches no topic', async () => {
    const plans = await planSync({
      config,
      logger: silentLogger,
      only: ['timing'],
      seasons: { from: 2025, to: 2025 },
    });
    const p = plans[0]!.plan!;
    expect(p.items.map((i) => i.label).sort()).toEqual([
      '2025 Mexico City Grand Prix Qualifying (13 topics)',
      '2025 Mexico City Grand Prix Race (13 topics)',
      '2025 Singapore Grand Prix Race (13 topics)',
    ]);
    expect(p.note).toBe('0 of 3 archived sessions stored');
    expect(archive.seen.map((s) => s.url)).toEqual(['/static/2025/Index.json']);
    expect(existsSync(config.TIMING_DIR)).toBe(false);
  });
});

// The lap-table builder on the real recordings (F1_DATA_DIR/livetiming/pitwall-2025): Mexico City 2025
// qualifying — every driver's best lap equals the official time in f1db, its sectors add up to it and the
// best sectors equal the feed's TimingStats; the Mexico City and Singapore races (recorded without TimingData)
// agree lap by lap with the FastF1-derived lap tables on position, compound, stint and tyre age.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readFeedRecording, readFeedTopicsSync } from '../../live/recordings/jsonstream.ts';
import { buildLaps } from './builder.ts';
import { checkQualifying, compareLapTables, feedBestSectors, officialQualifying } from './check.ts';
import { loadRaceLaps } from './laps.ts';

const rec = join(process.env.LIVETIMING_DIR!, 'pitwall-2025');
const QUALI = join(rec, '2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying');
const db = new Database(process.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
afterAll(() => db.close());

describe('lap tables built from live timing', () => {
  it('Mexico City 2025 qualifying: best laps and sectors equal the official times', async () => {
    const frames = await readFeedRecording(QUALI);
    const laps = buildLaps(frames);
    const official = officialQualifying(db, 2025, 20);
    expect(official.size).toBe(20);
    const q = checkQualifying(laps, official, feedBestSectors(frames));
    expect(q.drivers.filter((d) => !d.lapAgrees)).toEqual([]);
    expect(q.sectorSumAgreement).toBe(1);
    expect(q.bestSectorAgreement).toBe(1);
    const nor = q.drivers.find((d) => d.driver === 'NOR')!;
    expect(nor).toMatchObject({ builtMs: 75_586, officialMs: 75_586 });

    // Every driver's laps run 1..n; pit exits and the yellow early in Q1 are on the laps.
    for (const driver of new Set(laps.map((l) => l.driver))) {
      const mine = laps.filter((l) => l.driver === driver);
      expect(mine.map((l) => l.lap)).toEqual(mine.map((_, i) => i + 1));
    }
    expect(laps.some((l) => l.pitOutTime !== null && l.pitInTime === null)).toBe(true);
    expect(laps.some((l) => l.trackStatus.includes('2'))).toBe(true);
    const best = laps.find((l) => l.driver === 'NOR' && l.lapTime === 75.586)!;
    expect(best).toMatchObject({ sessionPart: 3, compound: 'SOFT', position: 1 });
  });

  it.each([
    ['2025_Mexico-City-Grand-Prix_Mexico-City_Race', 20],
    ['2025_Singapore-Grand-Prix_Marina-Bay_Race', 18],
  ])('%s agrees lap by lap with the lap tables', (folder, round) => {
    const built = buildLaps(
      readFeedTopicsSync(join(rec, folder), ['TimingData', 'TimingAppData', 'TrackStatus', 'DriverList']),
    );
    const table = loadRaceLaps(process.env.LAPS_DIR, 2025, round)!;
    const a = compareLapTables(built, table.laps);
    expect(a.laps).toBeGreaterThan(1000);
    expect(a.builtOnly).toBe(0);
    expect(a.tableOnly).toBeLessThanOrEqual(2);
    expect(a.compound).toBe(1);
    expect(a.stint).toBe(1);
    expect(a.tyreLife).toBe(1);
    expect(a.position).toBeGreaterThan(0.99);
  });
});

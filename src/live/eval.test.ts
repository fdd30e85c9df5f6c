// One replay per source, played to its end as a client sees it, against the official f1db result (the same
// measurement as `race-engineer eval live`).
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../data/db.ts';
import { evalCase } from './eval.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { entrantsFromDb } from './recordings/entrants.ts';

const db = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => db.close());
const catalog = new RecordingCatalog({
  livetimingDir: process.env.LIVETIMING_DIR,
  lapsDir: process.env.LAPS_DIR,
  lapsCacheDir: process.env.ANALYSIS_CACHE_DIR,
  openf1Dir: process.env.OPENF1_DIR,
  entrants: entrantsFromDb(() => db),
});

describe('every source replayed to its end matches the official result', () => {
  it('the default pick for a round with a feed race recording without TimingData is the lap-table race', async () => {
    const r = await evalCase(catalog, db, { label: 'default', year: 2025, round: 20 });
    expect(r.picked).toBe('laps:2025:20:R');
    expect(r.order).toEqual([20, 20]);
    const listed = await catalog.sessions();
    const feed = listed.find((s) => s.id === 'livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Race');
    expect(feed).toMatchObject({ complete: false, default: false });
    expect(feed?.durationMs).toBeGreaterThan(3_600_000);
    expect(listed.find((s) => s.id === 'laps:2025:20:R')).toMatchObject({ complete: true, default: true });
  });

  it.each([
    ['laps', 2024, 1],
    ['laps', 2021, 22],
    ['openf1', 2024, 1],
    ['openf1', 2024, 20],
  ])('%s %i round %i: order, pit stops, laps, and a clean tower on the way', async (source, year, round) => {
    const r = await evalCase(catalog, db, { label: source, year, round, source });
    const all = (x: [number, number] | null) => expect(x && x[0]).toBe(x && x[1]);
    all(r.order);
    all(r.pitStops);
    all(r.laps);
    all(r.codes);
    all(r.colours);
    all(r.gaps);
    all(r.tyreAge);
    expect(r.duplicatePositionStates).toBe(0);
    expect(r.lappedShownAsTime).toBe(0);
    expect(r.retiredInRunningOrder).toBe(0);
    expect(r.overtakesOnPittedCars[0]).toBe(0);
    expect(r.overtakesOnPittedCars[1]).toBeGreaterThan(10);
  });

  it('the 2025 Mexico City qualifying feed: official order and every best lap as the result has it', async () => {
    const r = await evalCase(catalog, db, { label: 'q', year: 2025, round: 20, session: 'Q' });
    expect(r.order).toEqual([20, 20]);
    expect(r.bestLaps).toEqual([20, 20]);
    // The feed itself moves cars one message at a time: one tower in ~9 000 shows a shared place.
    expect(r.duplicatePositionStates).toBeLessThan(0.001);
  });
});

// The provisional results table on both backends (SQLite file, a PostgreSQL schema of its own): stored on one
// node and read on the other, replaced by a later classification of the same session, kept apart per session,
// removed once superseded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionalResult } from './provisional.ts';
import type { Store } from './store.ts';
import { storeBackends } from './testing/backends.ts';

const backends = storeBackends('prov');

const result = (over: Partial<ProvisionalResult> = {}): ProvisionalResult => ({
  year: 2025,
  round: 20,
  session: 'RACE',
  source: 'live timing',
  recordedAt: '2025-10-26T21:35:00.000Z',
  sessionTimeMs: 9_305_869,
  rows: [
    {
      position: 1,
      positionText: '1',
      driverNumber: '4',
      code: 'NOR',
      name: 'Lando NORRIS',
      team: 'McLaren',
      laps: 71,
      gap: null,
      retired: false,
    },
    {
      position: 2,
      positionText: '2',
      driverNumber: '16',
      code: 'LEC',
      name: 'Charles LECLERC',
      team: 'Ferrari',
      laps: 71,
      gap: '+30.324',
      retired: false,
    },
    {
      position: null,
      positionText: 'DNF',
      driverNumber: '55',
      code: 'SAI',
      name: 'Carlos SAINZ',
      team: 'Williams',
      laps: 17,
      gap: null,
      retired: true,
    },
  ],
  ...over,
});

describe.each(backends)('provisional results on $name', (backend) => {
  let a: Store;
  let b: Store;
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    const env = await backend.setup();
    teardown = env.teardown;
    a = env.open();
    b = env.open();
    await Promise.all([a.open(), b.open()]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await teardown?.();
  });

  it('is a versioned migration of the store', async () => {
    expect(await a.appliedMigrations()).toContain('provisional-001');
  });

  it('stored on one node, read on the other exactly as written; none for another session', async () => {
    await a.provisional.put(result());
    expect(await b.provisional.get(2025, 20, 'RACE')).toEqual(result());
    expect(await b.provisional.get(2025, 20, 'SPRINT_RACE')).toBeNull();
    expect(await b.provisional.get(2025, 21, 'RACE')).toBeNull();
  });

  it('a later classification of the same session replaces it (one row per session)', async () => {
    const later = result({
      recordedAt: '2025-10-26T21:40:00.000Z',
      sessionTimeMs: 9_707_743,
      rows: result().rows.slice(0, 2),
    });
    await b.provisional.put(later);
    await a.provisional.put(result({ session: 'SPRINT_RACE', round: 21, source: 'openf1' }));
    expect(await a.provisional.get(2025, 20, 'RACE')).toEqual(later);
    const all = await a.provisional.list();
    expect(all.map((p) => `${p.round}/${p.session}/${p.source}`)).toEqual([
      '20/RACE/live timing',
      '21/SPRINT_RACE/openf1',
    ]);
  });

  it('removed once superseded; removing again reports nothing removed', async () => {
    expect(await a.provisional.remove(2025, 20, 'RACE')).toBe(true);
    expect(await b.provisional.get(2025, 20, 'RACE')).toBeNull();
    expect(await b.provisional.remove(2025, 20, 'RACE')).toBe(false);
    expect((await b.provisional.list()).length).toBe(1);
  });
});

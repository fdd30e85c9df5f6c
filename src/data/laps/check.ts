// How well the lap tables built from live-timing recordings agree with independent sources: a qualifying
// session's best laps with the official Q1/Q2/Q3 times in f1db (and its best sectors with the feed's own
// TimingStats), a race lap by lap with the FastF1-derived lap tables. `race-engineer data laps-check`.
import type Database from 'better-sqlite3';
import { FeedTranslator, parseLapTime } from '../../live/feed-translate.ts';
import { bestLaps, type BuiltLap, type FeedFrameLike } from './builder.ts';
import { median, type Lap } from './laps.ts';

export interface QualifyingDriverCheck {
  driver: string;
  builtMs: number | null;
  officialMs: number | null;
  lapAgrees: boolean;
  /** The best lap's three sectors add up to its lap time (±1 ms). */
  sectorsSumAgree: boolean;
  /** Each of the driver's best sectors over the session equals TimingStats' BestSectors. */
  bestSectorsAgree: boolean | null;
}

export interface QualifyingCheck {
  drivers: QualifyingDriverCheck[];
  lapAgreement: number;
  sectorSumAgreement: number;
  bestSectorAgreement: number;
}

const ms = (s: number | null) => (s === null ? null : Math.round(s * 1000));

/** The official best lap per driver number (the fastest of Q1, Q2, Q3) of a qualifying session in f1db. */
export function officialQualifying(
  db: Database.Database,
  year: number,
  round: number,
  sprint = false,
): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT q.driver_number AS n, q.q1_millis AS q1, q.q2_millis AS q2, q.q3_millis AS q3
       FROM qualifying_result q JOIN race r ON r.id = q.race_id
       WHERE r.year = ? AND r.round = ? AND q.session = ?`,
    )
    .all(year, round, sprint ? 'SPRINT_QUALIFYING' : 'QUALIFYING') as {
    n: string | number;
    q1: number | null;
    q2: number | null;
    q3: number | null;
  }[];
  const out = new Map<number, number>();
  for (const r of rows) {
    const times = [r.q1, r.q2, r.q3].filter((t): t is number => typeof t === 'number' && t > 0);
    if (times.length) out.set(Number(r.n), Math.min(...times));
  }
  return out;
}

/** TimingStats' personal best sectors (BestSectors) per driver number (ms), as the feed published them. */
export function feedBestSectors(frames: readonly FeedFrameLike[]): Map<number, (number | null)[]> {
  const tr = new FeedTranslator();
  for (const f of frames) if (f.topic === 'TimingStats') tr.apply(f.topic, f.data, f.timeMs);
  const lines = ((tr.topic('TimingStats') ?? {}) as { Lines?: Record<string, unknown> }).Lines ?? {};
  const out = new Map<number, (number | null)[]>();
  for (const [n, l] of Object.entries(lines)) {
    const pb = (l as { BestSectors?: unknown }).BestSectors;
    const list = Array.isArray(pb) ? pb : pb && typeof pb === 'object' ? Object.values(pb) : [];
    out.set(
      Number(n),
      list.map((s) => parseLapTime((s as { Value?: unknown })?.Value)),
    );
  }
  return out;
}

const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);

export function checkQualifying(
  laps: readonly BuiltLap[],
  official: Map<number, number>,
  feedSectors: Map<number, (number | null)[]>,
): QualifyingCheck {
  const best = bestLaps(laps);
  const byNumber = new Map([...best.values()].map((l) => [l.driverNumber, l]));
  const drivers: QualifyingDriverCheck[] = [];
  for (const [n, officialMs] of official) {
    const b = byNumber.get(n);
    const builtMs = b ? ms(b.lapTime) : null;
    const sum =
      b && b.sector1 !== null && b.sector2 !== null && b.sector3 !== null
        ? ms(b.sector1 + b.sector2 + b.sector3)
        : null;
    const mine = laps.filter((l) => l.driverNumber === n);
    const bestSector = (k: 'sector1' | 'sector2' | 'sector3') => {
      const xs = mine.map((l) => ms(l[k])).filter((x): x is number => x !== null && x > 0);
      return xs.length ? Math.min(...xs) : null;
    };
    const fs = feedSectors.get(n);
    drivers.push({
      driver: b?.driver ?? String(n),
      builtMs,
      officialMs,
      lapAgrees: builtMs === officialMs,
      sectorsSumAgree: sum !== null && builtMs !== null && Math.abs(sum - builtMs) <= 1,
      bestSectorsAgree: fs
        ? (['sector1', 'sector2', 'sector3'] as const).every((k, i) => bestSector(k) === fs[i])
        : null,
    });
  }
  return {
    drivers,
    lapAgreement: share(drivers.map((d) => d.lapAgrees)),
    sectorSumAgreement: share(drivers.map((d) => d.sectorsSumAgree)),
    bestSectorAgreement: share(
      drivers.filter((d) => d.bestSectorsAgree !== null).map((d) => d.bestSectorsAgree!),
    ),
  };
}

export interface TableAgreement {
  /** Laps present in both tables (joined on driver number and lap number). */
  laps: number;
  builtOnly: number;
  tableOnly: number;
  /** Share of compared laps whose value agrees; null when one side has no such values. */
  time: number | null;
  position: number | null;
  compound: number | null;
  stint: number | null;
  tyreLife: number | null;
  /** Lap-time tolerance in seconds used for `time`. */
  timeTolerance: number;
  /** Median absolute lap-time difference (s) over the laps both time. */
  timeMedianError: number | null;
}

/** Lap-by-lap agreement of a built table with a reference table (the FastF1-derived CSVs). */
export function compareLapTables(
  built: readonly Lap[],
  table: readonly Lap[],
  timeTolerance = 0.5,
): TableAgreement {
  const key = (l: Lap) => `${l.driverNumber}/${l.lap}`;
  const ref = new Map(table.map((l) => [key(l), l]));
  const pairs: [Lap, Lap][] = [];
  let builtOnly = 0;
  for (const b of built) {
    const r = ref.get(key(b));
    if (r) pairs.push([b, r]);
    else builtOnly++;
  }
  const agree = (f: (b: Lap, r: Lap) => boolean | null): number | null => {
    const xs = pairs.map(([b, r]) => f(b, r)).filter((x): x is boolean => x !== null);
    return xs.length ? share(xs) : null;
  };
  return {
    laps: pairs.length,
    builtOnly,
    tableOnly: table.length - pairs.length,
    time: agree((b, r) =>
      b.lapTime === null || r.lapTime === null ? null : Math.abs(b.lapTime - r.lapTime) <= timeTolerance,
    ),
    position: agree((b, r) =>
      b.position === null || r.position === null ? null : b.position === r.position,
    ),
    compound: agree((b, r) =>
      b.compound === 'UNKNOWN' || r.compound === 'UNKNOWN' ? null : b.compound === r.compound,
    ),
    stint: agree((b, r) => (b.stint === null || r.stint === null ? null : b.stint === r.stint)),
    tyreLife: agree((b, r) =>
      b.tyreLife === null || r.tyreLife === null ? null : b.tyreLife === r.tyreLife,
    ),
    timeTolerance,
    timeMedianError: median(
      pairs.flatMap(([b, r]) =>
        b.lapTime === null || r.lapTime === null ? [] : [Math.abs(b.lapTime - r.lapTime)],
      ),
    ),
  };
}

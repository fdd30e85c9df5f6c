// Who drove for whom: a season's team line-ups as raced (rounds from the race results, not the entry
// list), with each entry's engine. One query serves "who drove for Ferrari in 2017", "what team was
// Magnussen with in 2018", "what engine did Williams use in 1992" and "who replaced Ricciardo".
import type { Db } from '../db.ts';
import { stmt } from './statements.ts';
import { NON_STARTS } from './starts.ts';

export interface SeasonEntry {
  year: number;
  driverId: string;
  driver: string;
  constructorId: string;
  constructor: string;
  engine: string | null;
  /** Rounds in which the driver started a race (or took part in a session) for the team. */
  rounds: number[];
  starts: number;
}

export function seasonEntries(
  db: Db,
  year: number,
  filter: { constructorId?: string | undefined; driverId?: string | undefined } = {},
): SeasonEntry[] {
  const rows = stmt<{
    driver_id: string;
    driver: string;
    constructor_id: string;
    constructor: string;
    engine: string | null;
    round: number;
    started: number;
  }>(
    db,
    `SELECT rr.driver_id, d.name AS driver, rr.constructor_id, c.name AS constructor, em.name AS engine, r.round,
            rr.position_text NOT IN ${NON_STARTS} AS started
     FROM race_result rr JOIN race r ON r.id = rr.race_id JOIN driver d ON d.id = rr.driver_id
     JOIN constructor c ON c.id = rr.constructor_id
     LEFT JOIN engine_manufacturer em ON em.id = rr.engine_manufacturer_id
     WHERE r.year = ? AND rr.session = 'RACE'
       AND (? IS NULL OR rr.constructor_id = ?) AND (? IS NULL OR rr.driver_id = ?)
     ORDER BY r.round`,
  ).all(
    year,
    filter.constructorId ?? null,
    filter.constructorId ?? null,
    filter.driverId ?? null,
    filter.driverId ?? null,
  );
  const byKey = new Map<string, SeasonEntry>();
  for (const r of rows) {
    const key = `${r.driver_id}@${r.constructor_id}`;
    let e = byKey.get(key);
    if (!e)
      byKey.set(
        key,
        (e = {
          year,
          driverId: r.driver_id,
          driver: r.driver,
          constructorId: r.constructor_id,
          constructor: r.constructor,
          engine: r.engine,
          rounds: [],
          starts: 0,
        }),
      );
    if (!e.rounds.includes(r.round)) e.rounds.push(r.round);
    if (r.started) e.starts++;
  }
  return [...byKey.values()].sort((a, b) => a.rounds[0]! - b.rounds[0]! || b.starts - a.starts);
}

/** "1–22", "1–8, 15–16": a list of rounds as ranges. */
export function roundRanges(rounds: readonly number[]): string {
  const sorted = [...rounds].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? `${start}` : `${start}–${sorted[i]}`);
  }
  return parts.join(', ');
}

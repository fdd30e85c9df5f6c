// Finding a driver of a season from what a user types: f1db id, three-letter code, car number or name.
import type { Db } from '../data/db.ts';
import { badRequest, notFound } from '../errors.ts';

export interface SeasonDriver {
  id: string;
  name: string;
  abbreviation: string | null;
  number: string | null;
  lastName: string;
  /** Car numbers raced with that season (e.g. 1 for a reigning champion). */
  raceNumbers: string[];
}

export function seasonDrivers(db: Db, year: number): SeasonDriver[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT d.id, d.name, d.abbreviation, d.permanent_number AS number, d.last_name AS lastName,
         (SELECT GROUP_CONCAT(DISTINCT rr.driver_number) FROM race_result rr JOIN race r ON r.id = rr.race_id
          WHERE r.year = s.year AND rr.driver_id = d.id) AS numbers
       FROM season_entrant_driver s JOIN driver d ON d.id = s.driver_id
       WHERE s.year = ? AND s.test_driver = 0 ORDER BY d.id`,
    )
    .all(year) as (Omit<SeasonDriver, 'raceNumbers'> & { numbers: string | null })[];
  return rows.map(({ numbers, ...d }) => ({ ...d, raceNumbers: numbers ? numbers.split(',') : [] }));
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Resolves a driver among `drivers`; throws 400 on no or several matches, naming the candidates. */
export function resolveDriver(drivers: readonly SeasonDriver[], query: string, year: number): SeasonDriver {
  const q = norm(query);
  if (!q) throw badRequest('Empty driver name');
  const tiers: ((d: SeasonDriver) => boolean)[] = [
    (d) => d.id === q,
    (d) => (d.abbreviation ?? '').toLowerCase() === q,
    (d) => d.raceNumbers.includes(q),
    (d) => d.number === q,
    (d) => norm(d.lastName) === q,
    (d) => norm(d.name) === q,
    (d) => norm(d.name).includes(q),
  ];
  for (const tier of tiers) {
    const hits = drivers.filter(tier);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1)
      throw badRequest(`"${query}" matches several ${year} drivers: ${hits.map((h) => h.name).join(', ')}`);
  }
  throw notFound(`No driver "${query}" in the ${year} season`);
}

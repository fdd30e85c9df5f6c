// Finding a driver of a season from what a user types: f1db id, three-letter code, car number or name.
import type { Db } from '../data/db.ts';
import { badRequest, notFound } from '../errors.ts';
import { resolveDriver as resolveDataDriver } from '../data/queries/resolve.ts';

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

/**
 * A driver of the season among `drivers`, named as anywhere else in the product (the one name resolver of
 * the data layer: id, code, race number of that season, surname, full name, typo-tolerant). Unknown or
 * ambiguous names are 404 with the closest candidates, as on every route; a driver who did not race that
 * season is 404 too.
 */
export function resolveDriver(
  db: Db,
  drivers: readonly SeasonDriver[],
  query: string,
  year: number,
): SeasonDriver {
  if (!query.trim()) throw badRequest('Empty driver name');
  const ref = resolveDataDriver(db, query, { year });
  const hit = drivers.find((d) => d.id === ref.id);
  if (!hit) throw notFound(`${ref.name} did not race in the ${year} season`);
  return hit;
}

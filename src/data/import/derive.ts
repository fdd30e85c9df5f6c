// Columns f1db leaves implicit, computed once after the load so queries stay simple and fast.
import type Database from 'better-sqlite3';

export function deriveColumns(db: Database.Database): void {
  db.exec(`
    -- Qualifying position and pole (the fastest qualifier, whatever penalties did to the grid).
    UPDATE race_result SET qualification_position_number = (
      SELECT q.position_number FROM qualifying_result q
      WHERE q.race_id = race_result.race_id AND q.driver_id = race_result.driver_id
        AND q.session = CASE race_result.session WHEN 'SPRINT_RACE' THEN 'SPRINT_QUALIFYING' ELSE 'QUALIFYING' END
      ORDER BY q.position_display_order LIMIT 1);
    UPDATE race_result SET pole_position = 1 WHERE qualification_position_number = 1;
    UPDATE race_result SET positions_gained = grid_position_number - position_number
      WHERE grid_position_number IS NOT NULL AND position_number IS NOT NULL;
    UPDATE race_result SET pit_stops = (
      SELECT COUNT(*) FROM pit_stop p WHERE p.race_id = race_result.race_id AND p.driver_id = race_result.driver_id)
      WHERE session = 'RACE' AND EXISTS (SELECT 1 FROM pit_stop p WHERE p.race_id = race_result.race_id);
    UPDATE race_result SET fastest_lap = 1 WHERE session = 'RACE' AND EXISTS (
      SELECT 1 FROM fastest_lap f WHERE f.race_id = race_result.race_id AND f.driver_id = race_result.driver_id
        AND f.position_number = 1);
    UPDATE race_result SET driver_of_the_day = 1 WHERE session = 'RACE' AND EXISTS (
      SELECT 1 FROM driver_of_the_day d WHERE d.race_id = race_result.race_id AND d.driver_id = race_result.driver_id
        AND d.position_number = 1);
    UPDATE starting_grid SET qualification_position_number = (
      SELECT q.position_number FROM qualifying_result q
      WHERE q.race_id = starting_grid.race_id AND q.driver_id = starting_grid.driver_id
        AND q.session = CASE starting_grid.session WHEN 'SPRINT_RACE' THEN 'SPRINT_QUALIFYING' ELSE 'QUALIFYING' END
      ORDER BY q.position_display_order LIMIT 1);

    -- A season is complete when every round has race results.
    UPDATE season SET completed = NOT EXISTS (
      SELECT 1 FROM race r WHERE r.year = season.year
        AND NOT EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE'));
    UPDATE season_driver_standing SET championship_won = 1
      WHERE position_number = 1 AND year IN (SELECT year FROM season WHERE completed = 1);
    UPDATE season_constructor_standing SET championship_won = 1
      WHERE position_number = 1 AND year IN (SELECT year FROM season WHERE completed = 1);
  `);
}

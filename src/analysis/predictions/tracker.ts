// Accuracy tracker: stores each prediction made BEFORE a race (in the run-time store: the SQLite file
// ANALYSIS_DB_PATH, or PostgreSQL with DATABASE_URL)
// and scores it once the result is in the F1 database. Predictions for races already run are not stored:
// they could not prove anything.
import { script, type Migration } from '../../store/migrate.ts';
import type { Sql } from '../../store/sql.ts';
import type { Db } from '../../data/db.ts';
import { getRace } from '../races.ts';
import { loadHistory, raceKey } from './history.ts';
import { ScoreAccumulator, type Scores } from './metrics.ts';
import type { RacePrediction } from './service.ts';

export interface TrackedPrediction {
  year: number;
  round: number;
  race: string;
  stage: string;
  modelVersion: string;
  generatedAt: string;
  scoredAt: string | null;
  predictedWinner: string;
  actualWinner: string | null;
  scores: Scores | null;
}

export interface TrackerSummary {
  tracked: number;
  scored: number;
  overall: Scores | null;
  races: TrackedPrediction[];
}

export const TRACKER_MIGRATIONS: Migration[] = [
  script(
    'tracker-001',
    `CREATE TABLE IF NOT EXISTS tracked_prediction (
       year INTEGER NOT NULL, round INTEGER NOT NULL, stage TEXT NOT NULL, race TEXT NOT NULL,
       model_version TEXT NOT NULL, generated_at TEXT NOT NULL, payload TEXT NOT NULL,
       scored_at TEXT, actual_winner TEXT, scores TEXT,
       PRIMARY KEY (year, round, stage)
     )`,
  ),
];

interface Row {
  year: number;
  round: number;
  stage: string;
  race: string;
  model_version: string;
  generated_at: string;
  payload: string;
  scored_at: string | null;
  actual_winner: string | null;
  scores: string | null;
}

interface Payload {
  order: string[];
  pWin: Record<string, number>;
  pPodium: Record<string, number>;
}

export class PredictionTracker {
  constructor(private readonly sql: Sql) {}

  /**
   * Stores a prediction if its race has not been run yet (the latest one per race and stage wins).
   * Returns whether it was stored.
   */
  async record(prediction: RacePrediction, raceHasResult: boolean): Promise<boolean> {
    if (raceHasResult) return false;
    const payload: Payload = {
      order: prediction.predictions.map((p) => p.driverId),
      pWin: Object.fromEntries(prediction.predictions.map((p) => [p.driverId, p.pWin])),
      pPodium: Object.fromEntries(prediction.predictions.map((p) => [p.driverId, p.pPodium])),
    };
    await this.sql.run(
      `INSERT INTO tracked_prediction (year, round, stage, race, model_version, generated_at, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (year, round, stage) DO UPDATE SET model_version = excluded.model_version,
           generated_at = excluded.generated_at, payload = excluded.payload, race = excluded.race
         WHERE tracked_prediction.scored_at IS NULL`,
      [
        prediction.year,
        prediction.round,
        prediction.stage,
        prediction.race,
        prediction.model.version,
        prediction.generatedAt,
        JSON.stringify(payload),
      ],
    );
    return true;
  }

  /** Scores every stored prediction whose race result is now in the F1 database. Returns how many. */
  async scorePending(f1: Db): Promise<number> {
    const pending = await this.sql.all<Row>(`SELECT * FROM tracked_prediction WHERE scored_at IS NULL`);
    const history = loadHistory(f1);
    let n = 0;
    for (const row of pending) {
      // The F1 database may have been re-imported since: look the race up afresh.
      const info = getRace(f1, row.year, row.round);
      if (!info.hasResult) continue;
      const rec = history.byKey.get(raceKey(row.year, row.round));
      const actual = rec?.results.length
        ? rec.results.map((r) => r.driverId)
        : (
            f1
              .prepare(
                `SELECT driver_id AS id FROM race_result WHERE race_id = ? AND session = 'RACE' ORDER BY position_display_order`,
              )
              .all(info.id) as { id: string }[]
          ).map((r) => r.id);
      const p = JSON.parse(row.payload) as Payload;
      const acc = new ScoreAccumulator();
      acc.add(
        {
          order: p.order,
          pWin: new Map(Object.entries(p.pWin)),
          pPodium: new Map(Object.entries(p.pPodium)),
        },
        actual,
      );
      // Only a row still unscored: two nodes scoring at once store one score.
      await this.sql.run(
        `UPDATE tracked_prediction SET scored_at = ?, actual_winner = ?, scores = ?
         WHERE year = ? AND round = ? AND stage = ? AND scored_at IS NULL`,
        [
          new Date().toISOString(),
          actual[0] ?? null,
          JSON.stringify(acc.scores()),
          row.year,
          row.round,
          row.stage,
        ],
      );
      n++;
    }
    return n;
  }

  async summary(): Promise<TrackerSummary> {
    const rows = await this.sql.all<Row>(`SELECT * FROM tracked_prediction ORDER BY year, round, stage`);
    const races: TrackedPrediction[] = rows.map((r) => ({
      year: r.year,
      round: r.round,
      race: r.race,
      stage: r.stage,
      modelVersion: r.model_version,
      generatedAt: r.generated_at,
      scoredAt: r.scored_at,
      predictedWinner: (JSON.parse(r.payload) as Payload).order[0] ?? '',
      actualWinner: r.actual_winner,
      scores: r.scores ? (JSON.parse(r.scores) as Scores) : null,
    }));
    const scored = races.filter((r) => r.scores);
    const overall: Scores | null = scored.length
      ? (Object.fromEntries(
          Object.keys(scored[0]!.scores!).map((k) => [
            k,
            k === 'races'
              ? scored.length
              : scored.reduce((s, r) => s + (r.scores as unknown as Record<string, number>)[k]!, 0) /
                scored.length,
          ]),
        ) as unknown as Scores)
      : null;
    return { tracked: races.length, scored: scored.length, overall, races };
  }
}

// Accuracy tracker: stores each prediction made BEFORE a race (its own small SQLite file, ANALYSIS_DB_PATH)
// and scores it once the result is in the F1 database. Predictions for races already run are not stored:
// they could not prove anything.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tracked_prediction (
  year INTEGER NOT NULL, round INTEGER NOT NULL, stage TEXT NOT NULL, race TEXT NOT NULL,
  model_version TEXT NOT NULL, generated_at TEXT NOT NULL, payload TEXT NOT NULL,
  scored_at TEXT, actual_winner TEXT, scores TEXT,
  PRIMARY KEY (year, round, stage)
);`;

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
  private readonly db: Database.Database;

  constructor(path: string, { readonly = false }: { readonly?: boolean } = {}) {
    if (readonly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      return;
    }
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  /** The summary of a tracker file, read only (no file or table yet: nothing tracked). */
  static readSummary(path: string): TrackerSummary {
    if (path === ':memory:' || !existsSync(path)) return { tracked: 0, scored: 0, overall: null, races: [] };
    const t = new PredictionTracker(path, { readonly: true });
    try {
      return t.summary();
    } catch {
      return { tracked: 0, scored: 0, overall: null, races: [] };
    } finally {
      t.close();
    }
  }

  /**
   * Stores a prediction if its race has not been run yet (the latest one per race and stage wins).
   * Returns whether it was stored.
   */
  record(prediction: RacePrediction, raceHasResult: boolean): boolean {
    if (raceHasResult) return false;
    const payload: Payload = {
      order: prediction.predictions.map((p) => p.driverId),
      pWin: Object.fromEntries(prediction.predictions.map((p) => [p.driverId, p.pWin])),
      pPodium: Object.fromEntries(prediction.predictions.map((p) => [p.driverId, p.pPodium])),
    };
    this.db
      .prepare(
        `INSERT INTO tracked_prediction (year, round, stage, race, model_version, generated_at, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (year, round, stage) DO UPDATE SET model_version = excluded.model_version,
           generated_at = excluded.generated_at, payload = excluded.payload, race = excluded.race
         WHERE tracked_prediction.scored_at IS NULL`,
      )
      .run(
        prediction.year,
        prediction.round,
        prediction.stage,
        prediction.race,
        prediction.model.version,
        prediction.generatedAt,
        JSON.stringify(payload),
      );
    return true;
  }

  /** Scores every stored prediction whose race result is now in the F1 database. Returns how many. */
  scorePending(f1: Db): number {
    const pending = this.db
      .prepare(`SELECT * FROM tracked_prediction WHERE scored_at IS NULL`)
      .all() as Row[];
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
      this.db
        .prepare(
          `UPDATE tracked_prediction SET scored_at = ?, actual_winner = ?, scores = ? WHERE year = ? AND round = ? AND stage = ?`,
        )
        .run(
          new Date().toISOString(),
          actual[0] ?? null,
          JSON.stringify(acc.scores()),
          row.year,
          row.round,
          row.stage,
        );
      n++;
    }
    return n;
  }

  summary(): TrackerSummary {
    const rows = this.db
      .prepare(`SELECT * FROM tracked_prediction ORDER BY year, round, stage`)
      .all() as Row[];
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

  close(): void {
    this.db.close();
  }
}

// The predictions thread (started by PredictionThread in off-thread.ts): keeps its own read-only connection to
// the F1 database and the fitted models between requests, and answers one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../data/db.ts';
import { isAppError } from '../../errors.ts';
import { getRacePredictions, warmPredictions } from './service.ts';

export type PredictionRequest =
  { id: number; kind: 'predict'; year: number; round: number } | { id: number; kind: 'warm'; year: number };

const db = openDatabase((workerData as { dbPath: string }).dbPath);

parentPort!.on('message', (req: PredictionRequest) => {
  void (async () => {
    try {
      const result =
        req.kind === 'predict'
          ? getRacePredictions(db, req.year, req.round)
          : await warmPredictions(db, req.year);
      parentPort!.postMessage({ id: req.id, ok: true, result });
    } catch (err) {
      parentPort!.postMessage({
        id: req.id,
        ok: false,
        code: isAppError(err) ? err.code : 'internal',
        message: err instanceof Error ? err.message : String(err),
        details: isAppError(err) ? err.details : undefined,
      });
    }
  })();
});

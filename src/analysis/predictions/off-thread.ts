// Race predictions for the server, off the event loop: fitting the models and computing every race's features
// takes 0.5–2 s of CPU, so it runs in one long-lived worker thread (prediction-worker.ts) that keeps its models
// between requests. Answers are cached per (race, data version): the same database always gives the same
// prediction, and an import (a new version) gives fresh ones.
import { LRUCache } from 'lru-cache';
import type { Worker } from 'node:worker_threads';
import { readMeta, type Db } from '../../data/db.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { startTsWorker } from '../../worker-thread.ts';
import type { PredictionRequest } from './prediction-worker.ts';
import { MODEL_VERSION, type RacePrediction } from './service.ts';

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };

type Job = PredictionRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** The version of the data a prediction depends on: the import (content and time) and the model. */
export function dataVersion(db: Db): string {
  const meta = readMeta(db);
  return `${meta.content_hash ?? meta.f1db_version ?? '?'}|${meta.imported_at ?? '?'}|${MODEL_VERSION}`;
}

export class PredictionThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new LRUCache<string, Promise<RacePrediction>>({ max: 64 });
  private closed = false;

  constructor(private readonly dbPath: string) {}

  /** The prediction of one race, computed in the thread once per data version. */
  predict(db: Db, year: number, round: number): Promise<RacePrediction> {
    const key = `${year}/${round}/${dataVersion(db)}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.call({ kind: 'predict', year, round }) as Promise<RacePrediction>;
      this.cache.set(key, hit);
      // A failure is not kept: a later request tries again (errors such as "no entry list" are cheap).
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  /** Fits the models of `year` in the thread, so the first request does not wait for them. */
  async warm(year: number): Promise<void> {
    await this.call({ kind: 'warm', year });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    this.failAll(new AppError('unavailable', 'The server is shutting down.'));
    await w?.terminate();
  }

  private call(req: Job): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    // Referenced only while it has work, so an idle thread never keeps a process (the CLI) alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...req, id } as PredictionRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startTsWorker(
      new URL('./prediction-worker.ts', import.meta.url),
      { dbPath: this.dbPath },
      'predictions',
    );
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(new AppError(m.code, m.message, m.details));
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined; // the next request starts a new thread
      this.failAll(new AppError('internal', `The predictions thread stopped: ${why}`));
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

const threads = new Map<string, PredictionThread>();

/** The predictions thread of a database file, shared by the routes and the agent's tool of one process. */
export function predictionThread(dbPath: string): PredictionThread {
  let t = threads.get(dbPath);
  if (!t) threads.set(dbPath, (t = new PredictionThread(dbPath)));
  return t;
}

export async function closePredictionThreads(): Promise<void> {
  const all = [...threads.values()];
  threads.clear();
  await Promise.all(all.map((t) => t.close()));
}

// The lap tables warm-up thread (started by warmLapsCache in laps-warmup.ts): fills the disk cache, reports
// each season parsed, then the totals.
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority, runLapsWarmup, type LapsWarmupOptions } from './laps-warmup.ts';

const opts = workerData as LapsWarmupOptions;
if (opts.lowPriority !== false) lowerThreadPriority();
const result = runLapsWarmup(opts, (progress) => parentPort?.postMessage({ type: 'progress', progress }));
parentPort?.postMessage({ type: 'done', result });

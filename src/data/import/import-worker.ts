// The f1db import in a worker thread (started by importInThread in import-thread.ts): unpacking and parsing
// thousands of YAML files and building the database takes seconds of CPU, which a running server must not
// spend on its event loop while it keeps answering. Log lines go back to the parent's logger.
import { parentPort, workerData } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ergastCrosswalkStep } from '../../ergast/crosswalk.ts';
import { importF1db } from './importer.ts';
import type { ThreadImportJob } from './import-thread.ts';

const job = workerData as ThreadImportJob;
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      parentPort!.postMessage({ type: 'log', line });
    cb();
  },
});
const logger = pino({ level: job.logLevel }, sink);

importF1db({
  source: job.source,
  dbPath: job.dbPath,
  logger,
  version: job.version,
  meta: job.meta,
  skipIfCurrent: job.skipIfCurrent,
  extraSteps: [ergastCrosswalkStep(job.ergastCsvDir)],
}).then(
  (result) => parentPort!.postMessage({ type: 'done', result }),
  (err: unknown) =>
    parentPort!.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);

// Worker-thread entry for `serve`'s background ingest: PDF text extraction and embedding are CPU-bound
// for tens of seconds on a first start, and would otherwise stall every request on the main thread.
// It opens its own connection to the rulebook file (WAL: the server keeps reading meanwhile).
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { createEmbedder, type EmbedderConfig } from './embedder.ts';
import { Rulebook } from './rulebook.ts';

export interface IngestWorkerData {
  dir: string;
  dbPath: string;
  backend: 'sqlite-vec' | 'chroma';
  chromaUrl: string;
  embedder: EmbedderConfig;
  logLevel: string;
}

const data = workerData as IngestWorkerData;
// Log lines go to the parent, which writes them through the server's own logger.
const logger = pino(
  { level: data.logLevel, base: undefined, timestamp: false },
  { write: (line: string) => parentPort!.postMessage({ type: 'log', line }) },
);
const rulebook = new Rulebook({
  dbPath: data.dbPath,
  backend: data.backend,
  chromaUrl: data.chromaUrl,
  // One core is left to the server: a background ingest should not slow its requests down.
  embedder: createEmbedder(data.embedder, { threads: Math.max(1, availableParallelism() - 1) }),
  logger,
});
try {
  const summary = await rulebook.ingest(data.dir);
  parentPort!.postMessage({ type: 'done', result: summary });
} catch (err) {
  parentPort!.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
} finally {
  await rulebook.close();
}

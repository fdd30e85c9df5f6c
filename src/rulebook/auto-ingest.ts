// `serve` keeps the rulebook index in step with RULEBOOK_DIR: once the server listens, an ingest runs in a
// worker thread (ingest-worker.ts), so PDF extraction and embedding never hold up requests. Unchanged PDFs
// are skipped by content hash (well under a second); a first start embeds every article (about half a
// minute on two cores), during which rulebook questions answer 503 "being indexed".
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startTsWorker } from '../worker-thread.ts';
import { getRulebook } from './index.ts';
import type { IngestWorkerData } from './ingest-worker.ts';
import type { IngestSummary } from './ingest.ts';

/** On unless RULEBOOK_AUTO_INGEST=false; off in tests unless asked for; never without RULEBOOK_DIR. */
export function rulebookAutoIngestEnabled(config: Config): boolean {
  if (!config.RULEBOOK_DIR) return false;
  return config.RULEBOOK_AUTO_INGEST ?? config.NODE_ENV !== 'test';
}

type WorkerMessage =
  | { type: 'log'; line: string }
  | { type: 'done'; summary: IngestSummary }
  | { type: 'failed'; message: string };

const LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Ingests RULEBOOK_DIR in a worker thread. */
export function ingestInWorker(
  config: Config,
  logger: Logger,
): { done: Promise<IngestSummary>; stop(): Promise<void> } {
  const data: IngestWorkerData = {
    dir: config.RULEBOOK_DIR!,
    dbPath: config.RULEBOOK_DB_PATH,
    backend: config.VECTOR_STORE,
    chromaUrl: config.CHROMA_URL,
    embedder: {
      EMBEDDING_MODEL_NAME: config.EMBEDDING_MODEL_NAME,
      EMBEDDING_BASE_URL: config.EMBEDDING_BASE_URL,
      EMBEDDING_API_KEY: config.EMBEDDING_API_KEY,
      EMBEDDING_DIMENSIONS: config.EMBEDDING_DIMENSIONS,
      OPENAI_BASE_URL: config.OPENAI_BASE_URL,
      OPENAI_API_KEY: config.OPENAI_API_KEY,
    },
    logLevel: logger.level,
  };
  const worker = startTsWorker(new URL('./ingest-worker.ts', import.meta.url), data, 'rulebook-ingest');
  let settled = false;
  let stopped = false;
  let exited = false;
  worker.once('exit', () => (exited = true));
  const done = new Promise<IngestSummary>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'log') {
        const { level, msg, ...fields } = JSON.parse(m.line) as { level: number; msg?: string };
        logger[LEVELS[level] ?? 'info']({ ...fields, thread: 'rulebook-ingest' }, msg ?? '');
      } else if (m.type === 'done') {
        settled = true;
        resolve(m.summary);
      } else {
        settled = true;
        reject(new Error(m.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled)
        reject(new Error(stopped ? 'stopped' : `rulebook ingest thread exited with code ${code}`));
    });
  });
  return {
    done,
    async stop() {
      if (exited || stopped) return;
      stopped = true;
      await worker.terminate();
    },
  };
}

export function ingestRulebookOnListen(app: FastifyInstance, config: Config, logger: Logger): void {
  if (!rulebookAutoIngestEnabled(config)) return;
  let job: ReturnType<typeof ingestInWorker> | undefined;
  app.addHook('onListen', async () => {
    job = ingestInWorker(config, logger);
    void getRulebook(config, logger)
      .followIngest(job.done)
      .then(
        (s) =>
          logger.info(
            {
              event: 'rulebook.auto_ingest',
              found: s.found,
              ingested: s.ingested,
              skipped: s.skipped,
              failed: s.failed.length,
              chunks: s.chunks,
              ms: Math.round(s.ms),
            },
            'rulebook index up to date',
          ),
        (err: unknown) =>
          (err as Error).message === 'stopped'
            ? logger.debug({ event: 'rulebook.auto_ingest.stopped' }, 'rulebook ingest stopped at shutdown')
            : logger.warn(
                {
                  event: 'rulebook.auto_ingest.failed',
                  error: err instanceof Error ? err.message : String(err),
                },
                'rulebook ingest at start failed; run "race-engineer rulebook ingest"',
              ),
      );
  });
  app.addHook('onClose', async () => {
    await job?.stop();
  });
}

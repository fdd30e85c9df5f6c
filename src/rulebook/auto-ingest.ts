// `serve` keeps the rulebook index in step with RULEBOOK_DIR: once the server listens, an ingest runs in a
// worker thread (ingest-worker.ts), so PDF extraction and embedding never hold up requests. Unchanged PDFs
// are skipped by content hash (well under a second); a first start embeds every article (about half a
// minute on two cores), during which rulebook questions answer 503 "being indexed".
import type { FastifyInstance } from 'fastify';
import { pino, type Level } from 'pino';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { runWorkerJob, type WorkerJob } from '../worker-thread.ts';
import { embedderConfig } from './embedder.ts';
import { getRulebook } from './index.ts';
import type { IngestWorkerData } from './ingest-worker.ts';
import type { IngestSummary } from './ingest.ts';

/** On unless RULEBOOK_AUTO_INGEST=false; off in tests unless asked for; never without RULEBOOK_DIR. */
export function rulebookAutoIngestEnabled(config: Config): boolean {
  if (!config.RULEBOOK_DIR) return false;
  return config.RULEBOOK_AUTO_INGEST ?? config.NODE_ENV !== 'test';
}

/** Ingests RULEBOOK_DIR in a worker thread; its log lines are written through `logger`. */
export function ingestInWorker(config: Config, logger: Logger): WorkerJob<IngestSummary> {
  const data: IngestWorkerData = {
    dir: config.RULEBOOK_DIR!,
    dbPath: config.RULEBOOK_DB_PATH,
    backend: config.VECTOR_STORE,
    chromaUrl: config.CHROMA_URL,
    embedder: embedderConfig(config),
    logLevel: logger.level,
  };
  const entry = new URL('./ingest-worker.ts', import.meta.url);
  return runWorkerJob<IngestSummary, { line: string }>(entry, data, 'rulebook-ingest', (m) => {
    const { level, msg, ...fields } = JSON.parse(m.line) as {
      level: number;
      msg?: string;
    };
    const label = (pino.levels.labels[level] ?? 'info') as Level;
    logger[label]({ ...fields, thread: 'rulebook-ingest' }, msg ?? '');
  });
}

export function ingestRulebookOnListen(app: FastifyInstance, config: Config, logger: Logger): void {
  if (!rulebookAutoIngestEnabled(config)) return;
  let job: WorkerJob<IngestSummary> | undefined;
  app.addHook('onListen', async () => {
    try {
      job = ingestInWorker(config, logger);
    } catch (err) {
      logger.warn({ event: 'rulebook.auto_ingest.failed', err }, 'rulebook ingest could not start');
      return;
    }
    void getRulebook(config, logger)
      .followIngest(job.done)
      .then(
        (s) => {
          const fields = {
            event: 'rulebook.auto_ingest',
            found: s.found,
            ingested: s.ingested,
            skipped: s.skipped,
            failed: s.failed.length,
            chunks: s.chunks,
            ms: Math.round(s.ms),
          };
          // Unreadable PDFs leave their articles out of the index: say so, at warn.
          if (s.failed.length > 0)
            logger.warn(
              fields,
              `rulebook index updated, ${s.failed.length} failed: ${s.failed
                .map((f) => f.file)
                .join(', ')
                .slice(0, 300)}`,
            );
          else logger.info(fields, 'rulebook index up to date');
        },
        (err: unknown) =>
          (err as Error).message === 'stopped'
            ? logger.debug({ event: 'rulebook.auto_ingest.stopped' }, 'rulebook ingest stopped at shutdown')
            : logger.warn(
                { event: 'rulebook.auto_ingest.failed', err },
                'rulebook ingest at start failed; run "race-engineer rulebook ingest"',
              ),
      );
  });
  app.addHook('onClose', async () => {
    await job?.stop();
  });
}

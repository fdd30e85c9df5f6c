// `serve` keeps the rulebook index in step with RULEBOOK_DIR: once the server listens, an ingest runs in the
// background. Unchanged PDFs are skipped by content hash (well under a second); a first start embeds every
// article (about half a minute on two cores), during which rulebook questions answer 503 as before.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { getRulebook } from './index.ts';

/** On unless RULEBOOK_AUTO_INGEST=false; off in tests unless asked for; never without RULEBOOK_DIR. */
export function rulebookAutoIngestEnabled(config: Config): boolean {
  if (!config.RULEBOOK_DIR) return false;
  return config.RULEBOOK_AUTO_INGEST ?? config.NODE_ENV !== 'test';
}

export function ingestRulebookOnListen(app: FastifyInstance, config: Config, logger: Logger): void {
  if (!rulebookAutoIngestEnabled(config)) return;
  app.addHook('onListen', async () => {
    void getRulebook(config, logger)
      .ingest(config.RULEBOOK_DIR!)
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
          logger.warn(
            { event: 'rulebook.auto_ingest.failed', error: err instanceof Error ? err.message : String(err) },
            'rulebook ingest at start failed; run "race-engineer rulebook ingest"',
          ),
      );
  });
}

// What the analysis functions need from their caller. `AppContext` (server) satisfies it, so do
// the CLI and the agent with a tiny adapter: configuration, a logger and the F1 database opened lazily.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../data/db.ts';

export interface AnalysisContext {
  config: Config;
  logger: Logger;
  /** The F1 database (read-only), opened on first use. */
  db(): Db;
  /** HTTP client used by public-service clients (Open-Meteo); defaults to the global fetch. */
  fetch?: typeof fetch;
}

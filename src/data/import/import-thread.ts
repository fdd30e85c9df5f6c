// Runs the f1db import off the event loop (import-worker.ts), for the server's own sync.
import type { Logger } from '../../logger.ts';
import { runWorkerJob } from '../../worker-thread.ts';
import type { ImportSummary } from './importer.ts';

export interface ThreadImportJob {
  source: string;
  dbPath: string;
  version?: string;
  meta?: Record<string, string>;
  skipIfCurrent?: boolean;
  ergastCsvDir?: string;
  logLevel: string;
}

export async function importInThread(
  job: Omit<ThreadImportJob, 'logLevel'>,
  logger: Logger,
): Promise<ImportSummary> {
  const run = runWorkerJob<ImportSummary, { type: 'log'; line: string }>(
    new URL('./import-worker.ts', import.meta.url),
    { ...job, logLevel: logger.level },
    'f1db-import',
    (m) => {
      if (m.type !== 'log') return;
      try {
        const {
          level,
          time: _t,
          pid: _p,
          hostname: _h,
          msg,
          ...rest
        } = JSON.parse(m.line) as Record<string, unknown>;
        const name = pinoLevel(Number(level));
        logger[name](rest, String(msg ?? ''));
      } catch {
        // not a log line
      }
    },
  );
  return run.done;
}

function pinoLevel(n: number): 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' {
  return n >= 60
    ? 'fatal'
    : n >= 50
      ? 'error'
      : n >= 40
        ? 'warn'
        : n >= 30
          ? 'info'
          : n >= 20
            ? 'debug'
            : 'trace';
}

// Structured logging: pretty in development, JSON lines in production.
// Every line that marks an event carries a dot-separated `event` field, e.g. `data.import.started`.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'isProduction' | 'NODE_ENV'>): Logger {
  const pretty = !config.isProduction && config.NODE_ENV !== 'test' && process.stdout.isTTY;
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'race-engineer' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } } }
      : {}),
  });
}

/** A logger that writes nothing: the default for library code called from tests. */
export const silentLogger: Logger = pino({ level: 'silent' });

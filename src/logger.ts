// Structured logging: pretty in development, JSON lines in production.
// Every line that marks an event carries a dot-separated `event` field, e.g. `data.import.started`.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export interface LoggerOptions {
  /** File descriptor the lines go to. The CLI passes 2 so stdout carries only a command's output. */
  fd?: 1 | 2;
}

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'isProduction' | 'NODE_ENV'>,
  { fd = 1 }: LoggerOptions = {},
): Logger {
  const tty = fd === 2 ? process.stderr.isTTY : process.stdout.isTTY;
  const pretty = !config.isProduction && config.NODE_ENV !== 'test' && tty;
  const options = { level: config.LOG_LEVEL, base: { service: 'race-engineer' } };
  if (pretty) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, ignore: 'pid,hostname,service', destination: fd },
      },
    });
  }
  return pino(options, pino.destination(fd));
}

/** A logger that writes nothing: the default for library code called from tests. */
export const silentLogger: Logger = pino({ level: 'silent' });

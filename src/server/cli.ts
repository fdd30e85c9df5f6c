import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { startServer } from './serve.ts';

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description(
      'run the HTTP API (imports the F1 database first when it is missing and a source is configured)',
    )
    .option('-p, --port <port>', 'port (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const config = ctx.config();
      if (opts.port) config.PORT = Number(opts.port);
      await startServer(config, ctx.logger());
    });
}

import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { badRequest } from '../errors.ts';
import { openStore } from '../store/store.ts';
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

  // API tokens kept (hashed) in the run-time store: with DATABASE_URL, every node accepts them at once.
  const tokens = program.command('tokens').description('API tokens kept in the run-time store');
  const withStore = async <T>(fn: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> => {
    const store = openStore(ctx.config());
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };
  tokens
    .command('create <name>')
    .description('make a token (printed once; only its hash is kept)')
    .action(async (name: string) => {
      if (!name.trim() || name.length > 100) throw badRequest('A token name is 1 to 100 characters.');
      const made = await withStore((s) => s.tokens.create(name.trim()));
      console.log(made.token);
      console.error(`token for "${made.name}" made; its owner id is ${made.owner}`);
    });
  tokens
    .command('list')
    .description('list tokens (owner id, name, made, revoked)')
    .action(async () => {
      for (const t of await withStore((s) => s.tokens.list()))
        console.log([t.owner, t.name, t.createdAt, t.revokedAt ?? 'live'].join('\t'));
    });
  tokens
    .command('revoke <owner>')
    .description('revoke a token by its owner id (token:…, as list shows)')
    .action(async (owner: string) => {
      if (!(await withStore((s) => s.tokens.revoke(owner)))) throw badRequest(`No live token ${owner}.`);
      console.error(`revoked ${owner}`);
    });
}

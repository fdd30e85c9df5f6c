import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { badRequest } from '../errors.ts';
import { openStore } from '../store/store.ts';
import { startServer } from './serve.ts';
import { startCluster } from './cluster.ts';

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

  program
    .command('cluster')
    .description(
      'run a local cluster: N nodes sharing PostgreSQL (DATABASE_URL), Redis and Chroma, behind nginx (deploy/nginx.conf)',
    )
    .option('-n, --nodes <n>', 'server nodes', '2')
    .option('-p, --port <port>', "nginx's port", '8080')
    .option('--dir <dir>', 'logs and configuration (default: a temporary folder)')
    .action(async (opts: { nodes: string; port: string; dir?: string }) => {
      const config = ctx.config();
      if (!config.DATABASE_URL)
        throw badRequest('A cluster keeps its state in PostgreSQL: set DATABASE_URL=postgres://…');
      const nodes = Number(opts.nodes);
      const port = Number(opts.port);
      if (!Number.isInteger(nodes) || nodes < 1 || nodes > 8) throw badRequest('--nodes is 1 to 8.');
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw badRequest('--port is 0 to 65535.');
      const cluster = await startCluster({
        databaseUrl: config.DATABASE_URL,
        nodes,
        port,
        ...(opts.dir ? { dir: opts.dir } : {}),
        ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
        ...(process.env.CHROMA_URL ? { chromaUrl: process.env.CHROMA_URL } : {}),
        log: (line) => console.error(`cluster: ${line}`),
      });
      console.log(cluster.url);
      console.error(`cluster: up; logs in ${cluster.dir}; Ctrl-C stops it`);
      await new Promise<void>((done) => {
        const stop = () => void cluster.stop().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
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

// `race-engineer mcp`: the MCP server on stdin/stdout for desktop AI clients. stdout carries the
// protocol only, so logs go to stderr.
import type { Command } from 'commander';
import pino from 'pino';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliContext } from '../cli.ts';
import { openDatabase, type Db } from '../data/db.ts';
import { createMcpServer } from './server.ts';

export function registerMcpCommands(program: Command, ctx: CliContext): void {
  program
    .command('mcp')
    .description('Run the MCP server on stdio (for Claude Desktop, Cursor, Claude Code)')
    .action(async () => {
      const config = ctx.config();
      const logger = pino(
        { level: config.LOG_LEVEL, base: { service: 'race-engineer-mcp' } },
        pino.destination(2),
      );
      let db: Db | undefined;
      const server = createMcpServer({
        config,
        logger,
        db: () => (db ??= openDatabase(config.DATABASE_PATH)),
      });
      const transport = new StdioServerTransport();
      await server.connect(transport);
      logger.info({ event: 'mcp.stdio.started', database: config.DATABASE_PATH }, 'MCP server on stdio');
      await new Promise<void>((done) => {
        server.onclose = done;
        process.stdin.once('end', done);
      });
      await server.close();
      db?.close();
    });
}

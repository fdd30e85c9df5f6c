// MCP over streamable HTTP at /mcp, stateless: each POST gets its own server and transport (the SDK's
// stateless pattern), so nothing is kept between requests and any number of clients can call in.
// Responses stream as SSE, which carries progress notifications of long tools before the result.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance } from 'fastify';
import { allowedHosts, type Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../data/db.ts';
import type { ChatStore } from '../agent/chats.ts';
import type { Identities } from '../agent/identity.ts';
import { isAppError } from '../errors.ts';
import { hostAllowed } from '../server/hosts.ts';
import { createMcpServer } from './server.ts';
import type { ProvisionalLookup } from '../data/provisional/service.ts';

export const MCP_PATH = '/mcp';

/**
 * The MCP specification asks HTTP servers to check Origin against DNS rebinding: a web page must not
 * drive a local server. Clients outside browsers send no Origin; a browser's Origin must be listed in
 * ALLOWED_ORIGINS or name one of this server's own hosts (ALLOWED_HOSTS) — never compared with the Host
 * header, which a rebound page controls as much as its Origin.
 */
export function originAllowed(origin: string | undefined, origins: string[], hosts: string[]): boolean {
  if (!origin) return true;
  if (origins.includes(origin) || origins.includes('*')) return true;
  try {
    return hostAllowed(
      new URL(origin).host,
      hosts.filter((h) => h !== '*'),
    );
  } catch {
    return false;
  }
}

/** What /mcp needs; the server's context owns each of them. */
export interface McpRouteDeps {
  config: Config;
  logger: Logger;
  db(): Db;
  chats: ChatStore;
  identities: Identities;
  provisional?: ProvisionalLookup;
}

/** /mcp as a Fastify plugin: `app.register(registerMcpRoutes, deps)`. */
export async function registerMcpRoutes(app: FastifyInstance, ctx: McpRouteDeps): Promise<void> {
  const hosts = allowedHosts(ctx.config);
  app.post(MCP_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!originAllowed(req.headers.origin, ctx.config.ALLOWED_ORIGINS, hosts)) {
      return reply
        .code(403)
        .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Origin not allowed' }, id: null });
    }
    let owner: string | undefined;
    try {
      owner = (await ctx.identities.identify(req, reply, { issue: false }))?.owner;
    } catch (err) {
      if (!isAppError(err)) throw err;
      return reply
        .code(401)
        .send({ jsonrpc: '2.0', error: { code: -32001, message: err.message }, id: null });
    }
    const server = createMcpServer({
      config: ctx.config,
      logger: ctx.logger,
      db: () => ctx.db(),
      ...(owner ? { owner, chats: ctx.chats } : {}),
      ...(ctx.provisional ? { provisional: ctx.provisional } : {}),
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req.raw, reply.raw, req.body);
    } catch (err) {
      ctx.logger.error({ event: 'mcp.http.error', err }, 'MCP request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }),
        );
      }
    }
  });
  // Stateless server: no standalone SSE stream and no sessions to delete.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: MCP_PATH,
      schema: { hide: true },
      handler: async (_req, reply) =>
        reply
          .code(405)
          .header('allow', 'POST')
          .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }),
    });
  }
}

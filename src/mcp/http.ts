// MCP over streamable HTTP at /mcp, stateless: each POST gets its own server and transport (the SDK's
// stateless pattern), so nothing is kept between requests and any number of clients can call in.
// Responses stream as SSE, which carries progress notifications of long tools before the result.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { App } from '../server/app.ts';
import type { AppContext } from '../server/context.ts';
import { createMcpServer } from './server.ts';

export const MCP_PATH = '/mcp';

/**
 * The MCP specification asks HTTP servers to check Origin against DNS rebinding: a web page must not
 * drive a local server. Clients outside browsers send no Origin; browsers must be same-origin or listed
 * in ALLOWED_ORIGINS.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin) || allowed.includes('*')) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function registerMcpRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(MCP_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!originAllowed(req.headers.origin, req.headers.host, ctx.config.ALLOWED_ORIGINS)) {
      return reply
        .code(403)
        .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Origin not allowed' }, id: null });
    }
    const server = createMcpServer({ config: ctx.config, logger: ctx.logger, db: () => ctx.db() });
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

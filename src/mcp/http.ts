// MCP over streamable HTTP at /mcp, stateless: each POST gets its own server and transport (the SDK's
// stateless pattern), so nothing is kept between requests and any number of clients can call in.
// Responses stream as SSE, which carries progress notifications of long tools before the result.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { App } from '../server/app.ts';
import type { AppContext } from '../server/context.ts';
import { createMcpServer } from './server.ts';

export const MCP_PATH = '/mcp';

export async function registerMcpRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(MCP_PATH, { schema: { hide: true } }, async (req, reply) => {
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

// GET /metrics: Prometheus text format (src/server/metrics.ts lists what is measured). Scrapers reach each
// node directly (deploy/nginx.conf does not forward /metrics from outside).
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';

export async function registerMetricsRoute(app: App, ctx: AppContext): Promise<void> {
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', ctx.metrics.contentType).send(await ctx.metrics.text()),
  );
}

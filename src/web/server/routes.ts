// What the server adds for the web app: the track outline endpoint and the built client itself
// (dist/web) at `/`, with any other HTML navigation falling back to index.html so client routes such as
// /standings survive a reload.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../errors.ts';
import { OutlineStore } from './outline.ts';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export async function registerWebRoutes(app: App, ctx: AppContext, distDir = WEB_DIST_DIR): Promise<void> {
  const outlines = new OutlineStore(ctx.config.CIRCUITS_GEOJSON_DIR);

  app.get(
    '/api/circuits/:id/outline',
    {
      schema: {
        tags: ['circuits'],
        summary: 'Track outline of a circuit (lon/lat points) for drawing a map',
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (req) => {
      const { id } = req.params;
      const direct = outlines.byId(id);
      if (direct) return { circuitId: null, ...direct };
      const circuit = ctx
        .db()
        .prepare('SELECT id, name, latitude, longitude FROM circuit WHERE id = ?')
        .get(id) as
        { id: string; name: string; latitude: number | null; longitude: number | null } | undefined;
      if (!circuit) throw new AppError('not_found', `Unknown circuit "${id}"`);
      const outline =
        circuit.latitude !== null && circuit.longitude !== null
          ? outlines.nearest(circuit.latitude, circuit.longitude)
          : undefined;
      if (!outline) throw new AppError('not_found', `No track outline for ${circuit.name}`);
      return { circuitId: circuit.id, ...outline };
    },
  );

  if (!existsSync(`${distDir}index.html`)) {
    ctx.logger.info(
      { event: 'web.not_built', distDir },
      'web app not built (npm run build); serving the API only',
    );
    return;
  }
  // wildcard:false lists the built files once, so unknown paths reach the fallback below.
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (path.startsWith('/api/') || path.startsWith('/docs') || !wantsHtml) {
      throw new AppError('not_found', `No route ${req.method} ${path}`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

// The Ergast-compatible API: GET /ergast/f1/<path> (Jolpica's layout) and /api/f1/<path> (ergast.com's),
// JSON only, read-only, paged with ?limit (default 30, max 100) and ?offset.
import { z } from 'zod';
import type { App } from '../server/app.ts';
import type { AppContext } from '../server/context.ts';
import { badRequest, unavailable } from '../errors.ts';
import { parseErgastPath } from './path.ts';
import { ergastQuery, type Page } from './query.ts';
import { hasErgastCrosswalk } from './crosswalk.ts';
import type { Obj } from './format.ts';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 100;

/** ergast.com printed its XML namespace in the JSON envelope; Jolpica prints an empty one. */
const XMLNS: Record<string, string> = { '/api/f1': 'http://ergast.com/mrd/1.5', '/ergast/f1': '' };

function pageOf(query: Record<string, string | undefined>): Page {
  const int = (name: string, value: string | undefined, def: number) => {
    if (value === undefined || value === '') return def;
    if (!/^\d{1,9}$/.test(value)) throw badRequest(`${name} must be a non-negative integer`);
    return Number(value);
  };
  const limit = Math.min(int('limit', query.limit, DEFAULT_LIMIT), MAX_LIMIT);
  return { limit: limit === 0 ? DEFAULT_LIMIT : limit, offset: int('offset', query.offset, 0) };
}

export interface ErgastRouteOptions {
  /** Injectable clock for `current`, `last` and `next`. */
  now?: () => Date;
}

export async function registerErgastRoutes(
  app: App,
  ctx: AppContext,
  opts: ErgastRouteOptions = {},
): Promise<void> {
  const now = opts.now ?? (() => new Date());
  let checked = false;
  for (const prefix of Object.keys(XMLNS)) {
    app.get(
      `${prefix}/*`,
      {
        schema: {
          tags: ['ergast'],
          summary: `Ergast-compatible API (${prefix === '/api/f1' ? 'ergast.com' : 'Jolpica'} layout)`,
          params: z.object({ '*': z.string() }),
          querystring: z.object({ limit: z.string().optional(), offset: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const db = ctx.db();
        if (!checked) {
          if (!hasErgastCrosswalk(db))
            throw unavailable(
              'The database has no Ergast cross-walk: re-import the data ("race-engineer data import") with ERGAST_CSV_DIR set.',
            );
          checked = true;
        }
        const query = parseErgastPath(req.params['*']);
        const page = pageOf(req.query);
        const { name, table, total } = ergastQuery(db, query, page, {
          now: now(),
          lapsDir: ctx.config.LAPS_DIR,
        });
        const path = req.url.split('?')[0]!;
        const host = req.headers.host ?? `${ctx.config.HOST}:${ctx.config.PORT}`;
        const mrdata: Obj = {
          xmlns: XMLNS[prefix],
          series: 'f1',
          url: `http://${host}${path}`,
          limit: String(page.limit),
          offset: String(page.offset),
          total: String(total),
          [name]: table,
        };
        void reply.header('cache-control', 'public, max-age=60');
        return { MRData: mrdata };
      },
    );
  }
}

// The Ergast-compatible API: GET /api/f1/<path> answers as ergast.com did, /ergast/f1/<path> as Jolpica-F1
// does (query.ts has the differences). JSON only, read-only, paged with ?limit (default 30; at most 1000 on
// ergast.com, 100 on Jolpica) and ?offset.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, badRequest, unavailable } from '../errors.ts';
import { publicBaseUrl, type Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { parseErgastPath, type Dialect } from './path.ts';
import { ergastQuery, type Page } from './query.ts';
import { CROSSWALK_VERSION, ergastCrosswalkVersion, hasErgastCrosswalk } from './crosswalk.ts';
import type { Obj } from './format.ts';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT: Record<Dialect, number> = { ergast: 1000, jolpica: 100 };

/** ergast.com printed its XML namespace in the JSON envelope; Jolpica prints an empty one. */
const DIALECTS: Record<string, { dialect: Dialect; xmlns: string }> = {
  '/api/f1': { dialect: 'ergast', xmlns: 'http://ergast.com/mrd/1.5' },
  '/ergast/f1': { dialect: 'jolpica', xmlns: '' },
};

/** ergast.com rejects a limit or offset that is not a number; Jolpica (Django REST framework's paging)
 * falls back to the default. Both clamp the limit to their maximum and read 0 as the default. */
export function pageOf(query: Record<string, string | undefined>, dialect: Dialect): Page {
  const int = (name: string, value: string | undefined, def: number) => {
    if (value === undefined || value === '') return def;
    if (!/^\d{1,9}$/.test(value)) {
      if (dialect === 'jolpica') return def;
      throw badRequest(`${name} must be a non-negative integer`);
    }
    return Number(value);
  };
  const limit = Math.min(int('limit', query.limit, DEFAULT_LIMIT), MAX_LIMIT[dialect]);
  return { limit: limit === 0 ? DEFAULT_LIMIT : limit, offset: int('offset', query.offset, 0) };
}

export interface ErgastRouteOptions {
  /** Injectable clock for `current`, `last` and `next`. */
  now?: () => Date;
}

/** What the Ergast routes need; the server's context owns each of them. */
export interface ErgastRouteDeps extends ErgastRouteOptions {
  config: Config;
  db(): Db;
}

/** The Ergast-compatible API, as a Fastify plugin: `app.register(registerErgastRoutes, deps)`. */
export async function registerErgastRoutes(root: FastifyInstance, ctx: ErgastRouteDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const opts = ctx;
  const now = opts.now ?? (() => new Date());
  let checked = false;
  for (const [prefix, { dialect, xmlns }] of Object.entries(DIALECTS)) {
    app.get(
      `${prefix}/*`,
      {
        schema: {
          tags: ['ergast'],
          summary: `Ergast-compatible API (as ${dialect === 'ergast' ? 'ergast.com' : 'Jolpica-F1'} answers)`,
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
          if (ergastCrosswalkVersion(db) !== CROSSWALK_VERSION)
            throw unavailable(
              'The database holds an older Ergast cross-walk: rebuild it with "race-engineer ergast crosswalk".',
            );
          checked = true;
        }
        let answer: ReturnType<typeof ergastQuery>;
        let page: Page;
        try {
          const query = parseErgastPath(req.params['*'], dialect);
          page = pageOf(req.query, dialect);
          answer = ergastQuery(db, query, page, { now: now(), lapsDir: ctx.config.LAPS_DIR, dialect });
        } catch (e) {
          // Both services answer a bad request with {"detail": "Bad Request: …"}; the project's error object too.
          if (e instanceof AppError && e.code === 'bad_request')
            return reply.code(400).send({ detail: `Bad Request: ${e.message}`, ...e.toJSON() });
          // Jolpica's not-found (a relative round that does not resolve) reads {"detail": "<message>"}.
          if (e instanceof AppError && e.code === 'not_found')
            return reply.code(404).send({ detail: e.message, ...e.toJSON() });
          throw e;
        }
        const { name, table, total } = answer;
        // Both services print the request's path lower-cased.
        const path = req.url.split('?')[0]!.toLowerCase();
        const mrdata: Obj = {
          xmlns,
          series: 'f1',
          // The configured public base (PUBLIC_URL), never the request's Host: the answer is cached publicly.
          url: `${publicBaseUrl(ctx.config)}${path}`,
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

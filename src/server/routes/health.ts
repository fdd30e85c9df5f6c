import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { readMeta } from '../../data/db.ts';
import { stmt } from '../../data/queries/statements.ts';

export async function registerHealthRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Service status and data version' } },
    async () => {
      const db = ctx.db();
      const meta = readMeta(db);
      const latest = stmt(
        db,
        `SELECT r.year, r.round, r.date, r.official_name AS name FROM race r
         WHERE EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE')
         ORDER BY r.date DESC LIMIT 1`,
      ).get();
      return {
        status: 'ok',
        dataVersion: meta['f1db_version'] ?? null,
        importedAt: meta['imported_at'] ?? null,
        latestRace: latest ?? null,
      };
    },
  );
}

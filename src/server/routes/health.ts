// Health: /api/health (status and data version, as before), /api/health/live (the process answers: a
// liveness probe restarts it otherwise) and /api/health/ready (this node should get traffic: the F1 database
// opens, the run-time store's migrations are applied, the rulebook is opened or deliberately off, and the
// node is not shutting down). A load balancer or orchestrator sends requests only to ready nodes.
import { existsSync } from 'node:fs';
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { readMeta } from '../../data/db.ts';
import { stmt } from '../../data/queries/statements.ts';

type Check = { ok: boolean; detail: string };

/** How long a readiness probe waits for the rulebook to open before answering "not yet". */
const RULEBOOK_WAIT_MS = 3000;

async function readiness(ctx: AppContext): Promise<Record<string, Check>> {
  const checks: Record<string, Check> = {};
  checks.shutdown = ctx.draining
    ? { ok: false, detail: 'shutting down: finishing requests and moving live clients' }
    : { ok: true, detail: 'serving' };
  try {
    const meta = readMeta(ctx.db());
    checks.database = { ok: true, detail: `f1db ${meta['f1db_version'] ?? 'unknown version'}` };
  } catch (err) {
    checks.database = { ok: false, detail: (err as Error).message };
  }
  try {
    await ctx.store.open();
    const applied = await ctx.store.appliedMigrations();
    checks.store = {
      ok: ctx.store.ready(),
      detail: `${ctx.store.backend}, ${applied.length} migrations applied`,
    };
  } catch (err) {
    checks.store = { ok: false, detail: `${ctx.store.backend}: ${(err as Error).message}` };
  }
  const { RULEBOOK_DIR, RULEBOOK_DB_PATH, VECTOR_STORE } = ctx.config;
  if (!RULEBOOK_DIR && !existsSync(RULEBOOK_DB_PATH)) {
    checks.rulebook = { ok: true, detail: 'off (no RULEBOOK_DIR and no index)' };
  } else {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waiting'>((r) => (timer = setTimeout(() => r('waiting'), RULEBOOK_WAIT_MS)));
    try {
      const r = await Promise.race([
        ctx
          .rulebook()
          .init()
          .then(() => 'open' as const),
        waited,
      ]);
      checks.rulebook =
        r === 'open'
          ? { ok: true, detail: `open (${VECTOR_STORE})` }
          : { ok: false, detail: 'still opening' };
    } catch (err) {
      checks.rulebook = { ok: false, detail: `${VECTOR_STORE}: ${(err as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }
  return checks;
}

function ageHours(iso: string | null): number | null {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? null : Math.round(((Date.now() - t) / 3600_000) * 10) / 10;
}

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
      const releaseDate = meta['f1db_release_date'] ?? null;
      const sync = ctx.sync.status();
      return {
        status: 'ok',
        dataVersion: meta['f1db_version'] ?? null,
        importedAt: meta['imported_at'] ?? null,
        latestRace: latest ?? null,
        // Data freshness (docs/data-sync.md): the f1db release, its age, and the server's own sync schedule.
        data: {
          version: meta['f1db_version'] ?? null,
          releaseDate,
          ageHours: ageHours(releaseDate ?? meta['imported_at'] ?? null),
          sync: sync.mode,
          lastCheck: sync.lastCheck,
          nextCheck: sync.nextCheck,
          fastPolling: sync.fastReason,
        },
      };
    },
  );

  app.get(
    '/api/health/live',
    { schema: { tags: ['meta'], summary: 'Liveness: the process answers' } },
    async () => ({ status: 'live' }),
  );

  app.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['meta'],
        summary:
          'Readiness: database open, store migrated, rulebook open or off, not shutting down (else 503)',
      },
    },
    async (_req, reply) => {
      const checks = await readiness(ctx);
      const failed = Object.entries(checks).filter(([, c]) => !c.ok);
      if (failed.length === 0) return { status: 'ready', checks };
      return reply.status(503).send({
        status: 'unready',
        checks,
        error: {
          code: 'unavailable',
          message: `Not ready: ${failed.map(([name, c]) => `${name} (${c.detail})`).join('; ')}`,
        },
      });
    },
  );
}

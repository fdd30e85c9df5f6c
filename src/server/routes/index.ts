// The server composes the domains: each exports a Fastify plugin and receives the services it needs from
// the context (src/server/context.ts), which owns them.
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMetricsRoute } from './metrics.ts';
import { registerAnalysisRoutes } from '../../analysis/routes.ts';
import { registerLiveRoutes } from '../../live/routes.ts';
import { registerAgentRoutes } from '../../agent/routes.ts';
import { registerDataRoutes } from './data.ts';
import { registerErgastRoutes } from '../../ergast/routes.ts';
import { registerMcpRoutes } from '../../mcp/http.ts';
import { registerRulebookRoutes } from '../../rulebook/routes.ts';
import { registerWebRoutes } from '../../web/server/routes.ts';
import { registerNotifications } from '../../notify/plugin.ts';
import { registerProvisionalRoutes } from '../../data/provisional/routes.ts';

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  await registerHealthRoutes(app, ctx);
  await registerMetricsRoute(app, ctx);
  await app.register(registerAnalysisRoutes, {
    config: ctx.config,
    db: () => ctx.db(),
    tracker: ctx.store.tracker,
    trackerExists: () => ctx.store.trackerExists(),
  });
  await app.register(registerLiveRoutes, {
    get live() {
      return ctx.live;
    },
  });
  await app.register(registerAgentRoutes, {
    config: ctx.config,
    get agent() {
      return ctx.agent;
    },
    chats: ctx.store.chats,
    identities: ctx.identities,
  });
  await registerDataRoutes(app, ctx);
  await app.register(registerErgastRoutes, { config: ctx.config, db: () => ctx.db() });
  await app.register(registerMcpRoutes, {
    config: ctx.config,
    logger: ctx.logger,
    db: () => ctx.db(),
    chats: ctx.store.chats,
    identities: ctx.identities,
    provisional: ctx.provisional.lookup,
  });
  await app.register(registerProvisionalRoutes, {
    config: ctx.config,
    logger: ctx.logger,
    db: () => ctx.db(),
    provisional: ctx.provisional,
    live: () => ctx.live,
  });
  await app.register(registerRulebookRoutes, { rulebook: () => ctx.rulebook() });
  await app.register(registerNotifications, {
    config: ctx.config,
    logger: ctx.logger,
    db: () => ctx.db(),
    notify: ctx.notify,
    identities: ctx.identities,
    live: () => ctx.live,
  });
  await registerWebRoutes(app, ctx);
}

// Every domain registers its routes here.
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { registerHealthRoutes } from './health.ts';
import { registerAnalysisRoutes } from '../../analysis/routes.ts';
import { registerLiveRoutes } from '../../live/routes.ts';
import { registerAgentRoutes } from '../../agent/routes.ts';
import { registerDataRoutes } from './data.ts';
import { registerErgastRoutes } from '../../ergast/routes.ts';
import { registerMcpRoutes } from '../../mcp/http.ts';
import { registerRulebookRoutes } from '../../rulebook/routes.ts';
import { registerWebRoutes } from '../../web/server/routes.ts';

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  await registerHealthRoutes(app, ctx);
  await registerAnalysisRoutes(app, ctx);
  await registerLiveRoutes(app, ctx);
  await registerAgentRoutes(app, ctx);
  await registerDataRoutes(app, ctx);
  await registerErgastRoutes(app, ctx);
  await registerMcpRoutes(app, ctx);
  await registerRulebookRoutes(app, ctx);
  await registerWebRoutes(app, ctx);
}

// The F1 data routes (seasons, schedule, races, standings, drivers, constructors, circuits, compare),
// thin wrappers over the query layer in src/data/queries.
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { registerSeasonRoutes } from './seasons.ts';
import { registerRaceRoutes } from './races.ts';
import { registerStandingsRoutes } from './standings.ts';
import { registerPeopleRoutes } from './people.ts';
import { registerCompareRoutes } from './compare.ts';

export async function registerDataRoutes(app: App, ctx: AppContext): Promise<void> {
  await registerSeasonRoutes(app, ctx);
  await registerRaceRoutes(app, ctx);
  await registerStandingsRoutes(app, ctx);
  await registerPeopleRoutes(app, ctx);
  await registerCompareRoutes(app, ctx);
}

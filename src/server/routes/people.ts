// Drivers, constructors and circuits: lists, search and profiles.
import { z } from 'zod';
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { getDriver, listDrivers } from '../../data/queries/drivers.ts';
import { getConstructor, listConstructors } from '../../data/queries/constructors.ts';
import { getCircuit, listCircuits } from '../../data/queries/circuits.ts';
import { listQuery, name } from '../../http/params.ts';

const idParams = (what: string) => z.object({ id: name(what) });

export async function registerPeopleRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/drivers',
    {
      schema: {
        tags: ['drivers'],
        summary: 'Search drivers',
        description:
          'By name, surname, code or part of a name (accent-insensitive), optionally within a season. ' +
          "Without `search`: the season's entrants (default the latest season).",
        querystring: listQuery,
      },
    },
    async (req) => ({ drivers: listDrivers(ctx.db(), req.query) }),
  );
  app.get(
    '/api/drivers/:id',
    {
      schema: {
        tags: ['drivers'],
        summary: 'Driver profile and career',
        description:
          'The driver by f1db id, code, race number or name (`max-verstappen`, `VER`, `33`, `verstappen`). ' +
          'Career totals: starts, wins, poles, podiums, fastest laps, points, titles, seasons; then each season.',
        params: idParams('Driver id, code, number or name'),
      },
    },
    async (req) => getDriver(ctx.db(), req.params.id),
  );
  app.get(
    '/api/constructors',
    {
      schema: {
        tags: ['constructors'],
        summary: 'Search constructors',
        description: "By name; without `search`: the season's constructors (default the latest season).",
        querystring: listQuery,
      },
    },
    async (req) => ({ constructors: listConstructors(ctx.db(), req.query) }),
  );
  app.get(
    '/api/constructors/:id',
    {
      schema: {
        tags: ['constructors'],
        summary: 'Constructor profile and career',
        description:
          'By f1db id or name (`red-bull`, `red bull`, `Scuderia Ferrari`): lineage, totals, seasons.',
        params: idParams('Constructor id or name'),
      },
    },
    async (req) => getConstructor(ctx.db(), req.params.id),
  );
  app.get(
    '/api/circuits',
    { schema: { tags: ['circuits'], summary: 'Every circuit in the data' } },
    async () => ({ circuits: listCircuits(ctx.db()) }),
  );
  app.get(
    '/api/circuits/:id',
    {
      schema: {
        tags: ['circuits'],
        summary: 'Circuit facts and history',
        description:
          'By f1db id, name or town (`monza`, `Spa`): location, length, turns, layouts, races and winners.',
        params: idParams('Circuit id or name'),
      },
    },
    async (req) => getCircuit(ctx.db(), req.params.id),
  );
}

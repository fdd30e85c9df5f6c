// `race-engineer notify simulate --season 2025 --round 20`: one weekend of reminders and alerts, replayed.
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { openDatabase } from '../data/db.ts';
import { badRequest } from '../errors.ts';
import { RecordingCatalog } from '../live/recordings/catalog.ts';
import { entrantsFromDb } from '../live/recordings/entrants.ts';
import { formatSimulation, simulateWeekend } from './simulate.ts';

export function registerNotifyCommands(program: Command, ctx: CliContext): void {
  const notify = program.command('notify').description('push notifications');
  notify
    .command('simulate')
    .description('replay one race weekend through reminders and alerts against a local push service')
    .requiredOption('--season <year>', 'season')
    .requiredOption('--round <n>', 'round')
    .option('--nodes <n>', 'scheduler nodes sharing the store', '2')
    .option('--json', 'print JSON')
    .action(async (opts: { season: string; round: string; nodes: string; json?: boolean }) => {
      const [season, round, nodes] = [opts.season, opts.round, opts.nodes].map(Number) as [
        number,
        number,
        number,
      ];
      if (![season, round, nodes].every((n) => Number.isInteger(n) && n > 0))
        throw badRequest('--season, --round and --nodes are whole numbers');
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH);
      const catalog = new RecordingCatalog({
        livetimingDir: config.LIVETIMING_DIR,
        lapsDir: config.LAPS_DIR,
        lapsCacheDir: config.ANALYSIS_CACHE_DIR,
        openf1Dir: config.OPENF1_DIR,
        entrants: entrantsFromDb(() => db),
      });
      try {
        const report = await simulateWeekend({
          db,
          catalog,
          config,
          season,
          round,
          nodes,
          logger: ctx.logger(),
        });
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatSimulation(report));
      } finally {
        db.close();
      }
    });
}

// Live-timing commands: `race-engineer eval live` replays recordings of every kind to their end and compares
// the tower with the official result.
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { openDatabase } from '../data/db.ts';
import { evalLive, formatLiveEval, LIVE_EVAL_CASES } from './eval.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { entrantsFromDb } from './recordings/entrants.ts';

export function registerLiveCommands(program: Command, ctx: CliContext): void {
  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('measure quality on question sets');
  evalCmd
    .command('live')
    .description('replay recordings of every source to their end and compare with the official f1db result')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
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
        const rows = await evalLive(catalog, db, LIVE_EVAL_CASES, (c) =>
          process.stderr.write(`replaying ${c.label}…\n`),
        );
        console.log(opts.json ? JSON.stringify(rows, null, 2) : formatLiveEval(rows));
      } finally {
        db.close();
      }
    });
}

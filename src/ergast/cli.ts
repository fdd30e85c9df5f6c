// `race-engineer ergast crosswalk`: (re)builds the Ergast id cross-walk inside an existing database (`data
// import` builds it too; this command serves older databases or a new ERGAST_CSV_DIR without re-importing).
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { openDatabase } from '../data/db.ts';
import { buildErgastCrosswalk } from './crosswalk.ts';

export function registerErgastCommands(program: Command, ctx: CliContext): void {
  const ergast = program.command('ergast').description('the Ergast-compatible API');
  ergast
    .command('crosswalk')
    .description('match f1db to Ergast ids (from ERGAST_CSV_DIR, else derived) inside DATABASE_PATH')
    .option('--csv <dir>', 'Ergast CSV folder (default: ERGAST_CSV_DIR)')
    .action((opts: { csv?: string }) => {
      const config = ctx.config();
      const db = openDatabase(config.DATABASE_PATH, { readonly: false });
      try {
        const s = buildErgastCrosswalk(db, opts.csv ?? config.ERGAST_CSV_DIR, ctx.logger());
        console.log(
          `Ergast cross-walk in ${config.DATABASE_PATH} (${(s.ms / 1000).toFixed(1)} s): ` +
            `drivers ${s.drivers.matched} matched + ${s.drivers.derived} derived, ` +
            `constructors ${s.constructors.matched} + ${s.constructors.derived}, ` +
            `circuits ${s.circuits.matched} + ${s.circuits.derived}, races ${s.races.matched} + ${s.races.derived}`,
        );
      } finally {
        db.close();
      }
    });
}

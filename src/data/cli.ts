import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { F1DB_DEFAULT_SOURCE_URL } from '../config.ts';
import { importF1db } from './import/importer.ts';
import { ergastCrosswalkStep } from '../ergast/crosswalk.ts';

export function registerDataCommands(program: Command, ctx: CliContext): void {
  const data = program.command('data').description('the embedded F1 database');
  data
    .command('import')
    .description('import the f1db source tree (a directory or a source tarball URL) into SQLite')
    .option(
      '--from <source>',
      'f1db source directory or tarball URL (default: F1DB_DIR, else F1DB_SOURCE_URL)',
    )
    .action(async (opts: { from?: string }) => {
      const config = ctx.config();
      const summary = await importF1db({
        source: opts.from ?? config.F1DB_DIR ?? config.F1DB_SOURCE_URL ?? F1DB_DEFAULT_SOURCE_URL,
        dbPath: config.DATABASE_PATH,
        logger: ctx.logger(),
        progress: process.stderr.isTTY,
        extraSteps: [ergastCrosswalkStep(config.ERGAST_CSV_DIR)],
      });
      console.log(
        `Imported f1db ${summary.f1dbVersion} into ${summary.dbPath} in ${(summary.durationMs / 1000).toFixed(1)} s`,
      );
    });
}

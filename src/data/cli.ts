import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { F1DB_DEFAULT_SOURCE_URL } from '../config.ts';
import { importF1db } from './import/importer.ts';
import { ergastCrosswalkStep } from '../ergast/crosswalk.ts';
import { parseOnly, parseSeasons, planSync, runSync } from './sync/run.ts';
import { runLapsCheck } from './laps/check-run.ts';

export function registerDataCommands(program: Command, ctx: CliContext): void {
  const data = program.command('data').description('the embedded F1 database');
  data
    .command('import')
    .description('import the f1db source tree (a directory or a source tarball URL) into SQLite')
    .option(
      '--from <source>',
      'f1db source directory or tarball URL (default: F1DB_DIR, else F1DB_SOURCE_URL)',
    )
    .option('--force', 're-import even when the database already holds this source')
    .action(async (opts: { from?: string; force?: boolean }) => {
      const config = ctx.config();
      const summary = await importF1db({
        source: opts.from ?? config.F1DB_DIR ?? config.F1DB_SOURCE_URL ?? F1DB_DEFAULT_SOURCE_URL,
        dbPath: config.DATABASE_PATH,
        logger: ctx.logger(),
        progress: process.stderr.isTTY,
        skipIfCurrent: !opts.force,
        extraSteps: [ergastCrosswalkStep(config.ERGAST_CSV_DIR)],
      });
      console.log(
        summary.skipped
          ? `f1db ${summary.f1dbVersion} in ${summary.dbPath} is current (checked in ${(summary.durationMs / 1000).toFixed(2)} s; --force re-imports)`
          : `Imported f1db ${summary.f1dbVersion} into ${summary.dbPath} in ${(summary.durationMs / 1000).toFixed(1)} s`,
      );
    });

  data
    .command('laps-check')
    .description(
      'build the lap tables of the recorded/synced timing sessions and print how they agree with f1db and the lap-table CSVs',
    )
    .action(() => {
      const lines = runLapsCheck(ctx.config());
      if (lines.length === 0)
        console.log('laps-check: no recorded session found (LIVETIMING_DIR, TIMING_DIR)');
      for (const l of lines) console.log(l.text);
    });

  data
    .command('sync')
    .description(
      'fetch what is missing or changed from the public sources (f1db releases, timing, OpenF1, rulebook)',
    )
    .option('--only <sources>', 'comma-separated: f1db, timing, openf1, rulebook (default: all)')
    .option('--seasons <range>', 'seasons to sync, e.g. 2018-2026 or 2025 (timing, OpenF1, rulebook)')
    .option('--dry-run', 'list what would be fetched, fetch nothing')
    .action(async (opts: { only?: string; seasons?: string; dryRun?: boolean }) => {
      const config = ctx.config();
      const common = {
        config,
        logger: ctx.logger(),
        only: opts.only ? parseOnly(opts.only) : undefined,
        seasons: opts.seasons ? parseSeasons(opts.seasons) : null,
        progress: process.stderr.isTTY,
      };
      if (opts.dryRun) {
        for (const p of await planSync(common)) {
          if (!p.plan) {
            console.log(`${p.source}: cannot check (${p.error})`);
            continue;
          }
          console.log(`${p.source}: ${p.plan.note}${p.plan.items.length ? '' : ' — nothing to fetch'}`);
          for (const item of p.plan.items)
            console.log(
              `  would fetch ${item.label}${item.url ? ` ${item.url}` : ''}${item.bytes ? ` (${(item.bytes / 1e6).toFixed(1)} MB)` : ''}`,
            );
        }
        return;
      }
      const run = await runSync(common);
      for (const o of run.outcomes)
        console.log(
          `${o.source}: ${o.changed ? 'updated' : 'unchanged'} — ${o.summary} (${o.requests} requests, ${(o.bytes / 1e6).toFixed(1)} MB, ${(o.ms / 1000).toFixed(1)} s)`,
        );
      for (const s of run.skipped) console.log(`${s.source}: skipped — ${s.reason}`);
      for (const f of run.failures) console.log(`${f.source}: failed — ${f.error}`);
      const changed = run.outcomes.filter((o) => o.changed).length;
      console.log(
        `sync: ${changed} source${changed === 1 ? '' : 's'} updated, ${run.outcomes.length - changed} unchanged, ${run.failures.length} failed in ${(run.ms / 1000).toFixed(1)} s`,
      );
      if (run.failures.length) process.exitCode = 1;
    });
}

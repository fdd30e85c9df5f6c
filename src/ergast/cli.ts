// `race-engineer ergast crosswalk`: (re)builds the Ergast id cross-walk inside an existing database (`data
// import` builds it too; this command serves older databases or a new ERGAST_CSV_DIR without re-importing).
// `race-engineer ergast conformance`: compares our answers with recorded (or derived) real responses and
// prints fields and responses equal per sample and in total.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { openDatabase } from '../data/db.ts';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { silentLogger } from '../logger.ts';
import { buildErgastCrosswalk } from './crosswalk.ts';
import {
  classTable,
  formatClassTable,
  formatReport,
  readSamples,
  runConformance,
  type ConformanceReport,
} from './conformance.ts';

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
  ergast
    .command('conformance')
    .description(
      'compare the API with recorded responses (default: EVAL_DIR/ergast-samples and src/ergast/samples)',
    )
    .argument('[dirs...]', 'folders of samples (recorded <path with @>.json, or {url, status, body})')
    .option('--quiet', 'print only the totals of each folder')
    .option('--classes', 'print only the table per difference class (responses and fields differing)')
    .option(
      '--checkout <dir>',
      "ask the server of another checkout (e.g. a git worktree of an older commit, with its own DATABASE_PATH) with this checkout's samples",
    )
    .action(async (dirs: string[], opts: { quiet?: boolean; classes?: boolean; checkout?: string }) => {
      const config = ctx.config();
      const folders = dirs.length
        ? dirs.map((d) => resolve(d))
        : [
            join(process.env.EVAL_DIR ?? resolve('../shared/eval'), 'ergast-samples'),
            join(dirname(fileURLToPath(import.meta.url)), 'samples'),
          ].filter((d) => existsSync(d));
      // Another checkout's server: its own app, context and configuration reader (same entry points).
      const server = opts.checkout
        ? {
            buildApp: (
              (await import(resolve(opts.checkout, 'src/server/app.ts'))) as { buildApp: typeof buildApp }
            ).buildApp,
            createContext: (
              (await import(resolve(opts.checkout, 'src/server/context.ts'))) as {
                createContext: typeof createContext;
              }
            ).createContext,
            config: (
              (await import(resolve(opts.checkout, 'src/config.ts'))) as {
                loadConfig: (e: NodeJS.ProcessEnv) => typeof config;
              }
            ).loadConfig(process.env),
          }
        : { buildApp, createContext, config };
      const appCtx = server.createContext(server.config, silentLogger);
      const app = await server.buildApp(server.config, silentLogger, appCtx);
      try {
        const reports: ConformanceReport[] = [];
        for (const dir of folders) {
          const report = await runConformance(readSamples(dir), async (url) => {
            const res = await app.inject({ url });
            let body: unknown;
            try {
              body = res.json() as unknown;
            } catch {
              body = res.body; // an older server's non-JSON error page
            }
            return { status: res.statusCode, body };
          });
          reports.push(report);
          if (opts.classes) continue;
          const text = formatReport(report, dir);
          console.log(opts.quiet ? [text.split('\n')[0], text.split('\n').at(-1)].join('\n') : text);
        }
        if (opts.classes) console.log(formatClassTable(classTable(reports)));
      } finally {
        await app.close();
        await appCtx.close();
      }
    });
}

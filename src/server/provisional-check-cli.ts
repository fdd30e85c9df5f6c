// `race-engineer data provisional-check --recording <dir>` (see provisional-check.ts): prints the
// provisional-result figure. Registered under `data` by src/cli.ts; it lives here because it runs a server.
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { runProvisionalCheck } from './provisional-check.ts';

const out = (line: string) => void process.stdout.write(`${line}\n`);

export function registerProvisionalCommands(data: Command, ctx: CliContext): void {
  data
    .command('provisional-check')
    .description(
      'replay a race recording through the live ingest and report when its provisional result is answerable',
    )
    .requiredOption('--recording <dir>', 'a live-timing race recording (folder with session_info.json)')
    .option('--speed <x>', 'replay speed, 1-60', '60')
    .option('--lead <minutes>', 'start this many replay minutes before the chequered flag', '5')
    .action(async (opts: { recording: string; speed: string; lead: string }) => {
      const r = await runProvisionalCheck(ctx.config(), ctx.logger(), {
        recording: opts.recording,
        speed: Number(opts.speed),
        leadMinutes: Number(opts.lead),
      });
      out(`${r.recording}: ${r.year} round ${r.round}`);
      out(
        `provisional result answerable ${r.minutesAfterFlag.toFixed(2)} min (replay clock) after the chequered flag ` +
          `(flag at ${(r.flagMs / 60_000).toFixed(1)} min, answered at ${(r.answerableMs / 60_000).toFixed(1)} min; ${r.wallMs} ms wall at ${opts.speed}x)`,
      );
      out(
        `classification vs f1db: ${r.samePositions}/${r.cars} positions equal — ${r.equal ? 'equal' : 'differs'}`,
      );
      out(`agent (offline): ${r.agent}`);
      out(
        r.supersededMs === null
          ? 'f1db release swapped in: still provisional after 10 s (not superseded)'
          : `f1db release swapped in: f1db classification served (provisional: false) after ${r.supersededMs} ms`,
      );
      if (!r.equal || r.supersededMs === null) process.exitCode = 1;
    });
}

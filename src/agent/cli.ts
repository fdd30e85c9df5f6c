// `race-engineer ask [--json] "question"` and `race-engineer eval qa --file <jsonl>` (alias `eval agent`).
import type { Command } from 'commander';
import pino from 'pino';
import type { CliContext } from '../cli.ts';
import { openDatabase, type Db } from '../data/db.ts';
import type { Config } from '../config.ts';
import { Agent } from './service.ts';
import { formatQaReport, readQaFile, runQaEval } from './eval/qa.ts';
import { generateQuestions } from './eval/generated.ts';
import { AppError } from '../errors.ts';
import { timeZoneSchema } from '../time-zone.ts';

/** Logs go to stderr so stdout carries only the answer (or its JSON). */
function cliAgent(config: Config, opts: { offline?: boolean } = {}): { agent: Agent; db: Db } {
  const db = openDatabase(config.DATABASE_PATH);
  const level = config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = pino({ level, base: { service: 'race-engineer' } }, pino.destination(2));
  return { agent: new Agent({ config, logger, db: () => db }, opts.offline ? null : undefined), db };
}

export function registerAgentCommands(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .description('ask the race engineer a question (offline engine unless an LLM is configured)')
    .argument('<question...>', 'the question')
    .option('--json', 'print {answer, engine, tools, sources} as JSON')
    .option('--offline', 'use the offline engine even when an LLM is configured')
    .option('--time-zone <iana>', 'give race start times in this time zone too (e.g. Europe/London)')
    .action(async (words: string[], opts: { json?: boolean; offline?: boolean; timeZone?: string }) => {
      if (opts.timeZone !== undefined && !timeZoneSchema.safeParse(opts.timeZone).success)
        throw new AppError(
          'bad_request',
          `--time-zone: "${opts.timeZone}" is not an IANA time zone (e.g. Europe/London)`,
        );
      const { agent, db } = cliAgent(ctx.config(), opts);
      try {
        const question = words.join(' ');
        const streaming = !opts.json && process.stdout.isTTY;
        const res = await agent.ask({
          question,
          ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
          ...(streaming ? { events: { delta: (t: string) => void process.stdout.write(t) } } : {}),
        });
        if (opts.json) console.log(JSON.stringify(res, null, 2));
        else if (streaming) process.stdout.write('\n');
        else console.log(res.answer);
      } finally {
        db.close();
      }
    });

  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('measure quality on question sets');
  evalCmd
    .command('qa')
    .alias('agent')
    .description('score the agent on an F1 question set (JSONL): accuracy per category, p50/p95 latency')
    .option('--file <jsonl>', 'question file, e.g. ../shared/eval/f1-qa-dev.jsonl')
    .option('--generated <n>', 'instead of a file: n questions generated from the database by templates')
    .option('--seed <n>', 'seed of the generated questions', '1')
    .option('--offline', 'use the offline engine even when an LLM is configured')
    .option('--failures', 'print the questions not answered correctly (wrong, then abstained)')
    .option('--categories', 'also print the table per category')
    .action(
      async (opts: {
        file?: string;
        generated?: string;
        seed: string;
        offline?: boolean;
        failures?: boolean;
        categories?: boolean;
      }) => {
        if (!opts.file && !opts.generated)
          throw new AppError('bad_request', 'Give --file <jsonl> or --generated <n>.');
        const { agent, db } = cliAgent(ctx.config(), opts);
        try {
          const items = opts.file
            ? readQaFile(opts.file)
            : generateQuestions(db, Number(opts.generated), Number(opts.seed));
          // Warm the entity index once so the first question's latency is not the index build.
          await agent.ask({ question: 'who won the last race?' });
          const report = await runQaEval(
            items,
            async (q) => {
              const res = await agent.ask({ question: q });
              return { answer: res.answer, status: res.status };
            },
            (done, total) => {
              if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
            },
          );
          if (process.stderr.isTTY) process.stderr.write('\r');
          const from = opts.file ? `file: ${opts.file}` : `generated: seed ${opts.seed}`;
          console.log(`engine: ${agent.engineName}  ${from}  questions: ${report.total}`);
          console.log(formatQaReport(report, { categories: opts.categories ?? false }));
          if (opts.failures)
            for (const f of [...report.misses].sort((x, y) => x.verdict.localeCompare(y.verdict)).reverse())
              console.log(
                `\n${f.verdict.toUpperCase()} ${f.id}: ${f.question}\n  → ${f.answer.replace(/\n+/g, ' ')}`,
              );
        } finally {
          db.close();
        }
      },
    );
}
